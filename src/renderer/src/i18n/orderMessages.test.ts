import { describe, expect, it } from 'vitest'
import { checkOrderFields } from '../../../shared/order-fields'
import { SERVICE_TYPES } from '../../../shared/reference'
import { enOrderRules } from './en.orderRules'
import { matchRule, translateFieldMessage, translateMessage } from './messages'
import { fixedTranslators } from './testing'

const { english, chinese } = fixedTranslators()

// A value for each placeholder the order rules use, of the kind the hosts put there.
const SAMPLE: Record<string, string> = { n: '20', id: '7', code: '1021', currency: 'CNY', direction: 'payout', status: 'unknown', permission: 'OPERATION_PAYOUT_GLOBAL_WRITE' }

function filled(template: string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => SAMPLE[name] ?? `${name}-1`)
}

describe('order rule messages', () => {
  it('are each matched back to their own template', () => {
    for (const [key, template] of Object.entries(enOrderRules)) expect(matchRule(filled(template))?.key, key).toBe(key)
  })

  it('read the same in English as the host wrote them, directions and statuses in lower case', () => {
    for (const message of ['is required for CNY bank card deposits', 'Order D202611220000001 is already failed', 'channel "TH SCB Payout" has too little balance (0.00 available)']) {
      expect(translateMessage(message, english)).toBe(message)
    }
    expect(translateMessage('Outbox item 3 is in_flight', english)).toBe('Outbox item 3 is being sent')
  })

  it('name statuses, directions and refusals in Chinese', () => {
    expect(translateMessage('Order D202611220000001 is already failed', chinese)).toBe('订单 D202611220000001 已是失败状态')
    expect(translateMessage('Payout P202611220000004 has already been sent to the provider and cannot be cancelled', chinese)).toBe('代付订单 P202611220000004 已发送至上游，无法取消')
    expect(translateMessage('Deposit D1 is succeeded; only an unpaid deposit can be closed', chinese)).toBe('代收订单 D1 当前状态为成功；只有未支付的代收订单可以关闭')
    expect(translateFieldMessage('fields.bankCode: is not a bank of the TH bank list (20 banks)', 'fields.bankCode', chinese)).toBe('不是 TH 银行列表中的银行（共 20 家）')
    expect(translateMessage('Creating payouts for a merchant needs OPERATION_PAYOUT_GLOBAL_WRITE (1022), or a user bound to that merchant', chinese)).toBe(
      '为商户创建代付订单需要“为任意商户创建代付订单”（1022）权限，或使用绑定该商户的用户'
    )
  })

  it('cover every refusal of the shared order-field checks, for every service type and direction', () => {
    const bad = { payerName: '1', cardNumber: 'x', remarkCode: '!', bankCode: 'NOPE', phone: 'x', idNumber: '!', recipientName: '1', recipientAccount: '!', network: 'X' }
    for (const type of SERVICE_TYPES) {
      for (const direction of ['deposit', 'payout'] as const) {
        for (const given of [{}, bad, { ...bad, network: 'TRC20' }, { ...bad, network: 'ERC20' }]) {
          for (const problem of checkOrderFields(type.code, direction, given).problems) expect(matchRule(problem.message), problem.message).not.toBeNull()
        }
      }
    }
  })
})

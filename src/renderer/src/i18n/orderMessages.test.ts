import { describe, expect, it } from 'vitest'
import { serverTextEn } from '../../../shared/i18n/server-text.en'
import { serverTextZhCN } from '../../../shared/i18n/server-text.zh-CN'
import { checkOrderFields } from '../../../shared/order-fields'
import { SERVICE_TYPES } from '../../../shared/reference'
import { permissionTerm, say, term, type ServerText } from '../../../shared/server-text'
import { ApiError } from '../api/error'
import { errorMessage, fieldErrorMessage, translateText } from './messages'
import { fixedTranslators } from './testing'

const { english, chinese } = fixedTranslators()

const refusal = (text: ServerText, field?: string) => new ApiError(409, 'conflict', '(the host’s English)', field, text)
const alreadyFailed = say('error.orders.alreadyFinal', { orderNo: 'D202611220000001', status: term('orderStatus', 'failed') })

describe('order rule messages', () => {
  it('read the same in English as the host wrote them, directions and statuses in lower case', () => {
    const requiredFor = checkOrderFields('CNY_BANK_CARD', 'deposit', {}).problems[0].text
    expect(translateText(requiredFor, english)).toBe('is required for CNY bank card deposits')
    expect(errorMessage(refusal(alreadyFailed), english)).toBe('Order D202611220000001 is already failed')
    expect(translateText(say('error.pair.lowBalance', { name: 'TH SCB Payout', amount: '0.00' }), english)).toBe('channel "TH SCB Payout" has too little balance (0.00 available)')
    expect(errorMessage(refusal(say('error.outbox.notWaiting', { id: 3, status: term('outboxStatus', 'in_flight') })), english)).toBe('Outbox item 3 is being sent')
  })

  it('name statuses, directions and refusals in Chinese', () => {
    expect(errorMessage(refusal(alreadyFailed), chinese)).toBe('订单 D202611220000001 已是失败状态')
    expect(errorMessage(refusal(say('error.orders.payoutAlreadySent', { orderNo: 'P202611220000004' })), chinese)).toBe('代付订单 P202611220000004 已发送至上游，无法取消')
    expect(errorMessage(refusal(say('error.orders.notClosable', { orderNo: 'D1', status: term('orderStatus', 'succeeded') })), chinese)).toBe('代收订单 D1 当前状态为成功；只有未支付的代收订单可以关闭')
    const notInList = checkOrderFields('THAI', 'deposit', { payerName: 'Somchai Prasert', cardNumber: '1234567890', bankCode: 'NOPE' }).problems[0]
    expect(fieldErrorMessage(refusal(notInList.text, notInList.field), chinese)).toMatch(/^不是 TH 银行列表中的银行（共 \d+ 家）$/)
    const needGlobal = say('error.orders.needGlobalCode', { direction: term('directionWord', 'payout'), permission: permissionTerm(1022), code: 1022 })
    expect(errorMessage(refusal(needGlobal), chinese)).toBe('为商户创建代付订单需要“为任意商户创建代付订单”（1022）权限，或使用绑定该商户的用户')
    expect(translateText(checkOrderFields('CNY_BANK_CARD', 'deposit', {}).problems[0].text, chinese)).toBe('人民币银行卡代收订单必须填写此项')
  })

  it('cover every refusal of the shared order-field checks, for every service type and direction, in both languages', () => {
    const bad = { payerName: '1', cardNumber: 'x', remarkCode: '!', bankCode: 'NOPE', phone: 'x', idNumber: '!', recipientName: '1', recipientAccount: '!', network: 'X' }
    let checked = 0
    for (const type of SERVICE_TYPES) {
      for (const direction of ['deposit', 'payout'] as const) {
        for (const given of [{}, bad, { ...bad, network: 'TRC20' }, { ...bad, network: 'ERC20' }]) {
          for (const problem of checkOrderFields(type.code, direction, given).problems) {
            expect(problem.text.code in serverTextEn && problem.text.code in serverTextZhCN, problem.text.code).toBe(true)
            const zh = translateText(problem.text, chinese)
            expect(zh, problem.text.code).not.toBe(translateText(problem.text, english))
            expect(zh, problem.text.code).not.toContain('{{')
            checked++
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50)
  })
})

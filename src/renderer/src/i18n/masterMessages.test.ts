import { describe, expect, it } from 'vitest'
import { contract, type ProcedureName } from '../../../shared/contract'
import { matchRule, translateFieldMessage, translateMessage } from './messages'
import { fixedTranslators } from './testing'

const { chinese: zh } = fixedTranslators()

// Every field of every master-data form given something wrong, so each rule the schemas hold speaks.
const BAD_INPUTS: [ProcedureName, unknown][] = [
  ['contracts.create', { merchantId: 0, settlementCurrency: 'XXX', name: 'a', feeRate: '2.55555', fixedFee: '1,00', refundFee: 'x', disputeFee: '-1', withdrawalFee: '', reserveRate: 'x', reserveHoldDays: 1.5, validFrom: '2026-02-30', validTo: 'tomorrow' }],
  ['contracts.create', { merchantId: 1, settlementCurrency: 'CNY', name: 'Standard', validFrom: '2026-02-01', validTo: '2026-01-01', reserveHoldDays: 'x' }],
  ['contracts.create', {}],
  ['merchants.create', { name: 'A', contactName: 7, contactEmail: 'nobody', contactPhone: 'call me', notifyUrl: 'ftp://x' }],
  ['merchants.create', { name: 'Acme', contactEmail: 3, contactPhone: 3, notifyUrl: 3 }],
  ['terminals.create', { merchantId: 1, type: 'kiosk', identifier: 'bad id!', name: 3 }],
  ['services.create', { merchantId: 1, serviceType: 'CASH', direction: 'sideways', currency: 'CNY', singleLower: 'x', activated: 'yes' }],
  ['channels.create', { name: 'Channel A', provider: 'gen pay', supportsDeposit: false, supportsPayout: false, currency: 'CNY', credentials: { 'bad key': 'x' } }],
  ['channels.create', { name: 'Channel A', provider: 'genpay', currency: 'CNY', credentials: 'secret' }],
  ['bindings.create', { channelId: 'x', serviceId: 1.5, boundLower: 'x' }],
  ['adjustments.request', { merchantId: 1, contractId: 1, currency: 'CNY', amount: '0', reason: 'oops', requestKey: 'short' }],
  ['adjustments.request', { merchantId: 1, contractId: 1, currency: 'CNY', amount: '1e5', reason: 'a proper reason', requestKey: 'long-enough-key' }],
  ['channels.adjustBalance', { channelId: 1, kind: 'refill', amount: '10', reason: 'top up', requestKey: 'long-enough-key' }]
]

describe('master-data rule messages', () => {
  it.each(BAD_INPUTS)('knows every message %s gives for bad input', (name, input) => {
    const result = contract[name].input.safeParse(input)
    expect(result.success).toBe(false)
    const unknown = (result.error?.issues ?? []).filter((issue) => !matchRule(issue.message)).map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    expect(unknown).toEqual([])
  })

  it('renders the hosts’ master-data refusals in Chinese, naming fields and directions in Chinese', () => {
    expect(translateFieldMessage('singleUpper: must be at least singleLower (500.00), or 0 for no limit', 'singleUpper', zh)).toBe(
      '不能小于单笔下限（500.00），或填 0 表示不限'
    )
    expect(translateMessage('channelId: channel "Channel C" does not support payouts', zh)).toBe('通道: 通道“Channel C”不支持代付')
    expect(translateMessage('singleLower: CNY has at most 2 decimal places', zh)).toBe('单笔下限: CNY 最多 2 位小数')
    expect(translateMessage('the service is not activated', zh)).toBe('该服务未开通')
    expect(translateFieldMessage('name: must not contain control characters', 'name', zh)).toBe('不能包含控制字符')
  })
})

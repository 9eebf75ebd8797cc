import { describe, expect, it } from 'vitest'
import { contract, type ProcedureName } from '../../../shared/contract'
import { serverTextEn } from '../../../shared/i18n/server-text.en'
import { serverTextZhCN } from '../../../shared/i18n/server-text.zh-CN'
import { textOfMessage } from '../../../shared/rule-message'
import { say, term, type ServerText } from '../../../shared/server-text'
import { ApiError } from '../api/error'
import { errorMessage, fieldErrorMessage, issueText } from './messages'
import { fixedTranslators } from './testing'

const { english, chinese: zh } = fixedTranslators()

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

const refusal = (text: ServerText, field?: string) => new ApiError(400, 'validation', '(the host’s English)', field, text)

describe('master-data rule messages', () => {
  it.each(BAD_INPUTS)('every refusal %s gives for bad input carries a rule both languages know', (name, input) => {
    const result = contract[name].input.safeParse(input)
    expect(result.success).toBe(false)
    const issues = result.error?.issues ?? []
    const unknown = issues.filter((issue) => {
      const text = textOfMessage(issue.message)
      return !text || !(text.code in serverTextEn) || !(text.code in serverTextZhCN)
    })
    expect(unknown.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([])
    for (const issue of issues) {
      expect(issueText(issue, zh), issue.path.join('.')).not.toBe(issueText(issue, english))
      expect(issueText(issue, zh), issue.path.join('.')).not.toContain('{{')
    }
  })

  it('renders the hosts’ master-data refusals in Chinese, naming fields and directions in Chinese', () => {
    expect(fieldErrorMessage(refusal(say('rule.limitOrder', { field: say('value.field.singleLower'), amount: '500.00' }), 'singleUpper'), zh)).toBe('不能小于单笔下限（500.00），或填 0 表示不限')
    expect(errorMessage(refusal(say('error.pair.direction', { name: 'Channel C', direction: term('directionWord', 'payout') }), 'channelId'), zh)).toBe('通道: 通道“Channel C”不支持代付')
    expect(errorMessage(refusal(say('rule.currencyDecimals', { currency: 'CNY', n: 2 }), 'singleLower'), zh)).toBe('单笔下限: CNY 最多 2 位小数')
    expect(errorMessage(refusal(say('error.pair.serviceNotActivated')), zh)).toBe('该服务未开通')
    expect(fieldErrorMessage(refusal(say('rule.controlCharacters'), 'name'), zh)).toBe('不能包含控制字符')
  })
})

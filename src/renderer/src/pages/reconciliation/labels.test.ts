import { describe, expect, it } from 'vitest'
import { fixedTranslators } from '../../i18n/testing'
import { awaitingNotice, causeLabel, controlLabel, historyEventLabel, ppmAsPercent, reconLabel } from './labels'

const { english, chinese } = fixedTranslators()

describe('reconciliation labels', () => {
  it('names the causes a run groups breaks by, with their values, in both languages', () => {
    expect(causeLabel(english, 'difference_is_fee')).toBe('The difference is the fee')
    expect(causeLabel(chinese, 'theirs_paid_ours_not')).toBe('对方已付、我方未成功（掉单）')
    expect(causeLabel(english, 'fee_rate:6000')).toBe('Fee charged at 0.6 %')
    expect(causeLabel(chinese, 'rate:0.1000')).toBe('全部按同一比率偏差（0.1000）')
    // A break type standing as its own cause reads as the type.
    expect(causeLabel(english, 'missing_theirs')).toBe('Missing on their side')
    expect(causeLabel(english, 'something_new')).toBe('something_new')
  })

  it('turns parts per million into a percentage', () => {
    expect(ppmAsPercent('6000')).toBe('0.6')
    expect(ppmAsPercent('12345')).toBe('1.2345')
    expect(ppmAsPercent('x')).toBe('x')
  })

  it('shows a code the catalog does not know as it came', () => {
    expect(reconLabel(chinese, 'breakTypes', 'duplicate')).toBe('重复')
    expect(reconLabel(english, 'lineKinds', 'mystery')).toBe('mystery')
    expect(reconLabel(english, 'lineStatuses', null)).toBe('')
  })

  it('names a control total in both languages: the built-in names and the figures a reader appends, not the file’s own words', () => {
    expect(controlLabel(english, 'simulator.totals.gross')).toBe('Simulator totals · gross amount')
    expect(controlLabel(chinese, 'simulator.totals.gross')).toBe('模拟器合计 · 总额')
    expect(controlLabel(chinese, 'alipay.trades.received')).toBe('支付宝交易合计 · 商家实收')
    expect(controlLabel(english, 'alipay.refunds.count')).toBe('Alipay refund total · number of lines')
    // A bank statement's id stays between its name and its figure.
    expect(controlLabel(english, 'camt.STMT-7.TtlCdtNtries.Sum')).toBe('camt.053 statement · STMT-7 · sum of credits')
    expect(controlLabel(chinese, 'mt940.00036/001.60F+61=62F')).toBe('MT940 对账单 · 00036/001 · 期初余额 + 分录 = 期末余额')
    // A name the profile's author chose, and a header the file writes, are theirs.
    expect(controlLabel(chinese, '合计.count')).toBe('合计 · 笔数')
    expect(controlLabel(english, 'wechat.summary.应结订单总金额')).toBe('WeChat Pay summary · 应结订单总金额')
    expect(controlLabel(english, 'bank.totals')).toBe('bank.totals')
  })

  it('names a write-off or ignore waiting for a second user as what it asked, not as accepting theirs', () => {
    const reason = { code: 'text.verbatim' as const, params: { text: 'QA' } }
    const closing = (what: 'fourEyes.what.reconWriteOff' | 'fourEyes.what.reconIgnore') => ({
      action: 'requested',
      text: { code: 'recon.closeRequested' as const, params: { what: { code: what, params: { breakId: 8, money: '5,369.05 CNY' } }, id: 3, user: 'demo.finance', reason } }
    })
    expect(historyEventLabel(english, closing('fourEyes.what.reconWriteOff'))).toBe('Write-off requested')
    expect(historyEventLabel(chinese, closing('fourEyes.what.reconIgnore'))).toBe('已申请忽略')
    // Accepting theirs, and any other entry, as before.
    expect(historyEventLabel(english, { action: 'requested', text: { code: 'recon.returnRequested', params: { orderNo: 'P1', id: 2, user: 'root', reason } } })).toBe('Accept theirs requested')
    expect(historyEventLabel(english, { action: 'annotated', text: null })).toBe('Note')
    // The notice after deciding says what waits.
    expect(awaitingNotice(english, 8, 'write_off')).toBe('Break 8: writing it off was requested; another user must approve it')
    expect(awaitingNotice(chinese, 9, 'ignore')).toBe('差异 9：已申请忽略，需另一位用户审批')
    expect(awaitingNotice(english, 11, 'accept_theirs')).toBe('Break 11: accepting theirs was requested; another user must approve it')
  })
})

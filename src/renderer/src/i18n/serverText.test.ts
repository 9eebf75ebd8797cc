import { describe, expect, it } from 'vitest'
import { say, term, translateServerText, verbatim, type Translate } from '../../../shared/server-text'
import { fixedTranslators } from './testing'

const { english, chinese } = fixedTranslators()
const en = english as unknown as Translate
const zh = chinese as unknown as Translate

describe('texts the server wrote, on screen', () => {
  it('a timeline step reads in Chinese, enum values and nested reasons included, amounts and typed text untouched', () => {
    const reason = say('text.reasonBy', { what: say('order.manualMarked', { status: term('orderStatus', 'failed') }), user: 'ops', reason: verbatim('bank says no') })
    const text = say('order.finalWithReason', { status: term('final', 'failed'), source: term('source', 'manual'), reason })
    expect(translateServerText(zh, text)).toBe('失败（人工）：ops 标记为失败：bank says no')
    expect(translateServerText(en, text)).toBe('Failed (manual): Marked failed by ops: bank says no')
  })

  it('an audit summary reads in Chinese with the number as sent', () => {
    expect(translateServerText(zh, say('audit.orderCreated', { direction: term('direction', 'payout'), orderNo: 'P2026112200000001', money: '1,000.50 THB' }))).toBe(
      '已创建代付订单 P2026112200000001，金额 1,000.50 THB'
    )
  })
})

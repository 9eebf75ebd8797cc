import { describe, expect, it } from 'vitest'
import { fixedTranslators } from '../../../i18n/testing'
import { reconLabel } from '../labels'
import { controlFigure, differenceText, sideMoney } from './breakMoney'

const { english, chinese } = fixedTranslators()

const cny = (amount: string | null) => ({ currency: 'CNY', amount })

describe("a break's money", () => {
  it('writes each side with its currency, and a fee mismatch difference as the fees', () => {
    const fee = { type: 'fee_mismatch' as const, theirs: cny('5196.25'), ours: cny('5196.25'), difference: '32.18' }
    expect(sideMoney(fee.theirs)).toBe('5,196.25 CNY')
    expect(differenceText(english, fee)).toBe('32.18 CNY (fee)')
    expect(differenceText(chinese, fee)).toBe('32.18 CNY（手续费）')
    expect(differenceText(english, fee, true)).toBe('Fee difference 32.18 CNY')
    expect(differenceText(chinese, fee, true)).toBe('手续费差额 32.18 CNY')
    const over = { type: 'amount_over' as const, theirs: cny('101.00'), ours: cny('100.00'), difference: '1.00' }
    expect(differenceText(english, over)).toBe('1.00 CNY')
    expect(differenceText(chinese, over, true)).toBe('差额 1.00 CNY')
    expect(differenceText(english, { ...over, difference: null })).toBe('')
  })

  it("writes a control total's figures as money in its statement's currency, a count as it is", () => {
    expect(controlFigure('50000.01', 'CNY')).toBe('50,000.01 CNY')
    expect(controlFigure('0.01', 'CNY')).toBe('0.01 CNY')
    // A run before the currency was noted, or a count.
    expect(controlFigure('50000.01', undefined)).toBe('50000.01')
    expect(controlFigure('12', undefined)).toBe('12')
  })

  it('names an accept-theirs request in the history in both languages, not as a note', () => {
    expect(reconLabel(english, 'events', 'requested')).toBe('Accept theirs requested')
    expect(reconLabel(chinese, 'events', 'requested')).toBe('已申请以对方为准')
    expect(reconLabel(english, 'events', 'annotated')).toBe('Note')
  })

  it('names a break open again after its request was rejected or withdrawn, not as a note', () => {
    expect([reconLabel(english, 'events', 'reopened'), reconLabel(chinese, 'events', 'reopened')]).toEqual(['Open again', '重新待处理'])
  })
})

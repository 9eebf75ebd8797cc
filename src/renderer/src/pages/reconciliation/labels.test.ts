import { describe, expect, it } from 'vitest'
import { fixedTranslators } from '../../i18n/testing'
import { causeLabel, ppmAsPercent, reconLabel } from './labels'

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
})

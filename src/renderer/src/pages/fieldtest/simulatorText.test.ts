import { describe, expect, it } from 'vitest'
import { fixedTranslators } from '../../i18n/testing'
import { requestAmount, requestOutcomeName, simulatorStatusName } from './simulatorText'

describe('the simulator panel’s words', () => {
  const { english, chinese } = fixedTranslators()

  it('names statuses and request outcomes in each language, never as the simulator codes them', () => {
    expect(simulatorStatusName('SUCCESS', english)).toBe('succeeded')
    expect(simulatorStatusName('SUCCESS', chinese)).toBe('成功')
    expect(simulatorStatusName('PENDING', chinese)).toBe('待处理')
    expect(requestOutcomeName('answered', english)).toBe('answered')
    expect(requestOutcomeName('answered', chinese)).toBe('已应答')
    expect(requestOutcomeName('rejected', english)).toBe('refused: bad signature')
    expect(requestOutcomeName('not_found', chinese)).toBe('无此订单')
    // One this version does not know stays as sent.
    expect(simulatorStatusName('REVERSED', chinese)).toBe('REVERSED')
  })

  it('writes a request’s amount with its currency and grouping', () => {
    expect(requestAmount({ amount: '60000.00', currency: 'CNY' })).toBe('60,000.00 CNY')
    expect(requestAmount({ amount: '60000.00', currency: null })).toBe('60000.00')
    expect(requestAmount({ amount: null, currency: null })).toBe('—')
  })
})

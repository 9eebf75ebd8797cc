import { describe, expect, it } from 'vitest'
import type { PlanDetail, PlanStepInput } from '../../../../shared/contract/fieldtest'
import { fixedTranslators } from '../../i18n/testing'
import { amountsLine, inputText, swapSteps, withoutStep } from './stepText'

const deposit = (title: string): PlanStepInput => ({ title, action: 'deposit', serviceId: 1, amount: '10.00' })
const refund = (target: number): PlanStepInput => ({ title: 'refund', action: 'refund', target, refund: 'full' })

describe('editing a plan keeps each step acting on the order it meant', () => {
  it('moves a later target up when an earlier step is removed', () => {
    const steps = withoutStep([deposit('a'), deposit('b'), refund(1)], 0)
    expect(steps.map((s) => s.title)).toEqual(['b', 'refund'])
    expect(steps[1].target).toBe(0)
  })

  it('clears a target whose step was removed, so the save names it', () => {
    expect(withoutStep([deposit('a'), refund(0)], 0)[0].target).toBeUndefined()
  })

  it('makes a target follow its step when two steps swap', () => {
    const steps = swapSteps([deposit('a'), deposit('b'), refund(0)], 0, 1)
    expect(steps.map((s) => s.title)).toEqual(['b', 'a', 'refund'])
    expect(steps[2].target).toBe(1)
  })
})

describe('a step’s inputs in one line', () => {
  it('writes its amount as the other screens write money', () => {
    const services: PlanDetail['services'] = [
      { id: 1, merchantId: 7, merchantName: 'Jade Tea House', serviceType: 'CNY_BANK_CARD', direction: 'deposit', currency: 'CNY', usable: true, lower: '500.00', upper: '20000.00', lowerSource: 'service', upperSource: 'service', reason: null }
    ]
    expect(inputText({ ...deposit('a'), amount: '20000.00' }, services, fixedTranslators().english)).toBe('Jade Tea House · CNY_BANK_CARD · 20,000.00 CNY')
  })
})

describe("a step's amounts in one line", () => {
  it('writes each amount with its currency, a dash for one not stated', () => {
    const amounts = { currency: 'CNY', requested: '50000.00', acceptedUpstream: null, paidInCallback: '49999.99', postedToLedger: null, feeExpected: null, feePosted: null }
    expect(amountsLine({ amounts })).toBe('50,000.00 CNY → — → 49,999.99 CNY → —')
    expect(amountsLine({ amounts: null })).toBe('')
  })
})

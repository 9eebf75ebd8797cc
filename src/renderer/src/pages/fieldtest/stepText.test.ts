import { describe, expect, it } from 'vitest'
import type { PlanStepInput } from '../../../../shared/contract/fieldtest'
import { swapSteps, withoutStep } from './stepText'

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

/**
 * The shortest path: a plan generated for the orders' world, rehearsed on the simulator with no
 * fault, passes every step, the payout at the upper bound (50,000) too: a rehearsal's money is the
 * simulator's, so the merchant's balance (which the rehearsal never changes) does not limit it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldWorld, rehearse, statuses, type FieldWorld } from './support'

describe('smoke', () => {
  let w: FieldWorld
  beforeAll(async () => {
    w = await fieldWorld()
  })
  afterAll(() => w.stop())
  it('rehearses a generated plan: every step passes', async () => {
    const plan = await w.t.ok('fieldtest.plans.generate', { channelId: w.channelId }, w.admin)
    const run = await rehearse(w, plan.id)
    expect(run.status).toBe('finished')
    const notPassed = run.steps.filter((s) => s.status !== 'passed').map((s) => [s.action, s.purpose, s.status, s.causeCode])
    expect(notPassed, statuses(run).join(' | ')).toEqual([])
    expect(run.steps.length).toBe(plan.steps.length)
  }, 60_000)
})

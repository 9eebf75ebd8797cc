/**
 * The shortest path: a plan generated for the orders' world, rehearsed on the simulator with no
 * fault, passes every step but the payout at the upper bound (50,000), which the merchant's balance
 * (two paid deposits) cannot cover: blocked by the environment, not failed by the channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldWorld, rehearse, statuses, type FieldWorld } from './support'

describe('smoke', () => {
  let w: FieldWorld
  beforeAll(async () => {
    w = await fieldWorld()
  })
  afterAll(() => w.stop())
  it('rehearses a generated plan: every step passes but the payout the balance cannot cover', async () => {
    const plan = await w.t.ok('fieldtest.plans.generate', { channelId: w.channelId }, w.admin)
    const run = await rehearse(w, plan.id)
    expect(run.status).toBe('finished')
    const notPassed = run.steps.filter((s) => s.status !== 'passed').map((s) => [s.action, s.purpose, s.status, s.causeCode])
    expect(notPassed, statuses(run).join(' | ')).toEqual([['payout', 'at_upper', 'blocked', 'ledger.insufficient_funds']])
    expect(run.steps.length).toBe(plan.steps.length)
  }, 60_000)
})

/**
 * A rehearsal's payout moves no money, so no balance stops it; but the step's evidence, the
 * order's timeline and the signed report say when the live channel's check would have refused it
 * (here: the merchant has nothing available yet), in English and Chinese. Once the merchant's
 * balance covers it, nothing is said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { textIn } from '../../../src/main/fieldtest/report/text'
import { cardFields, waitForOrder } from '../orders/support'
import { expectEnded, fieldWorld, payout, planOf, rehearse, withServices, type FieldWorld } from './support'

const PAID = { outcome: 'paid' as const, callbackWithinSeconds: 3, signatureValid: true, amountExact: true, feeExact: true }

let w: FieldWorld
beforeAll(async () => {
  w = await fieldWorld()
}, 30_000)
afterAll(() => w.stop())

const ENGLISH = /^A live run would refuse this payout on channel "CN Direct A": Insufficient balance: the merchant's available balance 0\.00 CNY does not cover the amount plus fee 15\.00 CNY\. A rehearsal moves no money, so it went to the simulator all the same$/
const CHINESE = '真实执行时，渠道“CN Direct A”会拒绝此代付：余额不足：商户可用余额 0.00 CNY 不足以支付金额加手续费 15.00 CNY。演练不动用资金，因此仍发往了模拟器'

describe('a rehearsal’s payout the live balances would not cover', () => {
  it('passes, and its evidence, its order and the report say a live run would have refused it', async () => {
    const plan = await planOf(w, withServices(w, [payout('10.00', PAID)]))
    const run = await rehearse(w, plan.id)
    expectEnded(run)
    expect(run.steps[0].status).toBe('passed')
    const step = await w.t.ok('fieldtest.runs.step', { id: run.id, index: 0 }, w.admin)
    const notes = step.evidence!.notes
    expect(notes.map((n) => inEnglish(n))).toEqual([expect.stringMatching(ENGLISH)])
    expect(textIn('zh-CN', notes[0])).toBe(CHINESE)
    const order = await w.t.ok('orders.get', { id: run.steps[0].orderId! }, w.admin)
    expect(order.timeline.filter((e) => ENGLISH.test(e.summary))).toHaveLength(1)

    const report = await w.t.ok('fieldtest.reports.sign', { runId: run.id }, w.admin)
    expect((await w.t.ok('fieldtest.reports.export', { id: report.id, language: 'zh-CN' }, w.admin)).html).toContain(CHINESE)
    expect((await w.t.ok('fieldtest.reports.export', { id: report.id, language: 'en' }, w.admin)).html).toContain('A live run would refuse this payout on channel &#34;CN Direct A&#34;')
  }, 60_000)

  it('says nothing once the merchant’s available balance covers it', async () => {
    const paid = await w.t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '500.00', fields: cardFields }, w.admin)
    await waitForOrder(w, paid.id, (o) => o.status === 'succeeded', 'the live deposit paid')
    const plan = await planOf(w, withServices(w, [payout('10.00', PAID)]))
    const run = await rehearse(w, plan.id)
    expect(run.steps[0].status).toBe('passed')
    expect((await w.t.ok('fieldtest.runs.step', { id: run.id, index: 0 }, w.admin)).evidence!.notes).toEqual([])
  }, 60_000)
})

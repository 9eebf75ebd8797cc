/**
 * Field tests under a four-eyes rule (Settings: payouts from 100.00 CNY need a second user). A
 * rehearsal's payout moves no money, so it is not held: it passes, and its evidence, its order and
 * the report say a live run would hold it. A live run's payout is held: the step waits for the
 * second user (the run says so), goes on once approved, and otherwise is blocked with the reason,
 * its order withdrawn (hold released), the run's status saying it was not all well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunDetail } from '../../../src/shared/contract/fieldtest'
import { inEnglish } from '../../../src/main/core/text'
import { textIn } from '../../../src/main/fieldtest/report/text'
import { cardFields, waitForOrder } from '../orders/support'
import { CAPS, expectEnded, fieldWorld, payout, planOf, rehearse, settle, statuses, withServices, type FieldWorld } from './support'

const PAID = { outcome: 'paid' as const, signatureValid: true, amountExact: true, feeExact: true }

let w: FieldWorld
let second: string
beforeAll(async () => {
  w = await fieldWorld()
  // The merchant's balance covers the payouts: nothing but the four-eyes rule is in their way.
  const paid = await w.t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '2000.00', fields: cardFields }, w.admin)
  await waitForOrder(w, paid.id, (o) => o.status === 'succeeded', 'the live deposit paid')
  await w.t.ok('fourEyes.updateSettings', { rules: [{ kind: 'payout', currency: 'CNY', threshold: '100.00' }] }, w.admin)
  const roles = await w.t.ok('roles.list', {}, w.admin)
  const admin = roles.find((r) => r.builtInKey === 'administrator')!.id
  await w.t.ok('users.create', { username: 'second.sam', displayName: 'Second Sam', password: 'Initial-pass-1', merchantId: null, roleIds: [admin] }, w.admin)
  second = await w.t.signIn('second.sam', 'Initial-pass-1')
}, 30_000)
afterAll(() => w.stop())

/** A live run of the plan, confirmed, up to `until`. */
async function live(planId: number, until?: (run: RunDetail) => boolean): Promise<RunDetail> {
  const started = await w.t.ok('fieldtest.runs.start', { planId, target: 'live', caps: CAPS }, w.admin)
  expect((await settle(w, started.id)).status).toBe('awaiting_confirmation')
  await w.t.ok('fieldtest.runs.confirm', { id: started.id, maxOrders: CAPS.maxOrders, maxAmount: CAPS.maxAmount }, w.admin)
  return settle(w, started.id, until)
}

const pendingApprovals = async () => (await w.t.ok('approvals.list', { status: 'pending' }, w.admin)).items

describe('a rehearsal under a four-eyes rule', () => {
  const ENGLISH = 'A live run would hold this payout for a second user’s approval: 150.00 CNY is at or over the four-eyes threshold of 100.00 CNY. A rehearsal moves no money, so it went to the simulator without waiting'
  const CHINESE = '真实执行时，此代付需等待第二位用户复核：金额 150.00 CNY 达到四眼复核阈值 100.00 CNY。演练不动用资金，因此未等复核即发往了模拟器'

  it('passes a payout over the threshold, and its evidence, its order and the report say a live run would hold it', async () => {
    const plan = await planOf(w, withServices(w, [payout('150.00', { ...PAID, callbackWithinSeconds: 3 }), payout('99.00', { ...PAID, callbackWithinSeconds: 3 })]))
    const run = await rehearse(w, plan.id)
    expectEnded(run)
    expect(statuses(run)).toEqual(['passed ok', 'passed ok'])
    expect(run.statusText).toBeNull()
    expect(await pendingApprovals()).toEqual([])

    const notes = (await w.t.ok('fieldtest.runs.step', { id: run.id, index: 0 }, w.admin)).evidence!.notes
    expect(notes.map((n) => inEnglish(n))).toEqual([ENGLISH])
    expect(textIn('zh-CN', notes[0])).toBe(CHINESE)
    // Below the threshold, nothing to say.
    expect((await w.t.ok('fieldtest.runs.step', { id: run.id, index: 1 }, w.admin)).evidence!.notes).toEqual([])
    const order = await w.t.ok('orders.get', { id: run.steps[0].orderId! }, w.admin)
    expect(order.awaitingApproval).toEqual([])
    expect(order.timeline.filter((e) => e.summary === ENGLISH)).toHaveLength(1)

    const report = await w.t.ok('fieldtest.reports.sign', { runId: run.id }, w.admin)
    expect((await w.t.ok('fieldtest.reports.export', { id: report.id, language: 'zh-CN' }, w.admin)).html).toContain(CHINESE)
    expect((await w.t.ok('fieldtest.reports.export', { id: report.id, language: 'en' }, w.admin)).html).toContain('A live run would hold this payout for a second user’s approval: 150.00 CNY')
  }, 60_000)
})

describe('a live run under a four-eyes rule', () => {
  it('waits for the second user; nobody approving in the window blocks the step, withdraws its order and says so', async () => {
    const plan = await planOf(w, withServices(w, [payout('150.00', { ...PAID, callbackWithinSeconds: 1 })]))
    const run = await live(plan.id)
    expectEnded(run)
    expect(statuses(run)).toEqual(['blocked four_eyes.held'])
    const step = run.steps[0]
    const english = inEnglish(step.cause!)
    expect(english).toMatch(/^Held for a second user: payout \S+ of 150\.00 CNY needs another user’s approval under the four-eyes rule \(request \d+\), and none came within 1 s, so nothing was sent\./)
    expect(english).not.toContain('The order was not sent')
    expect(textIn('zh-CN', step.cause!)).toMatch(/^等待第二位用户复核：代付 \S+（150\.00 CNY）按四眼复核规则需另一位用户复核（申请 \d+），1 秒内无人复核/)
    // Finished, but not as if all went well.
    expect(inEnglish(run.statusText!)).toBe('Finished, but the four-eyes rule held the payout of step 1 for a second user and it was never sent: blocked, not passed')
    expect(textIn('zh-CN', run.statusText!)).toBe('已完成，但第 1 步的代付按四眼复核规则等待第二位用户复核，始终未发出：结果为受阻，而非通过')
    expect(run.totals).toMatchObject({ passed: 0, blocked: 1 })

    // Not left behind: withdrawn, its hold released, its request withdrawn, all audited.
    const order = await w.t.ok('orders.get', { id: step.orderId! }, w.admin)
    expect(order).toMatchObject({ status: 'closed', sentAt: null, holdStatus: 'voided', exchanges: [] })
    expect(await pendingApprovals()).toEqual([])
    const evidence = (await w.t.ok('fieldtest.runs.step', { id: run.id, index: 0 }, w.admin)).evidence!
    expect(evidence.notes.map((n) => inEnglish(n))).toEqual([`Order ${order.orderNo} was withdrawn from the outbox: it was never sent, and nothing more goes to the provider`])
    const audit = w.t.core.db.$client.prepare("select summary from audit_events where target_type = 'order' and target_id = ? order by id").pluck().all(String(order.id)) as string[]
    expect(audit).toEqual([
      expect.stringMatching(new RegExp(`^payout ${order.orderNo} of 150\\.00 CNY waits for a second user’s approval \\(request \\d+\\)$`)),
      `Payout ${order.orderNo} of 150.00 CNY created`,
      expect.stringMatching(/^Request \d+ withdrawn: payout \S+ of 150\.00 CNY \(the order became closed before a decision\)$/),
      `Order ${order.orderNo} closed: Withdrawn before it was sent: step 1 of field test run ${run.id} gave up on it`
    ])

    const report = await w.t.ok('fieldtest.reports.sign', { runId: run.id }, w.admin)
    expect((await w.t.ok('fieldtest.reports.export', { id: report.id, language: 'en' }, w.admin)).html).toContain(`Held for a second user: payout ${order.orderNo} of 150.00 CNY`)
    expect((await w.t.ok('fieldtest.reports.export', { id: report.id, language: 'zh-CN' }, w.admin)).html).toContain(`等待第二位用户复核：代付 ${order.orderNo}（150.00 CNY）`)
  }, 60_000)

  it('says on the run that the step waits for a second user, and goes on to pass once one approves', async () => {
    const plan = await planOf(w, withServices(w, [payout('150.00', { ...PAID, callbackWithinSeconds: 20 })]))
    const waiting = await live(plan.id, (r) => r.statusText?.code === 'fieldtest.status.awaitingSecondUser')
    expect(inEnglish(waiting.statusText!)).toMatch(/^Step 1: payout \S+ of 150\.00 CNY is held for a second user’s approval under the four-eyes rule \(request \d+\): another user approves or rejects it under Manual operations › Approvals\. The step waits up to 20 s$/)
    expect(textIn('zh-CN', waiting.statusText!)).toMatch(/^第 1 步：代付 \S+（150\.00 CNY）按四眼复核规则等待第二位用户复核/)
    const [request] = await pendingApprovals()
    await w.t.ok('approvals.decide', { id: request.id, decision: 'approve' }, second)
    const run = await settle(w, waiting.id)
    expectEnded(run)
    expect(statuses(run)).toEqual(['passed ok'])
    expect(run.statusText).toBeNull()
    const notes = (await w.t.ok('fieldtest.runs.step', { id: run.id, index: 0 }, w.admin)).evidence!.notes
    expect(notes.map((n) => inEnglish(n))).toEqual([`Held for a second user’s approval under the four-eyes rule (request ${request.id}); approved by second.sam, then sent`])
    expect(textIn('zh-CN', notes[0])).toBe(`曾按四眼复核规则等待第二位用户复核（申请 ${request.id}）；second.sam 复核通过后发出`)
  }, 60_000)

  it('is blocked, saying so, when the second user rejects it', async () => {
    const plan = await planOf(w, withServices(w, [payout('150.00', { ...PAID, callbackWithinSeconds: 20 })]))
    const waiting = await live(plan.id, (r) => r.statusText?.code === 'fieldtest.status.awaitingSecondUser')
    const [request] = await pendingApprovals()
    await w.t.ok('approvals.decide', { id: request.id, decision: 'reject', note: 'Not during the field test' }, second)
    const run = await settle(w, waiting.id)
    expectEnded(run)
    expect(statuses(run)).toEqual(['blocked four_eyes.not_approved'])
    expect(inEnglish(run.steps[0].cause!)).toMatch(new RegExp(`^Held for a second user: request ${request.id} for payout \\S+ of 150\\.00 CNY was rejected, so nothing was sent$`))
    expect(textIn('zh-CN', run.steps[0].cause!)).toMatch(new RegExp(`的复核申请 ${request.id} 结果为“已驳回”，因此未发送任何内容$`))
    expect(run.statusText?.code).toBe('fieldtest.status.finishedHeld')
  }, 60_000)
})

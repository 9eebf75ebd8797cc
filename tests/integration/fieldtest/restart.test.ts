/**
 * A run survives an app restart (the core closed, a new one opened on the same database file, as
 * after a crash or a quit): a live run stops where it was and waits for the engineer to confirm
 * again; once confirmed, the step that was waiting for its callback picks up its order where it
 * left it, and no order reaches the provider twice.
 */
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { reopen, waitForOrder } from '../orders/support'
import { CAPS, deposit, expectEnded, fieldWorld, planOf, settle, statuses, withServices, type FieldWorld } from './support'

let w: FieldWorld | null = null
afterEach(async () => {
  await w?.stop()
  w = null
})

/** A port free now: the callback listener takes it in both lives of the app, so the provider reaches the second. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('a run across an app restart', () => {
  it('a live run waits for confirmation again, then resumes the step in progress without sending any order twice', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'paydesk-fieldtest-restart-')), 'paydesk.db')
    // The "live" provider does not pay by itself: the second deposit waits for its payer across the restart.
    w = await fieldWorld({ dbPath, autoPayAfterMs: null })
    await w.t.ok('callbacks.updateSettings', { host: '127.0.0.1', port: await freePort(), publicUrl: '' }, w.admin)
    const plan = await planOf(
      w,
      withServices(w, [
        deposit('500.00', { outcome: 'accepted' }),
        deposit('600.00', { outcome: 'paid', callbackWithinSeconds: 60, signatureValid: true, amountExact: true, feeExact: true }),
        deposit('700.00', { outcome: 'accepted' })
      ])
    )
    const started = await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'live', caps: CAPS }, w.admin)
    await settle(w, started.id)
    await w.t.ok('fieldtest.runs.confirm', { id: started.id, maxOrders: CAPS.maxOrders, maxAmount: CAPS.maxAmount }, w.admin)
    const sim = w.sim
    const before = await settle(w, started.id, (r) => r.steps[1].status === 'running' && r.steps[1].orderNo !== null && sim.orders().some((o) => o.orderNo === r.steps[1].orderNo && o.status === 'PENDING'))
    expect(statuses(before)).toEqual(['passed ok', 'running', 'pending'])
    const waiting = before.steps[1].orderNo!
    // The provider's acceptance recorded on our side too (on a busy machine the simulator has it first).
    await waitForOrder(w, before.steps[1].orderId!, (o) => o.status === 'pending', 'recorded as sent')

    // The app goes away mid-step and comes back on the same file.
    await w.t.core.engine.stop()
    w.t.core.close()
    w = { ...(await reopen(w)), reviewer: w.reviewer, rehearsalUrl: w.rehearsalUrl }

    // Nothing moves until the engineer confirms again: the run says where it stopped.
    const interrupted = await settle(w, started.id, (r) => r.status !== 'running')
    expect(interrupted.status).toBe('interrupted')
    expect(interrupted.statusText).toMatchObject({ code: 'fieldtest.status.interrupted', params: { step: 2 } })
    expect(interrupted.confirmedAt).toBeNull()
    expect(interrupted.totals.orders).toBe(2)
    await w.t.ok('fieldtest.runs.confirm', { id: started.id, maxOrders: CAPS.maxOrders, maxAmount: CAPS.maxAmount }, w.admin)

    // The payer pays the order sent before the restart; its callback reaches the app that restarted.
    await sim.pay(waiting)
    const run = await settle(w, started.id)
    expectEnded(run)
    expect(statuses(run)).toEqual(['passed ok', 'passed ok', 'passed ok'])
    expect(run.steps[1].orderNo).toBe(waiting)
    expect(run.steps[1].amounts).toMatchObject({ requested: '600.00', acceptedUpstream: '600.00', paidInCallback: '600.00', postedToLedger: '600.00' })

    // One order per money step, each sent once, under the merchant order number the step derives.
    const orders = await w.t.ok('orders.list', { isTest: true, pageSize: 100 }, w.admin)
    expect(orders.total).toBe(3)
    for (const step of run.steps) expect(sim.createRequests(step.orderNo!), `step ${step.index + 1}`).toBe(1)
    expect(run.steps.map((s) => s.requestKey)).toEqual([1, 2, 3].map((n) => `FT${started.id}-00${n}`))
  }, 60_000)

  it('a rehearsal resumes on the simulator the host starts first; the order it forgot is blocked, not a channel failure', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'paydesk-fieldtest-restart-')), 'paydesk.db')
    w = await fieldWorld({ dbPath })
    await w.t.ok('callbacks.updateSettings', { host: '127.0.0.1', port: await freePort(), publicUrl: '' }, w.admin)
    const plan = await planOf(w, withServices(w, [deposit('600.00', { outcome: 'paid', callbackWithinSeconds: 5, signatureValid: true, amountExact: true }), deposit('700.00', { outcome: 'accepted' })]))
    // The payer pays at once; the callback would come a minute later, after the restart.
    const started = await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'simulator', caps: CAPS, faults: [{ behaviour: 'late_callback', delayMs: 60_000 }] }, w.admin)
    const inApp = w.t.core.simulator
    const before = await settle(w, started.id, (r) => r.steps[0].status === 'running' && r.steps[0].orderNo !== null && (inApp.running()?.orders().some((o) => o.orderNo === r.steps[0].orderNo && o.status !== 'PENDING') ?? false))
    const waiting = before.steps[0].orderNo!

    // The app restarts with its simulator, which forgot its orders, started before the engine (as both hosts do).
    await w.t.core.engine.stop()
    w.t.core.close()
    w = { ...(await reopen(w, async (core) => void (await core.simulator.start({ port: 0, autoPayAfterMs: null, payoutDelayMs: 100, merchants: [], startedBy: 'demo' })))), reviewer: w.reviewer, rehearsalUrl: w.rehearsalUrl }

    const run = await settle(w, started.id)
    // Not interrupted for want of a simulator, and not the channel's failure: the environment's.
    expectEnded(run)
    expect(statuses(run)).toEqual(['blocked simulator.order_lost', 'passed ok'])
    expect(run.steps[0].orderNo).toBe(waiting)
    expect(run.steps[0].cause).toMatchObject({ code: 'fieldtest.cause.simulatorForgot', params: { orderNo: waiting } })
  }, 60_000)
})

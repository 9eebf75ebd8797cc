/**
 * Runs against the real simulator on loopback: a rehearsal with each fault the simulator can
 * inject fails the right step with the right cause; the same plan live and rehearsed, compared;
 * the caps refuse (and never send) the step that would pass them; a live run waits for its
 * confirmation before money moves; the stop halts at once; every order is a test order. A live
 * run on a provider that cannot be reached fails on its connection (naming the host and why),
 * skips what depends on the orders it never sent, and leaves nothing in the outbox to be sent once
 * the provider is back (more connection failures: unreachable.test.ts).
 */
import { createServer, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RehearsalFault } from '../../../src/shared/contract/fieldtest'
import { inEnglish } from '../../../src/main/core/text'
import { textIn } from '../../../src/main/fieldtest/report/text'
import { cardFields, waitForOrder } from '../orders/support'
import { CAPS, deposit, expectEnded, fieldWorld, payout, planOf, rehearse, settle, statuses, withServices, type FieldWorld } from './support'

/** Polls until `check` answers (not null), failing after 10 s. */
async function waitFor<T>(check: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const found = await check()
    if (found !== null) return found
    if (Date.now() - started > timeoutMs) throw new Error('waited in vain')
    await new Promise((r) => setTimeout(r, 50))
  }
}

const PAID = { outcome: 'paid' as const, callbackWithinSeconds: 3, signatureValid: true, amountExact: true, feeExact: true }

/** A loopback port nobody listens on: a connection to it is refused, as with no network. */
async function deadPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A provider that takes the connection and never answers: a request is on its way until the channel's timeout. */
async function silentProvider(): Promise<{ url: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => void sockets.add(socket))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    stop: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}

/** Points the world's channel at another provider address (the network gone, or back). */
async function pointChannelAt(w: FieldWorld, baseUrl: string): Promise<void> {
  const { id, name, provider, supportsDeposit, supportsPayout, paymentLower, paymentUpper, payoutLower, payoutUpper, adapterConfig } = await w.t.ok('channels.get', { id: w.channelId }, w.admin)
  await w.t.ok('channels.update', { id, name, provider, supportsDeposit, supportsPayout, paymentLower, paymentUpper, payoutLower, payoutUpper, adapterConfig: { ...adapterConfig, baseUrl } }, w.admin)
}

/** The provider is back: whatever the outbox still holds is due now, and the job loop runs it. */
async function providerBack(w: FieldWorld): Promise<void> {
  await pointChannelAt(w, w.sim.url)
  w.t.core.db.$client.prepare("update outbox set next_attempt_at = 0 where status = 'pending'").run()
  await w.t.core.engine.tick()
}

/** The run's orders' sends the outbox would still make (waiting or on their way). */
async function stillToSend(w: FieldWorld, orderNos: string[]): Promise<string[]> {
  const waiting = [...(await w.t.ok('outbox.list', { status: 'pending', pageSize: 100 }, w.admin)).items, ...(await w.t.ok('outbox.list', { status: 'in_flight', pageSize: 100 }, w.admin)).items]
  return waiting.filter((x) => orderNos.includes(x.orderNo) && (x.operation === 'send_deposit' || x.operation === 'send_payout')).map((x) => `${x.orderNo} ${x.status}`)
}

describe('field test runs on the simulator', () => {
  let w: FieldWorld
  beforeAll(async () => {
    w = await fieldWorld()
  })
  afterAll(() => w.stop())

  describe('each fault the simulator injects fails the step with its cause', () => {
    const cases: [RehearsalFault, { delayMs?: number }, number, string][] = [
      ['decline', {}, 0, 'upstream.declined'],
      ['timeout', {}, 0, 'upstream.timeout'],
      ['server_error', {}, 0, 'upstream.server_error'],
      ['bad_signature', {}, 0, 'callback.bad_signature'],
      ['partial_amount', {}, 0, 'amount.partial'],
      ['late_callback', { delayMs: 4500 }, 0, 'callback.late'],
      ['duplicate_callback', {}, 1, 'callback.duplicate'],
      // Accepted, then a signed FAILED callback.
      ['fail_later', {}, 0, 'upstream.failed'],
      // An answer slower than the channel's timeout (1.5 s) is no answer.
      ['delay', { delayMs: 2500 }, 0, 'upstream.timeout']
    ]
    for (const [behaviour, extra, failing, cause] of cases) {
      it(`${behaviour}: step ${failing + 1} fails with ${cause}`, async () => {
        const plan = await planOf(w, withServices(w, [deposit('500.00', PAID), { title: 'Callback once, signed', action: 'callback_check', target: 0, seconds: 2, expect: { signatureValid: true, noDuplicates: true } }]))
        const run = await rehearse(w, plan.id, [{ behaviour, ...extra }])
        expectEnded(run)
        expect(run.steps[failing].status, statuses(run).join(' | ')).toBe('failed')
        expect(run.steps[failing].causeCode).toBe(cause)
        if (failing === 1) expect(run.steps[0].status).toBe('passed')
        // A timeout is said in the reader's language, never as the exchange log's English line.
        if (cause === 'upstream.timeout') expect(textIn('zh-CN', run.steps[0].cause!)).toMatch(/^上游未应答（超时）：\d+ 毫秒内没有完整应答$/)
        // Each amount is written as the screens write money, its currency after it.
        if (cause === 'amount.partial') expect(textIn('en', run.steps[0].cause!)).toMatch(/^Partial amount: requested 500\.00 CNY, accepted upstream 500\.00 CNY, paid in the callback \d+\.\d\d CNY, posted \d+\.\d\d CNY$/)
        // The evidence says what happened: the order and its exchanges (masked), or the callbacks.
        const evidence = await w.t.ok('fieldtest.runs.step', { id: run.id, index: failing }, w.admin)
        expect(evidence.evidence?.exchanges.length).toBeGreaterThan(0)
        expect(evidence.evidence?.exchanges.every((x) => !x.requestBody.includes('sign-key'))).toBe(true)
      }, 30_000)
    }

    it('a fault for one amount leaves the others alone', async () => {
      const plan = await planOf(w, withServices(w, [deposit('500.00', PAID), deposit('600.00', PAID)]))
      const run = await rehearse(w, plan.id, [{ behaviour: 'decline', amountPattern: '^600\\.00$' }])
      expect(statuses(run)).toEqual(['passed ok', 'failed upstream.declined'])
    }, 30_000)
  })

  it('a rehearsal passes a generated plan, live runs it, and the two compare step by step', async () => {
    const plan = await w.t.ok('fieldtest.plans.generate', { channelId: w.channelId }, w.admin)
    const rehearsal = await rehearse(w, plan.id, [{ behaviour: 'partial_amount', amountPattern: '^500\\.00$' }])
    expectEnded(rehearsal)
    let live = await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'live', caps: CAPS }, w.admin)
    live = await settle(w, live.id)
    // Nothing moves before the engineer confirms. The first step is a deposit expected to be refused
    // locally, but an expectation is not a guarantee (a wrong range would let it through), so the run
    // waits before it: step 1 (index 0), nothing sent, every step still pending.
    expect(live.status).toBe('awaiting_confirmation')
    expect(live.currentStep).toBe(0)
    expect(live.statusText).toMatchObject({ code: 'fieldtest.status.confirmLive', params: { step: 1 } })
    expect(live.totals.orders).toBe(0)
    expect(live.steps.every((s) => s.status === 'pending')).toBe(true)
    const wrong = await w.t.call('fieldtest.runs.confirm', { id: live.id, maxOrders: CAPS.maxOrders + 1, maxAmount: CAPS.maxAmount }, w.admin)
    expect(wrong.status).toBe(400)
    expect(await w.t.call('fieldtest.runs.confirm', { id: live.id, maxOrders: CAPS.maxOrders, maxAmount: '2000' }, w.admin)).toMatchObject({ status: 400, message: 'maxAmount: must be the run’s cap, 200,000.00 CNY' })
    await w.t.ok('fieldtest.runs.confirm', { id: live.id, maxOrders: CAPS.maxOrders, maxAmount: CAPS.maxAmount }, w.admin)
    live = await settle(w, live.id)
    expectEnded(live)
    expect(live.confirmedBy).toBe('root')
    const byPurpose = (purpose: string) => live.steps.find((s) => s.purpose === purpose)!
    expect(byPurpose('fields').status).toBe('passed')
    expect(byPurpose('fields').amounts).toMatchObject({ requested: '500.00', acceptedUpstream: '500.00', paidInCallback: '500.00', postedToLedger: '500.00', feeExpected: '11.00', feePosted: '11.00' })
    expect(byPurpose('partial_refund').status).toBe('passed')
    expect(byPurpose('payout_hold').status).toBe('passed')
    // The payout's hold: taken at submit, posted when paid.
    const hold = await w.t.ok('fieldtest.runs.step', { id: live.id, index: byPurpose('payout_hold').index }, w.admin)
    expect(hold.evidence?.hold).toEqual({ atSubmit: 'pending', final: 'posted' })

    const compared = await w.t.ok('fieldtest.runs.compare', { leftId: rehearsal.id, rightId: live.id }, w.admin)
    const fields = compared.steps.find((s) => s.left?.purpose === 'fields')!
    // The rehearsal's partial payment stands out beside the live run's full one.
    expect(fields.left?.causeCode).toBe('amount.partial')
    expect(fields.differences).toEqual(expect.arrayContaining(['status', 'cause', 'paidInCallback', 'postedToLedger']))
    expect(compared.differing).toBeGreaterThan(0)

    // Every order a run sent is a test order, on the channel (live) or its rehearsal twin.
    const orders = await w.t.ok('orders.list', { isTest: false, pageSize: 100 }, w.admin)
    expect(orders.total).toBe(0)
    // The twin is never offered for an order.
    const options = await w.t.ok('orders.options', { direction: 'deposit', merchantId: w.merchantId }, w.admin)
    expect(options.services[0].channels.map((c) => c.channelId)).toEqual([w.channelId])
    // Nor taken when asked for by id: the simulator would pay an order whose money never arrives.
    const twin = (w.t.core.db.$client.prepare('select twin_channel_id as id from fieldtest_rehearsal_channels where channel_id = ?').get(w.channelId) as { id: number }).id
    const refused = await w.t.call('orders.createDeposit', { merchantId: w.merchantId, serviceId: options.services[0].serviceId, channelId: twin, amount: '500.00', fields: cardFields }, w.admin)
    expect(refused).toMatchObject({ status: 400, field: 'channelId' })
    expect(refused.message).toMatch(/is a field test’s rehearsal copy of a channel \(it sends to the simulator\): orders go to the channel itself$/)
  }, 90_000)

  it('a rehearsal moves no money: every balance is as before, the merchant is never told, and each step still shows what would be booked', async () => {
    // Every ledger balance that is not zero, by account (the posted sum and what is held).
    const balances = () =>
      w.t.core.db.$client
        .prepare('select a.key, b.posted_sum as posted, b.held_out as heldOut, b.held_in as heldIn from ledger_balances b join ledger_accounts a on a.id = b.account_id where b.posted_sum != 0 or b.held_out != 0 or b.held_in != 0 order by a.key')
        .all()
    const notifications = () => (w.t.core.db.$client.prepare("select count(*) as n from outbox where operation = 'notify'").get() as { n: number }).n
    const before = { balances: balances(), notifications: notifications() }
    const plan = await planOf(w, withServices(w, [deposit('500.00', PAID), { title: 'Refund part', action: 'refund', target: 0, refund: 'partial', amount: '100.00', expect: { outcome: 'paid', amountExact: true, feeExact: true } }, payout('10.00', PAID)]))
    const run = await rehearse(w, plan.id)
    expectEnded(run)
    expect(run.steps.map((s) => s.status), statuses(run).join(' | ')).toEqual(['passed', 'passed', 'passed'])
    // The deposit, its refund and the payout were each booked and reversed at once: the merchant,
    // its reserve, the fees and suspense are where they were (the deposit credited 489.00 before).
    expect(balances()).toEqual(before.balances)
    expect(notifications()).toBe(before.notifications)
    // What a live run would book is still on the record, and in the step's evidence.
    expect(run.steps[0].amounts).toMatchObject({ requested: '500.00', paidInCallback: '500.00', postedToLedger: '500.00', feeExpected: '11.00', feePosted: '11.00' })
    const evidence = await w.t.ok('fieldtest.runs.step', { id: run.id, index: 0 }, w.admin)
    const ledger = evidence.evidence!.ledger
    expect(ledger.filter((e) => e.remark.endsWith('rehearsal reversed')).length).toBe(ledger.length / 2)
  }, 60_000)

  it('the caps refuse, and never send, the step that would pass them', async () => {
    const plan = await planOf(w, withServices(w, [deposit('500.00', { outcome: 'accepted' }), deposit('600.00', { outcome: 'accepted' }), deposit('700.00', { outcome: 'accepted' }), deposit('20000.01', { outcome: 'refused_locally' })]))
    const byCount = await settle(w, (await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'simulator', caps: { maxOrders: 2, maxAmount: '100000' } }, w.admin)).id)
    expect(statuses(byCount)).toEqual(['passed ok', 'passed ok', 'blocked cap.orders', 'passed limit.out_of_range'])
    expect(byCount.steps[2].orderId).toBeNull()
    const byAmount = await settle(w, (await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'simulator', caps: { maxOrders: 10, maxAmount: '1100' } }, w.admin)).id)
    expect(statuses(byAmount)).toEqual(['passed ok', 'passed ok', 'blocked cap.amount', 'passed limit.out_of_range'])
    expect(byAmount.totals).toMatchObject({ orders: 2, amount: '1100.00' })
    // The simulator never saw the blocked step's order.
    const sent = w.t.core.simulator.running()!.orders().filter((o) => o.amount === '700.00')
    expect(sent).toHaveLength(0)
  }, 30_000)

  it('a step PayDesk refuses for a missing field passes when a refusal is expected, its cause naming the field', async () => {
    const { cardNumber: _left, ...withoutCard } = cardFields
    const plan = await planOf(w, withServices(w, [deposit('500.00', { outcome: 'refused_locally' }, { fields: withoutCard }), deposit('500.00', { outcome: 'accepted' }, { fields: withoutCard })]))
    const run = await settle(w, (await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'simulator', caps: CAPS }, w.admin)).id)
    expect(statuses(run)).toEqual(['passed validation', 'failed validation'])
    expect(inEnglish(run.steps[0].cause!)).toMatch(/^Refused before sending, as expected: Card number is required/)
    expect(inEnglish(run.steps[1].cause!)).toMatch(/^Refused before sending: Card number is required/)
  }, 30_000)

  it('the stop halts a run at once: the step in progress and the rest are skipped, nothing more is sent', async () => {
    const plan = await planOf(w, withServices(w, [deposit('500.00', { outcome: 'accepted' }), { title: 'A long wait', action: 'wait', seconds: 60, expect: {} }, payout('10.00', PAID)]))
    const started = await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'simulator', caps: CAPS }, w.admin)
    await settle(w, started.id, (r) => r.steps[1].status === 'running')
    const before = Date.now()
    const stopped = await w.t.ok('fieldtest.runs.stop', { id: started.id }, w.admin)
    await w.t.core.fieldTests.settled(started.id)
    expect(Date.now() - before).toBeLessThan(1000)
    expect(stopped.status).toBe('stopped')
    expect(statuses(stopped)).toEqual(['passed ok', 'skipped run.stopped', 'skipped run.stopped'])
    expect(stopped.steps[1].cause).toEqual({ code: 'fieldtest.cause.stopped', params: { user: 'root' } })
    const again = await w.t.call('fieldtest.runs.stop', { id: started.id }, w.admin)
    expect(again.status).toBe(409)
    expect((await w.t.ok('fieldtest.runs.get', { id: started.id }, w.admin)).totals.orders).toBe(1)
  }, 30_000)

  describe('a live run on a provider that cannot be reached', () => {
    const started = async (steps: Parameters<typeof withServices>[1]) => {
      const plan = await planOf(w, withServices(w, steps))
      const run = await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'live', caps: CAPS }, w.admin)
      await settle(w, run.id)
      await w.t.ok('fieldtest.runs.confirm', { id: run.id, maxOrders: CAPS.maxOrders, maxAmount: CAPS.maxAmount }, w.admin)
      return run.id
    }

    it('fails on its connection, skips the steps on the orders it never sent, and sends nothing once the provider is back', async () => {
      const available = async () => (await w.t.ok('orders.options', { direction: 'payout', merchantId: w.merchantId }, w.admin)).merchantAvailable.CNY
      // Money for the payout to hold: a deposit paid while the provider is still there.
      const funding = await w.t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '500.00', fields: cardFields }, w.admin)
      await waitForOrder(w, funding.id, (o) => o.status === 'succeeded', 'paid')
      const before = await available()
      const host = `127.0.0.1:${await deadPort()}`
      await pointChannelAt(w, `http://${host}`)
      try {
        const id = await started([
          deposit('500.00', PAID),
          { title: 'Callback once, signed', action: 'callback_check', target: 0, seconds: 1, expect: { signatureValid: true } },
          { title: 'Status query', action: 'query', target: 0, expect: { outcome: 'paid' } },
          { title: 'Refund in full', action: 'refund', target: 0, refund: 'full', expect: {} },
          payout('10.00', PAID)
        ])
        const run = await settle(w, id)
        expectEnded(run)
        // A channel whose host refuses the connection fails on it: the engineer fixes the address (or
        // the provider's end), nothing was in the way. A broken chain skips (FIELD-TEST.md §4.6).
        expect(statuses(run)).toEqual(['failed upstream.unreachable', 'skipped chain.not_sent', 'skipped chain.not_sent', 'skipped chain.not_sent', 'failed upstream.unreachable'])
        for (const step of [run.steps[0], run.steps[4]]) {
          expect(inEnglish(step.cause!)).toBe(`Could not connect to ${host}: connection refused (ECONNREFUSED). Nothing reached the provider: check the channel’s base address, test the connection, then run again`)
          expect(textIn('zh-CN', step.cause!)).toBe(`无法连接到 ${host}：连接被拒绝（ECONNREFUSED）。请求未到达上游：请检查渠道的基础地址，测试连接后重新执行`)
        }
        expect(inEnglish(run.steps[1].cause!)).toBe('The order of step 1 was never sent: it is closed')
        const orderNos = [run.steps[0].orderNo!, run.steps[4].orderNo!]

        // Both orders withdrawn: closed with the reason, audited, nothing left in the outbox to send.
        expect(await stillToSend(w, orderNos)).toEqual([])
        for (const step of [run.steps[0], run.steps[4]]) {
          const order = await w.t.ok('orders.get', { id: step.orderId! }, w.admin)
          expect(order.status).toBe('closed')
          expect(order.statusReason).toBe(`Withdrawn before it was sent: step ${step.index + 1} of field test run ${id} gave up on it`)
        }
        const audit = await w.t.ok('audit.list', { pageSize: 100 }, w.admin)
        for (const orderNo of orderNos) expect(audit.items.some((e) => e.summary === `Order ${orderNo} closed: Withdrawn before it was sent: step ${orderNo === orderNos[0] ? 1 : 5} of field test run ${id} gave up on it`), orderNo).toBe(true)
        // No money moved: the payout's hold is released, the merchant's available balance as it was.
        const held = await w.t.ok('fieldtest.runs.step', { id, index: 4 }, w.admin)
        expect(held.evidence?.hold).toEqual({ atSubmit: 'pending', final: 'voided' })
        expect(await available()).toBe(before)

        // The network comes back: the provider never hears of the run's orders.
        await providerBack(w)
        for (const orderNo of orderNos) expect(w.sim.createRequests(orderNo), orderNo).toBe(0)
      } finally {
        await pointChannelAt(w, w.sim.url)
      }
    }, 30_000)

    it('stopped while an order is on its way: one that may have reached the provider (no answer in time) is left in doubt, never closed as unsent', async () => {
      const silent = await silentProvider()
      await pointChannelAt(w, silent.url)
      try {
        const id = await started([deposit('500.00', { outcome: 'accepted' }), deposit('600.00', { outcome: 'accepted' })])
        const sending = await settle(w, id, (r) => r.steps[0].status === 'running' && r.steps[0].orderId !== null)
        const stopped = await w.t.ok('fieldtest.runs.stop', { id }, w.admin)
        await w.t.core.fieldTests.settled(id)
        // The stop does not claim it stopped an order that was already on its way.
        expect(statuses(stopped)).toEqual(['skipped run.stopped', 'skipped run.stopped'])
        const orderNo = sending.steps[0].orderNo!
        expect(inEnglish(stopped.steps[0].cause!)).toBe(`Stopped by root while order ${orderNo} was on its way to the provider: it is withdrawn only if the provider did not take it (the order shows which)`)

        // The request times out (the channel's 1.5 s) after it went out: the provider may hold the
        // order, so it is not closed as unsent (a payer could pay it); its send waits to be retried
        // under the same idempotency key, and the status query settles it.
        await waitFor(async () => ((await stillToSend(w, [orderNo])).some((x) => x.endsWith('pending')) ? true : null))
        expect((await w.t.ok('orders.get', { id: sending.steps[0].orderId! }, w.admin)).status).toBe('created')
      } finally {
        await pointChannelAt(w, w.sim.url)
        await silent.stop()
      }
    }, 30_000)
  })

  it('a rehearsal needs the simulator running; a live run takes no faults', async () => {
    const plan = await planOf(w, withServices(w, [deposit('500.00', { outcome: 'accepted' })]))
    const live = await w.t.call('fieldtest.runs.start', { planId: plan.id, target: 'live', caps: CAPS, faults: [{ behaviour: 'decline' }] }, w.admin)
    expect(live).toMatchObject({ status: 400, field: 'faults' })
    await w.t.core.simulator.stop()
    try {
      const refused = await w.t.call('fieldtest.runs.start', { planId: plan.id, target: 'simulator', caps: CAPS }, w.admin)
      expect(refused).toMatchObject({ status: 409, code: 'fieldtest.simulator_not_running' })
    } finally {
      await w.t.core.simulator.start({ port: 0, autoPayAfterMs: null, payoutDelayMs: 100, merchants: [], startedBy: 'user' })
    }
  })
})

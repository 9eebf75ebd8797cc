/**
 * Money a provider reports: no callback, answer or manual mark can credit a merchant more than the
 * order, and whatever is not applied by itself ends visible (parked, on the timeline), never
 * retried forever or dropped (docs/orders.md, "Parked reports").
 */
import { afterEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { sign } from '../../../src/main/upstream/signing'
import { ADMIN } from '../../support/core'
import { cardFields, MERCHANT_NO, orderWorld, SIGN_KEY, waitForOrder, type OrderWorld } from './support'

let w: OrderWorld
afterEach(async () => w?.stop())

const deposit = (amount: string) => ({ merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount, fields: cardFields })

/** A correctly signed callback, with whatever the test wants in it. */
async function callback(order: { orderNo: string; upstreamNo: string | null }, fields: Record<string, string>) {
  const params: Record<string, string> = { merchantNo: MERCHANT_NO, orderNo: order.orderNo, upstreamNo: order.upstreamNo ?? '', direction: 'deposit', status: 'SUCCESS', currency: 'CNY', eventId: `evt-${Math.random()}`, timestamp: String(Date.now()), ...fields }
  params.sign = sign(params, SIGN_KEY, 'md5', false, 'sign')
  const answer = await fetch(`${w.t.core.engine.listeningAt()}/callbacks/${w.channelId}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() })
  return answer.text()
}

async function balance(kind: 'merchant_available' | 'suspense' | 'channel') {
  const page = await w.t.ok('ledger.balances', { kind, currency: 'CNY' }, w.admin)
  return page.items.map((b) => b.balance).join(',') || '0.00'
}

/** Suspense beyond the opening float the fixture tops the channel up with (posted against suspense). */
async function suspense() {
  return (Number(await balance('suspense')) - 100_000).toFixed(2)
}

async function parkedOf(orderId: number) {
  return (await w.t.ok('parked.list', { orderId }, w.admin)).items
}

describe('what a provider reports about money', () => {
  it('an overpayment books the order amount and holds the excess in suspense, flagged for a decision', async () => {
    w = await orderWorld()
    const order = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    expect(await callback(order, { amount: '600.00', paidAmount: '100000.00' })).toBe('SUCCESS')
    const paid = await waitForOrder(w, order.id, (o) => o.status === 'succeeded', 'succeeded')
    expect(paid.paidAmount).toBe('600.00')
    expect(paid.statusReason).toContain('Overpaid: 100,000.00 CNY paid of 600.00 CNY')
    expect(paid.statusReason).not.toContain('Partial')
    const merchantPayments = paid.ledgerEntries.filter((e) => e.accountKind === 'merchant_available' && e.type === 0)
    expect(merchantPayments.map((e) => e.amount)).toEqual(['600.00'])
    expect(paid.ledgerEntries.filter((e) => e.accountKind === 'suspense').map((e) => e.amount)).toEqual(['99400.00'])
    expect(paid.callbacks.map((c) => c.outcome)).toEqual(['parked'])
    expect(await parkedOf(order.id)).toEqual([expect.objectContaining({ kind: 'overpaid', status: 'open', held: '99400.00', actions: ['credit', 'return'] })])
    // The merchant got 600.00 less fees and reserve, never more than the order.
    expect(await balance('merchant_available')).toBe('527.00')
    expect(await suspense()).toBe('99400.00')
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('one minor unit over is an overpayment too, and the simulator’s pay control gets the same treatment', async () => {
    w = await orderWorld()
    const order = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    await w.sim.pay(order.orderNo, '600.01')
    const paid = await waitForOrder(w, order.id, (o) => o.status === 'succeeded', 'succeeded')
    expect(paid.paidAmount).toBe('600.00')
    expect(await parkedOf(order.id)).toEqual([expect.objectContaining({ kind: 'overpaid', held: '0.01' })])
  })

  it('the excess is credited to the merchant only through an adjustment a second user approves', async () => {
    w = await orderWorld()
    await w.t.ok('users.create', { username: 'checker', displayName: 'Checker', password: 'Checker-pass-1', merchantId: null, roleIds: [1] }, w.admin)
    const checker = await w.t.signIn('checker', 'Checker-pass-1')
    const order = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    await callback(order, { paidAmount: '650.00' })
    await waitForOrder(w, order.id, (o) => o.status === 'succeeded', 'succeeded')
    const [parked] = await parkedOf(order.id)
    const requested = await w.t.ok('parked.resolve', { id: parked.id, action: 'credit', reason: 'payer confirmed it was meant for this merchant', requestKey: 'credit-excess-1' }, w.admin)
    expect(requested).toMatchObject({ status: 'awaiting_approval', actions: [], adjustmentId: expect.any(Number) })
    expect(await balance('merchant_available')).toBe('527.00')
    // The maker cannot check.
    expect(await w.t.call('adjustments.decide', { id: requested.adjustmentId!, decision: 'approve', note: 'ok' }, w.admin)).toMatchObject({ status: 403 })
    await w.t.ok('adjustments.decide', { id: requested.adjustmentId!, decision: 'approve', note: 'checked the statement' }, checker)
    expect((await parkedOf(order.id))[0]).toMatchObject({ status: 'resolved', resolution: 'credited' })
    expect(await balance('merchant_available')).toBe('577.00')
    expect(await suspense()).toBe('0.00')
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a rejected credit puts the excess back to decide; returning it takes it out of suspense and the channel', async () => {
    w = await orderWorld()
    await w.t.ok('users.create', { username: 'checker', displayName: 'Checker', password: 'Checker-pass-1', merchantId: null, roleIds: [1] }, w.admin)
    const checker = await w.t.signIn('checker', 'Checker-pass-1')
    const order = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    await callback(order, { paidAmount: '650.00' })
    await waitForOrder(w, order.id, (o) => o.status === 'succeeded', 'succeeded')
    const channelAfterPayment = await balance('channel')
    const [parked] = await parkedOf(order.id)
    const requested = await w.t.ok('parked.resolve', { id: parked.id, action: 'credit', reason: 'payer confirmed', requestKey: 'credit-excess-2' }, w.admin)
    await w.t.ok('adjustments.decide', { id: requested.adjustmentId!, decision: 'reject', note: 'the payer wants it back' }, checker)
    expect((await parkedOf(order.id))[0]).toMatchObject({ status: 'open', adjustmentId: null, actions: ['credit', 'return'] })
    const returned = await w.t.ok('parked.resolve', { id: parked.id, action: 'return', reason: 'returned through the provider portal' }, w.admin)
    expect(returned).toMatchObject({ status: 'resolved', resolution: 'returned', resolvedBy: ADMIN.username })
    expect(await suspense()).toBe('0.00')
    expect(Number(await balance('channel'))).toBe(Number(channelAfterPayment) - 50)
    expect(await w.t.call('parked.resolve', { id: parked.id, action: 'return', reason: 'again please' }, w.admin)).toMatchObject({ status: 409, code: 'parked.decided' })
    const detail = await w.t.ok('orders.get', { id: order.id }, w.admin)
    expect(detail.timeline.some((e) => e.summary.includes('returned to the payer by root'))).toBe(true)
  })

  it.each([
    ['-5.00', 'is not a plain amount'],
    ['abc', 'is not a plain amount'],
    ['1e3', 'is not a plain amount'],
    ['40.001', 'CNY has at most 2 decimal places'],
    ['0', 'states nothing paid']
  ])('a paid amount of %s is never booked: the callback is parked at once with the reason', async (paidAmount, why) => {
    w = await orderWorld()
    const order = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    expect(await callback(order, { paidAmount })).toBe('SUCCESS')
    const parkedOrder = await waitForOrder(w, order.id, (o) => o.callbacks[0]?.outcome === 'parked', 'parked')
    expect(parkedOrder.status).toBe('pending')
    expect(parkedOrder.ledgerEntries).toEqual([])
    expect(parkedOrder.timeline.some((e) => e.summary.startsWith('Parked for a decision') && e.summary.includes(why))).toBe(true)
    expect(await parkedOf(order.id)).toEqual([expect.objectContaining({ kind: 'bad_amount', held: '0.00', actions: ['dismiss'] })])
    const row = w.t.core.db.$client.prepare('select apply_attempts as attempts from provider_callbacks where order_id = ?').get(order.id) as { attempts: number }
    expect(row.attempts).toBe(0)
  })

  it('a callback whose amount or currency contradicts the order is not applied', async () => {
    w = await orderWorld()
    const a = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    const b = await w.t.ok('orders.createDeposit', deposit('700.00'), w.admin)
    await callback(a, { amount: '6000.00' })
    await callback(b, { currency: 'USD' })
    await waitForOrder(w, b.id, (o) => o.callbacks[0]?.outcome === 'parked', 'parked')
    await waitForOrder(w, a.id, (o) => o.callbacks[0]?.outcome === 'parked', 'parked')
    expect((await parkedOf(a.id))[0]).toMatchObject({ kind: 'amount_mismatch', reason: expect.stringContaining('6,000.00 CNY') })
    expect((await parkedOf(b.id))[0]).toMatchObject({ kind: 'currency_mismatch', reason: expect.stringContaining('"USD"') })
    expect(await balance('merchant_available')).toBe('0.00')
  })

  it('a payment for a deposit closed by an operator is parked in suspense, then booked as the order’s payment', async () => {
    w = await orderWorld()
    const order = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    await w.t.ok('orders.close', { id: order.id, reason: 'payer gave up on the phone' }, w.admin)
    await w.sim.pay(order.orderNo)
    const flagged = await waitForOrder(w, order.id, (o) => o.callbacks[0]?.outcome === 'parked', 'parked')
    expect(flagged.status).toBe('closed')
    expect(flagged.timeline.some((e) => e.summary.includes('600.00 CNY paid at the provider after the order was closed'))).toBe(true)
    const [late] = await parkedOf(order.id)
    expect(late).toMatchObject({ kind: 'late_payment', held: '600.00', actions: ['book', 'return'] })
    expect(await suspense()).toBe('600.00')
    expect(await balance('merchant_available')).toBe('0.00')
    // The manual mark cannot book it a second time beside the parked money.
    expect(await w.t.call('orders.markResult', { id: order.id, result: 'succeeded', reason: 'bank statement shows it' }, w.admin)).toMatchObject({ status: 409, code: 'orders.late_payment_parked' })

    await w.t.ok('parked.resolve', { id: late.id, action: 'book', reason: 'payer paid late, merchant shipped' }, w.admin)
    const booked = await w.t.ok('orders.get', { id: order.id }, w.admin)
    expect(booked).toMatchObject({ status: 'succeeded', paidAmount: '600.00' })
    expect(await suspense()).toBe('0.00')
    expect(await balance('merchant_available')).toBe('527.00')
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a payment for a deposit marked failed by hand is parked, and can be returned', async () => {
    w = await orderWorld()
    const order = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    await w.t.ok('orders.markResult', { id: order.id, result: 'failed', reason: 'provider said declined on the phone' }, w.admin)
    await w.sim.pay(order.orderNo)
    await waitForOrder(w, order.id, (o) => o.callbacks[0]?.outcome === 'parked', 'parked')
    const [late] = await parkedOf(order.id)
    expect(late).toMatchObject({ kind: 'late_payment', orderStatus: 'failed', held: '600.00' })
    const manual = await w.t.ok('parked.list', { status: 'open' }, w.admin)
    expect(manual.items.map((p) => p.orderNo)).toContain(order.orderNo)
    await w.t.ok('parked.resolve', { id: late.id, action: 'return', reason: 'refunded at the provider portal' }, w.admin)
    expect(await suspense()).toBe('0.00')
    expect((await w.t.ok('orders.get', { id: order.id }, w.admin)).status).toBe('failed')
  })

  it('a failure reported for a paid order, or another paid amount, is parked; the same success again is ignored', async () => {
    w = await orderWorld()
    const order = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    await callback(order, { paidAmount: '600.00', eventId: 'evt-first' })
    await waitForOrder(w, order.id, (o) => o.status === 'succeeded', 'succeeded')
    await callback(order, { paidAmount: '600.00', eventId: 'evt-again' })
    await callback(order, { status: 'FAILED', eventId: 'evt-failed' })
    await callback(order, { paidAmount: '590.00', eventId: 'evt-other' })
    const done = await waitForOrder(w, order.id, (o) => o.callbacks.length === 4 && o.callbacks.every((c) => c.outcome !== 'received'), 'all applied')
    expect(done.callbacks.map((c) => c.outcome)).toEqual(['applied', 'ignored', 'parked', 'parked'])
    expect((await parkedOf(order.id)).map((p) => p.kind).sort()).toEqual(['status_conflict', 'status_conflict'])
    expect(await balance('merchant_available')).toBe('527.00')
  })

  it('a callback that fails for a passing cause is retried a few times, then parked; it never loops', async () => {
    w = await orderWorld()
    let offset = 0
    w.t.clock.now = () => Date.now() + offset
    const order = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    const ledger = w.t.core.ledger
    const post = ledger.post
    ledger.post = () => {
      throw new Error('database is locked')
    }
    try {
      await callback(order, { paidAmount: '600.00' })
      const attempts = () => (w.t.core.db.$client.prepare('select apply_attempts as n from provider_callbacks where order_id = ?').get(order.id) as { n: number } | undefined)?.n ?? 0
      for (let expected = 1; expected <= 4; expected++) {
        const started = Date.now()
        while (attempts() < expected && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20))
        expect(attempts()).toBe(expected)
        offset += 130_000
      }
      await waitForOrder(w, order.id, (o) => o.callbacks[0]?.outcome === 'parked', 'parked')
      expect(attempts()).toBe(5)
    } finally {
      ledger.post = post
    }
    expect((await parkedOf(order.id))[0]).toMatchObject({ kind: 'apply_failed', reason: expect.stringContaining('after 5 attempts: database is locked') })
  })

  it('markResult answers 400 naming paidAmount for a bad amount, and never books more than the order', async () => {
    w = await orderWorld()
    const order = await w.t.ok('orders.createDeposit', deposit('600.00'), w.admin)
    const mark = (paidAmount: string) => w.t.call('orders.markResult', { id: order.id, result: 'succeeded', reason: 'bank statement', paidAmount }, w.admin)
    expect(await mark('0.001')).toMatchObject({ status: 400, field: 'paidAmount', message: 'paidAmount: CNY has at most 2 decimal places' })
    expect(await mark('600.01')).toMatchObject({ status: 400, field: 'paidAmount', message: expect.stringContaining('must not be more than the order amount (600.00 CNY)') })
    expect(await mark('0')).toMatchObject({ status: 400, field: 'paidAmount', message: 'paidAmount: must be more than zero' })
    expect((await w.t.ok('orders.get', { id: order.id }, w.admin)).status).toBe('pending')
    await w.t.ok('orders.markResult', { id: order.id, result: 'succeeded', reason: 'bank statement', paidAmount: '600.00' }, w.admin)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { sign } from '../../../src/main/upstream/signing'
import { cardFields, MERCHANT_NO, orderWorld, SIGN_KEY, waitForOrder, type OrderWorld } from './support'

let w: OrderWorld
afterEach(async () => w?.stop())

const deposit = (over: Record<string, unknown> = {}) => ({ merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '1000.00', fields: cardFields, ...over })

describe('deposit orders through the provider simulator', () => {
  it('creates, opens a payment page, and posts 0/1/2/3 when the callback says paid; the merchant is notified', async () => {
    w = await orderWorld()
    const created = await w.t.ok('orders.createDeposit', deposit(), w.admin)
    expect(created).toMatchObject({ status: 'pending', isTest: true, amount: '1000.00', currency: 'CNY' })
    expect(created.paymentPage).toMatchObject({ kind: 'bank_account', amount: '1000.00', currency: 'CNY' })
    expect(created.orderNo).toMatch(/^D\d{15}$/)

    await w.sim.pay(created.orderNo)
    const paid = await waitForOrder(w, created.id, (o) => o.status === 'succeeded', 'succeeded')
    expect(paid.paidAmount).toBe('1000.00')
    const byType = Object.fromEntries(paid.ledgerEntries.filter((e) => e.accountKind === 'merchant_available').map((e) => [e.type, e.amount]))
    // 2 % fee, 1.00 fixed fee, 10 % reserve.
    expect(byType).toEqual({ 0: '1000.00', 1: '-20.00', 2: '-1.00', 3: '-100.00' })
    // The detail's fee is what was charged: before payment nothing, once paid the posted 20.00 + 1.00.
    expect(created).toMatchObject({ fee: '0.00', feeCurrency: 'CNY' })
    expect(paid).toMatchObject({ fee: '21.00', feeCurrency: 'CNY' })
    // The list says the same as the detail (it said 0.00 for every deposit).
    const listed = await w.t.ok('orders.list', { orderNo: created.orderNo }, w.admin)
    expect(listed.items).toEqual([expect.objectContaining({ fee: '21.00', feeCurrency: 'CNY' })])
    // What the order page disables (shared/order-actions.ts) the host refuses by the same rule.
    expect(paid.cancellable).toBe(false)
    expect(await w.t.call('orders.markResult', { id: paid.id, result: 'succeeded', reason: 'Paid twice?' }, w.admin)).toMatchObject({ status: 409, code: 'orders.already_final' })
    expect(await w.t.call('orders.close', { id: paid.id, reason: 'Close the paid one' }, w.admin)).toMatchObject({ status: 409, code: 'orders.not_closable' })
    expect(paid.callbacks).toEqual([expect.objectContaining({ signatureValid: true, outcome: 'applied' })])
    const merchant = await w.t.ok('merchants.get', { id: w.merchantId }, w.admin)
    expect(merchant.balances).toEqual([expect.objectContaining({ currency: 'CNY', balance: '879.00', reserve: '100.00' })])

    const notified = await waitForOrder(w, created.id, (o) => o.notifications.some((n) => n.acknowledged), 'notified')
    expect(notified.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'upstream_answer', 'callback', 'ledger', 'status', 'notification']))
    const body = JSON.parse(w.merchantEndpoint.bodies[0])
    expect(body).toMatchObject({ orderNo: created.orderNo, status: 'succeeded', amount: '1000.00', sign: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('duplicate callbacks post once', async () => {
    w = await orderWorld()
    w.sim.setBehaviour({ behaviour: 'duplicate_callback' })
    const created = await w.t.ok('orders.createDeposit', deposit({ amount: '700.00' }), w.admin)
    await w.sim.pay(created.orderNo)
    const paid = await waitForOrder(w, created.id, (o) => o.status === 'succeeded' && o.callbacks.length >= 2, 'succeeded with both callbacks')
    expect(paid.callbacks.map((c) => c.outcome).sort()).toEqual(['applied', 'duplicate'])
    // The timeline tells them in the order they came: the callback, then its repeat.
    const said = paid.timeline.filter((e) => e.kind === 'callback').map((e) => e.summary)
    expect(said.findIndex((s) => s.startsWith('Duplicate callback'))).toBeGreaterThan(said.findIndex((s) => s.includes('signature verified')))
    expect(paid.ledgerEntries.filter((e) => e.accountKind === 'merchant_available' && e.type === 0)).toHaveLength(1)
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a forged signature changes nothing and is logged', async () => {
    w = await orderWorld()
    w.sim.setBehaviour({ behaviour: 'bad_signature' })
    const created = await w.t.ok('orders.createDeposit', deposit({ amount: '800.00' }), w.admin)
    await w.sim.pay(created.orderNo)
    const logged = await waitForOrder(w, created.id, (o) => o.callbacks.length > 0, 'logged a callback')
    expect(logged.status).toBe('pending')
    expect(logged.callbacks[0]).toMatchObject({ signatureValid: false, outcome: 'rejected' })
    expect(logged.ledgerEntries).toEqual([])
    expect(logged.timeline.some((e) => e.summary.includes('signature does not verify'))).toBe(true)
  })

  it('a callback that cannot be applied is parked with its reason, at once; the others beside it are applied', async () => {
    w = await orderWorld()
    const good = await w.t.ok('orders.createDeposit', deposit({ amount: '900.00' }), w.admin)
    const bad = await w.t.ok('orders.createDeposit', deposit({ amount: '901.00' }), w.admin)
    const callback = (order: typeof good, paidAmount: string) => {
      const params: Record<string, string> = { merchantNo: MERCHANT_NO, orderNo: order.orderNo, upstreamNo: order.upstreamNo ?? '', direction: 'deposit', status: 'SUCCESS', amount: order.amount, paidAmount, currency: 'CNY', eventId: `evt-${order.orderNo}`, timestamp: String(Date.now()) }
      params.sign = sign(params, SIGN_KEY, 'md5', false, 'sign')
      return fetch(`${w.t.core.engine.listeningAt()}/callbacks/${w.channelId}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() })
    }
    // Both are signed and acknowledged; the second names a paid amount CNY cannot hold (three decimals).
    const answers = await Promise.all([callback(good, '900.00'), callback(bad, '901.001')])
    expect(await Promise.all(answers.map((a) => a.text()))).toEqual(['SUCCESS', 'SUCCESS'])
    await waitForOrder(w, good.id, (o) => o.status === 'succeeded', 'the good callback applied')
    const stuck = await w.t.ok('orders.get', { id: bad.id }, w.admin)
    expect(stuck.status).toBe('pending')
    expect(stuck.callbacks).toEqual([expect.objectContaining({ signatureValid: true, outcome: 'parked' })])
    expect(stuck.timeline.some((e) => e.summary.includes('Parked for a decision (unreadable amount') && e.summary.includes('CNY has at most 2 decimal places'))).toBe(true)
    const parked = await w.t.ok('parked.list', { orderId: bad.id }, w.admin)
    expect(parked.items).toEqual([expect.objectContaining({ kind: 'bad_amount', status: 'open', held: '0.00', actions: ['dismiss'] })])
    expect(stuck.ledgerEntries).toEqual([])
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a partial payment posts what was paid', async () => {
    w = await orderWorld()
    w.sim.setBehaviour({ behaviour: 'partial_amount', partialPercent: 90 })
    const created = await w.t.ok('orders.createDeposit', deposit({ amount: '2000.00' }), w.admin)
    await w.sim.pay(created.orderNo)
    const paid = await waitForOrder(w, created.id, (o) => o.status === 'succeeded', 'succeeded')
    expect(paid.paidAmount).toBe('1800.00')
    expect(paid.statusReason).toContain('Partial payment')
    expect(paid.ledgerEntries.find((e) => e.accountKind === 'merchant_available' && e.type === 0)?.amount).toBe('1800.00')
  })

  it('a declined order fails with the provider’s reason and posts nothing', async () => {
    w = await orderWorld()
    w.sim.setBehaviour({ amountPattern: '\\.13$', behaviour: 'decline' })
    const created = await w.t.ok('orders.createDeposit', deposit({ amount: '600.13' }), w.admin)
    expect(created.status).toBe('failed')
    expect(created.statusReason).toContain('Declined by the provider')
    expect(created.ledgerEntries).toEqual([])
  })

  it('enforces the range and the service type’s fields, naming them', async () => {
    w = await orderWorld()
    const low = await w.t.call('orders.createDeposit', deposit({ amount: '499.99' }), w.admin)
    expect(low).toMatchObject({ status: 422, field: 'amount', code: 'limit.out_of_range' })
    expect(low.message).toBe('amount: must be at least 500.00 CNY (service limit); the available range is 500.00 CNY (service) – 20,000.00 CNY (service)')
    const high = await w.t.call('orders.createDeposit', deposit({ amount: '20000.01' }), w.admin)
    expect(high).toMatchObject({ status: 422, field: 'amount' })
    const noRemark = await w.t.call('orders.createDeposit', deposit({ fields: { ...cardFields, remarkCode: '' } }), w.admin)
    expect(noRemark).toMatchObject({ status: 400, field: 'fields.remarkCode' })
    expect(await w.t.call('orders.createDeposit', deposit({ amount: '600.001' }), w.admin)).toMatchObject({ status: 400, field: 'amount' })
    expect(w.sim.orders()).toEqual([])
  })

  it('the same merchant order number returns the same order; other content is a 409', async () => {
    w = await orderWorld()
    const first = await w.t.ok('orders.createDeposit', deposit({ merchantOrderNo: 'MO-1001' }), w.admin)
    const again = await w.t.ok('orders.createDeposit', deposit({ merchantOrderNo: 'MO-1001' }), w.admin)
    expect(again.id).toBe(first.id)
    expect(await w.t.call('orders.createDeposit', deposit({ merchantOrderNo: 'MO-1001', amount: '900.00' }), w.admin)).toMatchObject({ status: 409, field: 'merchantOrderNo' })
    expect(w.sim.createRequests(first.orderNo)).toBe(1)
  })
})

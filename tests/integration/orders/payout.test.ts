import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createOrder } from '../../../src/main/orders/create'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { ADMIN } from '../../support/core'
import type { Ctx } from '../../../src/main/core/context'
import { ALL_PERMISSION_CODES } from '../../../src/shared/permissions'
import { cardFields, orderWorld, payoutFields, reopen, waitForOrder, type OrderWorld } from './support'

let w: OrderWorld
afterEach(async () => w?.stop())

const payout = (over: Record<string, unknown> = {}) => ({ merchantId: w.merchantId, serviceId: w.payoutServiceId, channelId: w.channelId, amount: '300.00', fields: payoutFields, ...over })

/** Funds the merchant with a paid 1,000.00 deposit: 879.00 available after fees and reserve. */
async function fund(world: OrderWorld) {
  const d = await world.t.ok('orders.createDeposit', { merchantId: world.merchantId, serviceId: world.depositServiceId, channelId: world.channelId, amount: '1000.00', fields: cardFields }, world.admin)
  await world.sim.pay(d.orderNo)
  await waitForOrder(world, d.id, (o) => o.status === 'succeeded', 'paid')
}

const available = async (world: OrderWorld) => (await world.t.ok('ledger.balances', { merchantId: world.merchantId, kind: 'merchant_available' }, world.admin)).items[0]

describe('payout orders', () => {
  it('holds amount + fee at submit, then posts 8 and 9 with the payout number when it succeeds', async () => {
    w = await orderWorld()
    await fund(w)
    const created = await w.t.ok('orders.createPayout', payout(), w.admin)
    expect(created.holdStatus).toBe('pending')
    expect(created.cancellable).toBe(false)
    expect(await available(w)).toMatchObject({ balance: '879.00', available: '574.00', held: '305.00' })
    expect(created).toMatchObject({ paidAmount: null, fee: '5.00', feeCurrency: 'CNY' })
    const done = await waitForOrder(w, created.id, (o) => o.status === 'succeeded', 'succeeded')
    expect(done.holdStatus).toBe('posted')
    // What was paid out, and what it was charged: the held fee.
    expect(done).toMatchObject({ paidAmount: '300.00', fee: '5.00', feeCurrency: 'CNY' })
    const merchantEntries = done.ledgerEntries.filter((e) => e.accountKind === 'merchant_available')
    expect(merchantEntries.map((e) => [e.type, e.amount, e.remark])).toEqual([
      [8, '-300.00', created.orderNo],
      [9, '-5.00', created.orderNo]
    ])
    expect(await available(w)).toMatchObject({ balance: '574.00', available: '574.00', held: '0.00' })
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a payout that fails later releases the hold', async () => {
    w = await orderWorld()
    await fund(w)
    w.sim.setBehaviour({ amountPattern: '\\.77$', behaviour: 'fail_later' })
    const created = await w.t.ok('orders.createPayout', payout({ amount: '100.77' }), w.admin)
    const failed = await waitForOrder(w, created.id, (o) => o.status === 'failed', 'failed')
    expect(failed.holdStatus).toBe('voided')
    expect(failed).toMatchObject({ paidAmount: null, fee: '0.00' })
    // The list says the same as the detail (it kept the released fee).
    expect((await w.t.ok('orders.list', { orderNo: created.orderNo }, w.admin)).items).toEqual([expect.objectContaining({ fee: '0.00', feeCurrency: 'CNY' })])
    expect(await available(w)).toMatchObject({ balance: '879.00', available: '879.00' })
  })

  it('refuses a payout the merchant cannot cover, naming the balance', async () => {
    w = await orderWorld()
    const refused = await w.t.call('orders.createPayout', payout({ amount: '50.00' }), w.admin)
    expect(refused).toMatchObject({ status: 422, field: 'amount', code: 'ledger.insufficient_funds' })
    expect(refused.message).toContain("merchant's available balance 0.00")
  })

  it('a channel that cannot pay is named with its balance to platform staff, without it to a merchant-bound user', async () => {
    w = await orderWorld()
    await fund(w)
    await w.t.ok('channels.adjustBalance', { channelId: w.channelId, kind: 'correction', amount: '-100950', reason: 'Provider swept the float', requestKey: 'sweep-0001' }, w.admin)
    const roles = await w.t.ok('roles.list', {}, w.admin)
    const operator = roles.find((r) => r.builtInKey === 'merchantOperator')!.id
    await w.t.ok('users.create', { username: 'dragon.ops', displayName: 'Dragon Ops', password: 'Initial-pass-1', merchantId: w.merchantId, roleIds: [operator] }, w.admin)
    const token = await w.t.signIn('dragon.ops', 'Initial-pass-1')
    const staff = await w.t.call('orders.createPayout', payout({ amount: '60.00' }), w.admin)
    expect(staff).toMatchObject({ status: 422, code: 'ledger.insufficient_funds' })
    expect(staff.message).toContain("the channel's available balance 50.00 CNY does not cover the amount 60.00 CNY")
    const merchant = await w.t.call('orders.createPayout', payout({ amount: '60.00', merchantId: undefined }), token)
    expect(merchant).toMatchObject({ status: 422, code: 'ledger.insufficient_funds' })
    expect(merchant.message).toContain('the channel cannot pay out the amount 60.00 CNY now')
    expect(merchant.message).not.toContain('50.00')
  })

  it('the fee the payout form shows is the fee the order holds: both from the contract valid today, of two in one currency', async () => {
    w = await orderWorld()
    // The first contract (the lower id) ended in March; the one that applies today started in April.
    const terms = { name: 'CN 2026', feeRate: '2', fixedFee: '1.00', refundFee: '0', disputeFee: '0', withdrawalFee: '5.00', reserveRate: '10', reserveHoldDays: 30, validFrom: '2026-01-01' }
    await w.t.ok('contracts.update', { id: w.contractId, ...terms, validTo: '2026-03-31' }, w.admin)
    await w.t.ok('contracts.create', { merchantId: w.merchantId, name: 'CN 2026 H2', settlementCurrency: 'CNY', withdrawalFee: '8.00', validFrom: '2026-04-01' }, w.admin)
    await fund(w)
    const options = await w.t.ok('orders.options', { direction: 'payout', merchantId: w.merchantId }, w.admin)
    expect(options.services[0].fee).toBe('8.00')
    const created = await w.t.ok('orders.createPayout', payout({ amount: '50.00' }), w.admin)
    expect(created.fee).toBe('8.00')
  })

  it('a payout whose create call times out is never sent twice, and its callback meanwhile is not undone', async () => {
    w = await orderWorld()
    await fund(w)
    // The provider takes the payout, pays it and calls back, but never answers the create call.
    w.sim.setBehaviour({ amountPattern: '\\.15$', behaviour: 'timeout' })
    const succeededCount = () => (w.t.core.db.$client.prepare('select sum(success_count) as n from transaction_daily_totals where include_test = 1').get() as { n: number }).n
    const before = succeededCount()
    const created = await w.t.ok('orders.createPayout', payout({ amount: '200.15' }), w.admin)
    // The callback finished it while the send waited: the timeout that came after says nothing about it
    // (it made the order unknown again, so a query posted and counted it a second time).
    expect(created.status).toBe('succeeded')
    expect(created.holdStatus).toBe('posted')
    expect(created.timeline.map((e) => e.summary).filter((s) => /unknown/i.test(s))).toEqual([])
    await w.t.ok('orders.requery', { id: created.id, reason: 'Operator checks the provider' }, w.admin)
    const after = await w.t.ok('orders.get', { id: created.id }, w.admin)
    expect(after).toMatchObject({ status: 'succeeded', finalizedAt: created.finalizedAt })
    expect(after.timeline.filter((e) => e.kind === 'ledger').map((e) => e.summary)).toEqual([expect.stringMatching(/^Held 200\.15 CNY \+ fee 5\.00 CNY/), expect.stringMatching(/^Held funds posted as withdrawal 200\.15 CNY and fee 5\.00 CNY/)])
    // Counted once in the day's figures (the home page showed 133 % success).
    expect(succeededCount() - before).toBe(1)
    expect(w.sim.createRequests(created.orderNo)).toBe(1)
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a crash between hold and send resends with the same key after restart', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'paydesk-crash-order-')), 'paydesk.db')
    w = await orderWorld({ dbPath })
    await fund(w)
    // The order, its hold and its outbox row commit; the process dies before anything is sent.
    await w.t.core.engine.stop()
    const me = await w.t.ok('auth.me', {}, w.admin)
    const { orderId } = createOrder(ctxOf(w, me.id), { merchantId: w.merchantId, serviceId: w.payoutServiceId, channelId: w.channelId, amount: '120.00', fields: payoutFields, isTest: true }, 'payout')
    const held = await w.t.ok('orders.get', { id: orderId }, w.admin)
    expect(held).toMatchObject({ status: 'created', holdStatus: 'pending' })
    expect(w.sim.createRequests(held.orderNo)).toBe(0)
    w.t.core.close()

    w = await reopen(w)
    const order = await waitForOrder(w, orderId, (o) => o.status === 'succeeded', 'sent and succeeded after restart')
    expect(w.sim.createRequests(order.orderNo)).toBe(1)
    expect(order.exchanges[0].requestBody).toContain(order.orderNo)
    expect(order.holdStatus).toBe('posted')
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a payout already at the provider cannot be closed; one still queued can, releasing its hold', async () => {
    w = await orderWorld()
    await fund(w)
    const sent = await w.t.ok('orders.createPayout', payout({ amount: '10.00' }), w.admin)
    expect(await w.t.call('orders.close', { id: sent.id, reason: 'Merchant changed its mind' }, w.admin)).toMatchObject({ status: 409, code: 'orders.not_closable' })
  })

  it('a payout the bank sent back after it succeeded is marked returned once: its amount credited back, its fee kept, the merchant told', async () => {
    w = await orderWorld()
    await fund(w)
    const created = await w.t.ok('orders.createPayout', payout(), w.admin)
    const mark = (id: number, extra: Record<string, unknown> = {}) => w.t.call('orders.markResult', { id, result: 'returned', reason: 'Bank returned it: beneficiary account closed', ...extra }, w.admin)
    // Not before it succeeded (nothing was paid to send back), nor a deposit (its money goes back by a refund).
    const early = await w.t.ok('orders.get', { id: created.id }, w.admin)
    if (early.status !== 'succeeded') expect(await mark(created.id)).toMatchObject({ status: 409, code: 'orders.not_returnable' })
    await waitForOrder(w, created.id, (o) => o.status === 'succeeded', 'succeeded')
    const deposit = (await w.t.ok('orders.list', { direction: 'deposit' }, w.admin)).items[0]
    expect(await mark(deposit.id)).toMatchObject({ status: 409, code: 'orders.not_returnable', message: `Order ${deposit.orderNo} is a deposit: only a payout the bank sent back can be marked returned (a payer’s money goes back by a refund)` })
    expect(await mark(created.id, { paidAmount: '300.00' })).toMatchObject({ status: 400, field: 'paidAmount' })
    expect(await available(w)).toMatchObject({ balance: '574.00', available: '574.00' })

    const returned = await w.t.ok('orders.markResult', { id: created.id, result: 'returned', reason: 'Bank returned it: beneficiary account closed' }, w.admin)
    expect(returned.status).toBe('returned')
    // It was paid out before it came back: that stays said, as does the fee it was charged.
    expect(returned).toMatchObject({ paidAmount: '300.00', fee: '5.00' })
    // The amount is back; the 5.00 fee stays charged. The payout's own entries stay as they were.
    expect(await available(w)).toMatchObject({ balance: '874.00', available: '874.00', held: '0.00' })
    const merchantEntries = returned.ledgerEntries.filter((e) => e.accountKind === 'merchant_available')
    expect(merchantEntries.map((e) => [e.type, e.amount, e.remark])).toEqual([
      [8, '-300.00', created.orderNo],
      [9, '-5.00', created.orderNo],
      [8, '300.00', `${created.orderNo} returned`]
    ])
    expect(returned.timeline.map((e) => e.text?.code)).toEqual(expect.arrayContaining(['order.returnPosted', 'order.returned']))
    expect(returned.timeline.find((e) => e.text?.code === 'order.returnPosted')?.summary).toMatch(/^Return posted: 300\.00 CNY back to the merchant’s available balance \(posting \d+\); the fee of 5\.00 CNY stays charged$/)
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
    // Audited, and the merchant's system is told the new status.
    const audit = (await w.t.ok('audit.list', { targetType: 'order', targetId: created.id }, w.admin)).items
    expect(audit.map((e) => e.summary)).toContain(`Order ${created.orderNo} marked returned: Bank returned it: beneficiary account closed`)
    await expect.poll(() => w.merchantEndpoint.bodies.map((b) => JSON.parse(b) as { orderNo: string; status: string }).filter((b) => b.orderNo === created.orderNo).map((b) => b.status), { timeout: 5000 }).toContain('returned')
    // Once: a second return would credit it twice.
    expect(await mark(created.id)).toMatchObject({ status: 409, code: 'orders.not_returnable' })
    expect(await w.t.call('orders.markResult', { id: created.id, result: 'failed', reason: 'Provider said it failed' }, w.admin)).toMatchObject({ status: 409, code: 'orders.already_final' })
    expect(await available(w)).toMatchObject({ balance: '874.00' })
  })
})

/** The context the registry would hand orders.createPayout, for calling the order engine's first half directly. */
function ctxOf(world: OrderWorld, userId: number): Ctx {
  return world.t.core.contextFor('orders.createPayout', { userId, username: ADMIN.username, displayName: 'Root', merchantId: null, permissions: new Set(ALL_PERMISSION_CODES), sessionId: 'test' })
}

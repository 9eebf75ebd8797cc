/**
 * A request about an order waits only while the order is open: whatever way the order becomes
 * final (expiry, a close, a booked late payment, a provider's answer, someone else's marking),
 * its requests still waiting for a second user are withdrawn, on the order's timeline and in the
 * audit log, so none stays "pending" in the queue with an approval that can only be refused.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { cardFields, orderWorld, waitForOrder, type OrderWorld } from '../orders/support'

let w: OrderWorld
afterEach(async () => w?.stop())

const deposit = (amount: string) => ({ merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount, fields: cardFields })
const markPaid = (id: number) => w.t.ok('orders.markResult', { id, result: 'succeeded', reason: 'Seen on the provider portal' }, w.admin)
const requestsOf = async (orderId: number) => (await w.t.ok('approvals.list', { orderId }, w.admin)).items

async function world(options: { realClock?: boolean } = {}): Promise<string> {
  w = await orderWorld(options)
  await w.t.ok('fourEyes.updateSettings', { rules: [{ kind: 'mark_result', currency: 'CNY', threshold: '1000' }] }, w.admin)
  const roles = await w.t.ok('roles.list', {}, w.admin)
  const admin = roles.find((r) => r.builtInKey === 'administrator')!.id
  await w.t.ok('users.create', { username: 'second.sam', displayName: 'Second Sam', password: 'Initial-pass-1', merchantId: null, roleIds: [admin] }, w.admin)
  return w.t.signIn('second.sam', 'Initial-pass-1')
}

async function auditOf(approvalId: number) {
  const audit = await w.t.ok('audit.list', { pageSize: 100 }, w.admin)
  return audit.items.filter((a) => a.summary.startsWith(`Request ${approvalId} withdrawn`))
}

describe('an order that becomes final withdraws its waiting requests', () => {
  it('a forced result waiting when the deposit expires is withdrawn by the system; approving it then is refused as decided', async () => {
    const second = await world({ realClock: false })
    const order = await w.t.ok('orders.createDeposit', deposit('5000.00'), w.admin)
    expect((await markPaid(order.id)).awaitingApproval).toMatchObject([{ kind: 'mark_result', result: 'succeeded' }])
    const [request] = await requestsOf(order.id)

    w.t.clock.advance(order.expiresAt! - w.t.clock.now())
    await w.t.core.engine.tick()
    const closed = await w.t.ok('orders.get', { id: order.id }, w.admin)
    expect(closed).toMatchObject({ status: 'closed', awaitingApproval: [] })
    expect(closed.timeline.filter((e) => e.summary.startsWith(`Request ${request.id} `))).toMatchObject([{ kind: 'status', actor: 'system', summary: `Request ${request.id} (marking order ${order.orderNo} (5,000.00 CNY) succeeded) withdrawn: the order became closed before a second user decided` }])
    expect(await requestsOf(order.id)).toMatchObject([{ id: request.id, status: 'withdrawn', decidedBy: null, canDecide: false }])
    expect((await w.t.ok('approvals.list', { status: 'pending' }, second)).total).toBe(0)
    expect(await auditOf(request.id)).toMatchObject([{ actor: 'system', userId: null, procedure: 'system.orderEngine', targetType: 'order', targetId: String(order.id), after: { status: 'withdrawn', orderStatus: 'closed' } }])

    const approved = await w.t.call('approvals.decide', { id: request.id, decision: 'approve' }, second)
    expect(approved).toMatchObject({ status: 409, code: 'four_eyes.decided' })
    expect(approved.message).toContain('withdrawn')
  })

  it('closed by an operator, then paid late, parked and booked: each request waiting at the time is withdrawn', async () => {
    const second = await world()
    const order = await w.t.ok('orders.createDeposit', deposit('5000.00'), w.admin)
    await markPaid(order.id)
    const [first] = await requestsOf(order.id)
    await w.t.ok('orders.close', { id: order.id, reason: 'Payer gave up on the phone' }, w.admin)
    expect(await requestsOf(order.id)).toMatchObject([{ id: first.id, status: 'withdrawn', decidedBy: 'root' }])
    expect(await auditOf(first.id)).toMatchObject([{ actor: 'root', procedure: 'orders.close' }])

    // A closed deposit may still be marked paid (a late payment): that request waits too...
    await markPaid(order.id)
    const waiting = (await requestsOf(order.id)).find((r) => r.status === 'pending')!
    // ...until the provider's late payment is parked and booked by another way.
    await w.sim.pay(order.orderNo)
    await waitForOrder(w, order.id, (o) => o.callbacks[0]?.outcome === 'parked', 'parked')
    const [late] = (await w.t.ok('parked.list', { orderId: order.id }, w.admin)).items
    await w.t.ok('parked.resolve', { id: late.id, action: 'book', reason: 'Payer paid late, merchant shipped' }, w.admin)

    const booked = await w.t.ok('orders.get', { id: order.id }, w.admin)
    expect(booked).toMatchObject({ status: 'succeeded', paidAmount: '5000.00', awaitingApproval: [] })
    expect(booked.timeline.map((e) => e.summary)).toContain(`Request ${waiting.id} (marking order ${order.orderNo} (5,000.00 CNY) succeeded) withdrawn: the order became succeeded before a second user decided`)
    expect((await requestsOf(order.id)).map((r) => r.status)).toEqual(['withdrawn', 'withdrawn'])
    expect(await auditOf(waiting.id)).toMatchObject([{ actor: 'root', procedure: 'parked.resolve' }])
    expect(await w.t.call('approvals.decide', { id: waiting.id, decision: 'approve' }, second)).toMatchObject({ status: 409, code: 'four_eyes.decided' })
    expect((await w.t.ok('approvals.list', { status: 'pending' }, second)).total).toBe(0)
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a provider answer ends the order too; a request being decided is decided, not withdrawn', async () => {
    const second = await world()
    const paidByProvider = await w.t.ok('orders.createDeposit', deposit('5000.00'), w.admin)
    await w.t.ok('orders.markResult', { id: paidByProvider.id, result: 'failed', reason: 'Payer says they never paid' }, w.admin)
    await w.sim.pay(paidByProvider.orderNo)
    await waitForOrder(w, paidByProvider.id, (o) => o.status === 'succeeded', 'succeeded')
    expect(await requestsOf(paidByProvider.id)).toMatchObject([{ status: 'withdrawn', decidedBy: null }])

    const approvedOne = await w.t.ok('orders.createDeposit', deposit('5000.00'), w.admin)
    await markPaid(approvedOne.id)
    const [request] = await requestsOf(approvedOne.id)
    expect(await w.t.ok('approvals.decide', { id: request.id, decision: 'approve' }, second)).toMatchObject({ status: 'approved', decidedBy: 'second.sam' })
    expect((await w.t.ok('orders.get', { id: approvedOne.id }, w.admin)).status).toBe('succeeded')
    expect(await auditOf(request.id)).toEqual([])
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })
})

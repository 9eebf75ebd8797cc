/**
 * A detail read by the number people see and paste (`#/orders/P2026…`, `#/finance/adjustments/A…`):
 * found as the id is, through the same tenant and merchant-scope checks; never a way to see more.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { aftersalesWorld, type AftersalesWorld } from '../aftersales/support'

let w: AftersalesWorld
afterEach(async () => w?.stop())

const HOUR = 3_600_000

describe('detail reads by the number shown', () => {
  it('an order, withdrawal, adjustment, refund and dispute are read by their number as by their id; an unknown number is not found', async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('10000.00')
    const withdrawal = await w.t.ok('withdrawals.request', { merchantId: w.merchantId, currency: 'CNY', amount: '100.00', bankCode: 'ICBC', accountNo: '6222020200998877665', holderName: 'Golden Dragon Trading Ltd', requestKey: 'by-no-wd-1' }, w.admin)
    const adjustment = await w.t.ok('adjustments.request', { merchantId: w.merchantId, contractId: w.contractId, currency: 'CNY', amount: '12.34', reason: 'Bank fee charged twice in November', requestKey: 'by-no-adj-1' }, w.admin)
    const refund = await w.t.ok('refunds.create', { orderId: order.id, amount: '10.00', reason: 'Customer returned the goods' }, w.admin)
    const dispute = await w.t.ok('disputes.create', { orderId: order.id, kind: 'chargeback', reasonCode: '10.4', amount: '20.00', evidenceDueAt: w.t.clock.now() + 72 * HOUR }, w.admin)

    expect(await w.t.ok('orders.get', { no: order.orderNo }, w.admin)).toMatchObject({ id: order.id, orderNo: order.orderNo })
    // Pasted as typed: spaces around it and lower case are the same number.
    expect(await w.t.ok('orders.get', { no: ` ${order.orderNo.toLowerCase()} ` }, w.admin)).toMatchObject({ id: order.id })
    expect(await w.t.ok('withdrawals.get', { no: withdrawal.withdrawalNo }, w.admin)).toMatchObject({ id: withdrawal.id, withdrawalNo: withdrawal.withdrawalNo })
    expect(await w.t.ok('adjustments.get', { no: adjustment.adjustmentNo }, w.admin)).toMatchObject({ id: adjustment.id, adjustmentNo: adjustment.adjustmentNo })
    expect(await w.t.ok('refunds.get', { no: refund.refundNo }, w.admin)).toMatchObject({ id: refund.id })
    expect(await w.t.ok('disputes.get', { no: dispute.disputeNo }, w.admin)).toMatchObject({ id: dispute.id })

    expect(await w.t.call('orders.get', { no: 'P209901010000001' }, w.admin)).toMatchObject({ status: 404, code: 'not_found' })
    const missing = await w.t.call('adjustments.get', { no: 'A209901010000001' }, w.admin)
    expect(missing).toMatchObject({ status: 404, code: 'not_found' })
    expect(missing.message).toContain('A209901010000001')
    // One of the two, never both or neither.
    expect(await w.t.call('orders.get', { id: order.id, no: order.orderNo }, w.admin)).toMatchObject({ status: 400, field: 'id' })
    expect(await w.t.call('orders.get', {}, w.admin)).toMatchObject({ status: 400, field: 'id' })
  })

  it("another merchant's user is refused a number exactly as it is refused the id", async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00')
    const other = await w.t.ok('merchants.create', { name: 'Saigon Foods' }, w.admin)
    const outsider = await w.merchantUser('saigon.ops', other.id)
    const own = await w.merchantUser('dragon.ops')

    const byId = await w.t.call('orders.get', { id: order.id }, outsider)
    const byNo = await w.t.call('orders.get', { no: order.orderNo }, outsider)
    expect(byId).toMatchObject({ status: 404, code: 'not_found' })
    expect({ ...byNo, requestId: undefined }).toEqual({ ...byId, requestId: undefined })
    expect(await w.t.ok('orders.get', { no: order.orderNo }, own)).toMatchObject({ id: order.id })
  })
})

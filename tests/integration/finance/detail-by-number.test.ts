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

  it("another merchant's row asked by its number is refused as a number that does not exist, without its id", async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('10000.00')
    const withdrawal = await w.t.ok('withdrawals.request', { merchantId: w.merchantId, currency: 'CNY', amount: '100.00', bankCode: 'ICBC', accountNo: '6222020200998877665', holderName: 'Golden Dragon Trading Ltd', requestKey: 'scope-wd-1' }, w.admin)
    const refund = await w.t.ok('refunds.create', { orderId: order.id, amount: '10.00', reason: 'Customer returned the goods' }, w.admin)
    const other = await w.t.ok('merchants.create', { name: 'Saigon Foods' }, w.admin)
    const outsider = await w.merchantUser('saigon.ops', other.id)

    const theirs = await w.t.call('withdrawals.get', { no: withdrawal.withdrawalNo }, outsider)
    expect(theirs).toMatchObject({ status: 404, code: 'not_found', message: `Withdrawal ${withdrawal.withdrawalNo} was not found` })
    expect(await w.t.call('refunds.get', { no: refund.refundNo }, outsider)).toMatchObject({ status: 404, message: `Refund ${refund.refundNo} was not found` })
    expect(await w.t.call('withdrawals.get', { no: withdrawal.withdrawalNo.slice(1) }, outsider)).toMatchObject({ status: 404, message: `Withdrawal ${withdrawal.withdrawalNo.slice(1)} was not found` })
  })
})

describe('detail reads by a number of digits only', () => {
  it("the transaction number alone finds the order, withdrawal or adjustment it belongs to; a refund's number has no such form", async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('10000.00')
    const withdrawal = await w.t.ok('withdrawals.request', { merchantId: w.merchantId, currency: 'CNY', amount: '100.00', bankCode: 'ICBC', accountNo: '6222020200998877665', holderName: 'Golden Dragon Trading Ltd', requestKey: 'digits-wd-1' }, w.admin)
    const adjustment = await w.t.ok('adjustments.request', { merchantId: w.merchantId, contractId: w.contractId, currency: 'CNY', amount: '12.34', reason: 'Bank fee charged twice in November', requestKey: 'digits-adj-1' }, w.admin)
    const refund = await w.t.ok('refunds.create', { orderId: order.id, amount: '10.00', reason: 'Customer returned the goods' }, w.admin)
    const txn = (await w.t.ok('orders.get', { id: order.id }, w.admin)).txnNo
    expect(String(txn)).toMatch(/^\d{15}$/)

    expect(await w.t.ok('orders.get', { no: String(txn) }, w.admin)).toMatchObject({ id: order.id, orderNo: order.orderNo })
    expect(await w.t.ok('withdrawals.get', { no: withdrawal.withdrawalNo.slice(1) }, w.admin)).toMatchObject({ id: withdrawal.id })
    expect(await w.t.ok('adjustments.get', { no: adjustment.adjustmentNo.slice(1) }, w.admin)).toMatchObject({ id: adjustment.id })
    // A refund's number is R, the order's transaction number and its count: the digits are the order's, not the refund's.
    expect(await w.t.call('refunds.get', { no: String(txn) }, w.admin)).toMatchObject({ status: 404, code: 'not_found' })
    // One transaction number is one row: the order's digits do not open the withdrawal, nor the other way round.
    expect(await w.t.call('withdrawals.get', { no: String(txn) }, w.admin)).toMatchObject({ status: 404 })
    expect(await w.t.call('orders.get', { no: withdrawal.withdrawalNo.slice(1) }, w.admin)).toMatchObject({ status: 404 })
    expect(refund.refundNo).toBe(`R${txn}-1`)
  })

  it('an id asked is only ever an id and a number only ever a number, so digits that were both cannot open the other row', async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00')
    const txn = (await w.t.ok('orders.get', { id: order.id }, w.admin)).txnNo
    // The transaction number asked as an id: no row has that id, and it is not tried as a number.
    expect(await w.t.call('orders.get', { id: txn }, w.admin)).toMatchObject({ status: 404, code: 'not_found' })
    // The id asked as a number: no order has that number, and it is not tried as an id.
    expect(await w.t.call('orders.get', { no: String(order.id) }, w.admin)).toMatchObject({ status: 404, code: 'not_found' })
  })
})

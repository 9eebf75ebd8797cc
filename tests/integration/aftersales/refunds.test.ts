import { afterEach, describe, expect, it } from 'vitest'
import type { RefundDetail } from '../../../src/shared/contract/aftersales'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { countRows } from '../../support/core'
import { aftersalesWorld, type AftersalesWorld } from './support'

let w: AftersalesWorld
afterEach(async () => w?.stop())

async function waitForRefund(id: number, check: (r: RefundDetail) => boolean, what: string): Promise<RefundDetail> {
  const started = Date.now()
  for (;;) {
    const refund = await w.t.ok('refunds.get', { id }, w.admin)
    if (check(refund)) return refund
    if (Date.now() - started > 10_000) throw new Error(`refund ${refund.refundNo} never became ${what}; it is ${refund.status}: ${refund.timeline.map((e) => e.summary).join(' | ')}`)
    await new Promise((r) => setTimeout(r, 40))
  }
}

const refund = (orderId: number, amount: string, token = w.admin) => w.t.call('refunds.create', { orderId, amount, reason: 'Customer returned the goods' }, token)
const merchantEntries = async (orderId: number) => (await w.t.ok('orders.get', { id: orderId }, w.admin)).ledgerEntries.filter((e) => e.accountKind === 'merchant_available')

describe('refunds of paid deposits', () => {
  it('a partial refund holds amount + fee, goes to the provider, and posts refund (4) and refund fee (5) when it succeeds', async () => {
    w = await aftersalesWorld()
    const order = await w.paidDeposit('1000.00')
    // 1000 less 2 % fee, 1.00 fixed fee and 10 % reserve.
    expect(await w.available()).toBe('879.00')
    const requested = await refund(order.id, '200.00')
    expect(requested).toMatchObject({ status: 200, data: { amount: '200.00', fee: '3.00', currency: 'CNY', orderNo: order.orderNo } })
    const id = requested.data!.id
    expect(await w.available()).toBe('676.00')

    const done = await waitForRefund(id, (r) => r.status === 'succeeded', 'succeeded')
    expect(done.upstreamNo).toMatch(/^SIMR/)
    expect(done.holdStatus).toBe('posted')
    expect(done.timeline.map((e) => e.text.code)).toEqual(['refund.requested', 'refund.held', 'refund.accepted', 'refund.queryAnswer', 'refund.succeeded'])
    expect(await w.available()).toBe('676.00')
    const entries = await merchantEntries(order.id)
    expect(entries.filter((e) => e.type === 4 || e.type === 5).map((e) => [e.type, e.amount, e.remark])).toEqual([
      [4, '-200.00', done.refundNo],
      [5, '-3.00', done.refundNo]
    ])
    const channel = await w.t.ok('ledger.balances', { kind: 'channel' }, w.admin)
    expect(channel.items.find((b) => b.channelId === w.channelId)?.balance).toBe('100800.00')
    expect(w.sim.refunds()).toEqual([expect.objectContaining({ refundNo: done.refundNo, amount: '200.00', status: 'SUCCESS' })])
    const order2 = await w.t.ok('orders.get', { id: order.id }, w.admin)
    expect(order2.timeline.map((e) => e.summary)).toEqual(expect.arrayContaining([`Refund ${done.refundNo} of 200.00 CNY requested`, `Refund ${done.refundNo} of 200.00 CNY succeeded`]))
    const audit = await w.t.ok('audit.list', { targetType: 'refund' }, w.admin)
    expect(audit.items).toEqual([expect.objectContaining({ targetId: String(id), summary: `Refund ${done.refundNo} of 200.00 CNY requested for order ${order.orderNo}` })])
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a refund beyond what is left is refused with the remaining amount named, and nothing is written', async () => {
    w = await aftersalesWorld()
    await w.paidDeposit('5000.00')
    const order = await w.paidDeposit('1000.00')
    expect((await refund(order.id, '600.00')).status).toBe(200)
    const before = countRows(w.t.core, 'refunds')
    const refused = await refund(order.id, '400.01')
    expect(refused).toMatchObject({ status: 422, code: 'refunds.exceeds_paid', field: 'amount' })
    expect(refused.message).toContain('only 400.00 CNY of order')
    expect(countRows(w.t.core, 'refunds')).toBe(before)
    expect(await w.t.ok('refunds.quote', { orderId: order.id }, w.admin)).toMatchObject({ paid: '1000.00', refunded: '600.00', remaining: '400.00', refundFee: '3.00', disputeFee: '15.00', unavailable: null })
    expect((await refund(order.id, '400.00')).status).toBe(200)
  })

  it('concurrent refunds racing for the same money never exceed what was paid', async () => {
    w = await aftersalesWorld()
    await w.paidDeposit('9000.00')
    const order = await w.paidDeposit('1000.00')
    const answers = await Promise.all(Array.from({ length: 6 }, () => refund(order.id, '300.00')))
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3)
    expect(answers.filter((a) => a.status === 422).every((a) => a.message.includes('only 100.00 CNY'))).toBe(true)
    const listed = await w.t.ok('refunds.list', { orderId: order.id }, w.admin)
    expect(listed.total).toBe(3)
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a declined refund fails and releases its hold; the money can be refunded again', async () => {
    w = await aftersalesWorld()
    const order = await w.paidDeposit('1000.00')
    w.sim.setBehaviour({ amountPattern: '\\.13$', behaviour: 'decline' })
    const declined = await refund(order.id, '100.13')
    expect(declined.data).toMatchObject({ status: 'failed', holdStatus: 'voided' })
    expect(declined.data!.timeline.at(-1)?.summary).toContain('Refund failed: Declined by the provider: refund declined by the provider simulator')
    expect(await w.available()).toBe('879.00')
    expect((await merchantEntries(order.id)).some((e) => e.type === 4)).toBe(false)
    expect(await w.t.ok('refunds.quote', { orderId: order.id }, w.admin)).toMatchObject({ remaining: '1000.00' })
  })

  it('a refund the provider fails later is released when the query says so', async () => {
    w = await aftersalesWorld()
    const order = await w.paidDeposit('1000.00')
    w.sim.setBehaviour({ amountPattern: '\\.27$', behaviour: 'fail_later' })
    const requested = await refund(order.id, '50.27')
    expect(requested.data?.status).toBe('processing')
    const failed = await waitForRefund(requested.data!.id, (r) => r.status === 'failed', 'failed')
    expect(failed.holdStatus).toBe('voided')
    expect(await w.available()).toBe('879.00')
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a refund whose answer never came is asked about, not sent again, and posts once', async () => {
    w = await aftersalesWorld()
    const order = await w.paidDeposit('1000.00')
    w.sim.setBehaviour({ amountPattern: '\\.41$', behaviour: 'timeout' })
    const requested = await refund(order.id, '20.41')
    expect(requested.data?.status).toBe('processing')
    expect(requested.data?.timeline.map((e) => e.text.code)).toContain('refund.outcomeUnknown')
    const done = await waitForRefund(requested.data!.id, (r) => r.status === 'succeeded', 'succeeded')
    expect(w.sim.requests().filter((r) => r.path === '/refund/create')).toHaveLength(1)
    expect((await merchantEntries(order.id)).filter((e) => e.type === 4)).toEqual([expect.objectContaining({ amount: '-20.41', remark: done.refundNo })])
  })

  it('only paid deposits can be refunded, and the merchant must cover amount + fee', async () => {
    w = await aftersalesWorld()
    const unpaid = await w.t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '900.00', fields: { payerName: 'Li Wei', cardNumber: '6222020200112233445', remarkCode: 'R8812' } }, w.admin)
    expect(await refund(unpaid.id, '10.00')).toMatchObject({ status: 409, code: 'aftersales.not_paid_deposit', field: 'orderId' })
    expect(await w.t.ok('refunds.quote', { orderId: unpaid.id }, w.admin)).toMatchObject({ refundFee: null, unavailable: { code: 'error.aftersales.notPaidDeposit' } })
    const order = await w.paidDeposit('1000.00')
    // 879.00 available: a full refund of 1000.00 + 3.00 fee cannot be covered.
    const short = await refund(order.id, '1000.00')
    expect(short).toMatchObject({ status: 422, code: 'ledger.insufficient_funds', field: 'amount' })
    expect(short.message).toBe("amount: Insufficient balance: the merchant's available balance 879.00 CNY does not cover the amount plus fee 1,003.00 CNY")
    expect(countRows(w.t.core, 'refunds')).toBe(0)
    expect(countRows(w.t.core, 'case_events')).toBe(0)
  })

  it('merchant operators refund their own orders only and list only their own refunds', async () => {
    w = await aftersalesWorld()
    const order = await w.paidDeposit('1000.00')
    const other = await w.t.ok('merchants.create', { name: 'Other Merchant' }, w.admin)
    const mine = await w.merchantUser('golden.ops')
    const stranger = await w.merchantUser('other.ops', other.id)
    expect(await refund(order.id, '10.00', stranger)).toMatchObject({ status: 404 })
    const own = await refund(order.id, '10.00', mine)
    expect(own.status).toBe(200)
    expect((await w.t.ok('refunds.list', {}, mine)).total).toBe(1)
    expect((await w.t.ok('refunds.list', {}, stranger)).total).toBe(0)
    expect(await w.t.call('refunds.get', { id: own.data!.id }, stranger)).toMatchObject({ status: 404 })
    expect(await w.t.call('refunds.list', { merchantId: w.merchantId }, stranger)).toMatchObject({ status: 403 })
    const audit = await w.t.ok('audit.list', { targetType: 'refund' }, w.admin)
    expect(audit.items[0]).toMatchObject({ actor: 'golden.ops', merchantId: w.merchantId })
  })
})

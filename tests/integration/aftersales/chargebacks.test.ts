/**
 * A chargeback is imposed: the provider has already taken the money back, so it is booked even when
 * the merchant's or the channel's balance is short, and what the merchant's balance lacks becomes
 * its debt. What the platform decides itself (a complaint, refunds, payouts, withdrawals) is still
 * refused while a balance is short.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { payoutFields } from '../orders/support'
import { aftersalesWorld, type AftersalesWorld } from './support'

let w: AftersalesWorld
afterEach(async () => w?.stop())

const HOUR = 3_600_000
let keys = 0

const dispute = (orderId: number, amount: string, kind: 'chargeback' | 'complaint' = 'chargeback') =>
  w.t.call('disputes.create', { orderId, kind, reasonCode: kind === 'chargeback' ? '10.4' : 'C-NOT-RECEIVED', amount, evidenceDueAt: w.t.clock.now() + 72 * HOUR }, w.admin)
const withdraw = (amount: string) =>
  w.t.call('withdrawals.request', { merchantId: w.merchantId, currency: 'CNY', amount, bankCode: 'ICBC', accountNo: '6222020200998877665', holderName: 'Golden Dragon Trading Ltd', requestKey: `chargeback-wd-${++keys}` }, w.admin)
const refund = (orderId: number, amount: string) => w.t.call('refunds.create', { orderId, amount, reason: 'Customer returned the goods' }, w.admin)
const payout = (amount: string) => w.t.call('orders.createPayout', { merchantId: w.merchantId, serviceId: w.payoutServiceId, channelId: w.channelId, amount, fields: payoutFields }, w.admin)
const channelAvailable = async () => (await w.t.ok('ledger.balances', { kind: 'channel' }, w.admin)).items.find((b) => b.channelId === w.channelId)!.available

/** Every currency's entries sum to zero, and the self-check finds nothing. */
function expectBalancedLedger() {
  expect(w.t.core.db.$client.prepare('select currency, sum(amount) as total from ledger_entries group by currency having sum(amount) != 0').all()).toEqual([])
  expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
}

/** Small deposits: the world's service starts at 500.00 and its channel at 100.00. */
async function smallDeposits() {
  await w.t.ok('services.update', { id: w.depositServiceId, singleLower: '10', singleUpper: '20000', activated: true }, w.admin)
  const ch = await w.t.ok('channels.get', { id: w.channelId }, w.admin)
  await w.t.ok(
    'channels.update',
    { id: ch.id, name: ch.name, provider: ch.provider, supportsDeposit: true, supportsPayout: true, paymentLower: '10', paymentUpper: ch.paymentUpper, payoutLower: ch.payoutLower, payoutUpper: ch.payoutUpper },
    w.admin
  )
}

describe('chargebacks on short balances', () => {
  it('a chargeback is booked when the merchant is short: it owes the shortfall, and refunds, payouts and withdrawals are refused until it is back above zero', async () => {
    w = await aftersalesWorld({ realClock: false })
    await smallDeposits()
    // 50.00 paid: 43.00 available (2 % fee 1.00, fixed fee 1.00, reserve 5.00); 28.00 + 5.00 fee withdrawn leaves 10.00.
    const order = await w.paidDeposit('50.00')
    expect((await withdraw('28.00')).status).toBe(200)
    expect(await w.available()).toBe('10.00')

    // A complaint is the platform's own decision: still refused when the merchant cannot cover it.
    expect(await dispute(order.id, '50.00', 'complaint')).toMatchObject({ status: 422, code: 'ledger.insufficient_funds', field: 'amount' })

    const opened = await dispute(order.id, '50.00')
    expect(opened).toMatchObject({ status: 200, data: { status: 'open', amount: '50.00', fee: '15.00' } })
    // −40.00 short of the amount, and the 15.00 fee.
    expect(await w.available()).toBe('-55.00')
    expect(opened.data!.timeline.map((e) => e.text.code)).toEqual(['dispute.opened', 'dispute.posted', 'dispute.merchantShort'])
    expect(opened.data!.timeline[2].summary).toBe(
      "The merchant's available balance (10.00 CNY) was short of 65.00 CNY by 55.00 CNY: a chargeback has already been taken back by the provider and cannot be refused, so 55.00 CNY is recorded as owed by the merchant (available balance now -55.00 CNY). Withdrawals, payouts and refunds are refused until the balance is back above zero."
    )
    const audit = await w.t.ok('audit.list', { targetType: 'dispute' }, w.admin)
    expect(audit.items[0].after).toMatchObject({ belowZero: [{ account: 'merchant_available', availableBefore: '10.00', shortBy: '55.00', availableAfter: '-55.00' }] })
    expectBalancedLedger()

    // What the platform decides itself is refused while the merchant owes: a withdrawal, a refund, a payout.
    const other = await w.paidDeposit('20.00')
    expect(await w.available()).toBe('-38.40')
    const withdrawal = await withdraw('1.00')
    expect(withdrawal).toMatchObject({ status: 422, code: 'ledger.insufficient_funds', field: 'amount' })
    expect(withdrawal.message).toBe('amount: the merchant owes the platform 38.40 CNY (available balance -38.40 CNY): nothing can be withdrawn until the balance is back above zero')
    expect(await refund(other.id, '1.00')).toMatchObject({ status: 422, code: 'ledger.insufficient_funds', field: 'amount' })
    expect(await payout('10.00')).toMatchObject({ status: 422, code: 'ledger.insufficient_funds', field: 'amount' })
    expect(await w.available()).toBe('-38.40')

    // Won: the 50.00 comes back (the fee is kept), the merchant is above zero and may withdraw again.
    const won = await w.t.ok('disputes.resolve', { id: opened.data!.id, outcome: 'won', reason: 'Issuer reversed the chargeback' }, w.admin)
    expect(won.status).toBe('won')
    expect(await w.available()).toBe('11.60')
    expect((await withdraw('1.00')).status).toBe(200)
    expectBalancedLedger()
  })

  it("the channel's record follows the provider: a chargeback is booked when the channel is short, a complaint is not", async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00')
    // The float swept away: 10.00 left on the channel (100,000.00 + 1,000.00 paid − 100,990.00).
    await w.t.ok('channels.adjustBalance', { channelId: w.channelId, kind: 'correction', amount: '-100990', reason: 'Provider swept the float', requestKey: 'cb-sweep-1' }, w.admin)
    expect(await channelAvailable()).toBe('10.00')
    const complaint = await dispute(order.id, '300.00', 'complaint')
    expect(complaint).toMatchObject({ status: 422, code: 'ledger.insufficient_funds' })
    expect(complaint.message).toContain("the channel's available balance 10.00 CNY does not cover the amount 300.00 CNY")

    const opened = await dispute(order.id, '300.00')
    expect(opened.status).toBe(200)
    expect(await channelAvailable()).toBe('-290.00')
    expect(await w.available()).toBe('564.00')
    // The merchant could read the timeline: it says the channel was short, never by how much.
    const channelShort = opened.data!.timeline.find((e) => e.text.code === 'dispute.channelShort')!
    expect(channelShort.summary).toBe(
      "The channel's recorded balance did not cover the chargeback: the provider has already taken it back, so the channel's balance is recorded below zero. Check it against the provider's statement."
    )
    expect(opened.data!.timeline.map((e) => e.text.code)).not.toContain('dispute.merchantShort')
    const audit = await w.t.ok('audit.list', { targetType: 'dispute' }, w.admin)
    expect(audit.items[0].after).toMatchObject({ belowZero: [{ account: 'channel', availableBefore: '10.00', shortBy: '290.00', availableAfter: '-290.00' }] })
    // Nothing more is paid out of a channel below zero.
    expect(await payout('10.00')).toMatchObject({ status: 422, code: 'ledger.insufficient_funds' })
    expectBalancedLedger()
  })
})

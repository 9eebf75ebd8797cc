/**
 * Withdrawals: held at request, reviewed by another user (maker-checker), paid with the bank's
 * reference (withdrawal 8 and fee 9 posted) or released on rejection or a failed transfer.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { ADMIN } from '../../support/core'
import { CHECKER, financeWorld, type FinanceWorld } from './support'

let w: FinanceWorld
afterEach(async () => w?.stop())

const account = { bankCode: 'ICBC', accountNo: '6222020200998877665', holderName: 'Golden Dragon Trading Ltd' }
let keys = 0
const request = (amount: string, extra: Record<string, unknown> = {}) => ({ merchantId: w.merchantId, currency: 'CNY', amount, ...account, requestKey: `wd-test-${++keys}`, ...extra })

async function balance() {
  const all = await w.t.ok('ledger.balances', { merchantId: w.merchantId }, w.admin)
  const available = all.items.find((b) => b.kind === 'merchant_available')!
  return { available: available.available, held: available.held, reserve: all.items.find((b) => b.kind === 'merchant_reserve')?.balance }
}

describe('withdrawals', () => {
  it('requested, refused to its own requester, approved by another user and paid: 8 and 9 posted, every step on the timeline and audited', async () => {
    w = await financeWorld()
    await w.paidDeposit('10000.00')
    // 10,000.00 − 2 % − 1.00 − 10 % reserve
    expect(await balance()).toEqual({ available: '8799.00', held: '0.00', reserve: '1000.00' })

    const asked = await w.t.ok('withdrawals.request', request('1000.00', { note: 'Monthly cash-out' }), w.admin)
    expect(asked.withdrawalNo).toMatch(/^W\d{15}$/)
    expect(await balance()).toEqual({ available: '7794.00', held: '1005.00', reserve: '1000.00' })

    const own = await w.t.call('withdrawals.review', { id: asked.id, decision: 'approve' }, w.admin)
    expect(own).toMatchObject({ status: 403, code: 'withdrawals.maker_checker' })
    expect(own.message).toBe(`You requested withdrawal ${asked.withdrawalNo}; another user must review it (maker-checker)`)
    expect(await w.t.call('withdrawals.complete', { id: asked.id, outcome: 'paid', bankReference: 'ICBC-20261122-0001' }, w.checker)).toMatchObject({ status: 409, code: 'withdrawals.wrong_status' })

    const approved = await w.t.ok('withdrawals.review', { id: asked.id, decision: 'approve' }, w.checker)
    expect(approved).toMatchObject({ status: 'approved', reviewedBy: CHECKER.username, requestedBy: ADMIN.username })
    expect(await w.t.call('withdrawals.complete', { id: asked.id, outcome: 'paid', bankReference: 'ICBC-20261122-0001' }, w.admin)).toMatchObject({ status: 403, code: 'withdrawals.maker_checker' })
    expect(await w.t.call('withdrawals.complete', { id: asked.id, outcome: 'paid' }, w.checker)).toMatchObject({ status: 400, field: 'bankReference' })

    const paid = await w.t.ok('withdrawals.complete', { id: asked.id, outcome: 'paid', bankReference: 'ICBC-20261122-0001' }, w.checker)
    expect(paid).toMatchObject({ status: 'paid', bankReference: 'ICBC-20261122-0001', settledBy: CHECKER.username, amount: '1000.00', fee: '5.00' })
    expect(await balance()).toEqual({ available: '7794.00', held: '0.00', reserve: '1000.00' })

    const detail = await w.t.ok('withdrawals.get', { id: asked.id }, w.admin)
    expect(detail.timeline.map((e) => [e.text.code, e.actor])).toEqual([
      ['withdrawal.requested', ADMIN.username],
      ['withdrawal.approved', CHECKER.username],
      ['withdrawal.paid', CHECKER.username]
    ])
    expect(detail.balance).toEqual({ currency: 'CNY', available: '7794.00', held: '0.00', reserve: '1000.00' })
    const postingId = Number(detail.timeline[2].text.params?.postingId)
    // The bank is named as the form lists it, its own name with it (the Chinese timeline showed it in English only).
    expect(detail.timeline[0].text.params?.bank).toBe('ICBC · Industrial and Commercial Bank of China · 中国工商银行')
    expect(w.entries(postingId).filter((e) => e.kind === 'merchant_available')).toEqual([
      { type: 8, amount: -100000, currency: 'CNY', kind: 'merchant_available' },
      { type: 9, amount: -500, currency: 'CNY', kind: 'merchant_available' }
    ])
    const audit = await w.t.ok('audit.list', { targetType: 'withdrawal', targetId: String(asked.id) }, w.admin)
    expect(audit.items.map((a) => a.procedure).sort()).toEqual(['withdrawals.complete', 'withdrawals.request', 'withdrawals.review'])
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('refuses more than the available balance (amount + fee), unknown banks and currencies without a bank list; nothing is written', async () => {
    w = await financeWorld()
    await w.paidDeposit('10000.00')
    const tooMuch = await w.t.call('withdrawals.request', request('8795.00'), w.admin)
    expect(tooMuch).toMatchObject({ status: 422, code: 'ledger.insufficient_funds', field: 'amount' })
    expect(tooMuch.message).toBe('amount: 8,795.00 CNY plus the fee 5.00 CNY is more than the available balance 8,799.00 CNY')
    expect(await w.t.call('withdrawals.request', request('10', { bankCode: 'KBANK' }), w.admin)).toMatchObject({ status: 400, field: 'bankCode' })
    expect(await w.t.call('withdrawals.request', request('10', { currency: 'USDT' }), w.admin)).toMatchObject({ status: 400, field: 'currency' })
    // A currency the merchant has no contract settling in is the currency's fault (it named serviceId, a field a withdrawal has not).
    expect(await w.t.call('withdrawals.request', request('10', { currency: 'THB', bankCode: 'KBANK' }), w.admin)).toMatchObject({ status: 422, code: 'orders.no_contract', field: 'currency' })
    expect(await w.t.call('withdrawals.request', request('10.001'), w.admin)).toMatchObject({ status: 400, field: 'amount' })
    expect((await w.t.ok('withdrawals.list', {}, w.admin)).total).toBe(0)
    // Exactly the available balance, fee included, is allowed; a replay of the same key creates nothing more.
    const all = request('8794.00')
    const first = await w.t.ok('withdrawals.request', all, w.admin)
    expect(await w.t.ok('withdrawals.request', all, w.admin)).toEqual({ ...first, replayed: true })
    expect(await w.t.call('withdrawals.request', { ...all, amount: '4.00' }, w.admin)).toMatchObject({ status: 409, code: 'request_key.reused', field: 'requestKey' })
    expect(await w.t.call('withdrawals.request', { ...all, accountNo: '6222000011112222' }, w.admin)).toMatchObject({ status: 409, code: 'request_key.reused' })
    expect((await w.t.ok('withdrawals.list', {}, w.admin)).total).toBe(1)
    expect(await balance()).toMatchObject({ available: '0.00', held: '8799.00' })
  })

  it('a rejection and a failed transfer release the hold; a rejection needs a reason', async () => {
    w = await financeWorld()
    await w.paidDeposit('10000.00')
    const a = await w.t.ok('withdrawals.request', request('500.00'), w.admin)
    const b = await w.t.ok('withdrawals.request', request('700.00'), w.admin)
    expect(await balance()).toMatchObject({ available: '7589.00', held: '1210.00' })
    expect(await w.t.call('withdrawals.review', { id: a.id, decision: 'reject' }, w.checker)).toMatchObject({ status: 400, field: 'note' })
    await w.t.ok('withdrawals.review', { id: a.id, decision: 'reject', note: 'Account holder does not match the merchant' }, w.checker)
    expect(await balance()).toMatchObject({ available: '8094.00', held: '705.00' })
    expect(await w.t.call('withdrawals.review', { id: a.id, decision: 'approve' }, w.checker)).toMatchObject({ status: 409 })
    await w.t.ok('withdrawals.review', { id: b.id, decision: 'approve' }, w.checker)
    const failed = await w.t.ok('withdrawals.complete', { id: b.id, outcome: 'failed', reason: 'Bank returned the transfer: account closed' }, w.checker)
    expect(failed).toMatchObject({ status: 'failed', failureReason: 'Bank returned the transfer: account closed' })
    expect(await balance()).toEqual({ available: '8799.00', held: '0.00', reserve: '1000.00' })
    expect((await w.t.ok('withdrawals.get', { id: b.id }, w.admin)).timeline.map((e) => e.text.code)).toEqual(['withdrawal.requested', 'withdrawal.approved', 'withdrawal.failed'])
    const list = await w.t.ok('withdrawals.list', { status: 'rejected' }, w.admin)
    expect(list.items.map((x) => x.withdrawalNo)).toEqual([a.withdrawalNo])
    expect((await w.t.ok('withdrawals.list', { search: b.withdrawalNo.slice(-6) }, w.admin)).items.map((x) => x.id)).toEqual([b.id])
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a chargeback that leaves the merchant owing after the request: the approval is refused, the hold kept, until the balance is covered', async () => {
    w = await financeWorld()
    const paid = await w.paidDeposit('1000.00')
    const asked = await w.t.ok('withdrawals.request', request('800.00'), w.admin)
    expect(await balance()).toMatchObject({ available: '74.00', held: '805.00' })
    // The provider took the payment back: booked on the short balance, the merchant owes 926.00.
    await w.t.ok('disputes.create', { orderId: paid, kind: 'chargeback', reasonCode: '10.4', amount: '1000.00', evidenceDueAt: w.t.clock.now() + 72 * 3_600_000 }, w.admin)
    expect(await balance()).toMatchObject({ available: '-926.00', held: '805.00' })

    const refused = await w.t.call('withdrawals.review', { id: asked.id, decision: 'approve' }, w.checker)
    expect(refused).toMatchObject({ status: 409, code: 'withdrawals.merchant_owes' })
    expect(refused.message).toBe(
      `Withdrawal ${asked.withdrawalNo} cannot be approved now: the merchant owes the platform 926.00 CNY (available balance -926.00 CNY), since it was requested; approve it once the balance is back above zero, or reject it to release its hold`
    )
    expect(await w.t.ok('withdrawals.get', { id: asked.id }, w.admin)).toMatchObject({ status: 'pending_review', reviewedBy: null })
    expect(await balance()).toMatchObject({ available: '-926.00', held: '805.00' })

    // Covered again: approved as any other.
    await w.paidDeposit('2000.00')
    expect(await w.t.ok('withdrawals.review', { id: asked.id, decision: 'approve' }, w.checker)).toMatchObject({ status: 'approved' })
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('a merchant-bound user requests for its own merchant only, sees only its own withdrawals and cannot review', async () => {
    w = await financeWorld()
    await w.paidDeposit('10000.00')
    const other = await w.t.ok('merchants.create', { name: 'Saigon Foods' }, w.admin)
    const roles = await w.t.ok('roles.list', {}, w.admin)
    const operator = roles.find((r) => r.builtInKey === 'merchantOperator')!.id
    await w.t.ok('users.create', { username: 'dragon.ops', displayName: 'Dragon ops', password: 'Initial-pass-1', merchantId: w.merchantId, roleIds: [operator] }, w.admin)
    await w.t.ok('users.create', { username: 'saigon.ops', displayName: 'Saigon ops', password: 'Initial-pass-1', merchantId: other.id, roleIds: [operator] }, w.admin)
    const dragon = await w.t.signIn('dragon.ops', 'Initial-pass-1')
    const saigon = await w.t.signIn('saigon.ops', 'Initial-pass-1')
    const dragonsRequest = request('100.00')
    const mine = await w.t.ok('withdrawals.request', dragonsRequest, dragon)
    expect(await w.t.call('withdrawals.request', request('100.00'), saigon)).toMatchObject({ status: 403 })
    // Dragon's key tried by Saigon is taken, and says nothing of the withdrawal (it answered "Withdrawal N was not found").
    const probed = await w.t.call('withdrawals.request', { ...dragonsRequest, merchantId: other.id }, saigon)
    expect(probed).toMatchObject({ status: 409, code: 'request_key.reused', field: 'requestKey', message: `requestKey: ${dragonsRequest.requestKey} is already used; use a new key for a new request` })
    expect(await w.t.call('withdrawals.get', { id: mine.id }, saigon)).toMatchObject({ status: 404 })
    expect((await w.t.ok('withdrawals.list', {}, saigon)).total).toBe(0)
    expect((await w.t.ok('withdrawals.list', {}, dragon)).items.map((x) => x.id)).toEqual([mine.id])
    expect(await w.t.call('withdrawals.list', { merchantId: other.id }, dragon)).toMatchObject({ status: 403 })
    expect(await w.t.call('withdrawals.review', { id: mine.id, decision: 'approve' }, dragon)).toMatchObject({ status: 403 })
    // The operator requested it; the administrator (not the requester) may review it.
    expect(await w.t.ok('withdrawals.review', { id: mine.id, decision: 'approve' }, w.admin)).toMatchObject({ status: 'approved', requestedBy: 'dragon.ops' })
  })
})

/**
 * A withdrawal waiting for review whose merchant owes after a chargeback cannot be approved (409
 * withdrawals.merchant_owes): the list and the detail say so before the reviewer tries, with the
 * host's own rule (merchantOwes) and the very words of the refusal; once covered, the warning goes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { aftersalesWorld, type AftersalesWorld } from '../aftersales/support'
import { CHECKER } from './support'
import { checkerOf } from '../../support/checker'

let w: AftersalesWorld
afterEach(async () => w?.stop())

describe('a withdrawal whose merchant owes', () => {
  it('is flagged on the list and the detail with the refusal approving gets, and no longer once the debt is covered', async () => {
    w = await aftersalesWorld({ realClock: false })
    const checker = await checkerOf(w.t.ok, w.t.signIn, () => w.admin)()
    const order = await w.paidDeposit('1000.00') // 879.00 available
    const asked = await w.t.ok('withdrawals.request', { merchantId: w.merchantId, currency: 'CNY', amount: '500.00', bankCode: 'ICBC', accountNo: '6222020200998877665', holderName: 'Golden Dragon Trading Ltd', requestKey: 'owes-wd-1' }, w.admin)
    expect((await w.t.ok('withdrawals.get', { id: asked.id }, checker)).approvalRefused).toBeNull()

    await w.t.ok('disputes.create', { orderId: order.id, kind: 'chargeback', reasonCode: '10.4', amount: '1000.00', evidenceDueAt: w.t.clock.now() + 72 * 3_600_000 }, w.admin)
    expect(Number(await w.available())).toBeLessThan(0)

    const detail = await w.t.ok('withdrawals.get', { id: asked.id }, checker)
    expect(detail.approvalRefused).toMatchObject({ code: 'error.withdrawals.cannotApprove', params: { no: asked.withdrawalNo } })
    const [row] = (await w.t.ok('withdrawals.list', { status: 'pending_review' }, checker)).items
    expect(row).toMatchObject({ id: asked.id, approvalRefused: detail.approvalRefused })

    const refused = await w.t.call('withdrawals.review', { id: asked.id, decision: 'approve' }, checker)
    expect(refused).toMatchObject({ status: 409, code: 'withdrawals.merchant_owes' })
    expect(inEnglish(detail.approvalRefused!)).toBe(refused.message)

    // Covered (a deposit paid in): approving is open again, and the warning is gone.
    await w.paidDeposit('2000.00')
    expect((await w.t.ok('withdrawals.get', { id: asked.id }, checker)).approvalRefused).toBeNull()
    expect(await w.t.ok('withdrawals.review', { id: asked.id, decision: 'approve' }, checker)).toMatchObject({ status: 'approved', reviewedBy: CHECKER.username, approvalRefused: null })
  })
})

/**
 * A withdrawal waiting for review whose merchant has been disabled since cannot be approved (409
 * withdrawals.merchant_disabled, naming the merchant): it stays waiting with its hold, the list and
 * the detail say why before the reviewer tries, and once the merchant is active again it can be
 * approved. A disabled merchant cannot request a withdrawal in the first place.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { aftersalesWorld, type AftersalesWorld } from '../aftersales/support'
import { checkerOf } from '../../support/checker'

let w: AftersalesWorld
afterEach(async () => w?.stop())

const request = (requestKey: string) => ({ merchantId: w.merchantId, currency: 'CNY', amount: '300.00', bankCode: 'ICBC', accountNo: '6222020200998877665', holderName: 'Golden Dragon Trading Ltd', requestKey })

describe('a withdrawal whose merchant was disabled while it waited', () => {
  it('is refused on approval naming the merchant, stays waiting with its hold, is flagged, and is approved once the merchant is active', async () => {
    w = await aftersalesWorld({ realClock: false })
    const checker = await checkerOf(w.t.ok, w.t.signIn, () => w.admin)()
    await w.paidDeposit('1000.00')
    const { name } = await w.t.ok('merchants.get', { id: w.merchantId }, w.admin)
    const asked = await w.t.ok('withdrawals.request', request('disabled-wd-1'), w.admin)
    const held = await w.available()

    await w.t.ok('merchants.setStatus', { id: w.merchantId, status: 'disabled' }, w.admin)
    const detail = await w.t.ok('withdrawals.get', { id: asked.id }, checker)
    expect(detail.approvalRefused).toMatchObject({ code: 'error.withdrawals.merchantDisabled', params: { no: asked.withdrawalNo, name } })
    const [row] = (await w.t.ok('withdrawals.list', { status: 'pending_review' }, checker)).items
    expect(row).toMatchObject({ id: asked.id, approvalRefused: detail.approvalRefused })

    const refused = await w.t.call('withdrawals.review', { id: asked.id, decision: 'approve' }, checker)
    expect(refused).toMatchObject({ status: 409, code: 'withdrawals.merchant_disabled' })
    expect(refused.message).toBe(`Withdrawal ${asked.withdrawalNo} cannot be approved now: merchant "${name}" is disabled; approve it once the merchant is active again, or reject it to release its hold`)
    expect(inEnglish(detail.approvalRefused!)).toBe(refused.message)
    expect(await w.t.ok('withdrawals.get', { id: asked.id }, checker)).toMatchObject({ status: 'pending_review', reviewedBy: null })
    expect(await w.available()).toBe(held)

    // Nor can a new one be requested for it.
    const another = await w.t.call('withdrawals.request', request('disabled-wd-2'), w.admin)
    expect(another).toMatchObject({ status: 409, code: 'withdrawals.merchant_disabled', field: 'merchantId' })
    expect(another.message).toContain(name)

    await w.t.ok('merchants.setStatus', { id: w.merchantId, status: 'active' }, w.admin)
    expect((await w.t.ok('withdrawals.get', { id: asked.id }, checker)).approvalRefused).toBeNull()
    expect(await w.t.ok('withdrawals.review', { id: asked.id, decision: 'approve' }, checker)).toMatchObject({ status: 'approved', approvalRefused: null })
  })
})

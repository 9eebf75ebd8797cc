/**
 * The approvals queue says why a pending request has no decision for the signed-in user (their own,
 * or the permission it needs), and warns before approving a payout that would be refused now (its
 * merchant owes after a chargeback), in the words `approvals.decide` refuses with.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { PERMISSIONS } from '../../../src/shared/permissions'
import { inEnglish } from '../../../src/main/core/text'
import { translateServerText } from '../../../src/shared/server-text'
import { fixedTranslators } from '../../../src/renderer/src/i18n/testing'
import { financeWorld, type FinanceWorld } from '../finance/support'
import { payoutFields } from '../orders/support'

let w: FinanceWorld
afterEach(async () => w?.stop())

const payout = (amount: string) => ({ merchantId: w.merchantId, serviceId: w.payoutServiceId, channelId: w.channelId, amount, fields: payoutFields })

async function userWith(username: string, permissions: number[]): Promise<string> {
  const role = await w.t.ok('roles.create', { name: `Role of ${username}`, permissions }, w.admin)
  await w.t.ok('users.create', { username, displayName: username, password: 'Initial-pass-1', merchantId: null, roleIds: [role.id] }, w.admin)
  return w.t.signIn(username, 'Initial-pass-1')
}

describe('why a pending request has no decision for this user', () => {
  it('an approver without the payout permission is told which permission; the requester that it is their own; the decision is refused in the same words', async () => {
    w = await financeWorld()
    await w.paidDeposit('1000.00')
    await w.t.ok('fourEyes.updateSettings', { rules: [{ kind: 'payout', currency: 'CNY', threshold: '100.00' }] }, w.admin)
    const created = await w.t.ok('orders.createPayout', payout('300.00'), w.admin)
    const marker = await userWith('mark.only', [PERMISSIONS.MASTER_DATA_READ, PERMISSIONS.ORDER_READ, PERMISSIONS.MANUAL_MARK_RESULT])
    const releaser = await userWith('payout.releaser', [PERMISSIONS.MASTER_DATA_READ, PERMISSIONS.ORDER_READ, PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE])

    const [seen] = (await w.t.ok('approvals.list', { orderId: created.id }, marker)).items
    expect(seen).toMatchObject({ status: 'pending', canDecide: false, approvalRefused: null })
    expect(seen.cannotDecide).toMatchObject({ code: 'error.fourEyes.needPermission', params: { code: PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE } })
    const refused = await w.t.call('approvals.decide', { id: seen.id, decision: 'approve' }, marker)
    expect(refused).toMatchObject({ status: 403, code: 'permission.missing' })
    expect(inEnglish(seen.cannotDecide!)).toBe(refused.message)
    expect(translateServerText(fixedTranslators().chinese as never, seen.cannotDecide!)).toMatch(/^处理 .+ 需要权限/)

    const [own] = (await w.t.ok('approvals.list', { orderId: created.id }, w.admin)).items
    expect(own).toMatchObject({ canDecide: false, cannotDecide: { code: 'error.fourEyes.ownRequest' } })

    const [theirs] = (await w.t.ok('approvals.list', { orderId: created.id }, releaser)).items
    expect(theirs).toMatchObject({ canDecide: true, cannotDecide: null, approvalRefused: null })
  })

  it('a payout whose merchant owes after a chargeback is flagged before approving, with the refusal approving gets', async () => {
    w = await financeWorld()
    const deposit = await w.paidDeposit('1000.00') // 879.00 available
    await w.t.ok('fourEyes.updateSettings', { rules: [{ kind: 'payout', currency: 'CNY', threshold: '100.00' }] }, w.admin)
    const created = await w.t.ok('orders.createPayout', payout('800.00'), w.admin)
    await w.t.ok('disputes.create', { orderId: deposit, kind: 'chargeback', reasonCode: '10.4', amount: '1000.00', evidenceDueAt: w.t.clock.now() + 72 * 3_600_000 }, w.admin)
    const releaser = await userWith('payout.releaser', [PERMISSIONS.MASTER_DATA_READ, PERMISSIONS.ORDER_READ, PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE])

    const [row] = (await w.t.ok('approvals.list', { orderId: created.id }, releaser)).items
    expect(row).toMatchObject({ canDecide: true, cannotDecide: null, approvalRefused: { code: 'error.fourEyes.payoutNotReleasable' } })
    const refused = await w.t.call('approvals.decide', { id: row.id, decision: 'approve' }, releaser)
    expect(refused).toMatchObject({ status: 409, code: 'four_eyes.payout_not_releasable' })
    expect(inEnglish(row.approvalRefused!)).toBe(refused.message)
  })

  it("the payout form learns the payout rule's threshold in each currency, from the host (none: no rule)", async () => {
    w = await financeWorld()
    const threshold = async () => (await w.t.ok('orders.options', { direction: 'payout', merchantId: w.merchantId }, w.admin)).services.map((s) => [s.currency, s.approvalFrom])
    expect(await threshold()).toEqual([['CNY', null]])
    await w.t.ok('fourEyes.updateSettings', { rules: [{ kind: 'payout', currency: 'CNY', threshold: '250' }, { kind: 'mark_result', currency: 'CNY', threshold: '1' }] }, w.admin)
    expect(await threshold()).toEqual([['CNY', '250.00']])
    // Deposits are never held for a second user.
    expect((await w.t.ok('orders.options', { direction: 'deposit', merchantId: w.merchantId }, w.admin)).services.map((s) => s.approvalFrom)).toEqual([null])
  })
})

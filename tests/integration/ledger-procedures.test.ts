import { describe, expect, it } from 'vitest'
import { verifyLedger } from '../../src/main/ledger/verify'
import { CHECKER, checkerOf } from '../support/checker'
import { ADMIN, makeCore } from '../support/core'

async function setup() {
  const t = await makeCore()
  const admin = await t.signIn(ADMIN.username, ADMIN.password)
  const siam = await t.ok('merchants.create', { name: 'Siam Lotus Retail' }, admin)
  const other = await t.ok('merchants.create', { name: 'Saigon Foods' }, admin)
  const contract = await t.ok('contracts.create', { merchantId: siam.id, name: 'Standard THB', settlementCurrency: 'THB', validFrom: '2026-01-01' }, admin)
  const channel = await t.ok('channels.create', { name: 'KBank gateway', provider: 'generic', currency: 'THB', supportsPayout: true }, admin)
  return { t, admin, siam, other, contract, channel }
}

describe('manual adjustments (maker-checker) and channel balances', () => {
  it('a request moves nothing; another user approves and it posts type 99 once, audited; the requester cannot approve their own', async () => {
    const { t, admin, siam, contract } = await setup()
    const checker = await checkerOf(t.ok, t.signIn, () => admin)()
    const input = { merchantId: siam.id, contractId: contract.id, currency: 'THB', amount: '150.25', reason: 'Goodwill credit for ticket 4411', requestKey: 'adj-000001' }
    const first = await t.ok('adjustments.request', input, admin)
    expect(await t.ok('adjustments.request', input, admin)).toEqual({ ...first, replayed: true })
    // The same key with another amount is not a replay: the caller must not believe 170.25 was recorded.
    const reused = await t.call('adjustments.request', { ...input, amount: '170.25' }, admin)
    expect(reused).toMatchObject({ status: 409, code: 'request_key.reused', field: 'requestKey' })
    expect(reused.message).toContain('with another amount;')
    expect((await t.ok('adjustments.list', {}, admin)).items.map((a) => a.amount)).toEqual(['150.25'])
    expect((await t.ok('ledger.balances', { merchantId: siam.id }, admin)).items).toEqual([])
    const own = await t.call('adjustments.decide', { id: first.id, decision: 'approve' }, admin)
    expect(own).toMatchObject({ status: 403, code: 'adjustments.maker_checker' })
    expect(own.message).toContain('another user must review it')
    const approved = await t.ok('adjustments.decide', { id: first.id, decision: 'approve' }, checker)
    expect(approved).toMatchObject({ status: 'approved', decidedBy: CHECKER.username, requestedBy: ADMIN.username, amount: '150.25' })
    expect(approved.postingId).toBeGreaterThan(0)
    expect(await t.call('adjustments.decide', { id: first.id, decision: 'approve' }, checker)).toMatchObject({ status: 409, code: 'adjustments.decided' })
    const balances = await t.ok('ledger.balances', { merchantId: siam.id }, admin)
    expect(balances.items).toEqual([expect.objectContaining({ kind: 'merchant_available', currency: 'THB', balance: '150.25', available: '150.25', merchantName: 'Siam Lotus Retail' })])
    const detail = await t.ok('adjustments.get', { id: first.id }, admin)
    expect(detail.timeline.map((e) => e.text.code)).toEqual(['adjustment.requested', 'adjustment.approved'])
    expect(detail.timeline.map((e) => e.actor)).toEqual([ADMIN.username, CHECKER.username])
    const audit = await t.ok('audit.list', { procedure: 'adjustments.decide' }, admin)
    expect(audit.items.map((a) => a.summary).join('\n')).toContain(`posting ${approved.postingId}`)
    expect(verifyLedger(t.core.db.$client).drifts).toEqual([])
  })

  it('a rejection posts nothing; a debit beyond the available balance is refused at approval; bad contract or currency at request', async () => {
    const { t, admin, siam, other, contract } = await setup()
    const checker = await checkerOf(t.ok, t.signIn, () => admin)()
    const base = { merchantId: siam.id, contractId: contract.id, currency: 'THB', reason: 'Chargeback fee recovery', requestKey: 'adj-000002' }
    const debit = await t.ok('adjustments.request', { ...base, amount: '-1.00' }, admin)
    // Said as a person reads it: whose account, and the amounts in the currency, never an account key in minor units.
    expect(await t.call('adjustments.decide', { id: debit.id, decision: 'approve' }, checker)).toMatchObject({
      status: 422,
      code: 'ledger.insufficient_funds',
      message: `Not enough in ${siam.name}’s available balance: 0.00 THB available, 1.00 THB needed`
    })
    expect((await t.ok('adjustments.get', { id: debit.id }, admin)).status).toBe('pending')
    expect(await t.call('adjustments.decide', { id: debit.id, decision: 'reject', note: '' }, checker)).toMatchObject({ status: 400, field: 'note' })
    const rejected = await t.ok('adjustments.decide', { id: debit.id, decision: 'reject', note: 'Nothing to recover' }, checker)
    expect(rejected).toMatchObject({ status: 'rejected', postingId: null, decisionNote: 'Nothing to recover' })
    expect(await t.call('adjustments.request', { ...base, amount: '5', reason: '' }, admin)).toMatchObject({ status: 400, field: 'reason' })
    expect(await t.call('adjustments.request', { ...base, amount: '5.001', requestKey: 'adj-000003' }, admin)).toMatchObject({ status: 400, field: 'amount' })
    expect(await t.call('adjustments.request', { ...base, amount: '5', currency: 'CNY', requestKey: 'adj-000004' }, admin)).toMatchObject({ status: 400, field: 'currency' })
    expect(await t.call('adjustments.request', { ...base, amount: '5', merchantId: other.id, requestKey: 'adj-000005' }, admin)).toMatchObject({ status: 400, field: 'contractId' })
    const list = await t.ok('adjustments.list', { status: 'rejected' }, admin)
    expect(list.items.map((a) => a.adjustmentNo)).toEqual([debit.adjustmentNo])
  })

  it('tops up and corrects a channel balance against suspense; the channel never goes below zero', async () => {
    const { t, admin, channel } = await setup()
    await t.ok('channels.adjustBalance', { channelId: channel.id, kind: 'top_up', amount: '50000', reason: 'Initial float wired 2026-11-20', requestKey: 'top-000001' }, admin)
    await t.ok('channels.adjustBalance', { channelId: channel.id, kind: 'correction', amount: '-125.50', reason: 'Provider statement fee', requestKey: 'cor-000001' }, admin)
    const detail = await t.ok('channels.get', { id: channel.id }, admin)
    expect(JSON.stringify(detail)).toContain('49874.50')
    expect(await t.call('channels.adjustBalance', { channelId: channel.id, kind: 'top_up', amount: '-5', reason: 'negative top-up', requestKey: 'top-000002' }, admin)).toMatchObject({ status: 400, field: 'amount' })
    expect(await t.call('channels.adjustBalance', { channelId: channel.id, kind: 'correction', amount: '-49874.51', reason: 'too much', requestKey: 'cor-000002' }, admin)).toMatchObject({ status: 422 })
    expect(verifyLedger(t.core.db.$client).drifts).toEqual([])
  })

  it('a merchant-bound user sees only its own merchant accounts and adjustments, and cannot request or approve one', async () => {
    const { t, admin, siam, other, contract } = await setup()
    const checker = await checkerOf(t.ok, t.signIn, () => admin)()
    const otherContract = await t.ok('contracts.create', { merchantId: other.id, name: 'VND', settlementCurrency: 'VND', validFrom: '2026-01-01' }, admin)
    const mine = await t.ok('adjustments.request', { merchantId: siam.id, contractId: contract.id, currency: 'THB', amount: '10', reason: 'credit one two', requestKey: 'adj-000010' }, admin)
    const theirs = await t.ok('adjustments.request', { merchantId: other.id, contractId: otherContract.id, currency: 'VND', amount: '1000', reason: 'credit one two', requestKey: 'adj-000011' }, admin)
    await t.ok('adjustments.decide', { id: mine.id, decision: 'approve' }, checker)
    await t.ok('adjustments.decide', { id: theirs.id, decision: 'approve' }, checker)
    const roles = await t.ok('roles.list', {}, admin)
    const role = roles.find((r) => r.builtInKey === 'merchantOperator')!.id
    await t.ok('users.create', { username: 'siam.ops', displayName: 'Siam', password: 'Initial-pass-1', merchantId: siam.id, roleIds: [role] }, admin)
    const token = await t.signIn('siam.ops', 'Initial-pass-1')
    const balances = await t.ok('ledger.balances', {}, token)
    expect(balances.items.map((b) => b.merchantId)).toEqual([siam.id])
    expect(await t.call('ledger.balances', { merchantId: other.id }, token)).toMatchObject({ status: 403 })
    expect((await t.ok('adjustments.list', {}, token)).items.map((a) => a.id)).toEqual([mine.id])
    expect(await t.call('adjustments.get', { id: theirs.id }, token)).toMatchObject({ status: 404 })
    expect(await t.call('adjustments.request', { merchantId: siam.id, contractId: contract.id, currency: 'THB', amount: '1', reason: 'self credit!', requestKey: 'adj-000012' }, token)).toMatchObject({ status: 403 })
  })
})

import { describe, expect, it } from 'vitest'
import { verifyLedger } from '../../src/main/ledger/verify'
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

describe('manual adjustments and channel balances', () => {
  it('posts a type 99 adjustment once, with a reason, audited; a replay posts nothing twice', async () => {
    const { t, admin, siam, contract } = await setup()
    const input = { merchantId: siam.id, contractId: contract.id, currency: 'THB', amount: '150.25', reason: 'Goodwill credit for ticket 4411', requestKey: 'adj-000001' }
    const first = await t.ok('ledger.adjust', input, admin)
    const again = await t.ok('ledger.adjust', input, admin)
    expect(again).toEqual({ ...first, replayed: true })
    const balances = await t.ok('ledger.balances', { merchantId: siam.id }, admin)
    expect(balances.items).toEqual([expect.objectContaining({ kind: 'merchant_available', currency: 'THB', balance: '150.25', available: '150.25', merchantName: 'Siam Lotus Retail' })])
    const audit = await t.ok('audit.list', { procedure: 'ledger.adjust' }, admin)
    expect(audit.items[audit.items.length - 1].summary).toContain('Goodwill credit for ticket 4411')
    expect(await t.call('ledger.adjust', { ...input, amount: '999' }, admin)).toMatchObject({ status: 409, code: 'ledger.idempotency_conflict' })
    expect(verifyLedger(t.core.db.$client).drifts).toEqual([])
  })

  it('refuses a debit beyond the available balance, a missing reason, and the wrong contract or currency', async () => {
    const { t, admin, siam, other, contract } = await setup()
    const base = { merchantId: siam.id, contractId: contract.id, currency: 'THB', reason: 'Chargeback fee recovery', requestKey: 'adj-000002' }
    expect(await t.call('ledger.adjust', { ...base, amount: '-1.00' }, admin)).toMatchObject({ status: 422, code: 'ledger.insufficient_funds' })
    expect(await t.call('ledger.adjust', { ...base, amount: '5', reason: '' }, admin)).toMatchObject({ status: 400, field: 'reason' })
    expect(await t.call('ledger.adjust', { ...base, amount: '5.001' }, admin)).toMatchObject({ status: 400, field: 'amount' })
    expect(await t.call('ledger.adjust', { ...base, amount: '5', currency: 'CNY' }, admin)).toMatchObject({ status: 400, field: 'currency' })
    expect(await t.call('ledger.adjust', { ...base, amount: '5', merchantId: other.id }, admin)).toMatchObject({ status: 400, field: 'contractId' })
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

  it('a merchant-bound user sees only its own merchant accounts and cannot adjust', async () => {
    const { t, admin, siam, other, contract } = await setup()
    const otherContract = await t.ok('contracts.create', { merchantId: other.id, name: 'VND', settlementCurrency: 'VND', validFrom: '2026-01-01' }, admin)
    await t.ok('ledger.adjust', { merchantId: siam.id, contractId: contract.id, currency: 'THB', amount: '10', reason: 'credit one two', requestKey: 'adj-000010' }, admin)
    await t.ok('ledger.adjust', { merchantId: other.id, contractId: otherContract.id, currency: 'VND', amount: '1000', reason: 'credit one two', requestKey: 'adj-000011' }, admin)
    const roles = await t.ok('roles.list', {}, admin)
    const role = roles.find((r) => r.builtInKey === 'merchantOperator')!.id
    await t.ok('users.create', { username: 'siam.ops', displayName: 'Siam', password: 'Initial-pass-1', merchantId: siam.id, roleIds: [role] }, admin)
    const token = await t.signIn('siam.ops', 'Initial-pass-1')
    const mine = await t.ok('ledger.balances', {}, token)
    expect(mine.items.map((b) => b.merchantId)).toEqual([siam.id])
    expect(await t.call('ledger.balances', { merchantId: other.id }, token)).toMatchObject({ status: 403 })
    expect(await t.call('ledger.adjust', { merchantId: siam.id, contractId: contract.id, currency: 'THB', amount: '1', reason: 'self credit!', requestKey: 'adj-000012' }, token)).toMatchObject({ status: 403 })
  })
})

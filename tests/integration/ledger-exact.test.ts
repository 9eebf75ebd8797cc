/**
 * Balances and sums are exact over SQLite's whole integer range (never through a float), and a
 * posting that would take a balance past it is refused with the limit named (SPEC §5).
 */
import { describe, expect, it } from 'vitest'
import { verifyLedger } from '../../src/main/ledger/verify'
import { ADMIN, makeCore } from '../support/core'

const TWO_53 = 2n ** 53n

async function setup() {
  const t = await makeCore()
  const admin = await t.signIn(ADMIN.username, ADMIN.password)
  const merchant = await t.ok('merchants.create', { name: 'Atlantic Trading' }, admin)
  const contract = await t.ok('contracts.create', { merchantId: merchant.id, name: 'USD', settlementCurrency: 'USD', validFrom: '2026-01-01' }, admin)
  const channel = await t.ok('channels.create', { name: 'US wire', provider: 'generic', currency: 'USD', supportsPayout: true }, admin)
  return { t, admin, merchant, contract, channel }
}

describe('exact balances beyond 2^53 minor units', () => {
  it('two top-ups of 60 trillion USD add up to the cent, everywhere a balance is shown, and verify stays clean', async () => {
    const { t, admin, channel } = await setup()
    const topUp = (amount: string, requestKey: string) => t.ok('channels.adjustBalance', { channelId: channel.id, kind: 'top_up', amount, reason: 'Float for the exactness test', requestKey }, admin)
    await topUp('60000000000000.00', 'float-000001')
    await topUp('60000000000000.01', 'float-000002')
    // 12,000,000,000,000,001 cents: past 2^53 (9,007,199,254,740,992), where a double has no odd numbers.
    expect(12_000_000_000_000_001n > TWO_53).toBe(true)
    const balances = await t.ok('ledger.balances', { channelId: channel.id }, admin)
    expect(balances.items).toEqual([expect.objectContaining({ kind: 'channel', balance: '120000000000000.01', available: '120000000000000.01' })])
    const detail = await t.ok('channels.get', { id: channel.id }, admin)
    expect(JSON.stringify(detail)).toContain('120000000000000.01')
    expect((await t.ok('channels.list', {}, admin)).items.find((c) => c.id === channel.id)).toMatchObject({ balance: { posted: '120000000000000.01', available: '120000000000000.01' } })
    const suspense = await t.ok('ledger.balances', { kind: 'suspense', currency: 'USD' }, admin)
    expect(suspense.items[0]).toMatchObject({ balance: '120000000000000.01' })
    expect(verifyLedger(t.core.db.$client).drifts).toEqual([])
    // The ledger core's own view, for the rules that compare balances.
    expect(t.core.ledger.balance({ kind: 'channel', channelId: channel.id, currency: 'USD' }).available).toBe(12_000_000_000_000_001n)
  })

  it('a merchant balance past 2^53 is exact in the merchant view and the report API', async () => {
    const { t, admin, merchant, contract } = await setup()
    const checker = await t.ok('users.create', { username: 'checker', displayName: 'Checker', password: 'Checker-pass-1', merchantId: null, roleIds: [1] }, admin)
    const checkerToken = await t.signIn('checker', 'Checker-pass-1')
    for (const [amount, key] of [['50000000000000.00', 'adj-big-0001'], ['50000000000000.03', 'adj-big-0002']] as const) {
      const asked = await t.ok('adjustments.request', { merchantId: merchant.id, contractId: contract.id, currency: 'USD', amount, reason: 'Exactness test credit', requestKey: key }, admin)
      await t.ok('adjustments.decide', { id: asked.id, decision: 'approve' }, checkerToken)
    }
    expect(checker.username).toBe('checker')
    const shown = await t.ok('merchants.get', { id: merchant.id }, admin)
    expect(shown.balances).toEqual([expect.objectContaining({ currency: 'USD', balance: '100000000000000.03' })])
    const report = await t.ok('reports.settlementStatistics', { pageSize: 10, merchantId: merchant.id }, admin)
    expect(report.items.map((r) => r.manualAdjust)).toContain('100000000000000.03')
    expect(verifyLedger(t.core.db.$client).drifts).toEqual([])
  })

  it('refuses, naming the limit, a posting that would take a balance past the integer range', async () => {
    const { t, admin, channel } = await setup()
    // 90 trillion USD is 9e15 cents, under 2^53: one amount is fine, about a thousand of them are not.
    let refused: Awaited<ReturnType<typeof t.call>> | null = null
    for (let i = 0; i < 1100 && !refused; i++) {
      const answer = await t.call('channels.adjustBalance', { channelId: channel.id, kind: 'top_up', amount: '90000000000000.00', reason: 'Filling the range', requestKey: `fill-${String(i).padStart(6, '0')}` }, admin)
      if (answer.status !== 200) refused = answer
    }
    expect(refused).toMatchObject({ status: 422, code: 'ledger.balance_limit' })
    expect(refused!.message).toContain('channel')
    expect(verifyLedger(t.core.db.$client).drifts).toEqual([])
    const balance = t.core.ledger.balance({ kind: 'channel', channelId: channel.id, currency: 'USD' }).posted
    expect(balance).toBeLessThanOrEqual(2n ** 63n - 1n)
    expect(balance % 9_000_000_000_000_000n).toBe(0n)
  })
})

/**
 * The demo's finance history: withdrawals in every state, approved (and rejected, and pending)
 * adjustments, reserve releases and FX settlements across the months of history, so the entry
 * types 3 (both signs), 8, 9, 10 and 99 occur on merchant accounts; the ledger verifies clean.
 */
import { describe, expect, it } from 'vitest'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { ADMIN, makeCore } from '../../support/core'

const DAY = 86_400_000

describe('demo finance history', { timeout: 180_000 }, () => {
  it('has withdrawals in each state, decided adjustments, reserve releases and FX settlements across the months, and verifies clean', async () => {
    const t = await makeCore()
    await t.core.loadDemo()
    const sql = t.core.db.$client
    const withdrawals = sql.prepare('select status, count(*) as n, min(created_at) as first from withdrawals group by status').all() as { status: string; n: number; first: number }[]
    expect(withdrawals.map((w) => w.status).sort()).toEqual(['approved', 'failed', 'paid', 'pending_review', 'rejected'])
    expect(Math.min(...withdrawals.map((w) => w.first))).toBeLessThan(t.clock.now() - 60 * DAY)
    const adjustments = sql.prepare('select status, count(*) as n from adjustment_requests group by status').all() as { status: string; n: number }[]
    expect(adjustments.map((a) => a.status).sort()).toEqual(['approved', 'pending', 'rejected'])

    const types = sql
      .prepare("select type, sign(amount) as sign, count(*) as n, min(created_at) as first, max(created_at) as last from ledger_entries where account_kind = 'merchant_available' group by type, sign(amount)")
      .all() as { type: number; sign: number; n: number; first: number; last: number }[]
    const has = (type: number, sign: number) => types.some((r) => r.type === type && r.sign === sign && r.n > 0)
    expect(has(3, -1) && has(3, 1)).toBe(true)
    for (const type of [8, 9, 10, 99]) expect(types.some((r) => r.type === type), `type ${type}`).toBe(true)
    // Rate differences across the months: FX deposits from the first weeks to the last.
    const fx = types.filter((r) => r.type === 10)
    expect(Math.min(...fx.map((r) => r.first))).toBeLessThan(t.clock.now() - 60 * DAY)
    expect(Math.max(...fx.map((r) => r.last))).toBeGreaterThan(t.clock.now() - 7 * DAY)
    const fxOrders = sql.prepare("select count(*) as n from orders where settlement_currency = 'THB' and currency = 'USDT' and status = 'succeeded'").get() as { n: number }
    expect(fxOrders.n).toBeGreaterThan(10)
    // Such an order's page is told refunds and disputes cannot be made (and why), never quoted its THB fees as USDT.
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    const fxOrder = sql.prepare("select id from orders where settlement_currency = 'THB' and currency = 'USDT' and status = 'succeeded' limit 1").get() as { id: number }
    const quote = await t.ok('refunds.quote', { orderId: fxOrder.id }, admin)
    expect(quote).toMatchObject({ currency: 'USDT', refundFee: null, disputeFee: null, unavailable: { code: 'error.aftersales.fxSettled', params: { settlement: 'THB', currency: 'USDT' } } })
    // Reserve releases fall due 30–90 days after their deposits, so they run through the history.
    const releases = sql.prepare("select count(*) as n, min(created_at) as first from ledger_postings where idempotency_key like 'reserve-release:%'").get() as { n: number; first: number }
    expect(releases.n).toBeGreaterThan(50)
    expect(releases.first).toBeLessThan(t.clock.now() - 30 * DAY)
    // Every case has its timeline.
    const untimed = sql.prepare("select count(*) as n from withdrawals w where not exists (select 1 from case_events e where e.case_type = 'withdrawal' and e.case_id = w.id)").get() as { n: number }
    expect(untimed.n).toBe(0)
    expect(verifyLedger(sql).drifts).toEqual([])
  })
})

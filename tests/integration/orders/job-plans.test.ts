/**
 * The order engine's job loop runs on the main thread every second (the reserve release every
 * minute), beside the window's IPC and the callback listener: none of its statements may read a
 * table that grows with the business from end to end. Checked on SQLite's own plans of the
 * statements a real tick ran (recorded on the core's connection), with their own arguments, not on
 * timings.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { recordDbCalls } from '../../support/db-calls'
import { financeWorld, type FinanceWorld } from '../finance/support'
import { cardFields } from './support'

const DAY = 86_400_000
/** Tables that grow with orders, callbacks, postings and use: a full scan of one is too slow on a big database. */
const GROWING = new Set([
  'orders',
  'order_events',
  'outbox',
  'provider_callbacks',
  'merchant_notifications',
  'upstream_exchanges',
  'order_status_days',
  'order_status_merchant_days',
  'transaction_daily_rows',
  'transaction_daily_totals',
  'ledger_postings',
  'ledger_entries',
  'ledger_hold_entries',
  'settlement_daily_rows',
  'settlement_daily_totals',
  'payment_exceptions',
  'four_eyes_requests',
  'recon_lines',
  'recon_matches',
  'recon_breaks',
  'recon_break_events',
  'audit_events',
  'sessions',
  'case_events',
  'refunds',
  'disputes',
  'withdrawals',
  'adjustment_requests'
])

let w: FinanceWorld
afterEach(async () => w?.stop())

describe('the job loop’s query plans', () => {
  it('no statement of a tick (expiry, reserve release, callbacks to apply, outbox) scans a growing table', async () => {
    w = await financeWorld()
    await w.paidDeposit('10000.00')
    await w.paidDeposit('5000.00')
    // A month later both reserves fall due: the tick runs the release job's scan and posts.
    w.t.clock.t = w.t.clock.now() + 31 * DAY
    const sqlite = w.t.core.db.$client
    const calls = recordDbCalls(sqlite)
    try {
      await w.t.core.engine.tick()
    } finally {
      calls.stop()
    }
    const ran = new Map<string, unknown[]>()
    for (const c of calls.all()) if (c.source && /^\s*(select|update|delete|with)\b/i.test(c.source)) ran.set(c.source, c.args ?? [])
    const sources = [...ran.keys()]
    // The tick really ran the jobs this test is about.
    expect(sources.some((s) => s.includes('reserve-release:'))).toBe(true)
    expect(sources.some((s) => s.includes('"provider_callbacks"') && s.includes('"outcome" = ?'))).toBe(true)
    expect(sources.some((s) => s.includes('"outbox"."next_attempt_at" <= ?'))).toBe(true)
    expect((sqlite.prepare("select count(*) as n from ledger_postings where idempotency_key like 'reserve-release:%'").get() as { n: number }).n).toBe(2)

    const scans: string[] = []
    for (const [source, args] of ran) {
      for (const { detail } of sqlite.prepare(`explain query plan ${source}`).all(...args) as { detail: string }[]) {
        const scanned = /^SCAN (\w+)(?! USING (COVERING )?INDEX)/.exec(detail)?.[1]
        if (scanned && GROWING.has(scanned)) scans.push(`${detail}: ${source.replace(/\s+/g, ' ').slice(0, 160)}`)
      }
    }
    expect(scans).toEqual([])
  })

  it('an order made, paid and closed by hand updates its stored counts by equality on an index, no range walked', async () => {
    w = await financeWorld()
    const sqlite = w.t.core.db.$client
    const calls = recordDbCalls(sqlite)
    try {
      await w.paidDeposit('10000.00')
      const created = await w.t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '600.00', fields: cardFields }, w.admin)
      await w.t.ok('orders.close', { id: created.id, reason: 'The payer gave up' }, w.admin)
    } finally {
      calls.stop()
    }
    const ran = new Map<string, unknown[]>()
    for (const c of calls.all()) if (c.source && /^\s*update\b/i.test(c.source)) ran.set(c.source, c.args ?? [])
    const sources = [...ran.keys()]
    // The writes this test is about ran: the order's status (its triggers count it by day and
    // status) and the transaction report's counts of a succeeded order.
    expect(sources.some((s) => /update "orders" set .*"status"/i.test(s))).toBe(true)
    expect(sources.some((s) => s.includes('update transaction_daily_rows'))).toBe(true)
    expect(sources.some((s) => s.includes('update transaction_daily_totals'))).toBe(true)

    // The stored counts grow with days, merchants and currencies: a row found by a range on an
    // index's leading columns (`include_test >= 0`) walked all the tenant's rows (5 ms per order).
    const walks: string[] = []
    for (const [source, args] of ran) {
      for (const { detail } of sqlite.prepare(`explain query plan ${source}`).all(...args) as { detail: string }[]) {
        if ((detail.startsWith('SCAN') && detail !== 'SCAN CONSTANT ROW') || (detail.startsWith('SEARCH') && /[<>]/.test(detail))) walks.push(`${detail}: ${source.replace(/\s+/g, ' ').slice(0, 160)}`)
      }
    }
    expect(walks).toEqual([])
  })
})

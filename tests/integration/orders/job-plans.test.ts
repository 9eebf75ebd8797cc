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

const DAY = 86_400_000
/** Tables that grow with orders, callbacks, postings and use: a full scan of one is too slow on a big database. */
const GROWING = new Set([
  'orders',
  'order_events',
  'outbox',
  'provider_callbacks',
  'merchant_notifications',
  'upstream_exchanges',
  'order_daily_stats',
  'order_daily_currency_totals',
  'ledger_postings',
  'ledger_entries',
  'ledger_hold_entries',
  'ledger_daily_summaries',
  'ledger_daily_currency_totals',
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
})

/**
 * Reserve release: the 10 % withheld from a paid deposit goes back to the available balance after
 * the contract's 30 hold days, through the engine's loop, catching up after the app was closed,
 * once per deposit, posted on the day it fell due; the settlement report shows both signs.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { releaseDueReserves, releaseKey } from '../../../src/main/finance/reserve'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { ADMIN } from '../../support/core'
import { financeWorld, type FinanceWorld } from './support'

const DAY = 86_400_000
let w: FinanceWorld
afterEach(async () => w?.stop())

async function balances() {
  // The clock jumps by weeks: sign in again each time.
  const admin = await w.t.signIn(ADMIN.username, ADMIN.password)
  const all = await w.t.ok('ledger.balances', { merchantId: w.merchantId }, admin)
  return Object.fromEntries(all.items.map((b) => [b.kind, b.balance]))
}

describe('reserve release', () => {
  it('releases each deposit’s reserve once after the hold days, catching up after downtime, posted on its due day', async () => {
    w = await financeWorld()
    const deps = { db: w.t.core.db, ledger: w.t.core.ledger, clock: w.t.clock, tenantId: 1 }
    const start = w.t.clock.now()
    await w.paidDeposit('10000.00')
    w.t.clock.advance(16 * 3_600_000) // the next business day
    await w.paidDeposit('5000.00')
    expect(await balances()).toEqual({ merchant_available: '13198.00', merchant_reserve: '1500.00' })

    // Day 29: nothing is due yet.
    w.t.clock.t = start + 29 * DAY
    expect(releaseDueReserves(deps)).toBe(0)

    // The app is closed from day 29 to day 45; at start the loop releases both, each on its due day.
    await w.t.core.engine.stop()
    w.t.clock.t = start + 45 * DAY
    await w.t.core.engine.start({ tickMs: 50 })
    await w.t.core.engine.caughtUp()
    expect(await balances()).toEqual({ merchant_available: '14698.00', merchant_reserve: '0.00' })
    const releases = w.t.core.db.$client
      .prepare("select idempotency_key as k, created_at as at from ledger_postings where idempotency_key like 'reserve-release:%' order by id")
      .all() as { k: string; at: number }[]
    expect(releases).toHaveLength(2)
    // Each is posted when it fell due (the deposit's posting time + 30 days), not when the app reopened.
    const sources = w.t.core.db.$client
      .prepare("select id, created_at as at from ledger_postings where idempotency_key like 'order:%:paid' order by id")
      .all() as { id: number; at: number }[]
    expect(releases).toEqual(sources.map((s) => ({ k: releaseKey(s.id), at: s.at + 30 * DAY })))
    const entries = w.entries(sources[0].id).filter((e) => e.type === 3)
    expect(entries).toEqual([
      { type: 3, amount: -100000, currency: 'CNY', kind: 'merchant_available' },
      { type: 3, amount: 100000, currency: 'CNY', kind: 'merchant_reserve' }
    ])

    // Running again, or reopening again, releases nothing twice.
    expect(releaseDueReserves(deps)).toBe(0)
    await w.t.core.engine.stop()
    await w.t.core.engine.start({ tickMs: 50 })
    await w.t.core.engine.caughtUp()
    expect(await balances()).toEqual({ merchant_available: '14698.00', merchant_reserve: '0.00' })

    // The settlement report: −1,000.00 deposit on the first day, +1,000.00 thirty days later.
    const report = await w.t.ok('reports.settlementStatistics', { pageSize: 100, merchantId: w.merchantId }, await w.t.signIn(ADMIN.username, ADMIN.password))
    const byDay = Object.fromEntries(report.items.map((r) => [r.date, r.deposit]))
    const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
    expect(byDay[day(sources[0].at)]).toBe('-1000.00')
    expect(byDay[day(sources[0].at + 30 * DAY)]).toBe('1000.00')
    expect(byDay[day(sources[1].at)]).toBe('-500.00')
    expect(byDay[day(sources[1].at + 30 * DAY)]).toBe('500.00')
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })
})

/**
 * The reserve release job as the engine runs it: in slices (more reserves than one scan slice and
 * one commit hold), yielding the event loop between them, remembering between passes how far it
 * read and what is still held. Every reserve that fell due is released exactly once, none early;
 * deposits paid after a pass, a contract whose hold days were shortened, a restart (nothing
 * remembered), and the one-go runner all agree with it; a pass after the first reads no history.
 */
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/open'
import { bootstrapTenant } from '../../../src/main/app/bootstrap'
import { createLedger } from '../../../src/main/ledger/ledger'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { depositPaidPosting, depositSettlement } from '../../../src/main/orders/settlement'
import { createReserveReleaser, HeldHeap, releaseDueReserves, releaseKey, RELEASES_PER_COMMIT, SCAN_SLICE } from '../../../src/main/finance/reserve'
import { seededRandom } from '../../support/random'
import type { Contract, Order } from '../../../src/main/aftersales/cases'
import { recordDbCalls } from '../../support/db-calls'

const DAY = 86_400_000

function world() {
  const db = openDatabase({ path: ':memory:' })
  let now = Date.UTC(2026, 8, 1)
  bootstrapTenant(db, now)
  const clock = { now: () => now }
  const ledger = createLedger(db, { tenantId: 1, clock, timeZone: () => '+08:00' })
  const sqlite = db.$client
  for (const m of [1, 2]) sqlite.prepare('insert into merchants (id, tenant_id, name, created_at, updated_at) values (?, 1, ?, 0, 0)').run(m, `Merchant ${m}`)
  // Contract 1 holds for 2 days, contract 2 for 7; both withhold 10 %.
  const holdDays = new Map([
    [1, 2],
    [2, 7]
  ])
  for (const [id, days] of holdDays) {
    sqlite
      .prepare("insert into contracts (id, tenant_id, merchant_id, name, settlement_currency, reserve_hold_days, valid_from, created_at, updated_at) values (?, 1, ?, ?, 'CNY', ?, '2026-01-01', 0, 0)")
      .run(id, id, `Contract ${id}`, days)
  }
  const contractOf = (id: number) => ({ id, feeRatePpm: 20_000, fixedFeeMinor: 100, reserveRatePpm: 100_000, refundFeeMinor: 0, disputeFeeMinor: 0 }) as Contract
  let next = 1
  /** Paid deposits, alternating merchants and contracts; returns their paid postings' ids by contract. */
  const pay = (count: number) => {
    const ids: { contractId: number; postingId: number }[] = []
    for (let i = 0; i < count; i++, next++) {
      const contract = contractOf(i % 4 < 2 ? 1 : 2)
      const order = { id: next, orderNo: `D${next}`, txnNo: 9_000_000_000 + next, merchantId: 1 + (i % 2), channelId: 1, currency: 'CNY', contractId: contract.id, isTest: false, paidMinor: 10_000 } as Order
      ids.push({ contractId: contract.id, postingId: ledger.post({ ...depositPaidPosting(order, contract, depositSettlement(10_000, contract)), at: now }).postingId })
      now += 1000
    }
    return ids
  }
  const releasedSources = () =>
    (sqlite.prepare("select idempotency_key as k from ledger_postings where idempotency_key like 'reserve-release:%'").all() as { k: string }[]).map((r) => Number(r.k.split(':')[1]))
  const reserveBalance = () => (sqlite.prepare("select coalesce(sum(amount), 0) as n from ledger_entries where account_kind = 'merchant_reserve'").get() as { n: number }).n
  const deps = { db, ledger, clock, tenantId: 1 }
  return { db, sqlite, deps, pay, releasedSources, reserveBalance, advance: (ms: number) => (now += ms), holdDays }
}

/** Runs one pass of the engine's releaser, counting the turns of the event loop it gave back meanwhile. */
async function runCountingTurns(run: () => Promise<number>) {
  let turns = 0
  let watching = true
  const tick = () => {
    turns++
    if (watching) setImmediate(tick)
  }
  setImmediate(tick)
  const released = await run()
  watching = false
  return { released, turns }
}

describe('reserve release in slices', () => {
  it('releases every reserve that fell due exactly once, across slices, passes, new deposits and shortened holds', async () => {
    const w = world()
    const releaser = createReserveReleaser(w.deps)
    // Two reserve accounts with more reserves each than one scan slice; contract 1 (2 days) on half of them.
    const first = w.pay(2 * SCAN_SLICE + 300)
    const short = first.filter((d) => d.contractId === 1).map((d) => d.postingId)
    const long = first.filter((d) => d.contractId === 2).map((d) => d.postingId)
    expect(short.length).toBeGreaterThan(RELEASES_PER_COMMIT * 10)

    // Day 1: nothing is due.
    w.advance(DAY)
    expect((await runCountingTurns(releaser.run)).released).toBe(0)
    expect(w.releasedSources()).toEqual([])

    // Day 3: the 2-day reserves, all of them and only them, while the event loop kept turning.
    w.advance(2 * DAY)
    const day3 = await runCountingTurns(releaser.run)
    expect(day3.released).toBe(short.length)
    expect(day3.turns).toBeGreaterThan(short.length / RELEASES_PER_COMMIT)
    expect(w.releasedSources().sort((a, b) => a - b)).toEqual(short)

    // A pass with nothing new reads no reserve entry again: one empty read per reserve account.
    const calls = recordDbCalls(w.sqlite)
    expect(await releaser.run()).toBe(0)
    calls.stop()
    const reads = calls.all().filter((c) => c.source?.includes('e.account_id = ? and e.id >= ?'))
    expect(reads).toHaveLength(2)

    // Deposits paid after that pass are read by the next, which releases nothing twice.
    const later = w.pay(40)
    expect(await releaser.run()).toBe(0)

    // Day 6: the later 2-day reserves. Day 8: the first 7-day ones.
    w.advance(3 * DAY)
    const laterShort = later.filter((d) => d.contractId === 1).map((d) => d.postingId)
    expect(await releaser.run()).toBe(laterShort.length)
    w.advance(2 * DAY)
    expect(await releaser.run()).toBe(long.length)

    // Contract 2 shortened to 1 day: the later 7-day reserves (paid on day 3) are due at once, though the runner had them due on day 10.
    w.sqlite.prepare('update contracts set reserve_hold_days = 1 where id = 2').run()
    const laterLong = later.filter((d) => d.contractId === 2).map((d) => d.postingId)
    expect(await releaser.run()).toBe(laterLong.length)

    // Everything is released once; a restart (nothing remembered) and the one-go runner find nothing left.
    const all = [...first, ...later].map((d) => d.postingId).sort((a, b) => a - b)
    expect(w.releasedSources().sort((a, b) => a - b)).toEqual(all)
    expect(await createReserveReleaser(w.deps).run()).toBe(0)
    expect(releaseDueReserves(w.deps)).toBe(0)
    expect(w.reserveBalance()).toBe(0)
    // Each release is posted when it fell due: the 2-day ones two days after their deposit.
    const at = w.sqlite.prepare('select created_at as at from ledger_postings where idempotency_key = ?')
    const paidAt = (id: number) => (w.sqlite.prepare('select created_at as at from ledger_postings where id = ?').get(id) as { at: number }).at
    expect((at.get(releaseKey(short[0])) as { at: number }).at).toBe(paidAt(short[0]) + 2 * DAY)
    expect(verifyLedger(w.sqlite).drifts).toEqual([])
  })

  it('joins a running pass instead of starting a second one', async () => {
    const w = world()
    w.pay(200)
    w.advance(8 * DAY)
    const releaser = createReserveReleaser(w.deps)
    const [a, b] = await Promise.all([releaser.run(), releaser.run()])
    expect(a).toBe(200)
    expect(b).toBe(200)
    expect(new Set(w.releasedSources()).size).toBe(200)
    expect(w.releasedSources()).toHaveLength(200)
  })

  it('hands the held reserves back by due time, however they were added', () => {
    const rnd = seededRandom(7)
    const heap = new HeldHeap()
    const model: [dueAt: number, postingId: number][] = []
    let next = 1
    for (let round = 0; round < 50; round++) {
      for (let i = rnd.int(0, 40); i > 0; i--) {
        const item: [number, number] = [rnd.int(0, 1000), next++]
        heap.push(...item)
        model.push(item)
      }
      const cut = rnd.int(0, 1000)
      while (heap.peek() <= cut) {
        const due = heap.peek()
        expect(due).toBe(Math.min(...model.map(([d]) => d)))
        const postingId = heap.pop()
        const at = model.findIndex(([d, p]) => d === due && p === postingId)
        expect(at).toBeGreaterThanOrEqual(0)
        model.splice(at, 1)
      }
      expect(model.every(([d]) => d > cut)).toBe(true)
      expect(heap.size).toBe(model.length)
    }
  })
})

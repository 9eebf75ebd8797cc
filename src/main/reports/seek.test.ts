/**
 * Deep pages of the entry list seek through the daily summaries instead of stepping over their
 * offset; whichever way a page is read, it must hold the same entries in the same order.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../db/open'
import { businessDayFn } from '../ledger/business-day'
import { pageIds, seekPoint, type EntryFilters } from './account-details'

const db = openDatabase({ path: ':memory:' })
afterAll(() => db.$client.close())
const ZONE = '+08:00'
const src = { sqlite: db.$client, tenantId: 1, zone: ZONE }

/** 40 business days of entries, some days empty, several entries of a posting sharing their instant. */
function seed(): void {
  const c = db.$client
  c.pragma('foreign_keys = OFF')
  const dayOf = businessDayFn(ZONE)
  const insert = c.prepare(
    `insert into ledger_entries (tenant_id, posting_id, account_id, amount, currency, type, remark, account_kind, merchant_id, contract_id, txn_id, is_test, business_day, created_at)
     values (1, ?, 1, ?, ?, ?, 'r', ?, ?, ?, ?, ?, ?, ?)`
  )
  const start = Date.UTC(2026, 9, 1, 16, 0, 0) // 2026-10-02 00:00 at +08:00
  let posting = 0
  for (let day = 0; day < 40; day++) {
    const perDay = day % 9 === 4 ? 0 : 5 + ((day * 37) % 23)
    for (let i = 0; i < perDay; i++) {
      posting++
      // Out of id order inside a day too: created_at decides, then id.
      const at = start + day * 86_400_000 + ((i * 7919) % 86_400) * 1000
      for (let e = 0; e < 1 + (i % 3); e++) {
        const merchant = 1 + ((posting + e) % 3)
        insert.run(posting, 100 + e, merchant === 3 ? 'VND' : 'CNY', (posting + e) % 4, posting % 5 === 0 ? 'channel' : 'merchant_available', merchant, merchant, posting, posting % 6 === 0 ? 1 : 0, dayOf(at), at)
      }
    }
  }
  c.exec(`insert into ledger_daily_summaries select business_day, tenant_id, contract_id, merchant_id, currency, type, is_test, sum(amount), count(*), 0
          from ledger_entries where account_kind = 'merchant_available' group by 1, 2, 3, 4, 5, 6, 7`)
}
seed()

const stepped = (f: EntryFilters, offset: number, limit: number) => pageIds(src, f, offset, limit, Infinity)
const sought = (f: EntryFilters, offset: number, limit: number) => pageIds(src, f, offset, limit, 0)
const countOf = (f: EntryFilters) => stepped(f, 0, 1_000_000).length

const FILTERS: [string, Partial<EntryFilters>][] = [
  ['no filter', {}],
  ['a merchant', { merchantId: 2 }],
  ['a currency', { currency: 'VND' }],
  ['a type', { type: 1 }],
  ['a contract, live only', { contractId: 1, includeTest: false }],
  ['a date range cutting days', { dateStart: '2026-10-05 13:00:00', dateEnd: '2026-11-01 08:30:00' }],
  ['a merchant from a time on', { merchantId: 1, dateStart: '2026-10-20 06:00:00' }],
  ['up to a time', { dateEnd: '2026-10-28 23:59:59' }]
]

describe('deep pages of the entry list', () => {
  it.each(FILTERS)('%s: every page sought equals the page stepped over', (_, partial) => {
    const f: EntryFilters = { includeTest: true, ...partial }
    const total = countOf(f)
    expect(total).toBeGreaterThan(100)
    for (const size of [1, 7, 20]) {
      for (let offset = 0; offset < total + size; offset += size) {
        expect(sought(f, offset, size)).toEqual(stepped(f, offset, size))
      }
    }
    // The seek is really used (not a silent fallback to stepping).
    expect(seekPoint(src, f, Math.floor(total / 2))).not.toBeNull()
  })

  it('a filter the summaries do not carry steps over its offset, with the same pages', () => {
    const f: EntryFilters = { includeTest: true, remark: 'r' }
    expect(seekPoint(src, f, 50)).toBeNull()
    expect(sought(f, 50, 20)).toEqual(stepped(f, 50, 20))
  })

  it('read in another zone than the entries were posted in, the days do not match and the page steps', () => {
    const other = { ...src, zone: '+00:00' }
    const f: EntryFilters = { includeTest: true }
    expect(seekPoint(other, f, 300)).toBeNull()
    expect(pageIds(other, f, 300, 20, 0)).toEqual(stepped(f, 300, 20))
  })
})

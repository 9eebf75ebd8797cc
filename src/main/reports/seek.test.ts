/**
 * Deep pages of the entry list seek through the daily summaries instead of stepping over their
 * offset; whichever way a page is read, it must hold the same entries in the same order.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { pageIds, seekPoint, type EntryFilters } from './account-details'
import { ENTRIES_ZONE, seededEntries } from './entries-fixture'

const db = seededEntries()
afterAll(() => db.$client.close())
const src = { sqlite: db.$client, tenantId: 1, zone: ENTRIES_ZONE }

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

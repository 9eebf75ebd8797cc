/**
 * Deep pages of the entry list must stay fast: for every filter the page's ids come from one
 * index, read in page order (no sort of the matching rows) and, for the filters an index holds,
 * without touching the table. Checked on SQLite's own query plans, not on timings.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { recordingConnection } from '../../../tests/support/recording'
import { openDatabase } from '../db/open'
import { rebuildSettlementRows } from '../ledger/settlement-rows'
import { accountDetailBatches, accountDetailHalf, accountDetails, type EntryFilters } from './account-details'
import type { DailyFilters } from './daily'
import { settlementList, settlementStatistics } from './settlement'

const db = openDatabase({ path: ':memory:' })
afterAll(() => db.$client.close())

/** The connection, recording each statement the report prepares. */
const prepared: string[] = []
const sqlite = recordingConnection(db.$client, prepared)

function seed(): void {
  const c = db.$client
  c.pragma('foreign_keys = OFF')
  const insert = c.prepare(
    `insert into ledger_entries (tenant_id, posting_id, account_id, amount, currency, type, remark, account_kind, merchant_id, contract_id, txn_id, is_test, business_day, created_at)
     values (1, ?, 1, ?, ?, ?, 'r', ?, ?, ?, ?, ?, 20261120, ?)`
  )
  for (let i = 1; i <= 400; i++) insert.run(i, i, i % 2 ? 'CNY' : 'VND', i % 12 === 11 ? 99 : i % 12, i % 3 ? 'merchant_available' : 'channel', i % 5, i % 7, (i % 40) + 1, i % 4 === 0 ? 1 : 0, 1_795_000_000_000 + i * 1000)
  rebuildSettlementRows(c, 0)
}
seed()

const plan = (text: string) => (db.$client.prepare(`explain query plan ${text}`).all(...Array(text.split('?').length - 1).fill(1)) as { detail: string }[]).map((r) => r.detail).join(' | ')

const dates = { dateStart: '2026-11-18 00:00:00', dateEnd: '2026-11-30 00:00:00' }
/** How the page's ids are read: from the index alone, or from the index and the rows. */
const CASES: [string, Partial<EntryFilters>, 'covering' | 'index'][] = [
  ['no filter', {}, 'covering'],
  ['a merchant', { merchantId: 3 }, 'covering'],
  ['a contract', { contractId: 2 }, 'covering'],
  ['a type', { type: 1 }, 'covering'],
  ['a currency', { currency: 'CNY' }, 'covering'],
  ['live orders only', { includeTest: false }, 'covering'],
  ['a date range', dates, 'covering'],
  ['a merchant in a date range', { merchantId: 3, ...dates }, 'covering'],
  ['a remark', { remark: 'r' }, 'index'],
  ['a merchant, a currency, live only', { merchantId: 3, currency: 'CNY', includeTest: false }, 'index']
]

describe('the entry list’s query plans', () => {
  it.each(CASES)('%s: one index, read in page order', (_, filters, reading) => {
    prepared.length = 0
    const page = accountDetails({ sqlite, tenantId: 1, zone: '+08:00' }, { includeTest: true, ...filters }, { pageIndex: 2, pageSize: 2, withTotals: false })
    expect(page.totalItemCount).toBeGreaterThan(2)
    expect(page.items).toHaveLength(2)
    const inner = prepared.find((text) => /^select id from ledger_entries .*limit \? offset \?$/s.test(text))
    expect(inner).toBeDefined()
    const pagePlan = plan(inner!)
    expect(pagePlan).not.toContain('TEMP B-TREE')
    expect(pagePlan).not.toMatch(/\bSCAN\b/)
    expect(pagePlan).toContain(reading === 'covering' ? 'USING COVERING INDEX' : 'USING INDEX')
    const count = prepared.find((text) => text.includes('count(*)'))
    if (count) expect(plan(count)).toContain(reading === 'covering' ? 'USING COVERING INDEX' : 'USING INDEX')
  })

  it('a transaction: its few entries through the transaction index, sorted', () => {
    prepared.length = 0
    const page = accountDetails({ sqlite, tenantId: 1, zone: '+08:00' }, { includeTest: true, txnId: 7 }, { pageIndex: 1, pageSize: 100, withTotals: false })
    expect(page.items.length).toBeGreaterThan(1)
    expect(page.items.every((e) => e.txnId === 7)).toBe(true)
    expect(prepared.map(plan).join(' | ')).toContain('USING INDEX ledger_entries_txn (txn_id=?)')
  })

  it('counts and totals without a remark, a transaction or a bound inside a day come from the settlement rows (the day totals without a merchant), and agree with the entries', () => {
    const src = { sqlite, tenantId: 1, zone: '+08:00' }
    const wholeDays = { dateStart: '2026-11-01 00:00:00', dateEnd: '2026-11-30 23:59:59' }
    for (const filters of [{}, { merchantId: 3 }, { type: 1, includeTest: false }, wholeDays, { ...wholeDays, type: 2 }] as Partial<EntryFilters>[]) {
      prepared.length = 0
      const summarized = accountDetails(src, { includeTest: true, ...filters }, { pageIndex: 1, pageSize: 1, withTotals: true })
      expect(prepared.some((text) => text.includes(filters.merchantId ? 'from settlement_daily_rows' : 'from settlement_daily_totals'))).toBe(true)
      expect(prepared.some((text) => text.includes('sum(amount)'))).toBe(false)
      // A bound one second into the first day makes the same query read the entries.
      const fromEntries = accountDetails(src, { includeTest: true, ...filters, dateStart: '2020-01-01 00:00:01' }, { pageIndex: 1, pageSize: 1, withTotals: true })
      expect(prepared.some((text) => text.includes('sum(amount)'))).toBe(true)
      expect(summarized.totals).toEqual(fromEntries.totals)
      expect(summarized.totalItemCount).toBe(fromEntries.totalItemCount)
    }
  })
})

describe('the export reads the entries by keyset', () => {
  it.each(CASES)('%s: each batch continues after the last (created_at, id) through the index, in order, with no sort', (_, filters) => {
    const src = { sqlite, tenantId: 1, zone: '+08:00' }
    const all = accountDetails(src, { includeTest: true, ...filters }, { pageIndex: 1, pageSize: 10_000, withTotals: false })
    prepared.length = 0
    const batches = [...accountDetailBatches(src, { includeTest: true, ...filters }, 3)]
    // The export's rows: the page's items, as the file's columns (dateCreated with a space).
    expect(batches.flat()).toEqual(all.items.map((i) => [i.dateCreated.replace('T', ' '), i.id, i.merchantId, i.contractId, i.txnId, i.type, i.currency, i.amount, i.remark]))
    expect(batches.slice(0, -1).every((b) => b.length === 3)).toBe(true)
    const keyset = prepared.find((text) => text.includes('(created_at, id) < (?, ?)'))
    if (all.items.length > 3) expect(keyset).toBeDefined()
    if (keyset) {
      // The cursor is the upper end of the range: with dateEnd beside it SQLite starts the range at
      // dateEnd and steps down to the cursor on every batch (an export's time grows with its square).
      expect(keyset).not.toContain('created_at <= ?')
      const keysetPlan = plan(keyset)
      expect(keysetPlan).not.toContain('TEMP B-TREE')
      expect(keysetPlan).not.toMatch(/\bSCAN\b/)
      // The range starts at the cursor in the filter's own index (the row value (created_at, rowid)).
      expect(keysetPlan).toMatch(/USING (COVERING )?INDEX ledger_entries_report_\w+ \(tenant_id=\?.*created_at<\?\)/)
    }
  })
})

describe('the export in two parts', () => {
  it.each(CASES)('%s: the parts cut at the middle entry are the whole export, in order, each read as a range of the index', (_, filters) => {
    const src = { sqlite, tenantId: 1, zone: '+08:00' }
    const f = { includeTest: true, ...filters }
    const whole = [...accountDetailBatches(src, f, 3)].flat()
    if (whole.length < 2) return
    const from = accountDetailHalf(src, f, whole.length)!
    expect(from.id).toBe(whole[Math.floor(whole.length / 2)][1])
    prepared.length = 0
    const upper = [...accountDetailBatches(src, f, 3, { above: from })].flat()
    const lower = [...accountDetailBatches(src, f, 3, { from })].flat()
    expect([...upper, ...lower]).toEqual(whole)
    expect(upper).toHaveLength(Math.floor(whole.length / 2))
    for (const text of prepared.filter((t) => t.includes('json_array'))) {
      const readPlan = plan(text)
      expect(readPlan).not.toContain('TEMP B-TREE')
      expect(readPlan).not.toMatch(/\bSCAN\b/)
    }
  })
})

describe('the export reads each entry exactly as the page does', () => {
  it('any text in a remark, negative amounts, the largest safe ids (rows go through SQLite\'s JSON)', () => {
    // Tenant 2: none of the other cases read its rows.
    const remarks = ['He said "hi", then left', 'line 1\nline 2\r\nline 3', 'back\\slash\ttab', '退款 🎉 \u2028 \u0000 end', '=1+2', '', '{"json": [1, 2]}']
    const insert = db.$client.prepare(
      `insert into ledger_entries (tenant_id, posting_id, account_id, amount, currency, type, remark, account_kind, merchant_id, contract_id, txn_id, is_test, business_day, created_at)
       values (2, ?, 1, ?, ?, 3, ?, 'merchant_available', 9, 9, ?, 0, 20261120, ?)`
    )
    remarks.forEach((remark, i) => insert.run(i + 1, i % 2 ? -(10 ** (i + 5)) - i : i, ['CNY', 'VND', 'USDT'][i % 3], remark, Number.MAX_SAFE_INTEGER - i, 1_795_000_000_000 + i * 1000))
    rebuildSettlementRows(db.$client, 0)
    const src = { sqlite, tenantId: 2, zone: '+08:00' }
    const all = accountDetails(src, { includeTest: true }, { pageIndex: 1, pageSize: 100, withTotals: false })
    expect(all.items.map((i) => i.remark).sort()).toEqual([...remarks].sort())
    const batches = [...accountDetailBatches(src, { includeTest: true }, 3)]
    expect(batches.flat()).toEqual(all.items.map((i) => [i.dateCreated.replace('T', ' '), i.id, i.merchantId, i.contractId, i.txnId, i.type, i.currency, i.amount, i.remark]))
  })
})

describe('the daily reports read their stored rows in page order', () => {
  const src = { sqlite, tenantId: 1, zone: '+08:00' }
  const FILTERS: [string, Partial<DailyFilters>, string][] = [
    ['no filter', {}, 'settlement_rows_list'],
    ['a merchant', { merchantId: 3 }, 'settlement_rows_merchant'],
    ['a contract', { contractId: 2 }, 'settlement_rows_contract'],
    ['a currency', { currency: 'CNY' }, 'settlement_rows_currency'],
    ['a day, live only', { dateStart: '2026-11-20 00:00:00', dateEnd: '2026-11-20 23:59:59', includeTest: false }, 'settlement_rows_list']
  ]

  it.each(FILTERS)('list, %s: a range of one index, no grouping, no sort', (_, filters, index) => {
    prepared.length = 0
    const page = settlementList(src, { includeTest: true, ...filters }, { pageIndex: 1, pageSize: 2, withTotals: true })
    expect(page.items.length).toBeGreaterThan(0)
    const read = prepared.find((text) => text.includes('limit ? offset ?'))!
    expect(read).not.toContain('group by')
    const readPlan = plan(read)
    expect(readPlan).toContain(`USING INDEX ${index} (tenant_id=? AND include_test=?`)
    expect(readPlan).not.toContain('TEMP B-TREE')
  })

  it.each<[string, Partial<DailyFilters>, string]>([
    ['all merchants', {}, 'settlement_totals_list'],
    ['a currency', { currency: 'CNY' }, 'settlement_totals_currency']
  ])('list of %s: counted and its deep pages placed from the day totals, in index order', (_, filters, index) => {
    prepared.length = 0
    settlementList({ ...src, sqlite: recordingConnection(db.$client, prepared) }, { includeTest: false, ...filters }, { pageIndex: 1, pageSize: 2, withTotals: false })
    const count = prepared.find((text) => text.includes('sum(list_rows)') && !text.includes('group by'))!
    expect(plan(count)).toBe(`SEARCH settlement_daily_totals USING INDEX ${index} (tenant_id=? AND include_test=?${filters.currency ? ' AND currency=?' : ''})`)
    // The deep page's day: the day totals summed per day, newest first, without a sort.
    const days = `select business_day as day, sum(list_rows) as n from settlement_daily_totals indexed by ${index} where tenant_id = ? and include_test = ?${filters.currency ? ' and currency = ?' : ''} group by business_day order by business_day desc`
    expect(plan(days)).not.toContain('TEMP B-TREE')
  })

  it('statistics of all merchants are the stored day totals, read in order; of one merchant, its rows summed per day', () => {
    prepared.length = 0
    settlementStatistics(src, { includeTest: true }, { pageIndex: 1, pageSize: 2, withTotals: false })
    const all = prepared.find((text) => text.includes('limit ? offset ?'))!
    expect(all).toContain('from settlement_daily_totals')
    expect(plan(all)).not.toContain('TEMP B-TREE')
    prepared.length = 0
    settlementStatistics(src, { includeTest: true, merchantId: 3 }, { pageIndex: 1, pageSize: 2, withTotals: false })
    const one = prepared.find((text) => text.includes('limit ? offset ?'))!
    expect(plan(one)).toContain('USING INDEX settlement_rows_merchant')
  })
})

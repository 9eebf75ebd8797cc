/**
 * The daily reports (交易/结算 汇总 and 明细) over their stored rows (db/schema/reports.ts), which
 * the order engine and the ledger keep in the same transaction as each change: one stored row per
 * list row (per business day, contract, merchant and currency) and one per statistics row (per
 * business day and currency), so a statistics row is always the sum of its list rows, and a page
 * is read in order from an index without grouping or sorting. Newest day first, like the entry list.
 *
 * dateCreated of a list row is the first instant of its business day (`yyyy-mm-ddT00:00:00` on the
 * tenant's clock): the row stands for that day and is kept up to date as the day goes, not made
 * by a batch afterwards, so the day's start is its creation time.
 */
import { fromMinor } from '../../shared/money'
import { dayRange, isoDay, type DateBounds } from './bounds'
import { pageOffset, reportPage, statement, type PageRequest, type ReportPage, type ReadSource, type SqlFilter } from '../reads/page'
import { viewFilter, type CommonFilters } from './filters'

export type DailyFilters = CommonFilters & DateBounds

/** A report's stored tables (schema/reports.ts) and the SQL of each column's value in one stored row. */
export interface DailyTable<A extends string, C extends string> {
  /** One row per list row: per business day, contract, merchant and currency. */
  rows: 'settlement_daily_rows' | 'transaction_daily_rows'
  /** The rows table's index names start with this (`_list`, `_merchant`, `_contract`, `_currency`). */
  rowIndexes: 'settlement_rows' | 'transaction_rows'
  /** One row per statistics row: per business day and currency. */
  totals: 'settlement_daily_totals' | 'transaction_daily_totals'
  /** The totals table's index names start with this (`_list`, `_currency`). */
  totalIndexes: 'settlement_totals' | 'transaction_totals'
  amounts: Record<A, string>
  counts: Record<C, string>
}

type Sums<A extends string, C extends string> = Record<A, string> & Record<C, number>
export type DailyTotal<A extends string, C extends string> = { currency: string } & Sums<A, C>
export type StatisticsItem<A extends string, C extends string> = { date: string; currency: string } & Sums<A, C>
export type ListItem<A extends string, C extends string> = { tenantId: number; date: number; contractId: number; merchantId: number; currency: string } & Sums<A, C> & { dateCreated: string }

type Row = Record<string, bigint | string>

function dailyFilter(src: ReadSource, f: DailyFilters): SqlFilter {
  const days = dayRange(f)
  return viewFilter(src, f).when(days.from, 'business_day >= ?', days.from).when(days.to, 'business_day <= ?', days.to)
}

/**
 * Where a report's rows come from for these filters, and whether stored rows must be grouped:
 * - list rows are the rows table's rows, read through the index of the most selective filter;
 * - statistics rows are the totals table's rows, unless a contract or merchant is asked for: then
 *   that contract's or merchant's rows, summed per day and currency (a few hundred at most).
 */
function sourceOf<A extends string, C extends string>(t: DailyTable<A, C>, f: DailyFilters, g: Grouping): { from: string; grouped: boolean } {
  const index = f.contractId !== undefined ? 'contract' : f.merchantId !== undefined ? 'merchant' : f.currency !== undefined ? 'currency' : 'list'
  const rows = `${t.rows} indexed by ${t.rowIndexes}_${index}`
  if (g.perMerchant) return { from: rows, grouped: false }
  if (f.contractId !== undefined || f.merchantId !== undefined) return { from: rows, grouped: true }
  return { from: `${t.totals} indexed by ${t.totalIndexes}_${index}`, grouped: false }
}

function sumColumns<A extends string, C extends string>(t: DailyTable<A, C>, grouped: boolean): string {
  return [...Object.entries(t.amounts), ...Object.entries(t.counts)].map(([name, value]) => (grouped ? `sum(${value}) as ${name}` : `${value} as ${name}`)).join(', ')
}

/**
 * A stored row as a report item: `fields` (the row's keys) with the sums written onto the same
 * object. Not `{ ...fields, ...sums }`: V8 builds an object spread of this many keys the slow way
 * (a new hidden class per object, about 7 KB each), which made a 20-row page allocate 160 KB and
 * its collector pause for milliseconds.
 */
function withSums<A extends string, C extends string, F extends object>(t: DailyTable<A, C>, row: Row, fields: F): F & Sums<A, C> {
  const item = fields as Record<string, unknown>
  const currency = row.currency as string
  for (const name in t.amounts) item[name] = fromMinor(row[name] as bigint, currency)
  for (const name in t.counts) item[name] = Number(row[name])
  return item as F & Sums<A, C>
}

/** The rows of the report in its order, from a filter: `limit`/`offset` or a keyset condition are appended by the caller. */
function selectRows<A extends string, C extends string>(t: DailyTable<A, C>, f: DailyFilters, g: Grouping, where: SqlFilter): string {
  const { from, grouped } = sourceOf(t, f, g)
  return `select ${g.select}, ${sumColumns(t, grouped)} from ${from} where ${where.sql} ${grouped ? `group by ${g.keys}` : ''} order by ${g.order}`
}

export interface Grouping {
  /** True for list rows (per contract and merchant), false for statistics rows (per day and currency). */
  perMerchant: boolean
  keys: string
  select: string
  order: string
  /**
   * Keyset: the rows after the given row in `order`, as a condition on the grouped columns (so it
   * filters before grouping) and its parameters from the row's fields.
   */
  after: { sql: string; params(row: Row): unknown[] }
  /** The row's fields other than the sums (the contract's schema puts them in the seed's order). */
  item(row: Row, currency: string): Record<string, unknown>
}

function dailyReport<A extends string, C extends string, T>(src: ReadSource, t: DailyTable<A, C>, f: DailyFilters, request: PageRequest, g: Grouping): ReportPage<T, DailyTotal<A, C>> {
  const totals = request.withTotals ? dailyTotals(src, t, f) : null
  const total = dailyCount(src, t, f, g)
  const offset = pageOffset(request, total)
  if (offset === null) return reportPage(request, total, [], totals)
  const where = dailyFilter(src, f)
  const seek = offset >= SEEK_FROM_OFFSET && countedByDay(f, g) ? seekDay(src, t, f, offset) : null
  if (seek) where.and('business_day <= ?', seek.day)
  const rows = statement(src.sqlite, `${selectRows(t, f, g, where)} limit ? offset ?`, true).all(...where.params, request.pageSize, seek ? seek.skip : offset) as Row[]
  const items = rows.map((r) => withSums(t, r, g.item(r, r.currency as string)) as T)
  return reportPage(request, total, items, totals)
}

/**
 * List rows without a contract or merchant filter are counted from their day totals' list_rows
 * (kept by triggers, migration 0014): a few hundred day totals instead of tens of thousands of
 * rows. With a contract or merchant the rows are few and counted in their own index.
 */
const countedByDay = (f: DailyFilters, g: Grouping) => g.perMerchant && f.contractId === undefined && f.merchantId === undefined

/** The day totals in the list's order (newest day first), through the index of the filter. */
const dayTotals = <A extends string, C extends string>(t: DailyTable<A, C>, f: DailyFilters) => `${t.totals} indexed by ${t.totalIndexes}_${f.currency === undefined ? 'list' : 'currency'}`

/** Offsets from which a list page seeks its day through the day totals rather than stepping over the rows before it. */
export const SEEK_FROM_OFFSET = 1_000

/**
 * Where a deep list page starts: the newest day whose rows reach past `offset` (the list is newest
 * day first, so a day's rows are together), and how many of that day's and older rows to skip.
 */
function seekDay<A extends string, C extends string>(src: ReadSource, t: DailyTable<A, C>, f: DailyFilters, offset: number): { day: number; skip: number } | null {
  const where = dailyFilter(src, f)
  const days = statement(src.sqlite, `select business_day as day, sum(list_rows) as n from ${dayTotals(t, f)} where ${where.sql} group by business_day order by business_day desc`)
  let passed = 0
  for (const row of days.iterate(...where.params) as Iterable<{ day: number; n: number }>) {
    if (offset < passed + row.n) return { day: row.day, skip: offset - passed }
    passed += row.n
  }
  return null
}

/** The sums of the whole filtered set, one row per currency (amounts never add across currencies). */
function dailyTotals<A extends string, C extends string>(src: ReadSource, t: DailyTable<A, C>, f: DailyFilters): DailyTotal<A, C>[] {
  const where = dailyFilter(src, f)
  const days = dayRange(f)
  const source = sourceOf(t, f, STATISTICS)
  // Day totals without dates: read per currency from their currency index, already in order.
  const from = !source.grouped && days.from === undefined && days.to === undefined ? `${t.totals} indexed by ${t.totalIndexes}_currency` : source.from
  const rows = statement(src.sqlite, `select currency, ${sumColumns(t, true)} from ${from} where ${where.sql} group by currency order by currency`, true).all(...where.params) as Row[]
  return rows.map((r) => withSums(t, r, { currency: r.currency as string }))
}

/** How many rows the report has for the filters (what an export of them will write). */
export function dailyCount<A extends string, C extends string>(src: ReadSource, t: DailyTable<A, C>, f: DailyFilters, g: Grouping): number {
  const where = dailyFilter(src, f)
  if (countedByDay(f, g)) return Number((statement(src.sqlite, `select coalesce(sum(list_rows), 0) as n from ${dayTotals(t, f)} where ${where.sql}`).get(...where.params) as { n: number }).n)
  const { from, grouped } = sourceOf(t, f, g)
  const sql = grouped ? `select count(*) as n from (select 1 from ${from} where ${where.sql} group by ${g.keys})` : `select count(*) as n from ${from} where ${where.sql}`
  return Number((statement(src.sqlite, sql).get(...where.params) as { n: number }).n)
}

/**
 * Every row of the report, in its order, `batchSize` at a time, by keyset on the row's keys
 * (never OFFSET): each batch starts after the last row of the one before.
 */
export function* dailyBatches<A extends string, C extends string, T>(src: ReadSource, t: DailyTable<A, C>, f: DailyFilters, g: Grouping, batchSize: number): Generator<T[]> {
  let last: Row | null = null
  for (;;) {
    const where = dailyFilter(src, f)
    if (last) where.and(g.after.sql, ...g.after.params(last))
    const rows = statement(src.sqlite, `${selectRows(t, f, g, where)} limit ?`, true).all(...where.params, batchSize) as Row[]
    if (rows.length > 0) yield rows.map((r) => withSums(t, r, g.item(r, r.currency as string)) as T)
    if (rows.length < batchSize) return
    last = rows[rows.length - 1]
  }
}

/** The statistics rows: per business day and currency, newest first. */
export const STATISTICS: Grouping = {
  perMerchant: false,
  keys: 'business_day, currency',
  select: 'business_day as day, currency',
  order: 'business_day desc, currency',
  after: { sql: '(business_day < ? or (business_day = ? and currency > ?))', params: (r) => [r.day, r.day, r.currency] },
  item: (r, currency) => ({ date: isoDay(Number(r.day)), currency })
}

/** Per business day and currency. */
export function dailyStatistics<A extends string, C extends string>(src: ReadSource, t: DailyTable<A, C>, f: DailyFilters, request: PageRequest) {
  return dailyReport<A, C, StatisticsItem<A, C>>(src, t, f, request, STATISTICS)
}

/** The list rows: per business day, contract, merchant and currency; newest day first, then merchant, contract, currency. */
export function listGrouping(src: ReadSource): Grouping {
  return {
    perMerchant: true,
    keys: 'business_day, contract_id, merchant_id, currency',
    select: 'business_day as day, contract_id as contractId, merchant_id as merchantId, currency',
    order: 'business_day desc, merchant_id, contract_id, currency',
    after: {
      sql: '(business_day < ? or (business_day = ? and (merchant_id, contract_id, currency) > (?, ?, ?)))',
      params: (r) => [r.day, r.day, r.merchantId, r.contractId, r.currency]
    },
    item: (r, currency) => {
      const day = Number(r.day)
      return { tenantId: src.tenantId, date: day, contractId: Number(r.contractId), merchantId: Number(r.merchantId), currency, dateCreated: `${isoDay(day)}T00:00:00` }
    }
  }
}

/** Per business day, contract, merchant and currency. */
export function dailyList<A extends string, C extends string>(src: ReadSource, t: DailyTable<A, C>, f: DailyFilters, request: PageRequest) {
  return dailyReport<A, C, ListItem<A, C>>(src, t, f, request, listGrouping(src))
}

/** The most days a chart plots: a year and a day. */
export const CHART_DAYS = 366

export interface DailySeries<A extends string, C extends string> {
  /** One point per business day and currency, oldest first (amounts exact, as decimal text). */
  points: StatisticsItem<A, C>[]
  /** True when the filtered set has more days than CHART_DAYS: only the newest ones are plotted. */
  truncated: boolean
}

/**
 * The statistics of the whole filtered set per business day and currency, for a chart: the same
 * sums as the statistics rows (never the page only), oldest day first, at most `maxDays` days (the
 * newest ones).
 */
export function dailySeries<A extends string, C extends string>(src: ReadSource, t: DailyTable<A, C>, f: DailyFilters, maxDays = CHART_DAYS): DailySeries<A, C> {
  const where = dailyFilter(src, f)
  const { from } = sourceOf(t, f, STATISTICS)
  const days = statement(src.sqlite, `select distinct business_day as day from ${from} where ${where.sql} order by business_day desc limit ?`)
    .pluck()
    .all(...where.params, maxDays + 1) as number[]
  const truncated = days.length > maxDays
  if (truncated) where.and('business_day >= ?', days[maxDays - 1])
  const { grouped } = sourceOf(t, f, STATISTICS)
  const rows = statement(src.sqlite, `select ${STATISTICS.select}, ${sumColumns(t, grouped)} from ${from} where ${where.sql} ${grouped ? `group by ${STATISTICS.keys}` : ''} order by business_day, currency`, true).all(...where.params) as Row[]
  return { points: rows.map((r) => withSums(t, r, STATISTICS.item(r, r.currency as string)) as StatisticsItem<A, C>), truncated }
}

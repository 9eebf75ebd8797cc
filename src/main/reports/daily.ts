/**
 * The daily reports (交易/结算 汇总 and 明细) over the pre-aggregated daily tables that the order
 * engine and the ledger keep in the same transaction as each change. Statistics rows group by
 * business day and currency; list rows also by contract and merchant; so a statistics row is
 * always the sum of its list rows. Newest day first, like the entry list.
 *
 * dateCreated of a list row is the first instant of its business day (`yyyy-mm-ddT00:00:00` on the
 * tenant's clock): the row stands for that day and is kept up to date as the day goes, not made
 * by a batch afterwards, so the day's start is its creation time.
 */
import { decimalText } from './amounts'
import { dayRange, isoDay, type DateBounds } from './bounds'
import { commonFilter, pageOffset, reportPage, statement, type CommonFilters, type PageRequest, type ReportPage, type ReportSource, type SqlFilter } from './page'

export type DailyFilters = CommonFilters & DateBounds

/** A daily table and the sums that make the report's columns (minor units for amounts). */
export interface DailyTable<A extends string, C extends string> {
  table: 'order_daily_stats' | 'ledger_daily_summaries'
  /** The same sums per business day, currency and test flag only: read when no contract or merchant is asked for and rows are not per merchant. */
  byCurrency: 'order_daily_currency_totals' | 'ledger_daily_currency_totals'
  amounts: Record<A, string>
  counts: Record<C, string>
}

type Sums<A extends string, C extends string> = Record<A, string> & Record<C, number>
export type DailyTotal<A extends string, C extends string> = { currency: string } & Sums<A, C>
export type StatisticsItem<A extends string, C extends string> = { date: string; currency: string } & Sums<A, C>
export type ListItem<A extends string, C extends string> = { tenantId: number; date: number; contractId: number; merchantId: number; currency: string } & Sums<A, C> & { dateCreated: string }

type Row = Record<string, bigint | string>

function dailyFilter(src: ReportSource, f: DailyFilters): SqlFilter {
  const days = dayRange(f)
  return commonFilter(src, f).when(days.from, 'business_day >= ?', days.from).when(days.to, 'business_day <= ?', days.to)
}

/**
 * The table to read: the per-currency one when the rows and the filters need no contract or
 * merchant (statistics and totals of all merchants), which holds a few rows per day instead of
 * a few per merchant and day.
 */
function tableOf<A extends string, C extends string>(t: DailyTable<A, C>, f: DailyFilters, perMerchant: boolean): string {
  return perMerchant || f.contractId !== undefined || f.merchantId !== undefined ? t.table : t.byCurrency
}

const perMerchant = (g: Grouping) => g.keys.includes('merchant_id')

function sumColumns<A extends string, C extends string>(t: DailyTable<A, C>): string {
  return [...Object.entries(t.amounts), ...Object.entries(t.counts)].map(([name, sum]) => `${sum} as ${name}`).join(', ')
}

function sumsOf<A extends string, C extends string>(t: DailyTable<A, C>, row: Row, currency: string): Sums<A, C> {
  const sums: Record<string, string | number> = {}
  for (const name of Object.keys(t.amounts)) sums[name] = decimalText(row[name] as bigint, currency)
  for (const name of Object.keys(t.counts)) sums[name] = Number(row[name])
  return sums as Sums<A, C>
}

export interface Grouping {
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

function dailyReport<A extends string, C extends string, T>(src: ReportSource, t: DailyTable<A, C>, f: DailyFilters, request: PageRequest, g: Grouping): ReportPage<T, DailyTotal<A, C>> {
  const where = dailyFilter(src, f)
  const run = (sql: string, ...extra: unknown[]) => statement(src.sqlite, sql, true).all(...where.params, ...extra) as Row[]
  const totals = request.withTotals
    ? run(`select currency, ${sumColumns(t)} from ${tableOf(t, f, false)} where ${where.sql} group by currency order by currency`).map((r) => ({ currency: r.currency as string, ...sumsOf(t, r, r.currency as string) }) as DailyTotal<A, C>)
    : null
  const total = dailyCount(src, t, f, g)
  const offset = pageOffset(request, total)
  if (offset === null) return reportPage(request, total, [], totals)
  const rows = run(`select ${g.select}, ${sumColumns(t)} from ${tableOf(t, f, perMerchant(g))} where ${where.sql} group by ${g.keys} order by ${g.order} limit ? offset ?`, request.pageSize, offset)
  const items = rows.map((r) => ({ ...g.item(r, r.currency as string), ...sumsOf(t, r, r.currency as string) }) as T)
  return reportPage(request, total, items, totals)
}

/** How many rows the report has for the filters (what an export of them will write). */
export function dailyCount<A extends string, C extends string>(src: ReportSource, t: DailyTable<A, C>, f: DailyFilters, g: Grouping): number {
  const where = dailyFilter(src, f)
  return Number((statement(src.sqlite, `select count(*) as n from (select 1 from ${tableOf(t, f, perMerchant(g))} where ${where.sql} group by ${g.keys})`, true).get(...where.params) as { n: bigint }).n)
}

/**
 * Every row of the report, in its order, `batchSize` at a time, by keyset on the grouping keys
 * (never OFFSET): each batch starts after the last row of the one before.
 */
export function* dailyBatches<A extends string, C extends string, T>(src: ReportSource, t: DailyTable<A, C>, f: DailyFilters, g: Grouping, batchSize: number): Generator<T[]> {
  let last: Row | null = null
  for (;;) {
    const where = dailyFilter(src, f)
    if (last) where.and(g.after.sql, ...g.after.params(last))
    const rows = statement(src.sqlite, `select ${g.select}, ${sumColumns(t)} from ${tableOf(t, f, perMerchant(g))} where ${where.sql} group by ${g.keys} order by ${g.order} limit ?`, true).all(...where.params, batchSize) as Row[]
    if (rows.length > 0) yield rows.map((r) => ({ ...g.item(r, r.currency as string), ...sumsOf(t, r, r.currency as string) }) as T)
    if (rows.length < batchSize) return
    last = rows[rows.length - 1]
  }
}

/** The statistics rows: per business day and currency, newest first. */
export const STATISTICS: Grouping = {
  keys: 'business_day, currency',
  select: 'business_day as day, currency',
  order: 'business_day desc, currency',
  after: { sql: '(business_day < ? or (business_day = ? and currency > ?))', params: (r) => [r.day, r.day, r.currency] },
  item: (r, currency) => ({ date: isoDay(Number(r.day)), currency })
}

/** Per business day and currency. */
export function dailyStatistics<A extends string, C extends string>(src: ReportSource, t: DailyTable<A, C>, f: DailyFilters, request: PageRequest) {
  return dailyReport<A, C, StatisticsItem<A, C>>(src, t, f, request, STATISTICS)
}

/** The list rows: per business day, contract, merchant and currency; newest day first, then merchant, contract, currency. */
export function listGrouping(src: ReportSource): Grouping {
  return {
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
export function dailyList<A extends string, C extends string>(src: ReportSource, t: DailyTable<A, C>, f: DailyFilters, request: PageRequest) {
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
export function dailySeries<A extends string, C extends string>(src: ReportSource, t: DailyTable<A, C>, f: DailyFilters, maxDays = CHART_DAYS): DailySeries<A, C> {
  const where = dailyFilter(src, f)
  const days = statement(src.sqlite, `select business_day as day from ${tableOf(t, f, false)} where ${where.sql} group by business_day order by business_day desc limit ?`)
    .pluck()
    .all(...where.params, maxDays + 1) as number[]
  const truncated = days.length > maxDays
  if (truncated) where.and('business_day >= ?', days[maxDays - 1])
  const rows = statement(src.sqlite, `select ${STATISTICS.select}, ${sumColumns(t)} from ${tableOf(t, f, false)} where ${where.sql} group by ${STATISTICS.keys} order by business_day, currency`, true).all(...where.params) as Row[]
  return { points: rows.map((r) => ({ ...STATISTICS.item(r, r.currency as string), ...sumsOf(t, r, r.currency as string) }) as StatisticsItem<A, C>), truncated }
}

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

function sumColumns<A extends string, C extends string>(t: DailyTable<A, C>): string {
  return [...Object.entries(t.amounts), ...Object.entries(t.counts)].map(([name, sum]) => `${sum} as ${name}`).join(', ')
}

function sumsOf<A extends string, C extends string>(t: DailyTable<A, C>, row: Row, currency: string): Sums<A, C> {
  const sums: Record<string, string | number> = {}
  for (const name of Object.keys(t.amounts)) sums[name] = decimalText(row[name] as bigint, currency)
  for (const name of Object.keys(t.counts)) sums[name] = Number(row[name])
  return sums as Sums<A, C>
}

interface Grouping {
  keys: string
  select: string
  order: string
  /** The row's fields other than the sums (the contract's schema puts them in the seed's order). */
  item(row: Row, currency: string): Record<string, unknown>
}

function dailyReport<A extends string, C extends string, T>(src: ReportSource, t: DailyTable<A, C>, f: DailyFilters, request: PageRequest, g: Grouping): ReportPage<T, DailyTotal<A, C>> {
  const where = dailyFilter(src, f)
  const run = (sql: string, ...extra: unknown[]) => statement(src.sqlite, sql, true).all(...where.params, ...extra) as Row[]
  const totals = request.withTotals
    ? run(`select currency, ${sumColumns(t)} from ${t.table} where ${where.sql} group by currency order by currency`).map((r) => ({ currency: r.currency as string, ...sumsOf(t, r, r.currency as string) }) as DailyTotal<A, C>)
    : null
  const total = Number(run(`select count(*) as n from (select 1 from ${t.table} where ${where.sql} group by ${g.keys})`)[0].n)
  const offset = pageOffset(request, total)
  if (offset === null) return reportPage(request, total, [], totals)
  const rows = run(`select ${g.select}, ${sumColumns(t)} from ${t.table} where ${where.sql} group by ${g.keys} order by ${g.order} limit ? offset ?`, request.pageSize, offset)
  const items = rows.map((r) => ({ ...g.item(r, r.currency as string), ...sumsOf(t, r, r.currency as string) }) as T)
  return reportPage(request, total, items, totals)
}

/** Per business day and currency. */
export function dailyStatistics<A extends string, C extends string>(src: ReportSource, t: DailyTable<A, C>, f: DailyFilters, request: PageRequest) {
  return dailyReport<A, C, StatisticsItem<A, C>>(src, t, f, request, {
    keys: 'business_day, currency',
    select: 'business_day as day, currency',
    order: 'business_day desc, currency',
    item: (r, currency) => ({ date: isoDay(Number(r.day)), currency })
  })
}

/** Per business day, contract, merchant and currency. */
export function dailyList<A extends string, C extends string>(src: ReportSource, t: DailyTable<A, C>, f: DailyFilters, request: PageRequest) {
  return dailyReport<A, C, ListItem<A, C>>(src, t, f, request, {
    keys: 'business_day, contract_id, merchant_id, currency',
    select: 'business_day as day, contract_id as contractId, merchant_id as merchantId, currency',
    order: 'business_day desc, merchant_id, contract_id, currency',
    item: (r, currency) => {
      const day = Number(r.day)
      return { tenantId: src.tenantId, date: day, contractId: Number(r.contractId), merchantId: Number(r.merchantId), currency, dateCreated: `${isoDay(day)}T00:00:00` }
    }
  })
}

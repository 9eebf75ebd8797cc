/**
 * The orders list (`orders.list`): newest first, by created_at then id, with its exact total.
 *
 * Every filter reads one index in page order (schema/orders.ts, `orders_list_*`: the tenant, the
 * filter's column, created_at, and the rowid every index ends with), named by the most selective
 * filter, so a page costs the index steps it skips and its own rows, never a sort of the matches.
 * A lookup by a number (order number, merchant order number, upstream number, or the search over
 * all three) reads the few matching rows through those numbers' indexes and sorts only them.
 *
 * Counts: stored day rows count the orders of each business day, with test orders and without
 * them: the transaction report's per merchant (schema/reports.ts), and the order status days per
 * direction and status, for all merchants and per merchant (schema/orders.ts, kept by triggers).
 * So the total of any mix of merchant, status, direction, test flag and (whole-day) dates is a sum
 * of day rows; a channel, the overdue flag or a number is counted in its index. Deep pages of the filters the day rows count seek their day from the
 * newest one instead of stepping over the offset (as the entry list does, reports/account-details.ts).
 *
 * Given only a connection, so it runs where the report reads run (reports/catalog.ts): in a report
 * worker on a database file, inline on an in-memory one.
 */
import type Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { OrderRow } from '../../shared/contract/orders'
import * as schema from '../db/schema/index'
import type { Db } from '../db/open'
import { preparedQueries } from '../db/prepared'
import { dayStartMs } from '../ledger/business-day'
import { dayNumber, isoDay } from '../reports/bounds'
import { pageOffset, reportPage, SqlFilter, statement, type PageRequest, type ReportPage, type ReadSource } from '../reads/page'
import type { OrderStatus } from '../db/schema/orders'
import { idsParam, inIds, rowsOf } from './read'

export interface OrderListFilters {
  /** The merchant filter with the user's scope applied (a merchant-bound user's own merchant). */
  merchantId?: number
  orderNo?: string
  merchantOrderNo?: string
  upstreamNo?: string
  /** Any of the three numbers, exactly. */
  search?: string
  channelId?: number
  status?: OrderStatus
  direction?: 'deposit' | 'payout'
  isTest?: boolean
  /** Business days (yyyy-mm-dd), inclusive. */
  dateFrom?: string
  dateTo?: string
  /** Unpaid orders past their expiry (true), or all others (false), at `now`. */
  overdue?: boolean
  now: number
}

const UNPAID_EXPIRED = "status in ('created', 'pending') and expires_at <= ?"
const ORDER = 'order by created_at desc, id desc'

/** The search's three exact lookups, each through its own index. */
const SEARCH_IDS =
  'id in (select id from orders indexed by orders_order_no where order_no = ? union all select id from orders indexed by orders_merchant_order_lookup where tenant_id = ? and merchant_order_no = ? union all select id from orders indexed by orders_upstream_no where upstream_no = ?)'

/** The filters that select a few orders by their numbers (read through those indexes and sorted). */
const isLookup = (f: OrderListFilters) => Boolean(f.orderNo || f.merchantOrderNo || f.upstreamNo || f.search) || f.overdue === true

/**
 * The index to read, most selective filter first: named rather than left to the planner, which
 * without ANALYZE statistics rates every equality alike.
 */
function indexFor(f: OrderListFilters): string | null {
  if (f.orderNo) return 'orders_order_no'
  if (f.merchantOrderNo) return 'orders_merchant_order_lookup'
  if (f.upstreamNo) return 'orders_upstream_no'
  if (f.search) return null
  if (f.overdue === true) return 'orders_status_expires'
  if (f.merchantId !== undefined) return 'orders_list_merchant'
  if (f.channelId !== undefined) return 'orders_list_channel'
  if (f.status !== undefined) return 'orders_list_status'
  if (f.isTest === true) return 'orders_list_test'
  if (f.direction !== undefined) return 'orders_list_direction'
  if (f.isTest === false) return 'orders_list_test'
  return 'orders_list_created'
}

function fromOrders(f: OrderListFilters): string {
  const index = indexFor(f)
  // The search's matches are found by id (its subquery): no index but the table's own key.
  return index ? `orders indexed by ${index}` : 'orders not indexed'
}

function listFilter(src: ReadSource, f: OrderListFilters): SqlFilter {
  const search = f.search || undefined
  return new SqlFilter()
    .and('tenant_id = ?', src.tenantId)
    .when(f.merchantId, 'merchant_id = ?', f.merchantId)
    .when(f.channelId, 'channel_id = ?', f.channelId)
    .when(f.status, 'status = ?', f.status)
    .when(f.direction, 'direction = ?', f.direction)
    .when(f.isTest, 'is_test = ?', f.isTest ? 1 : 0)
    .when(f.dateFrom, 'created_at >= ?', f.dateFrom && dayStartMs(f.dateFrom, src.zone))
    .when(f.dateTo, 'created_at <= ?', f.dateTo && dayStartMs(f.dateTo, src.zone, 1) - 1)
    // PayDesk's own numbers are capitals (D…, P…): "d2026…" typed is the same order.
    .when(f.orderNo || undefined, 'order_no = ?', f.orderNo?.toUpperCase())
    .when(f.merchantOrderNo || undefined, 'merchant_order_no = ?', f.merchantOrderNo)
    .when(f.upstreamNo || undefined, 'upstream_no = ?', f.upstreamNo)
    .when(search, SEARCH_IDS, search?.toUpperCase(), src.tenantId, search, search)
    .when(f.overdue === true ? true : undefined, UNPAID_EXPIRED, f.now)
    .when(f.overdue === false ? false : undefined, `not coalesce(${UNPAID_EXPIRED}, 0)`, f.now)
}

/**
 * The stored day rows that count the filtered orders, when they can: no filter they lack. The
 * transaction report's rows count per merchant and day (schema/reports.ts); with a status or a
 * direction, the order status days count per day, direction and status, for all merchants or per
 * merchant (schema/orders.ts). Each keeps a view with test orders and one without; test orders only
 * are the difference of the two. Business days are the days of created_at in the tenant's zone,
 * which no procedure changes once orders exist.
 */
function storedCount(src: ReadSource, f: OrderListFilters): { table: string; count: string; where: SqlFilter; testsOnly: boolean } | null {
  if (isLookup(f) || f.overdue !== undefined || f.channelId !== undefined) return null
  const byStatus = f.status !== undefined || f.direction !== undefined
  const merchant = f.merchantId !== undefined
  const table = byStatus
    ? `${merchant ? 'order_status_merchant_days' : 'order_status_days'} indexed by ${merchant ? 'order_status_merchant_days' : 'order_status_days'}_${f.status !== undefined ? 'status' : 'direction'}`
    : merchant
      ? 'transaction_daily_rows indexed by transaction_rows_merchant'
      : 'transaction_daily_totals indexed by transaction_totals_list'
  const where = new SqlFilter()
    .and('tenant_id = ?', src.tenantId)
    .when(f.merchantId, 'merchant_id = ?', f.merchantId)
    .when(f.status, 'status = ?', f.status)
    .when(f.direction, 'direction = ?', f.direction)
    .when(f.dateFrom, 'business_day >= ?', f.dateFrom && dayNumber(f.dateFrom))
    .when(f.dateTo, 'business_day <= ?', f.dateTo && dayNumber(f.dateTo))
  return { table, count: byStatus ? 'order_count' : 'total_count', where, testsOnly: f.isTest === true }
}

function storedTotal(src: ReadSource, s: { table: string; count: string; where: SqlFilter }, view: 0 | 1): number {
  return (statement(src.sqlite, `select coalesce(sum(${s.count}), 0) as n from ${s.table} where include_test = ? and ${s.where.sql}`).get(view, ...s.where.params) as { n: number }).n
}

export function countOrders(src: ReadSource, f: OrderListFilters): number {
  // Not overdue: all the others' orders but the overdue ones (few: the job loop closes them).
  if (f.overdue === false && !isLookup(f)) return countOrders(src, { ...f, overdue: undefined }) - countOrders(src, { ...f, overdue: true })
  const stored = storedCount(src, f)
  if (stored) {
    const all = storedTotal(src, stored, 1)
    return stored.testsOnly ? all - storedTotal(src, stored, 0) : f.isTest === false ? storedTotal(src, stored, 0) : all
  }
  const where = listFilter(src, f)
  return (statement(src.sqlite, `select count(*) as n from ${fromOrders(f)} where ${where.sql}`).get(...where.params) as { n: number }).n
}

/** Offsets from which a page seeks its day through the stored day rows rather than stepping over the index. */
export const SEEK_FROM_OFFSET = 2_000

/**
 * Where a deep page starts: orders created at or before `before`, after skipping `skip` of them.
 * The day rows are walked from the newest day until the offset falls in one; null when they cannot
 * place the page (a filter they do not count, or a day whose orders do not match its row), and the
 * page steps over its offset instead.
 */
export function seekPoint(src: ReadSource, f: OrderListFilters, offset: number): { before: number; skip: number } | null {
  const stored = storedCount(src, f)
  if (!stored || stored.testsOnly) return null
  const view = f.isTest === false ? 0 : 1
  const days = statement(src.sqlite, `select business_day as day, sum(${stored.count}) as n from ${stored.table} where include_test = ? and ${stored.where.sql} group by business_day order by business_day desc`)
  let passed = 0
  let found: { day: number; n: number } | null = null
  for (const row of days.iterate(view, ...stored.where.params) as Iterable<{ day: number; n: number }>) {
    if (offset < passed + row.n) {
      found = row
      break
    }
    passed += row.n
  }
  if (!found) return null
  const dayEnd = dayStartMs(isoDay(found.day), src.zone, 1) - 1
  const where = listFilter(src, f).and('created_at >= ?', dayStartMs(isoDay(found.day), src.zone)).and('created_at <= ?', dayEnd)
  const inDay = (statement(src.sqlite, `select count(*) as n from ${fromOrders(f)} where ${where.sql}`).get(...where.params) as { n: number }).n
  return inDay === found.n ? { before: dayEnd, skip: offset - passed } : null
}

/** The ids of the orders at `offset`, `offset + 1`, … (at most `limit`), newest first. */
export function pageIds(src: ReadSource, f: OrderListFilters, offset: number, limit: number, seekFrom = SEEK_FROM_OFFSET): number[] {
  const point = offset >= seekFrom ? seekPoint(src, f, offset) : null
  const where = listFilter(src, f)
  if (point) where.and('created_at <= ?', point.before)
  return statement(src.sqlite, `select id from ${fromOrders(f)} where ${where.sql} ${ORDER} limit ? offset ?`)
    .pluck()
    .all(...where.params, limit, point ? point.skip : offset) as number[]
}

const drizzles = new WeakMap<Database.Database, Db>()

/** The connection as drizzle sees it (the list rows are built as the order detail's are). */
export function drizzleOf(sqlite: Database.Database): Db {
  let db = drizzles.get(sqlite)
  if (!db) drizzles.set(sqlite, (db = drizzle(sqlite, { schema }) as Db))
  return db
}

/** The page's orders by id, one statement for any page size. */
const pageOrders = preparedQueries((db) => db.select().from(schema.orders).where(inIds(schema.orders.id)).prepare())

export function orderList(src: ReadSource, f: OrderListFilters, request: PageRequest): ReportPage<OrderRow, never> {
  const total = countOrders(src, f)
  const offset = pageOffset(request, total)
  if (offset === null) return reportPage(request, total, [], null)
  const ids = pageIds(src, f, offset, request.pageSize)
  const db = drizzleOf(src.sqlite)
  const rows = ids.length === 0 ? [] : pageOrders(db).all(idsParam(ids))
  const byId = new Map(rows.map((o) => [o.id, o]))
  return reportPage(request, total, rowsOf(db, ids.map((id) => byId.get(id)!)), null)
}

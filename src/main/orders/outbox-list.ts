/**
 * The outbox list (`outbox.list`): work waiting to reach a provider or a merchant, newest first,
 * with its exact total. Every outbox row ever made stays (done ones too), so over a year of orders
 * the count reads millions of rows: like the orders list it runs where the report reads run
 * (reports/catalog.ts), in a report worker on a database file and inline on an in-memory one.
 */
import { and, desc, eq, sql } from 'drizzle-orm'
import { orders, outbox } from '../db/schema'
import { pageOffset, reportPage, type PageRequest, type ReportPage, type ReportSource } from '../reports/page'
import { drizzleOf } from './list'

export interface OutboxListFilters {
  /** The merchant scope of a merchant-bound user (applied by the caller on the main thread). */
  merchantId?: number
  status?: 'pending' | 'in_flight' | 'done' | 'gave_up'
  operation?: 'send_deposit' | 'send_payout' | 'query' | 'notify' | 'send_refund' | 'query_refund'
}

export function outboxList(src: ReportSource, f: OutboxListFilters, request: PageRequest) {
  const db = drizzleOf(src.sqlite)
  const conditions = [eq(orders.tenantId, src.tenantId)]
  if (f.merchantId !== undefined) conditions.push(eq(orders.merchantId, f.merchantId))
  if (f.status) conditions.push(eq(outbox.status, f.status))
  if (f.operation) conditions.push(eq(outbox.operation, f.operation))
  const where = and(...conditions)
  const total = db.select({ n: sql<number>`count(*)` }).from(outbox).innerJoin(orders, eq(orders.id, outbox.orderId)).where(where).get()?.n ?? 0
  const offset = pageOffset(request, total)
  if (offset === null) return reportPage(request, total, [], null)
  const rows = db
    .select({ item: outbox, orderNo: orders.orderNo, merchantId: orders.merchantId })
    .from(outbox)
    .innerJoin(orders, eq(orders.id, outbox.orderId))
    .where(where)
    .orderBy(desc(outbox.id))
    .limit(request.pageSize)
    .offset(offset)
    .all()
  const items = rows.map((r) => ({ ...r.item, orderNo: r.orderNo, merchantId: r.merchantId }))
  return reportPage(request, total, items, null) satisfies ReportPage<(typeof items)[number], never>
}

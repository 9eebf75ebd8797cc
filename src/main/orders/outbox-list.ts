/**
 * The outbox list (`outbox.list`): work waiting to reach a provider or a merchant, newest first
 * (by id), with its exact total. Every outbox row ever made stays (done ones too), so a year of
 * orders leaves millions: the total is a sum of `outbox_counts` (rows per tenant, merchant,
 * operation and status, kept by triggers: schema/orders.ts), and a page reads the outbox newest
 * first, through the status's or the operation's index when one is asked for, joining each row's
 * order (its tenant, merchant and number) by key. Like the orders list it runs where the report
 * reads run (reports/catalog.ts): in a report worker on a database file, inline on an in-memory one.
 */
import { eq } from 'drizzle-orm'
import { orders, outbox } from '../db/schema'
import { pageOffset, reportPage, SqlFilter, statement, type PageRequest, type ReportPage, type ReadSource } from '../reads/page'
import { preparedQueries } from '../db/prepared'
import { drizzleOf } from './list'
import { idsParam, inIds } from './read'

export interface OutboxListFilters {
  /** The merchant scope of a merchant-bound user (applied by the caller on the main thread). */
  merchantId?: number
  status?: 'pending' | 'in_flight' | 'done' | 'gave_up'
  operation?: 'send_deposit' | 'send_payout' | 'query' | 'notify' | 'send_refund' | 'query_refund'
}

export function countOutbox(src: ReadSource, f: OutboxListFilters): number {
  const where = new SqlFilter().and('tenant_id = ?', src.tenantId).when(f.merchantId, 'merchant_id = ?', f.merchantId).when(f.status, 'status = ?', f.status).when(f.operation, 'operation = ?', f.operation)
  return (statement(src.sqlite, `select coalesce(sum(item_count), 0) as n from outbox_counts where ${where.sql}`).get(...where.params) as { n: number }).n
}

/** The page's outbox ids, newest first: the outbox is the outer loop (CROSS JOIN), its order looked up by key. */
export function outboxPageIds(src: ReadSource, f: OutboxListFilters, offset: number, limit: number): number[] {
  const from = f.status ? 'outbox x indexed by outbox_list_status' : f.operation ? 'outbox x indexed by outbox_list_operation' : 'outbox x'
  const where = new SqlFilter()
    .when(f.status, 'x.status = ?', f.status)
    .when(f.operation, 'x.operation = ?', f.operation)
    .and('o.tenant_id = ?', src.tenantId)
    .when(f.merchantId, 'o.merchant_id = ?', f.merchantId)
  return statement(src.sqlite, `select x.id from ${from} cross join orders o on o.id = x.order_id where ${where.sql} order by x.id desc limit ? offset ?`)
    .pluck()
    .all(...where.params, limit, offset) as number[]
}

/** The page's outbox rows with their orders, one statement for any page size. */
const pageRows = preparedQueries((db) =>
  db.select({ item: outbox, orderNo: orders.orderNo, merchantId: orders.merchantId }).from(outbox).innerJoin(orders, eq(orders.id, outbox.orderId)).where(inIds(outbox.id)).prepare()
)

export function outboxList(src: ReadSource, f: OutboxListFilters, request: PageRequest) {
  const total = countOutbox(src, f)
  const offset = pageOffset(request, total)
  const ids = offset === null ? [] : outboxPageIds(src, f, offset, request.pageSize)
  const rows = ids.length === 0 ? [] : pageRows(drizzleOf(src.sqlite)).all(idsParam(ids))
  const byId = new Map(rows.map((r) => [r.item.id, { ...r.item, orderNo: r.orderNo, merchantId: r.merchantId }]))
  const items = ids.map((id) => byId.get(id)!)
  return reportPage(request, total, items, null) satisfies ReportPage<(typeof items)[number], never>
}

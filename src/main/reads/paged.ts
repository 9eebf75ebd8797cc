/**
 * Off-thread reads as procedures use them: where a read happens (the tenant and its business time
 * zone), and the lists with the app's paging (`page`, `pageSize`, answered with `total`) read as a
 * worker's page (`pageIndex`, answered with `totalItemCount`).
 */
import type { Ctx } from '../core/context'
import { tenantZone } from '../core/tenant'
import type { OffThreadRead, ReadScope } from './catalog'

/** The tenant and its business time zone: where a read happens. */
export const readScope = (ctx: Ctx): ReadScope => ({ tenantId: ctx.tenantId, zone: tenantZone(ctx.db, ctx.tenantId) })

/** A list read off the main thread, its filters already scoped by the caller, in the app's page shape. */
export async function pagedList<F, Item>(ctx: Ctx, read: OffThreadRead<F, { totalItemCount: number; items: Item[] }>, filters: F, paging: { page: number; pageSize: number }) {
  const { page, pageSize } = paging
  const result = await ctx.reads.read(read, readScope(ctx), filters, { pageIndex: page, pageSize, withTotals: false })
  return { page, pageSize, total: result.totalItemCount, items: result.items }
}

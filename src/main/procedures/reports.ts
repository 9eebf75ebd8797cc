/**
 * The five reports as procedures; the headless host serves the same ones at the seed's paths.
 * The registry checks the session, REPORT_READ and the input here on the main thread, and the
 * merchant scope is applied here; only the read itself goes to a report worker (ctx.reports), and
 * its answer comes back through the registry's output check.
 */
import { actorOf, type Ctx } from '../core/context'
import { handlers } from '../core/registry'
import { merchantFilter } from '../core/scope'
import { tenantZone } from '../orders/zone'
import type { ReportFilters, ReportName, ReportResult, ReportScope } from '../reports/catalog'
import type { PageRequest } from '../reports/page'

/** The tenant and its business time zone: where a report reads. */
export const scope = (ctx: Ctx): ReportScope => ({ tenantId: ctx.tenantId, zone: tenantZone(ctx.db, ctx.tenantId) })

/** The input with the merchant scope applied: a merchant-bound user always reads its own merchant. */
function read<N extends Exclude<ReportName, PagedList>>(ctx: Ctx, name: N, input: ReportFilters<N> & PageRequest) {
  const { pageIndex, pageSize, withTotals, ...filters } = input
  const scoped = { ...filters, merchantId: merchantFilter(actorOf(ctx), input.merchantId) }
  return ctx.reports.read(name, scope(ctx), scoped, { pageIndex, pageSize, withTotals })
}

/** The lists with the app's paging (`page`, `pageSize`; answered with `total`) that read in a report worker. */
type PagedList = 'ordersList' | 'outboxList' | 'auditList'

/**
 * One of those lists read in a report worker, its filters already scoped by the caller: the page
 * asked for as the worker's page request, and its answer in the app's page shape.
 */
export async function pagedList<N extends PagedList>(ctx: Ctx, name: N, filters: ReportFilters<N>, paging: { page: number; pageSize: number }) {
  const { page, pageSize } = paging
  const result = await ctx.reports.read(name, scope(ctx), filters, { pageIndex: page, pageSize, withTotals: false })
  return { page, pageSize, total: result.totalItemCount, items: result.items as ReportResult<N>['items'] }
}

/** A chart plots the whole filtered set: the page is not used. */
const NO_PAGE = { pageIndex: 1, pageSize: 1, withTotals: false }

export const reportProcedures = handlers({
  'reports.accountDetails': (ctx, input) => read(ctx, 'accountDetails', input),
  'reports.transactionStatistics': (ctx, input) => read(ctx, 'transactionStatistics', input),
  'reports.transactionList': (ctx, input) => read(ctx, 'transactionList', input),
  'reports.settlementStatistics': (ctx, input) => read(ctx, 'settlementStatistics', input),
  'reports.settlementList': (ctx, input) => read(ctx, 'settlementList', input),
  'reports.transactionChart': (ctx, input) => read(ctx, 'transactionChart', { ...input, ...NO_PAGE }),
  'reports.settlementChart': (ctx, input) => read(ctx, 'settlementChart', { ...input, ...NO_PAGE })
})

/**
 * The five reports as procedures; the headless host serves the same ones at the seed's paths.
 * The registry checks the session, REPORT_READ and the input here on the main thread, and the
 * merchant scope is applied here; only the read itself goes to a read worker (ctx.reads), and
 * its answer comes back through the registry's output check.
 */
import { actorOf, type Ctx } from '../../core/context'
import { handlers } from '../../core/registry'
import { merchantFilter } from '../../core/scope'
import type { OffThreadRead } from '../../reads/catalog'
import type { PageRequest } from '../../reads/page'
import { readScope } from '../../reads/paged'
import { REPORT_READS } from '../reads'

/** The input with the merchant scope applied: a merchant-bound user always reads its own merchant. */
function read<F extends { merchantId?: number }, R>(ctx: Ctx, report: OffThreadRead<F, R>, input: F & PageRequest): Promise<R> {
  const { pageIndex, pageSize, withTotals, ...filters } = input
  const scoped = { ...filters, merchantId: merchantFilter(actorOf(ctx), input.merchantId) } as unknown as F
  return ctx.reads.read(report, readScope(ctx), scoped, { pageIndex, pageSize, withTotals })
}

/** A chart plots the whole filtered set: the page is not used. */
const NO_PAGE = { pageIndex: 1, pageSize: 1, withTotals: false }

export const reportProcedures = handlers({
  'reports.accountDetails': (ctx, input) => read(ctx, REPORT_READS.accountDetails, input),
  'reports.transactionStatistics': (ctx, input) => read(ctx, REPORT_READS.transactionStatistics, input),
  'reports.transactionList': (ctx, input) => read(ctx, REPORT_READS.transactionList, input),
  'reports.settlementStatistics': (ctx, input) => read(ctx, REPORT_READS.settlementStatistics, input),
  'reports.settlementList': (ctx, input) => read(ctx, REPORT_READS.settlementList, input),
  'reports.transactionChart': (ctx, input) => read(ctx, REPORT_READS.transactionChart, { ...input, ...NO_PAGE }),
  'reports.settlementChart': (ctx, input) => read(ctx, REPORT_READS.settlementChart, { ...input, ...NO_PAGE })
})

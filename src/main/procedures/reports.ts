/** The five reports as procedures; the headless host serves the same ones at the seed's paths. */
import { actorOf, type Ctx } from '../core/context'
import { handlers } from '../core/registry'
import { merchantFilter } from '../core/scope'
import { tenantZone } from '../orders/zone'
import { accountDetails } from '../reports/account-details'
import type { ReportSource } from '../reports/page'
import { settlementList, settlementStatistics } from '../reports/settlement'
import { transactionList, transactionStatistics } from '../reports/transactions'

const source = (ctx: Ctx): ReportSource => ({ sqlite: ctx.db.$client, tenantId: ctx.tenantId, zone: tenantZone(ctx.db, ctx.tenantId) })

/** The input with the merchant scope applied: a merchant-bound user always reads its own merchant. */
function scoped<I extends { merchantId?: number; pageIndex: number; pageSize: number; withTotals: boolean }>(ctx: Ctx, input: I) {
  const { pageIndex, pageSize, withTotals, ...filters } = input
  return [{ ...filters, merchantId: merchantFilter(actorOf(ctx), input.merchantId) }, { pageIndex, pageSize, withTotals }] as const
}

export const reportProcedures = handlers({
  'reports.accountDetails': (ctx, input) => accountDetails(source(ctx), ...scoped(ctx, input)),
  'reports.transactionStatistics': (ctx, input) => transactionStatistics(source(ctx), ...scoped(ctx, input)),
  'reports.transactionList': (ctx, input) => transactionList(source(ctx), ...scoped(ctx, input)),
  'reports.settlementStatistics': (ctx, input) => settlementStatistics(source(ctx), ...scoped(ctx, input)),
  'reports.settlementList': (ctx, input) => settlementList(source(ctx), ...scoped(ctx, input))
})

/** The audit log, read side: the list runs in a report worker (core/audit-list.ts). */
import { actorOf } from '../core/context'
import { handlers } from '../core/registry'
import { merchantFilter } from '../core/scope'
import { scope } from './reports'

export const auditProcedures = handlers({
  'audit.list': async (ctx, input) => {
    const { page, pageSize, ...filters } = input
    // A merchant-bound user reads its own merchant's events only (SPEC: never another merchant's rows).
    const scoped = { ...filters, merchantId: merchantFilter(actorOf(ctx), input.merchantId) }
    const result = await ctx.reports.read('auditList', scope(ctx), scoped, { pageIndex: page, pageSize, withTotals: false })
    return { page, pageSize, total: result.totalItemCount, items: result.items }
  }
})

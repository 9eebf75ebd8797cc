/** The audit log, read side: the list runs in a report worker (core/audit-list.ts). */
import { actorOf } from '../core/context'
import { handlers } from '../core/registry'
import { merchantFilter } from '../core/scope'
import { pagedList } from '../reads/paged'
import { AUDIT_READS } from './reads'

export const auditProcedures = handlers({
  // A merchant-bound user reads its own merchant's events only (SPEC: never another merchant's rows).
  'audit.list': (ctx, { page, pageSize, ...filters }) => pagedList(ctx, AUDIT_READS.auditList, { ...filters, merchantId: merchantFilter(actorOf(ctx), filters.merchantId) }, { page, pageSize })
})

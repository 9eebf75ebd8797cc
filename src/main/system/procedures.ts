/** Host facts and tenant settings (the demo loader is the composition root's: app/procedures.ts). */
import { eq } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import { tenants } from '../db/schema'
import { transact } from '../db/transaction'
import { sessionLimits } from '../auth/session-store'
import { handlers } from '../core/registry'

export const systemProcedures = handlers({
  'system.info': (ctx) => {
    const tenant = ctx.db.select().from(tenants).where(eq(tenants.id, ctx.tenantId)).get()
    return { version: ctx.host.version, mode: ctx.host.mode, tenantName: tenant?.name ?? 'PayDesk', timeZone: tenant?.timeZone ?? '+08:00' }
  },

  'settings.get': (ctx) => {
    const limits = sessionLimits(ctx.db, ctx.tenantId)
    return { sessionIdleMinutes: limits.idleMinutes, sessionAbsoluteMinutes: limits.absoluteMinutes }
  },

  'settings.update': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = sessionLimits(tx, ctx.tenantId)
      tx.update(tenants)
        .set({ sessionIdleMinutes: input.sessionIdleMinutes, sessionAbsoluteMinutes: input.sessionAbsoluteMinutes })
        .where(eq(tenants.id, ctx.tenantId))
        .run()
      ctx.audit(tx, {
        targetType: 'settings',
        targetId: ctx.tenantId,
        summary: say('audit.sessionLimits'),
        before: { sessionIdleMinutes: before.idleMinutes, sessionAbsoluteMinutes: before.absoluteMinutes },
        after: input
      })
      return input
    }),

})

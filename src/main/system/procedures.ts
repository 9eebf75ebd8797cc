/** Host facts and tenant settings (the demo loader is the composition root's: app/procedures.ts). */
import { eq } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import { tenants } from '../db/schema'
import type { Settings } from '../../shared/contract/system'
import type { Db } from '../db/open'
import { transact, type Tx } from '../db/transaction'
import { sessionLimits } from '../auth/session-store'
import { handlers } from '../core/registry'

function settingsOf(db: Db | Tx, tenantId: number): Settings {
  const limits = sessionLimits(db, tenantId)
  const tenant = db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)).get()
  return { tenantName: tenant?.name ?? '', sessionIdleMinutes: limits.idleMinutes, sessionAbsoluteMinutes: limits.absoluteMinutes }
}

export const systemProcedures = handlers({
  'system.info': (ctx) => {
    const tenant = ctx.db.select().from(tenants).where(eq(tenants.id, ctx.tenantId)).get()
    return { version: ctx.host.version, mode: ctx.host.mode, tenantName: tenant?.name ?? 'PayDesk', timeZone: tenant?.timeZone ?? '+08:00' }
  },

  'desktop.notify': (ctx, { notices }) => {
    if (!ctx.notify) return { shown: 0 }
    for (const notice of notices) ctx.notify(notice)
    return { shown: notices.length }
  },

  'settings.get': (ctx) => settingsOf(ctx.db, ctx.tenantId),

  'settings.update': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = settingsOf(tx, ctx.tenantId)
      const after = { ...input, tenantName: input.tenantName ?? before.tenantName }
      tx.update(tenants)
        .set({ name: after.tenantName, sessionIdleMinutes: after.sessionIdleMinutes, sessionAbsoluteMinutes: after.sessionAbsoluteMinutes })
        .where(eq(tenants.id, ctx.tenantId))
        .run()
      const renamed = after.tenantName !== before.tenantName
      ctx.audit(tx, {
        targetType: 'settings',
        targetId: ctx.tenantId,
        summary: renamed ? say('audit.settingsRenamed', { before: before.tenantName, after: after.tenantName }) : say('audit.sessionLimits'),
        before,
        after
      })
      return after
    }),

})

/** Host facts and tenant settings (the demo loader is the composition root's: app/procedures.ts). */
import { eq } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import { ledgerChecks, tenants } from '../db/schema'
import type { Settings } from '../../shared/contract/system'
import type { Db } from '../db/open'
import { transact, type Tx } from '../db/transaction'
import { sessionLimits } from '../auth/session-store'
import { conflict } from '../core/errors'
import { handlers } from '../core/registry'
import { actorOf, type Ctx } from '../core/context'
import { verifyLedger } from '../ledger/verify'
import { applyBusinessZone } from './business-zone'

function settingsOf(db: Db | Tx, tenantId: number): Settings {
  const limits = sessionLimits(db, tenantId)
  const tenant = db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)).get()
  return { tenantName: tenant?.name ?? '', sessionIdleMinutes: limits.idleMinutes, sessionAbsoluteMinutes: limits.absoluteMinutes }
}

/**
 * The ledger check (what `npm run verify` runs) on the books just changed: recorded like any other
 * run, so Settings' ledger check shows its details; in a read worker, off the window's thread. If
 * a check is already running, it is run here instead.
 */
async function checkAfter(ctx: Ctx): Promise<number> {
  try {
    const id = await ctx.safety.check({ live: true }, actorOf(ctx).userId)
    return ctx.db.select({ drifts: ledgerChecks.driftCount }).from(ledgerChecks).where(eq(ledgerChecks.id, id)).get()?.drifts ?? 0
  } catch {
    return verifyLedger(ctx.db.$client).drifts.length
  }
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

  'settings.setBusinessZone': async (ctx, { timeZone }) => {
    const changed = transact(ctx.db, (tx) => {
      const before = tx.select({ zone: tenants.timeZone }).from(tenants).where(eq(tenants.id, ctx.tenantId)).get()?.zone ?? '+08:00'
      if (before === timeZone) throw conflict(say('error.settings.sameZone', { zone: timeZone }), { code: 'settings.same_zone', field: 'timeZone' })
      const moved = applyBusinessZone(ctx.db.$client, ctx.tenantId, timeZone, ctx.clock.now())
      ctx.audit(tx, {
        targetType: 'settings',
        targetId: ctx.tenantId,
        summary: say('audit.businessZoneChanged', { from: before, to: timeZone, entries: moved.entriesMoved, orders: moved.ordersMoved }),
        before: { timeZone: before },
        after: { timeZone, ...moved }
      })
      return moved
    })
    return { timeZone, ...changed, drifts: await checkAfter(ctx) }
  }
})

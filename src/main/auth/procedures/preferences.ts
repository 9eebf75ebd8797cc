/**
 * The signed-in user's own settings: language, colour scheme, display time zone and saved filter
 * views. Every read and write is keyed by the caller's user id, never by an id from the input
 * alone, so a user can neither see nor change another's rows (a view id of someone else's reads as
 * not found).
 */
import { and, asc, count, eq } from 'drizzle-orm'
import type { Preferences, SavedView } from '../../../shared/contract/preferences'
import { VIEW_LIMITS } from '../../../shared/contract/preferences'
import { say } from '../../../shared/server-text'
import { savedViews, userSettings } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { actorOf } from '../../core/context'
import { AppError, notFound } from '../../core/errors'
import { handlers } from '../../core/registry'
import { tenantZone } from '../../core/tenant'
import { isValidTimeZone } from '../../../shared/time-zone'

type StoredView = typeof savedViews.$inferSelect

function preferencesOf(db: Db | Tx, userId: number, tenantId: number): Preferences {
  const row = (db as Db).select().from(userSettings).where(eq(userSettings.userId, userId)).get()
  const timeZone = row?.timeZone && isValidTimeZone(row.timeZone) ? row.timeZone : null
  return {
    language: row?.language === 'en' || row?.language === 'zh-CN' ? row.language : null,
    colorScheme: row?.colorScheme === 'light' || row?.colorScheme === 'dark' || row?.colorScheme === 'auto' ? row.colorScheme : null,
    timeZone,
    displayZone: timeZone ?? tenantZone(db, tenantId)
  }
}

function viewOf(row: StoredView): SavedView {
  return { id: row.id, list: row.listKey as SavedView['list'], name: row.name, filters: row.filters, createdAt: row.createdAt, updatedAt: row.updatedAt }
}

export const preferenceProcedures = handlers({
  'me.preferences': (ctx) => preferencesOf(ctx.db, actorOf(ctx).userId, ctx.tenantId),

  'me.updatePreferences': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const before = preferencesOf(tx, actor.userId, ctx.tenantId)
      const timeZone = input.timeZone === undefined ? before.timeZone : input.timeZone
      const after: Preferences = {
        language: input.language ?? before.language,
        colorScheme: input.colorScheme ?? before.colorScheme,
        timeZone,
        displayZone: timeZone ?? tenantZone(tx, ctx.tenantId)
      }
      if (after.language === before.language && after.colorScheme === before.colorScheme && after.timeZone === before.timeZone) {
        ctx.unchanged()
        return before
      }
      const values = { language: after.language, colorScheme: after.colorScheme, timeZone: after.timeZone, updatedAt: ctx.clock.now() }
      tx.insert(userSettings)
        .values({ userId: actor.userId, ...values })
        .onConflictDoUpdate({ target: userSettings.userId, set: values })
        .run()
      ctx.audit(tx, {
        targetType: 'user',
        targetId: actor.userId,
        merchantId: actor.merchantId,
        summary:
          after.timeZone !== before.timeZone
            ? say('audit.displayZoneChanged', { from: before.displayZone, to: after.displayZone })
            : say('audit.preferencesChanged', { language: after.language ?? '—', scheme: after.colorScheme ?? '—' }),
        before,
        after
      })
      return after
    })
  },

  'views.list': (ctx, input) => ({
    items: ctx.db
      .select()
      .from(savedViews)
      .where(and(eq(savedViews.userId, actorOf(ctx).userId), eq(savedViews.listKey, input.list)))
      .orderBy(asc(savedViews.name))
      .all()
      .map(viewOf)
  }),

  'views.save': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const mine = and(eq(savedViews.userId, actor.userId), eq(savedViews.listKey, input.list))
      const existing = tx.select().from(savedViews).where(and(mine, eq(savedViews.name, input.name))).get()
      if (existing) {
        tx.update(savedViews).set({ filters: input.filters, updatedAt: now }).where(eq(savedViews.id, existing.id)).run()
      } else {
        const held = tx.select({ n: count() }).from(savedViews).where(mine).get()?.n ?? 0
        if (held >= VIEW_LIMITS.perList) {
          throw new AppError('limit', say('error.views.tooMany', { n: VIEW_LIMITS.perList }), { code: 'views.too_many', field: 'name' })
        }
      }
      const row = existing
        ? { ...existing, filters: input.filters, updatedAt: now }
        : tx
            .insert(savedViews)
            .values({ userId: actor.userId, listKey: input.list, name: input.name, filters: input.filters, createdAt: now, updatedAt: now })
            .returning()
            .get()
      ctx.audit(tx, {
        targetType: 'saved_view',
        targetId: row.id,
        merchantId: actor.merchantId,
        summary: say(existing ? 'audit.viewReplaced' : 'audit.viewSaved', { name: input.name, list: input.list }),
        before: existing ? existing.filters : undefined,
        after: input.filters
      })
      return viewOf(row)
    })
  },

  'views.delete': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const mine = and(eq(savedViews.id, input.id), eq(savedViews.userId, actor.userId))
      const row = tx.select().from(savedViews).where(mine).get()
      if (!row) throw notFound(say('thing.savedView', { id: input.id }))
      tx.delete(savedViews).where(mine).run()
      ctx.audit(tx, {
        targetType: 'saved_view',
        targetId: row.id,
        merchantId: actor.merchantId,
        summary: say('audit.viewDeleted', { name: row.name, list: row.listKey }),
        before: row.filters
      })
      return { ok: true as const }
    })
  }
})

/** The audit log, read side. */
import { and, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm'
import { auditEvents } from '../db/schema'
import { handlers } from '../core/registry'
import { escapeLike, offsetOf } from './sql'

export const auditProcedures = handlers({
  'audit.list': (ctx, input) => {
    const filters: SQL[] = [eq(auditEvents.tenantId, ctx.tenantId)]
    if (input.userId) filters.push(eq(auditEvents.userId, input.userId))
    if (input.procedure) filters.push(eq(auditEvents.procedure, input.procedure))
    if (input.targetType) filters.push(eq(auditEvents.targetType, input.targetType))
    if (input.from !== undefined) filters.push(gte(auditEvents.at, input.from))
    if (input.to !== undefined) filters.push(lte(auditEvents.at, input.to))
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      filters.push(
        or(
          sql`${auditEvents.summary} like ${pattern} escape '\\'`,
          sql`${auditEvents.actor} like ${pattern} escape '\\'`,
          sql`${auditEvents.targetId} like ${pattern} escape '\\'`
        )!
      )
    }
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(auditEvents).where(where).get()?.n ?? 0
    const items = ctx.db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
    return {
      page: input.page,
      pageSize: input.pageSize,
      total,
      items: items.map((e) => ({
        id: e.id,
        at: e.at,
        userId: e.userId,
        actor: e.actor,
        procedure: e.procedure,
        targetType: e.targetType,
        targetId: e.targetId,
        merchantId: e.merchantId,
        summary: e.summary,
        text: e.text,
        before: e.before,
        after: e.after
      }))
    }
  }
})

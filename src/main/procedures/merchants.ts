/** Merchants: enough to bind users now; the master-data issue completes them. */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import { merchants } from '../db/schema'
import { transact, type Tx } from '../db/transaction'
import { actorOf } from '../core/context'
import { conflict, notFound } from '../core/errors'
import { handlers } from '../core/registry'
import { merchantFilter } from '../core/scope'
import { escapeLike, offsetOf } from './sql'

function nameTaken(tx: Tx, name: string, exceptId?: number): void {
  const other = tx.select({ id: merchants.id }).from(merchants).where(sql`lower(${merchants.name}) = lower(${name})`).get()
  if (other && other.id !== exceptId) {
    throw conflict(`name: a merchant named "${name}" already exists`, { field: 'name', code: 'merchants.name_taken' })
  }
}

export const merchantProcedures = handlers({
  'merchants.list': (ctx, input) => {
    const filters: SQL[] = [eq(merchants.tenantId, ctx.tenantId)]
    const own = merchantFilter(actorOf(ctx), undefined)
    if (own !== undefined) filters.push(eq(merchants.id, own))
    if (input.status) filters.push(eq(merchants.status, input.status))
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      filters.push(sql`(${merchants.name} like ${pattern} escape '\\' or cast(${merchants.id} as text) = ${input.search})`)
    }
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(merchants).where(where).get()?.n ?? 0
    const items = ctx.db
      .select()
      .from(merchants)
      .where(where)
      .orderBy(asc(merchants.name))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'merchants.create': (ctx, input) =>
    transact(ctx.db, (tx) => {
      nameTaken(tx, input.name)
      const now = ctx.clock.now()
      const row = tx
        .insert(merchants)
        .values({ tenantId: ctx.tenantId, name: input.name, status: input.status, createdAt: now, updatedAt: now })
        .returning()
        .get()
      ctx.audit(tx, { targetType: 'merchant', targetId: row.id, merchantId: row.id, summary: `Merchant ${row.name} created`, after: { name: row.name, status: row.status } })
      return row
    }),

  'merchants.update': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = tx.select().from(merchants).where(eq(merchants.id, input.id)).get()
      if (!before) throw notFound(`Merchant ${input.id}`)
      nameTaken(tx, input.name, input.id)
      const row = tx
        .update(merchants)
        .set({ name: input.name, status: input.status, updatedAt: ctx.clock.now() })
        .where(eq(merchants.id, input.id))
        .returning()
        .get()
      ctx.audit(tx, {
        targetType: 'merchant',
        targetId: row.id,
        merchantId: row.id,
        summary: `Merchant ${row.name} updated`,
        before: { name: before.name, status: before.status },
        after: { name: row.name, status: row.status }
      })
      return row
    })
})

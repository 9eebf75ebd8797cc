/** Terminals: a merchant's points of sale, sites and apps; the identifier is unique within the merchant, whatever its case. */
import { and, eq, getTableColumns, ne, sql, type SQL } from 'drizzle-orm'
import { say, term } from '../../../shared/server-text'
import type { TerminalRow } from '../../../shared/contract/terminals'
import { merchants, terminals } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { actorOf, type Ctx } from '../../core/context'
import { conflict, notFound } from '../../core/errors'
import { handlers } from '../../core/registry'
import { assertCanRead, merchantFilter } from '../../core/scope'
import { merchantForWrite, ordering } from '../fields'
import { escapeLike, offsetOf } from '../../db/sql'

const columns = { ...getTableColumns(terminals), merchantName: merchants.name }

const SORT = {
  id: terminals.id,
  identifier: terminals.identifier,
  name: terminals.name,
  type: terminals.type,
  merchantName: merchants.name,
  status: terminals.status,
  createdAt: terminals.createdAt,
  updatedAt: terminals.updatedAt
}

function terminalRow(db: Db | Tx, tenantId: number, id: number): TerminalRow | undefined {
  return db
    .select(columns)
    .from(terminals)
    .innerJoin(merchants, eq(merchants.id, terminals.merchantId))
    .where(and(eq(terminals.id, id), eq(terminals.tenantId, tenantId)))
    .get()
}

/** An existing terminal the actor may see; another merchant's does not exist for a merchant-bound user. */
function existing(db: Db | Tx, ctx: Ctx, id: number): TerminalRow {
  const row = terminalRow(db, ctx.tenantId, id)
  if (!row) throw notFound(say('thing.terminal', { id }))
  assertCanRead(actorOf(ctx), row.merchantId, say('thing.terminal', { id }))
  return row
}

/**
 * An identifier is the merchant's whatever its letters' case: "t001" names the same terminal as
 * "T001" (contract names compare the same way). The refusal names the one already stored. Twins a
 * database held before migration 0031 stay; a terminal keeping its identifier unchanged is not refused.
 */
function identifierTaken(tx: Tx, merchantId: number, identifier: string, except?: { id: number; identifier: string }): void {
  if (except?.identifier === identifier) return
  const filters = [eq(terminals.merchantId, merchantId), sql`lower(${terminals.identifier}) = lower(${identifier})`]
  if (except) filters.push(ne(terminals.id, except.id))
  const other = tx.select({ identifier: terminals.identifier }).from(terminals).where(and(...filters)).get()
  if (other) {
    throw conflict(say('error.terminals.identifierTaken', { name: other.identifier }), { field: 'identifier', code: 'terminals.identifier_taken' })
  }
}

const audited = (t: TerminalRow) => ({ merchantId: t.merchantId, type: t.type, identifier: t.identifier, name: t.name, status: t.status })

export const terminalProcedures = handlers({
  'terminals.list': (ctx, input) => {
    const filters: SQL[] = [eq(terminals.tenantId, ctx.tenantId)]
    const merchantId = merchantFilter(actorOf(ctx), input.merchantId)
    if (merchantId !== undefined) filters.push(eq(terminals.merchantId, merchantId))
    if (input.status) filters.push(eq(terminals.status, input.status))
    if (input.type) filters.push(eq(terminals.type, input.type))
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      filters.push(sql`(${terminals.identifier} like ${pattern} escape '\\' or ${terminals.name} like ${pattern} escape '\\')`)
    }
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(terminals).where(where).get()?.n ?? 0
    const items = ctx.db
      .select(columns)
      .from(terminals)
      .innerJoin(merchants, eq(merchants.id, terminals.merchantId))
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, terminals.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'terminals.get': (ctx, input) => existing(ctx.db, ctx, input.id),

  'terminals.create': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const merchant = merchantForWrite(tx, ctx, input.merchantId)
      identifierTaken(tx, merchant.id, input.identifier)
      const now = ctx.clock.now()
      const { id } = tx
        .insert(terminals)
        .values({ tenantId: ctx.tenantId, ...input, createdAt: now, updatedAt: now })
        .returning({ id: terminals.id })
        .get()
      const row = terminalRow(tx, ctx.tenantId, id)!
      ctx.audit(tx, { targetType: 'terminal', targetId: id, merchantId: merchant.id, summary: say('audit.terminalCreated', { identifier: row.identifier, merchant: merchant.name }), after: audited(row) })
      return row
    }),

  'terminals.update': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = existing(tx, ctx, input.id)
      identifierTaken(tx, before.merchantId, input.identifier, before)
      tx.update(terminals)
        .set({ type: input.type, identifier: input.identifier, name: input.name, updatedAt: ctx.clock.now() })
        .where(eq(terminals.id, input.id))
        .run()
      const after = terminalRow(tx, ctx.tenantId, input.id)!
      ctx.audit(tx, { targetType: 'terminal', targetId: input.id, merchantId: after.merchantId, summary: say('audit.terminalUpdated', { identifier: after.identifier }), before: audited(before), after: audited(after) })
      return after
    }),

  'terminals.setStatus': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = existing(tx, ctx, input.id)
      tx.update(terminals).set({ status: input.status, updatedAt: ctx.clock.now() }).where(eq(terminals.id, input.id)).run()
      ctx.audit(tx, {
        targetType: 'terminal',
        targetId: input.id,
        merchantId: before.merchantId,
        summary: say('audit.terminalStatus', { identifier: before.identifier, status: term('status', input.status) }),
        before: { status: before.status },
        after: { status: input.status }
      })
      return terminalRow(tx, ctx.tenantId, input.id)!
    })
})

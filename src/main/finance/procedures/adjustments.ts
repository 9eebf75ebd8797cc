/**
 * Manual adjustments as procedures (the request and its posting: finance/adjustments.ts).
 * Maker-checker: one user requests (ADJUSTMENT_REQUEST),
 * which moves no money; another user approves (ADJUSTMENT_APPROVE), which posts the adjustment to
 * the merchant's available balance against suspense, or rejects it. Nobody decides their own request.
 */
import { alias } from 'drizzle-orm/sqlite-core'
import { and, eq, getTableColumns, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { AdjustmentRow } from '../../../shared/contract/finance'
import { fromMinor } from '../../../shared/money'
import { moneyText } from '../../../shared/money-text'
import { say, verbatim, type ServerText } from '../../../shared/server-text'
import { adjustmentRequests, merchants, users } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { actorOf, type Ctx } from '../../core/context'
import { conflict, notFound } from '../../core/errors'
import { handlers } from '../../core/registry'
import { assertCanRead, merchantFilter } from '../../core/scope'
import { addCaseEvent, caseTimeline } from '../../cases/timeline'
import { assertNotRequester, merchantBalance } from '../cases'
import { ordering } from '../../master/fields'
import { escapeLike, offsetOf } from '../../db/sql'
import { numberForms, rowOf } from '../../core/ref'
import { minorOf } from '../../core/amount-input'
import { adjustmentDecided } from '../../orders/parked'
import { acceptNoLongerHolds, reopenWaiting, type NoLongerHolds } from '../../recon/accept-check'
import { reconAdjustmentDecided } from '../../recon/breaks'
import { adjustmentPosting, requestAdjustment } from '../adjustments'

type Stored = typeof adjustmentRequests.$inferSelect

const requester = alias(users, 'requester')
const decider = alias(users, 'decider')
// The break an accept-theirs request came from, as its timeline names it (recon/breaks.ts): the approver reads it beside the clerk's reason.
const fromBreak = sql<string | null>`(select e.text from case_events e where e.case_type = 'adjustment' and e.case_id = ${adjustmentRequests.id} and json_extract(e.text, '$.code') = 'recon.requestedFromBreak' order by e.id limit 1)`
const columns = { ...getTableColumns(adjustmentRequests), merchantName: merchants.name, requestedByName: requester.username, decidedByName: decider.username, fromBreak }
type Joined = Stored & { merchantName: string; requestedByName: string; decidedByName: string | null; fromBreak: string | null }

const SORT = {
  createdAt: adjustmentRequests.createdAt,
  adjustmentNo: adjustmentRequests.adjustmentNo,
  amount: adjustmentRequests.amountMinor,
  status: adjustmentRequests.status,
  merchantName: merchants.name
}

/** Db and Tx build the same query; one type keeps `.get()` typed. */
function joined(db: Db | Tx) {
  return (db as Db)
    .select(columns)
    .from(adjustmentRequests)
    .innerJoin(merchants, eq(merchants.id, adjustmentRequests.merchantId))
    .innerJoin(requester, eq(requester.id, adjustmentRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, adjustmentRequests.decidedBy))
}

function toRow(r: Joined): AdjustmentRow {
  return {
    id: r.id,
    adjustmentNo: r.adjustmentNo,
    merchantId: r.merchantId,
    merchantName: r.merchantName,
    contractId: r.contractId,
    currency: r.currency,
    amount: fromMinor(r.amountMinor, r.currency),
    reason: r.reason,
    fromBreak: r.fromBreak === null ? null : (JSON.parse(r.fromBreak) as ServerText),
    status: r.status,
    requestedById: r.requestedBy,
    requestedBy: r.requestedByName,
    decidedBy: r.decidedByName,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
    postingId: r.postingId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt
  }
}

function loadRow(db: Db | Tx, ctx: Ctx, id: number): AdjustmentRow {
  const row = joined(db)
    .where(and(eq(adjustmentRequests.id, id), eq(adjustmentRequests.tenantId, ctx.tenantId)))
    .get()
  if (!row) throw notFound(say('thing.adjustment', { id }))
  assertCanRead(actorOf(ctx), row.merchantId, say('thing.adjustment', { id }))
  return toRow(row)
}

export const adjustmentProcedures = handlers({
  'adjustments.list': (ctx, input) => {
    const filters: SQL[] = [eq(adjustmentRequests.tenantId, ctx.tenantId)]
    const merchantId = merchantFilter(actorOf(ctx), input.merchantId)
    if (merchantId !== undefined) filters.push(eq(adjustmentRequests.merchantId, merchantId))
    if (input.status) filters.push(eq(adjustmentRequests.status, input.status))
    if (input.currency) filters.push(eq(adjustmentRequests.currency, input.currency))
    // 'others': what Home counts as waiting for this user's review (a requester never reviews their own).
    if (input.requestedBy) filters.push((input.requestedBy === 'me' ? eq : ne)(adjustmentRequests.requestedBy, actorOf(ctx).userId))
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      filters.push(sql`(${adjustmentRequests.adjustmentNo} like ${pattern} escape '\\' or ${adjustmentRequests.reason} like ${pattern} escape '\\')`)
    }
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(adjustmentRequests).where(where).get()?.n ?? 0
    const items = joined(ctx.db)
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, adjustmentRequests.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map(toRow)
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'adjustments.get': (ctx, input) => {
    // `A2026…`, or its transaction number alone (a report's transaction ID).
    const byNo = (no: string) => ctx.db.select({ id: adjustmentRequests.id }).from(adjustmentRequests).where(and(eq(adjustmentRequests.tenantId, ctx.tenantId), inArray(adjustmentRequests.adjustmentNo, numberForms(no, ['A'])))).get()
    const row = rowOf(input, byNo, (no) => notFound(say('thing.adjustment', { id: no })), (id) => loadRow(ctx.db, ctx, id))
    const timeline = caseTimeline(ctx.db, { type: 'adjustment', id: row.id }).map((e) => ({ id: e.id, at: e.at, summary: e.summary, text: e.text, actor: e.actor }))
    return { ...row, timeline, balance: merchantBalance(ctx.ledger, row.merchantId, row.currency) }
  },

  'adjustments.request': (ctx, input) => {
    const amountMinor = minorOf('amount', input.amount, input.currency)
    return transact(ctx.db, (tx) => requestAdjustment(tx, ctx, { ...input, amountMinor }))
  },

  'adjustments.decide': (ctx, input) => {
    const actor = actorOf(ctx)
    const decided = transact(ctx.db, (tx): { row: AdjustmentRow } | { refused: ServerText } => {
      const a = tx.select().from(adjustmentRequests).where(and(eq(adjustmentRequests.id, input.id), eq(adjustmentRequests.tenantId, ctx.tenantId))).get()
      if (!a) throw notFound(say('thing.adjustment', { id: input.id }))
      assertCanRead(actor, a.merchantId, say('thing.adjustment', { id: input.id }))
      if (a.status !== 'pending') throw conflict(say('error.adjustments.decided', { no: a.adjustmentNo }), { code: 'adjustments.decided' })
      assertNotRequester(actor, a.requestedBy, say('error.finance.ownAdjustment', { no: a.adjustmentNo }), 'adjustments.maker_checker')
      const now = ctx.clock.now()
      // Accepting theirs on a reconciliation break, asked again now: the break may have changed since the request.
      const changed = input.decision === 'approve' ? acceptNoLongerHolds(tx, { kind: 'adjustment', ...a }) : null
      if (changed) return { refused: withdrawn(tx, ctx, a, changed, input.note, now) }
      let postingId: number | null = null
      let text
      if (input.decision === 'approve') {
        // A debit the merchant's available balance cannot cover is refused by the ledger core.
        postingId = ctx.ledger.post({ ...adjustmentPosting(a, actor.userId), at: now }).postingId
        text = say('adjustment.approved', { adjustmentNo: a.adjustmentNo, amount: moneyText(a.amountMinor, a.currency), postingId })
      } else {
        text = say('adjustment.rejected', { adjustmentNo: a.adjustmentNo, reason: verbatim(input.note) })
      }
      const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const)
      tx.update(adjustmentRequests).set({ status, decidedBy: actor.userId, decidedAt: now, decisionNote: input.note || null, postingId, updatedAt: now }).where(eq(adjustmentRequests.id, a.id)).run()
      addCaseEvent(tx, { type: 'adjustment', id: a.id }, now, text, { actor: actor.username, detail: postingId ? { postingId } : undefined })
      adjustmentDecided(tx, { id: a.id, adjustmentNo: a.adjustmentNo, approved: status === 'approved', postingId, actor: actor.username }, now)
      reconAdjustmentDecided(tx, { id: a.id, adjustmentNo: a.adjustmentNo, approved: status === 'approved', actor: actor.username }, now)
      ctx.audit(tx, { targetType: 'adjustment', targetId: a.id, merchantId: a.merchantId, summary: text, before: { status: a.status }, after: { status, postingId, note: input.note } })
      return { row: loadRow(tx, ctx, a.id) }
    })
    // Committed: the request withdrawn, the break open again, the refusal audited; then refused.
    if ('refused' in decided) throw conflict(decided.refused, { code: 'recon.accept_no_longer_holds' })
    return decided.row
  }
})

/**
 * An adjustment accepting theirs whose break no longer holds it: withdrawn, never booked, rather
 * than left pending (it can never be approved, and its break could do nothing but wait for it);
 * the break is open again to be decided as it now stands. Answers the refusal for the approver.
 */
function withdrawn(tx: Tx, ctx: Ctx, a: Stored, changed: NoLongerHolds, note: string, now: number): ServerText {
  const actor = actorOf(ctx)
  const request = say('recon.request.adjustment', { adjustmentNo: a.adjustmentNo })
  const refusal = say('error.recon.noLongerHolds', { request, breakId: changed.break.id, runId: changed.break.runId, why: changed.why })
  tx.update(adjustmentRequests).set({ status: 'withdrawn', decidedBy: actor.userId, decidedAt: now, decisionNote: note || null, updatedAt: now }).where(eq(adjustmentRequests.id, a.id)).run()
  const text = say('adjustment.withdrawn', { adjustmentNo: a.adjustmentNo, user: actor.username, breakId: changed.break.id, why: changed.why })
  addCaseEvent(tx, { type: 'adjustment', id: a.id }, now, text, { actor: actor.username, detail: { breakId: changed.break.id } })
  reopenWaiting(tx, changed.waiting, say('recon.requestWithdrawn', { request, user: actor.username, why: changed.why }), actor.username, now, { adjustmentId: a.id })
  ctx.audit(tx, { targetType: 'adjustment', targetId: a.id, merchantId: a.merchantId, summary: refusal, before: { status: a.status }, after: { status: 'withdrawn', breakId: changed.break.id, reopened: changed.waiting.map((b) => b.id), note } })
  return refusal
}

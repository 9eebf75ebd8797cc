/**
 * A run's breaks: the list (off the main thread), one break side by side with its candidates and
 * history, decisions one by one, in bulk by filter (with a cap, a result per break), and from a
 * break list worked offline. A merchant-bound user lists and reads its own merchant's breaks only;
 * deciding is the platform's (RECONCILIATION_WRITE is platform-only, and checked again here).
 */
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm'
import type { BreakDetail, BreakRow } from '../../../shared/contract/reconciliation'
import { fromMinor } from '../../../shared/money'
import { say, term, verbatim, type ServerText } from '../../../shared/server-text'
import { actorOf, type Ctx } from '../../core/context'
import { AppError, conflict, notFound } from '../../core/errors'
import { handlers } from '../../core/registry'
import { assertCanRead, merchantFilter } from '../../core/scope'
import { tenantZone } from '../../core/tenant'
import { adjustmentRequests, orders, reconBreakEvents, reconBreaks, reconManualLinks, reconRuns, refunds, users } from '../../db/schema'
import { transact, type Tx } from '../../db/transaction'
import { pagedList } from '../../reads/paged'
import type { ReadSource } from '../../reads/page'
import { platformActor } from '../access'
import { acceptRefusal, theirLinesNow } from '../accept-lines'
import { acceptedElsewhere, acceptPermissionMissing, allowedActions, decide, lineOfBreak, loadBreak, type Decision } from '../breaks'
import { readDecisions } from '../decisions'
import { breakIds, breakRowById, lineById, RECON_READS, type BreakListFilters } from '../reads'
import { uploadOf } from '../uploads'

/** How far from their line's time an order is still offered as a candidate to match by hand. */
const CANDIDATE_WINDOW_MS = 24 * 60 * 60 * 1000
/** A bulk decision writes this many breaks per transaction, with a turn of the event loop between. */
const BULK_SLICE = 100

const mainSource = (ctx: Ctx): ReadSource => ({ sqlite: ctx.db.$client, tenantId: ctx.tenantId, zone: tenantZone(ctx.db, ctx.tenantId) })

function visibleRunId(ctx: Ctx, runId: number): number {
  const run = ctx.db.select({ id: reconRuns.id, status: reconRuns.status }).from(reconRuns).where(and(eq(reconRuns.id, runId), eq(reconRuns.tenantId, ctx.tenantId))).get()
  if (!run) throw notFound(say('thing.reconRun', { id: runId }))
  if (run.status !== 'finished') throw conflict(say('error.recon.runNotFinished', { id: runId }), { code: 'recon.run_not_finished' })
  return run.id
}

type FilterInput = { runId: number; type?: string; status?: string; causeKey?: string; merchantId?: number; assignedToMe?: boolean; search?: string }

function filtersOf(ctx: Ctx, input: FilterInput): BreakListFilters {
  const actor = actorOf(ctx)
  return {
    runId: visibleRunId(ctx, input.runId),
    merchantId: merchantFilter(actor, input.merchantId),
    type: input.type,
    status: input.status,
    causeKey: input.causeKey || undefined,
    assignedTo: input.assignedToMe ? actor.userId : undefined,
    search: input.search || undefined,
    now: ctx.clock.now()
  }
}

/** One break with both sides, the orders a person could match their line to, and its history. */
function breakDetailOf(ctx: Ctx, id: number): BreakDetail {
  const row = breakRowById(mainSource(ctx), id, ctx.clock.now())
  if (!row) throw notFound(say('thing.reconBreak', { id }))
  assertCanRead(actorOf(ctx), row.merchantId, say('thing.reconBreak', { id }))
  const stored = ctx.db.select().from(reconBreaks).where(eq(reconBreaks.id, id)).get()!
  const history = ctx.db
    .select()
    .from(reconBreakEvents)
    .where(eq(reconBreakEvents.identity, stored.identity))
    .orderBy(reconBreakEvents.at, reconBreakEvents.id)
    .all()
  // Its own events, and the decisions taken on the same break in earlier runs.
  const own = ctx.db.select().from(reconBreakEvents).where(eq(reconBreakEvents.breakId, id)).orderBy(reconBreakEvents.at, reconBreakEvents.id).all()
  const events = [...new Map([...history, ...own].map((e) => [e.id, e])).values()].sort((a, b) => a.at - b.at || a.id - b.id)
  const deciding = actorOf(ctx).merchantId === null
  // Said only where accepting theirs would otherwise be offered: their lines moved nothing to
  // accept, or this user lacks what its way needs (the procedure would refuse it after the dialog).
  const acceptRefused = deciding && stored.status === 'open' ? (acceptRefusal(stored, theirLinesNow(ctx.db, stored)) ?? acceptPermissionMissing(ctx.db, actorOf(ctx), stored)) : null
  return {
    ...row,
    detail: stored.detail,
    line: stored.lineId === null ? null : lineById(mainSource(ctx), stored.lineId),
    order: ourSide(ctx, stored),
    candidates: candidatesOf(ctx, stored),
    history: events.map((e) => ({ id: e.id, at: e.at, actor: e.actor, action: e.action, resolution: e.resolution, text: e.text, summary: e.summary })),
    actions: deciding ? allowedActions(stored, stored.status === 'open' ? acceptedElsewhere(ctx.db, stored) : undefined, acceptRefused) : [],
    acceptRefused: acceptRefused && allowedActions(stored).includes('accept_theirs') ? acceptRefused : null
  }
}

function ourSide(ctx: Ctx, stored: typeof reconBreaks.$inferSelect): BreakDetail['order'] {
  // Their line matched by hand: ours is the order (or refund) the person linked it to.
  const linked =
    stored.orderId === null && stored.refundId === null && stored.lineId !== null && stored.resolution === 'matched'
      ? ctx.db.select({ orderId: reconManualLinks.orderId, refundId: reconManualLinks.refundId }).from(reconManualLinks).where(and(eq(reconManualLinks.lineId, stored.lineId), isNull(reconManualLinks.removedAt))).get()
      : undefined
  const b = { orderId: linked?.orderId ?? stored.orderId, refundId: linked?.refundId ?? stored.refundId }
  if (b.orderId !== null) {
    const o = ctx.db.select().from(orders).where(eq(orders.id, b.orderId)).get()
    if (!o) return null
    return {
      id: o.id,
      orderNo: o.orderNo,
      merchantOrderNo: o.merchantOrderNo,
      upstreamNo: o.upstreamNo,
      direction: o.direction,
      status: o.status,
      currency: o.currency,
      amount: fromMinor(o.amountMinor, o.currency),
      paidAmount: o.paidMinor === null ? null : fromMinor(o.paidMinor, o.currency),
      createdAt: o.createdAt,
      finalizedAt: o.finalizedAt
    }
  }
  if (b.refundId !== null) {
    const r = ctx.db.select({ r: refunds, merchantOrderNo: orders.merchantOrderNo }).from(refunds).innerJoin(orders, eq(orders.id, refunds.orderId)).where(eq(refunds.id, b.refundId)).get()
    if (!r) return null
    return {
      id: r.r.id,
      orderNo: r.r.refundNo,
      merchantOrderNo: r.merchantOrderNo,
      upstreamNo: r.r.upstreamNo,
      direction: 'refund',
      status: r.r.status,
      currency: r.r.currency,
      amount: fromMinor(r.r.amountMinor, r.r.currency),
      paidAmount: null,
      createdAt: r.r.createdAt,
      finalizedAt: r.r.finalizedAt
    }
  }
  return null
}

/** Orders of the same currency and amount near their line's time (or those the run proposed): only for a line nobody of ours matched. */
function candidatesOf(ctx: Ctx, b: typeof reconBreaks.$inferSelect): BreakDetail['candidates'] {
  if (b.type !== 'missing_ours' || b.lineId === null || b.status !== 'open' || actorOf(ctx).merchantId !== null) return []
  const line = lineOfBreak(ctx.db, b)
  if (!line || line.currency === null || line.grossMinor === null || line.at === null) return []
  const proposed = ((b.detail as { candidates?: { kind: string; id: number }[] }).candidates ?? []).filter((c) => c.kind === 'order').map((c) => c.id)
  const near = ctx.db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, ctx.tenantId),
        gte(orders.createdAt, line.at - CANDIDATE_WINDOW_MS),
        lte(orders.createdAt, line.at + CANDIDATE_WINDOW_MS),
        eq(orders.currency, line.currency),
        // A deposit paid in part is the payment of what was paid (as the run compares it).
        or(eq(orders.amountMinor, Math.abs(line.grossMinor)), and(eq(orders.direction, 'deposit'), eq(orders.paidMinor, Math.abs(line.grossMinor)))),
        eq(orders.direction, line.kind === 'payout' ? 'payout' : 'deposit')
      )
    )
    .orderBy(sql`abs(${orders.createdAt} - ${line.at})`, orders.id)
    .limit(10)
    .all()
  const extra = proposed.filter((id) => !near.some((o) => o.id === id)).map((id) => ctx.db.select().from(orders).where(eq(orders.id, id)).get()!)
  return [...near, ...extra.filter(Boolean)].map((o) => ({ id: o.id, orderNo: o.orderNo, status: o.status, amount: fromMinor(o.amountMinor, o.currency), currency: o.currency, createdAt: o.createdAt }))
}

/** What the audit says was done: accepting theirs that only asked for a second user's approval says so, not that theirs was accepted. */
function auditSummary(tx: Tx, before: typeof reconBreaks.$inferSelect, after: typeof reconBreaks.$inferSelect, decision: Decision): ServerText {
  const type = term('breakType', before.type)
  const reason = verbatim(decision.reason)
  if (decision.action === 'accept_theirs' && after.status === 'awaiting_approval') {
    const adjustmentNo = after.adjustmentId === null ? undefined : tx.select({ no: adjustmentRequests.adjustmentNo }).from(adjustmentRequests).where(eq(adjustmentRequests.id, after.adjustmentId)).get()?.no
    const request = adjustmentNo !== undefined ? say('audit.recon.requestAdjustment', { adjustmentNo }) : say('audit.recon.requestApproval', { id: after.approvalId ?? 0 })
    return say('audit.recon.acceptRequested', { id: before.id, type, request, reason })
  }
  if (after.status === 'awaiting_approval' && before.status === 'open') {
    return say('audit.recon.closeRequested', { id: before.id, type, action: term('breakAction', decision.action), request: say('audit.recon.requestApproval', { id: after.approvalId ?? 0 }), reason })
  }
  return say('audit.recon.breakResolved', { id: before.id, type, action: term('breakAction', decision.action), reason })
}

/** One decision on one break, in its own transaction, with its audit event; `waiting`: it asked a second user (the break awaits approval). */
function decideOne(ctx: Ctx, id: number, decision: Decision): { text: ServerText; waiting: boolean } {
  return transact(ctx.db, (tx) => {
    const b = loadBreak(tx, ctx.tenantId, id)
    const run = tx.select({ status: reconRuns.status }).from(reconRuns).where(eq(reconRuns.id, b.runId)).get()
    if (run?.status !== 'finished') throw conflict(say('error.recon.runNotFinished', { id: b.runId }), { code: 'recon.run_not_finished' })
    const text = decide(tx, ctx, b, decision)
    const after = tx.select().from(reconBreaks).where(eq(reconBreaks.id, b.id)).get()!
    ctx.audit(tx, {
      targetType: 'recon_break',
      targetId: b.id,
      merchantId: b.merchantId,
      summary: auditSummary(tx, b, after, decision),
      before: { status: b.status, resolution: b.resolution, assignedTo: b.assignedTo },
      after: { action: decision.action, text, orderId: decision.orderId ?? null, refundId: decision.refundId ?? null, assignTo: decision.assignTo ?? null }
    })
    return { text, waiting: b.status === 'open' && after.status === 'awaiting_approval' }
  })
}

const errorTextOf = (error: unknown): ServerText => (error instanceof AppError ? error.text : say('error.recon.readFailed', { reason: verbatim(error instanceof Error ? error.message : String(error)) }))
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Decides each break in turn (a slice per event-loop turn), answering each one's result; a refusal of one never stops the others. */
async function decideEach(ctx: Ctx, items: { id: number; decision: Decision }[]): Promise<{ id: number; ok: boolean; waiting: boolean; error: ServerText | null }[]> {
  const results: { id: number; ok: boolean; waiting: boolean; error: ServerText | null }[] = []
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % BULK_SLICE === 0) await nextTurn()
    try {
      const { waiting } = decideOne(ctx, items[i].id, items[i].decision)
      results.push({ id: items[i].id, ok: true, waiting, error: null })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      results.push({ id: items[i].id, ok: false, waiting: false, error: errorTextOf(error) })
    }
  }
  return results
}

export const reconBreakProcedures = handlers({
  'recon.breaks.list': (ctx, { page, pageSize, ...filters }) => pagedList<BreakListFilters, BreakRow>(ctx, RECON_READS.reconBreaks, filtersOf(ctx, filters), { page, pageSize }),

  'recon.breaks.get': (ctx, input) => breakDetailOf(ctx, input.id),

  'recon.breaks.resolve': (ctx, input) => {
    platformActor(ctx)
    const { id, ...decision } = input
    decideOne(ctx, id, decision)
    return breakDetailOf(ctx, id)
  },

  'recon.breaks.bulk': async (ctx, input) => {
    platformActor(ctx)
    const filters = { ...filtersOf(ctx, input.filter), status: 'open' }
    // One more than the cap tells whether the filter finds more than it allows.
    const ids = breakIds(mainSource(ctx), filters, input.cap + 1)
    if (ids.length > input.cap) {
      const matched = (await pagedList<BreakListFilters, BreakRow>(ctx, RECON_READS.reconBreaks, filters, { page: 1, pageSize: 1 })).total
      throw conflict(say('error.recon.bulkOverCap', { matched, cap: input.cap }), { code: 'recon.bulk_over_cap', field: 'cap' })
    }
    const decision: Decision = { action: input.action, reason: input.reason, assignTo: input.assignTo }
    const results = await decideEach(ctx, ids.map((id) => ({ id, decision })))
    transact(ctx.db, (tx) =>
      ctx.audit(tx, {
        targetType: 'recon_run',
        targetId: filters.runId,
        summary: say('audit.recon.bulk', { count: results.filter((r) => r.ok).length, runId: filters.runId, action: term('breakAction', input.action), reason: verbatim(input.reason) }),
        after: { filter: input.filter, ids: results.filter((r) => r.ok).map((r) => r.id), refused: results.filter((r) => !r.ok).map((r) => r.id) }
      })
    )
    return { matched: ids.length, results }
  },

  'recon.breaks.importDecisions': async (ctx, input) => {
    const actor = platformActor(ctx)
    const runId = visibleRunId(ctx, input.runId)
    const upload = uploadOf(ctx.recon.folder, input.uploadId, actor.userId)
    const rows = await readDecisions(upload.path, (username) => ctx.db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.username, username), isNull(users.merchantId))).get()?.id ?? null)
    const results: { lineNo: number; id: number | null; ok: boolean; waiting: boolean; error: ServerText | null }[] = []
    const valid: { lineNo: number; id: number; decision: Decision }[] = []
    for (const row of rows) {
      if ('problem' in row) results.push({ lineNo: row.lineNo, id: row.id, ok: false, waiting: false, error: say('error.recon.decisionsFile', { lineNo: row.lineNo, problem: row.problem }) })
      else {
        const b = ctx.db.select({ runId: reconBreaks.runId }).from(reconBreaks).where(and(eq(reconBreaks.id, row.id), eq(reconBreaks.tenantId, ctx.tenantId))).get()
        if (b?.runId !== runId) results.push({ lineNo: row.lineNo, id: row.id, ok: false, waiting: false, error: say('error.recon.decisionsFile', { lineNo: row.lineNo, problem: say('error.recon.notOfRun', { id: row.id, runId }) }) })
        else valid.push(row)
      }
    }
    const decided = await decideEach(ctx, valid.map((v) => ({ id: v.id, decision: v.decision })))
    // Refused now (decided already, its type not for this decision…): said by its line too.
    decided.forEach((r, i) => results.push({ lineNo: valid[i].lineNo, ...r, error: r.error && say('error.recon.decisionsFile', { lineNo: valid[i].lineNo, problem: r.error }) }))
    results.sort((a, b) => a.lineNo - b.lineNo)
    const applied = results.filter((r) => r.ok).length
    transact(ctx.db, (tx) =>
      ctx.audit(tx, {
        targetType: 'recon_run',
        targetId: runId,
        summary: say('audit.recon.decisionsImported', { runId, applied, failed: results.length - applied }),
        after: { file: upload.fileName, sha256: upload.sha256, applied: results.filter((r) => r.ok).map((r) => r.id) }
      })
    )
    return { results }
  }
})

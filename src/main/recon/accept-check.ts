/**
 * Accepting theirs, asked again when a second user approves what it asked for: an adjustment
 * (type 99, finance/procedures/adjustments.ts) or marking the order succeeded (a payout returned)
 * under four eyes (finance/procedures/four-eyes.ts). The request was checked when it was made
 * (breaks.ts), but a break changes while its request waits: a later file takes the payment back
 * (a WeChat REVOKED row, a bank's return), a rerun finds another difference or none, the same difference is decided
 * another way in another run, a line is matched by hand. Approving then would book money that
 * went back, or take back money that came. So the approval, in its own transaction, asks again
 * what the request relied on, for every break waiting for it:
 *
 *   - a break still waits for it (a request born of a break and waited for by none is refused);
 *   - their lines moved money: the request's own rule (acceptRefusal) over their lines now
 *     (theirLinesNow: with any line of the source that took one back since);
 *   - nothing of theirs turned up for a payment they were missing (missing on their side);
 *   - ours still stands as the run read it (a failed order booked since as a late payment has
 *     its money: theirs credited as well would pay it twice);
 *   - no run's break of the same difference is decided (written off, ignored, matched, accepted)
 *     or waits for another request, and no line was matched by hand to what was missing;
 *   - the latest finished run of the source over the same lines still finds the same difference;
 *   - what the request books is what the break stands for (adjustmentOf, markingOf).
 *
 * Not holding, the caller withdraws the request (an operator can only reject it, and the break
 * waiting for it could do nothing else meanwhile), reopens the breaks (reopenWaiting), audits
 * it, commits, and answers the approver why; nothing is booked.
 */
import { and, desc, eq, gt, inArray, isNull, ne, notInArray, or, type SQL } from 'drizzle-orm'
import { toMinor } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { say, term, verbatim, type ServerText } from '../../shared/server-text'
import { AppError } from '../core/errors'
import { adjustmentRequests, BREAK_TYPES, orders, reconBreaks, reconLines, reconManualLinks, reconMatches, reconRuns, reconStatementRepeats, reconStatements, refunds } from '../db/schema'
import type { Tx } from '../db/transaction'
import { acceptRefusal, breakLineIds, theirLinesNow } from './accept-lines'
import { addBreakEvent, setBreakStatus } from './break-history'
import { adjustmentOf, markingOf, resultOf } from './breaks'
import { theirsPaid } from './match-compare'

type Break = typeof reconBreaks.$inferSelect

/** What the request asks for: an adjustment's booking, or a forced result of an order. */
export type AcceptRequest =
  | { kind: 'adjustment'; id: number; merchantId: number; contractId: number; currency: string; amountMinor: number }
  | { kind: 'mark_result'; id: number; result: string; paidAmount?: string }

export interface NoLongerHolds {
  /** The break whose acceptance no longer holds. */
  break: Break
  why: ServerText
  /** Every run's break waiting for the request (reopened when it is withdrawn). */
  waiting: Break[]
}

/** Why accepting theirs, as the request asks it, no longer holds; null when it holds or the request was born of no break. */
export function acceptNoLongerHolds(tx: Tx, request: AcceptRequest): NoLongerHolds | null {
  const asking = tx
    .select()
    .from(reconBreaks)
    .where(request.kind === 'adjustment' ? eq(reconBreaks.adjustmentId, request.id) : eq(reconBreaks.approvalId, request.id))
    .orderBy(desc(reconBreaks.runId))
    .all()
  if (asking.length === 0) return null
  const waiting = asking.filter((b) => b.status === 'awaiting_approval')
  if (waiting.length === 0) return { break: asking[0], why: say('recon.noLonger.notWaiting', { breakId: asking[0].id, status: term('breakStatus', asking[0].status) }), waiting }
  for (const b of waiting) {
    const why = acceptRefusal(b, theirLinesNow(tx, b)) ?? theirsListedSince(tx, b) ?? oursChangedSince(tx, b) ?? decidedElsewhere(tx, b, waiting) ?? laterRunSays(tx, b) ?? bookingDiffers(tx, b, request)
    if (why) return { break: b, why, waiting }
  }
  return null
}

/** The breaks that waited for a withdrawn request are open again, each saying why (the same difference may be decided anew). */
export function reopenWaiting(tx: Tx, waiting: Break[], text: ServerText, actor: string, now: number, detail: Record<string, unknown>): void {
  for (const b of waiting) {
    setBreakStatus(tx, b, { status: 'open', adjustmentId: null, approvalId: null }, now)
    addBreakEvent(tx, b, now, actor, 'reopened', text, { detail })
  }
}

const sameAmounts = (a: Break, b: Break) => a.theirsMinor === b.theirsMinor && a.differenceMinor === b.differenceMinor

/** The source a break's run read (a break's identity names its lines or its order, not the file). */
const sourceOf = (tx: Tx, b: Break) => tx.select({ sourceId: reconRuns.sourceId }).from(reconRuns).where(eq(reconRuns.id, b.runId)).get()!.sourceId

/** Ours a break is about: its order or refund, with the numbers a line of theirs would name it by. */
function oursOf(tx: Tx, b: Break): { kind: 'order' | 'refund'; id: number; no: string; numbers: SQL[]; lineKind: SQL } | null {
  if (b.orderId !== null) {
    const o = tx.select({ orderNo: orders.orderNo, upstreamNo: orders.upstreamNo, direction: orders.direction }).from(orders).where(eq(orders.id, b.orderId)).get()
    if (!o) return null
    const numbers = [eq(reconLines.orderNo, o.orderNo), ...(o.upstreamNo ? [eq(reconLines.upstreamNo, o.upstreamNo)] : [])]
    return { kind: 'order', id: b.orderId, no: o.orderNo, numbers, lineKind: eq(reconLines.kind, o.direction === 'payout' ? 'payout' : 'payment') }
  }
  if (b.refundId !== null) {
    const r = tx.select({ refundNo: refunds.refundNo, upstreamNo: refunds.upstreamNo }).from(refunds).where(eq(refunds.id, b.refundId)).get()
    if (!r) return null
    const numbers = [eq(reconLines.refundNo, r.refundNo), ...(r.upstreamNo ? [eq(reconLines.upstreamNo, r.upstreamNo)] : [])]
    return { kind: 'refund', id: b.refundId, no: r.refundNo, numbers, lineKind: eq(reconLines.kind, 'refund') }
  }
  return null
}

/**
 * Theirs was missing a payment of ours (accepting theirs takes back what ours booked), and an
 * imported statement of the source lists it as moved: taking it back would take money that came.
 */
function theirsListedSince(tx: Tx, b: Break): ServerText | null {
  if (b.type !== 'missing_theirs') return null
  const ours = oursOf(tx, b)
  if (!ours) return null
  const listed = tx
    .select({ lineNo: reconLines.lineNo, statementId: reconLines.statementId, status: reconLines.status })
    .from(reconLines)
    .innerJoin(reconStatements, and(eq(reconStatements.id, reconLines.statementId), eq(reconStatements.status, 'imported')))
    .where(and(eq(reconLines.sourceId, sourceOf(tx, b)), ours.lineKind, or(...ours.numbers)))
    .orderBy(reconLines.statementId, reconLines.lineNo)
    .all()
    .find(theirsPaid)
  if (!listed) return null
  return say('recon.noLonger.theirsListed', { lineNo: listed.lineNo, statementId: listed.statementId, target: verbatim(ours.no), status: term('lineStatus', listed.status ?? 'succeeded') })
}

/** The break types whose ours is the run's reading of our order or refund: its status and what it moved. */
const OURS_READ = new Set<Break['type']>(['status_mismatch', 'amount_over', 'amount_short', 'missing_theirs'])

/**
 * Ours as the run read it against ours now: whether it moved money (succeeded) and how much (a
 * deposit's paid amount). A failed order whose payment theirs shows, booked since as a late
 * payment, has its money already: crediting theirs as well would pay it twice.
 */
function oursChangedSince(tx: Tx, b: Break): ServerText | null {
  if (!OURS_READ.has(b.type) || b.oursMinor === null) return null
  const saw = b.type === 'status_mismatch' && typeof b.detail.ours === 'string' ? b.detail.ours : 'succeeded'
  let now: { no: string; status: ServerText; moved: boolean; minor: number; currency: string } | undefined
  let was: ServerText
  if (b.orderId !== null) {
    const o = tx.select().from(orders).where(eq(orders.id, b.orderId)).get()
    if (!o) return null
    now = { no: o.orderNo, status: term('orderStatus', o.status), moved: o.status === 'succeeded', minor: o.direction === 'deposit' && o.paidMinor !== null ? o.paidMinor : o.amountMinor, currency: o.currency }
    was = term('orderStatus', saw as typeof o.status)
  } else if (b.refundId !== null) {
    const r = tx.select().from(refunds).where(eq(refunds.id, b.refundId)).get()
    if (!r) return null
    now = { no: r.refundNo, status: term('refundStatus', r.status), moved: r.status === 'succeeded', minor: r.amountMinor, currency: r.currency }
    was = term('refundStatus', saw as typeof r.status)
  } else return null
  if (now.moved === (saw === 'succeeded') && now.minor === b.oursMinor) return null
  return say('recon.noLonger.oursChanged', { target: verbatim(now.no), status: now.status, money: moneyText(now.minor, now.currency), wasStatus: was, wasMoney: moneyText(b.oursMinor, now.currency) })
}

/**
 * The same difference decided in another run (any decision: a write-off there and a booking here
 * would both stand), or waiting there for another request; and, for a payment missing on one side,
 * a line matched to it by hand since (the match answers the miss).
 */
function decidedElsewhere(tx: Tx, b: Break, waiting: Break[]): ServerText | null {
  const tenantRuns = tx.select({ id: reconRuns.id }).from(reconRuns).where(eq(reconRuns.tenantId, b.tenantId))
  const others = tx
    .select()
    .from(reconBreaks)
    .where(and(inArray(reconBreaks.runId, tenantRuns), eq(reconBreaks.identity, b.identity), notInArray(reconBreaks.id, waiting.map((w) => w.id)), ne(reconBreaks.status, 'open')))
    .orderBy(desc(reconBreaks.id))
    .all()
  const decided = others.find((o) => sameAmounts(o, b))
  if (decided) {
    const adjustmentNo = (id: number) => tx.select({ no: adjustmentRequests.adjustmentNo }).from(adjustmentRequests).where(eq(adjustmentRequests.id, id)).get()?.no ?? String(id)
    const state =
      decided.status === 'resolved'
        ? term('breakResolution', decided.resolution ?? 'ignored')
        : decided.adjustmentId !== null
          ? say('recon.state.awaitingAdjustment', { adjustmentNo: adjustmentNo(decided.adjustmentId) })
          : say('recon.state.awaitingApproval', { id: decided.approvalId ?? 0 })
    return say('recon.noLonger.decided', { id: decided.id, runId: decided.runId, state })
  }
  let linked: SQL | undefined
  if (b.type === 'missing_ours' && b.lineId !== null) linked = eq(reconManualLinks.lineId, b.lineId)
  else if (b.type === 'missing_theirs') linked = b.orderId !== null ? eq(reconManualLinks.orderId, b.orderId) : b.refundId !== null ? eq(reconManualLinks.refundId, b.refundId) : undefined
  if (!linked) return null
  const link = tx
    .select({ lineNo: reconLines.lineNo, statementId: reconLines.statementId, orderNo: orders.orderNo, refundNo: refunds.refundNo })
    .from(reconManualLinks)
    .innerJoin(reconLines, eq(reconLines.id, reconManualLinks.lineId))
    .leftJoin(orders, eq(orders.id, reconManualLinks.orderId))
    .leftJoin(refunds, eq(refunds.id, reconManualLinks.refundId))
    .where(and(eq(reconManualLinks.tenantId, b.tenantId), isNull(reconManualLinks.removedAt), linked))
    .get()
  return link ? say('recon.noLonger.matchedByHand', { lineNo: link.lineNo, statementId: link.statementId, target: verbatim(link.orderNo ?? link.refundNo ?? '') }) : null
}

/** Whether run `runId` read the break's lines (stored in, or listed by, one of its statements), or took up ours of a break without lines. */
function readsSame(tx: Tx, run: { id: number; scope: { statementIds: number[] } }, b: Break, lineIds: number[]): boolean {
  const statementIds = run.scope.statementIds
  if (lineIds.length > 0) {
    const stored = tx.select({ id: reconLines.id }).from(reconLines).where(and(inArray(reconLines.id, lineIds), inArray(reconLines.statementId, statementIds))).get()
    return !!stored || !!tx.select({ id: reconStatementRepeats.lineId }).from(reconStatementRepeats).where(and(inArray(reconStatementRepeats.lineId, lineIds), inArray(reconStatementRepeats.statementId, statementIds))).get()
  }
  const item = b.orderId !== null ? { kind: 'order', id: b.orderId } : b.refundId !== null ? { kind: 'refund', id: b.refundId } : null
  if (!item) return false
  // Its breaks are named by it (match-compare.ts), through the (run, identity) index.
  const named = tx
    .select({ id: reconBreaks.id })
    .from(reconBreaks)
    .where(and(eq(reconBreaks.runId, run.id), inArray(reconBreaks.identity, BREAK_TYPES.map((t) => `${t}:${item.kind}:${item.id}`))))
    .get()
  return !!named || !!tx.select({ id: reconMatches.id }).from(reconMatches).where(and(eq(reconMatches.runId, run.id), item.kind === 'order' ? eq(reconMatches.orderId, item.id) : eq(reconMatches.refundId, item.id))).get()
}

/** What the latest finished run of the source over the same lines says of the difference: gone, or another amount. */
function laterRunSays(tx: Tx, b: Break): ServerText | null {
  const later = tx
    .select({ id: reconRuns.id, scope: reconRuns.scope })
    .from(reconRuns)
    .where(and(eq(reconRuns.tenantId, b.tenantId), eq(reconRuns.sourceId, sourceOf(tx, b)), eq(reconRuns.status, 'finished'), gt(reconRuns.id, b.runId)))
    .orderBy(desc(reconRuns.id))
    .all()
  const lineIds = breakLineIds(b)
  for (const run of later) {
    const same = tx
      .select()
      .from(reconBreaks)
      .where(and(eq(reconBreaks.runId, run.id), eq(reconBreaks.identity, b.identity)))
      .get()
    if (!same && !readsSame(tx, run, b, lineIds)) continue
    if (!same) return say('recon.noLonger.gone', { runId: run.id })
    if (!sameAmounts(same, b)) return say('recon.noLonger.otherAmount', { runId: run.id, id: same.id, amount: moneyText(same.differenceMinor ?? same.theirsMinor ?? same.oursMinor ?? 0, same.currency ?? '') })
    return null
  }
  return null
}

/** What the request books against what the break stands for now (its account's currency and amount, or the order's paid amount). */
function bookingDiffers(tx: Tx, b: Break, request: AcceptRequest): ServerText | null {
  try {
    if (request.kind === 'adjustment') {
      const expected = adjustmentOf(tx, b, { merchantId: request.merchantId, contractId: request.contractId })
      if (expected.amountMinor === request.amountMinor && expected.currency === request.currency) return null
      return say('recon.noLonger.booking', { asked: moneyText(request.amountMinor, request.currency), expected: moneyText(expected.amountMinor, expected.currency) })
    }
    const order = b.orderId === null ? undefined : tx.select().from(orders).where(eq(orders.id, b.orderId)).get()
    if (!order) return null
    const paid = (amount: string | undefined) => (amount === undefined ? order.amountMinor : toMinor(amount, order.currency))
    const expected = paid(markingOf(order, b).paidAmount)
    const asked = paid(request.paidAmount)
    if (request.result === resultOf(b) && asked === expected) return null
    return say('recon.noLonger.booking', { asked: moneyText(asked, order.currency), expected: moneyText(expected, order.currency) })
  } catch (error) {
    if (error instanceof AppError) return error.text
    throw error
  }
}

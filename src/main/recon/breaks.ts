/**
 * Deciding a break (docs/reconciliation.md): every decision has a reason, is audited, and is kept
 * as an event of the break (never deleted), so its history survives undo and later runs (run.ts
 * carries a decision to the same break, by its identity). Money moves only through the existing
 * audited operations:
 *
 *   match          links their line to our order or refund by hand; the next run starts from it;
 *   accept_theirs  an order theirs paid and ours did not is marked succeeded through the manual
 *                  operation (never for more than the order, never for more than they paid), and a
 *                  payout theirs paid and the bank returned is marked returned by it, each under
 *                  the same four-eyes rule as a marking by hand (at or over the tenant's threshold
 *                  the break waits for a second user; finance/four-eyes.ts); any other difference
 *                  becomes an adjustment request (type 99), and the break waits for another user to
 *                  approve it (maker-checker; finance/adjustments.ts). The same difference (the
 *                  same identity, in any run) is requested and booked once;
 *   write_off, ignore   close it with a reason, moving nothing (at or over the tenant's four-eyes
 *                  threshold for write-offs, once a second user approves: finance/four-eyes.ts);
 *   annotate, assign    a note, an owner;
 *   undo           reopens a decision that moved no money.
 */
import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import type { BreakAction } from '../../shared/contract/reconciliation'
import { fromMinor } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { PERMISSIONS } from '../../shared/permissions'
import { permissionTerm, say, term, verbatim, type ServerText } from '../../shared/server-text'
import { actorOf, type Actor, type Ctx } from '../core/context'
import { conflict, forbidden, notFound, validationError } from '../core/errors'
import { adjustmentRequests, orders, reconBreaks, reconLines, reconManualLinks, reconMatches, reconRuns, refunds, users } from '../db/schema'
import type { Db } from '../db/open'
import type { Tx } from '../db/transaction'
import { addCaseEvent } from '../cases/timeline'
import { requestAdjustment } from '../finance/adjustments'
import { requestCloseIfNeeded, requestMarkIfNeeded } from '../finance/four-eyes'
import { markOrderResult } from '../orders/manual'
import { addEvent } from '../orders/timeline'
import { acceptRefusal, theirLinesNow } from './accept-lines'
import { addBreakEvent, closeRequestText, setBreakStatus } from './break-history'

type Break = typeof reconBreaks.$inferSelect

export interface Decision {
  action: BreakAction
  reason: string
  orderId?: number
  refundId?: number
  merchantId?: number
  contractId?: number
  requestKey?: string
  assignTo?: number | null
}

/** Types whose difference an adjustment can book: money one side holds and the other does not. */
const ADJUSTABLE = new Set<Break['type']>(['amount_over', 'amount_short', 'missing_ours', 'missing_theirs', 'status_mismatch'])

/**
 * What a person may do with the break as it stands; `acceptedElsewhere`: the same difference in
 * another run already waits for approval or was accepted (acceptedElsewhere below), so theirs is
 * not accepted again here; `acceptRefused`: their lines moved nothing to accept (acceptRefusal).
 */
export function allowedActions(b: Break, acceptedElsewhere?: Break, acceptRefused?: ServerText | null): BreakAction[] {
  if (b.status === 'awaiting_approval') return ['annotate', 'assign']
  if (b.status === 'resolved') return b.resolution === 'accepted_theirs' ? ['annotate', 'assign'] : ['undo', 'annotate', 'assign']
  const actions: BreakAction[] = []
  if (b.type === 'missing_ours' && b.lineId !== null) actions.push('match')
  if (ADJUSTABLE.has(b.type) && (b.type !== 'missing_ours' || b.lineId !== null) && !acceptedElsewhere && !acceptRefused) actions.push('accept_theirs')
  actions.push('write_off', 'ignore', 'annotate', 'assign')
  return actions
}

/** The run's `missing_theirs` breaks of one order or refund of ours, in `status`. */
function oursMissingTheirs(tx: Tx, runId: number, ours: { orderId: number | null; refundId: number | null }, status: 'open' | 'resolved'): Break[] {
  const which = ours.orderId !== null ? eq(reconBreaks.orderId, ours.orderId) : ours.refundId !== null ? eq(reconBreaks.refundId, ours.refundId) : null
  if (!which) return []
  return tx
    .select()
    .from(reconBreaks)
    .where(and(eq(reconBreaks.runId, runId), eq(reconBreaks.type, 'missing_theirs'), eq(reconBreaks.status, status), which))
    .all()
}

/**
 * The same break (its identity) in another run of the tenant, already waiting for the approval of
 * what accepts theirs or accepted: a break is kept per run, and the money it stands for is
 * requested and booked once, whichever run it is taken from.
 */
export function acceptedElsewhere(tx: Tx | Db, b: Break): Break | undefined {
  return tx
    .select()
    .from(reconBreaks)
    .where(
      and(
        // Through the tenant's runs: the (run, identity) index finds it.
        inArray(reconBreaks.runId, tx.select({ id: reconRuns.id }).from(reconRuns).where(eq(reconRuns.tenantId, b.tenantId))),
        eq(reconBreaks.identity, b.identity),
        ne(reconBreaks.id, b.id),
        or(eq(reconBreaks.status, 'awaiting_approval'), eq(reconBreaks.resolution, 'accepted_theirs'))
      )
    )
    .orderBy(desc(reconBreaks.id))
    .get()
}

function refuseAcceptedElsewhere(tx: Tx, other: Break): never {
  let state: ServerText
  if (other.status === 'resolved') state = say('recon.state.accepted')
  else if (other.adjustmentId !== null) {
    const adjustmentNo = tx.select({ no: adjustmentRequests.adjustmentNo }).from(adjustmentRequests).where(eq(adjustmentRequests.id, other.adjustmentId)).get()?.no ?? String(other.adjustmentId)
    state = say('recon.state.awaitingAdjustment', { adjustmentNo })
  } else state = say('recon.state.awaitingApproval', { id: other.approvalId ?? 0 })
  throw conflict(say('error.recon.acceptedElsewhere', { id: other.id, runId: other.runId, state }), { code: 'recon.accepted_elsewhere' })
}

export function loadBreak(tx: Tx, tenantId: number, id: number): Break {
  const b = tx.select().from(reconBreaks).where(and(eq(reconBreaks.id, id), eq(reconBreaks.tenantId, tenantId))).get()
  if (!b) throw notFound(say('thing.reconBreak', { id }))
  return b
}

function needPermission(actor: Actor, code: number, procedure: string): void {
  if (!actor.permissions.has(code)) throw forbidden(acceptNeeds(code, procedure), 'permission.missing')
}

const acceptNeeds = (code: number, procedure = 'recon.breaks.resolve') => say('error.recon.acceptNeeds', { procedure, permission: permissionTerm(code), code })

/**
 * Whether accepting theirs marks the break's order (an order still open, or a deposit closed
 * unpaid, is marked paid; a payout theirs returned, which acceptRefusal lets through alone, is
 * marked returned) rather than booking an adjustment (a failed order is final, and any other
 * difference is money, not an order's state).
 */
function acceptsByOrder(tx: Tx | Db, b: Break): boolean {
  if (b.type !== 'status_mismatch' || b.orderId === null) return false
  if (b.causeKey === 'theirs_reversed') return true
  return b.causeKey === 'theirs_paid_ours_not' && tx.select({ s: orders.status }).from(orders).where(eq(orders.id, b.orderId)).get()?.s !== 'failed'
}

/** Why this user cannot accept theirs on the break (the permission its way needs, as the procedure refuses it), or null. */
export function acceptPermissionMissing(tx: Tx | Db, actor: Actor, b: Break): ServerText | null {
  const code = acceptsByOrder(tx, b) ? PERMISSIONS.MANUAL_MARK_RESULT : PERMISSIONS.ADJUSTMENT_REQUEST
  return actor.permissions.has(code) ? null : acceptNeeds(code)
}

/** +1 when the money of ours came in (a deposit), -1 when it went out (a payout, a refund). */
function directionOf(tx: Tx, b: Break): 1 | -1 {
  if (b.refundId !== null) return -1
  if (b.orderId !== null) return tx.select({ d: orders.direction }).from(orders).where(eq(orders.id, b.orderId)).get()?.d === 'payout' ? -1 : 1
  return 1
}

/** The adjustment that books theirs: the difference, their whole line, or the reversal of ours. */
export function adjustmentOf(tx: Tx, b: Break, d: Pick<Decision, 'merchantId' | 'contractId'>): { merchantId: number; contractId: number; currency: string; amountMinor: number } {
  let merchantId = b.merchantId
  let contractId: number | null
  if (b.orderId !== null || b.refundId !== null) {
    const orderId = b.orderId ?? tx.select({ o: refunds.orderId }).from(refunds).where(eq(refunds.id, b.refundId!)).get()?.o
    const order = orderId === undefined ? undefined : tx.select({ merchantId: orders.merchantId, contractId: orders.contractId }).from(orders).where(eq(orders.id, orderId)).get()
    merchantId = order?.merchantId ?? merchantId
    contractId = order?.contractId ?? null
  } else {
    if (d.merchantId === undefined) throw validationError('merchantId', say('error.recon.accountNeeded'))
    if (d.contractId === undefined) throw validationError('contractId', say('error.recon.accountNeeded'))
    merchantId = d.merchantId
    contractId = d.contractId
  }
  if (merchantId === null || contractId === null || b.currency === null) throw validationError('contractId', say('error.recon.accountNeeded'))
  const sign = directionOf(tx, b)
  let amountMinor: number
  if (b.type === 'amount_over' || b.type === 'amount_short') amountMinor = sign * (b.differenceMinor ?? 0)
  // Their line, signed as the file signs it (money in positive).
  else if (b.type === 'missing_ours') amountMinor = b.theirsMinor ?? 0
  // Theirs paid what ours never booked (an order failed here): their amount is credited.
  else if (b.causeKey === 'theirs_paid_ours_not') amountMinor = sign * Math.abs(b.theirsMinor ?? 0)
  // Ours never happened at theirs: what we booked is taken back.
  else amountMinor = -sign * (b.oursMinor ?? 0)
  if (amountMinor === 0) throw validationError('action', say('error.recon.nothingToBook'))
  return { merchantId, contractId: d.contractId ?? contractId, currency: b.currency, amountMinor }
}

/** What marking the order accepts theirs as: succeeded for what they paid, never more than the order (a payout: all of it). */
export function markingOf(order: typeof orders.$inferSelect, b: Break): { paidAmount: string | undefined } {
  const theirs = Math.abs(b.theirsMinor ?? order.amountMinor)
  if (theirs > order.amountMinor) throw conflict(say('error.recon.theirsOverOrder', { orderNo: order.orderNo }), { code: 'recon.theirs_over_order' })
  if (order.direction === 'payout' && theirs !== order.amountMinor) throw conflict(say('error.recon.theirsOverOrder', { orderNo: order.orderNo }), { code: 'recon.theirs_over_order' })
  return { paidAmount: order.direction === 'deposit' && theirs < order.amountMinor ? fromMinor(theirs, order.currency) : undefined }
}

/** What accepting theirs marks ours: returned, where theirs paid and returned a payout; succeeded otherwise. */
export const resultOf = (b: Pick<Break, 'causeKey'>): 'succeeded' | 'returned' => (b.causeKey === 'theirs_reversed' ? 'returned' : 'succeeded')

/** What a request that accepts theirs says of the break it came from, in the reader's language. */
const requestedFromBreak = (b: Break) => say('recon.requestedFromBreak', { breakId: b.id, type: term('breakType', b.type) })

/**
 * An order theirs paid and ours did not: marked succeeded for what they paid, never more than the
 * order. A payout theirs paid and returned: marked returned (its whole amount, as theirs returned it).
 */
function acceptByOrder(tx: Tx, ctx: Ctx, b: Break, d: Decision, now: number): ServerText {
  needPermission(actorOf(ctx), PERMISSIONS.MANUAL_MARK_RESULT, 'recon.breaks.resolve')
  const order = tx.select().from(orders).where(eq(orders.id, b.orderId!)).get()!
  const { paidAmount } = markingOf(order, b)
  const result = resultOf(b)
  // The manual operation's own four-eyes rule: at or over the threshold the marking waits for a
  // second user, and so does the break (reconApprovalEnded follows the request's decision).
  // The request keeps the clerk's own words; the break is linked by id (its approval_id) and named
  // on the order's timeline in the reader's language.
  const request = requestMarkIfNeeded(tx, ctx, order, { result, paidAmount, reason: d.reason })
  if (request) {
    setBreakStatus(tx, b, { status: 'awaiting_approval', approvalId: request.id }, now)
    addEvent(tx, order.id, now, 'manual', requestedFromBreak(b), { breakId: b.id, approvalId: request.id }, actorOf(ctx).username)
    const text = say(result === 'returned' ? 'recon.returnRequested' : 'recon.markRequested', { orderNo: order.orderNo, id: request.id, user: actorOf(ctx).username, reason: verbatim(d.reason) })
    addBreakEvent(tx, b, now, actorOf(ctx).username, 'requested', text, { detail: { orderId: order.id, approvalId: request.id, paidAmount: paidAmount ?? null } })
    return text
  }
  markOrderResult(tx, ctx, order.id, { result, paidAmount, reason: d.reason })
  setBreakStatus(tx, b, { status: 'resolved', resolution: 'accepted_theirs' }, now)
  const text = say(result === 'returned' ? 'recon.acceptedByReturn' : 'recon.acceptedByOrder', { orderNo: order.orderNo, user: actorOf(ctx).username, reason: verbatim(d.reason) })
  addBreakEvent(tx, b, now, actorOf(ctx).username, 'resolved', text, { resolution: 'accepted_theirs', detail: { orderId: order.id, paidAmount: paidAmount ?? null } })
  return text
}

function acceptByAdjustment(tx: Tx, ctx: Ctx, b: Break, d: Decision, now: number): ServerText {
  const actor = actorOf(ctx)
  needPermission(actor, PERMISSIONS.ADJUSTMENT_REQUEST, 'recon.breaks.resolve')
  if (d.requestKey === undefined) throw validationError('requestKey', say('rule.required'))
  const booking = adjustmentOf(tx, b, d)
  const requested = requestAdjustment(tx, ctx, { ...booking, reason: d.reason, requestKey: d.requestKey })
  // A retried request (the same key) was linked when first made.
  if (!requested.replayed) addCaseEvent(tx, { type: 'adjustment', id: requested.id }, now, requestedFromBreak(b), { actor: actor.username, detail: { breakId: b.id } })
  setBreakStatus(tx, b, { status: 'awaiting_approval', adjustmentId: requested.id }, now)
  const text = say('recon.acceptedByAdjustment', { adjustmentNo: requested.adjustmentNo, money: moneyText(booking.amountMinor, booking.currency), user: actor.username, reason: verbatim(d.reason) })
  addBreakEvent(tx, b, now, actor.username, 'requested', text, { detail: { adjustmentId: requested.id } })
  return text
}

/**
 * One payment of ours is one line of theirs: an order (or refund) the run matched to another line
 * is refused by name, and one matched by hand to another line must first be unmatched (undo of
 * that break's match). Linking it again would hide the miss: the next run would match it by hand
 * and call the other line a duplicate.
 */
function refuseMatchedElsewhere(tx: Tx, ctx: Ctx, b: Break, ours: { orderId: number | null; refundId: number | null }, targetNo: string): void {
  const byKey = tx
    .select({ lineNo: reconLines.lineNo, statementId: reconLines.statementId })
    .from(reconMatches)
    .innerJoin(reconLines, eq(reconLines.id, reconMatches.lineId))
    .where(and(eq(reconMatches.runId, b.runId), ours.orderId !== null ? eq(reconMatches.orderId, ours.orderId) : eq(reconMatches.refundId, ours.refundId!)))
    .orderBy(reconLines.lineNo)
    .get()
  // Paired with another line, but with a difference (amount, fee, currency, status, or that line a
  // duplicate): the run keeps no match for it, only the break, and the order is as taken.
  const withBreak =
    byKey ??
    tx
      .select({ lineNo: reconLines.lineNo, statementId: reconLines.statementId })
      .from(reconBreaks)
      .innerJoin(reconLines, eq(reconLines.id, reconBreaks.lineId))
      .where(and(eq(reconBreaks.runId, b.runId), ne(reconBreaks.lineId, b.lineId!), ours.orderId !== null ? eq(reconBreaks.orderId, ours.orderId) : eq(reconBreaks.refundId, ours.refundId!)))
      .orderBy(reconLines.lineNo)
      .get()
  if (withBreak) throw conflict(say('error.recon.matchTaken', { target: verbatim(targetNo), lineNo: withBreak.lineNo, statementId: withBreak.statementId, runId: b.runId }), { code: 'recon.match_taken', field: ours.orderId !== null ? 'orderId' : 'refundId' })
  const byHand = tx
    .select({ lineNo: reconLines.lineNo, statementId: reconLines.statementId })
    .from(reconManualLinks)
    .innerJoin(reconLines, eq(reconLines.id, reconManualLinks.lineId))
    .where(
      and(
        eq(reconManualLinks.tenantId, ctx.tenantId),
        isNull(reconManualLinks.removedAt),
        ne(reconManualLinks.lineId, b.lineId!),
        ours.orderId !== null ? eq(reconManualLinks.orderId, ours.orderId) : eq(reconManualLinks.refundId, ours.refundId!)
      )
    )
    .get()
  if (byHand) throw conflict(say('error.recon.matchLinked', { target: verbatim(targetNo), lineNo: byHand.lineNo, statementId: byHand.statementId }), { code: 'recon.match_linked', field: ours.orderId !== null ? 'orderId' : 'refundId' })
}

/** Applies one decision in the caller's transaction; answers what happened, for the audit. */
export function decide(tx: Tx, ctx: Ctx, b: Break, d: Decision): ServerText {
  const actor = actorOf(ctx)
  const now = ctx.clock.now()
  const reason = verbatim(d.reason)
  if (d.action === 'accept_theirs' && b.status === 'open') {
    const refused = acceptRefusal(b, theirLinesNow(tx, b))
    if (refused) throw conflict(refused, { code: 'recon.accept_refused' })
    const other = acceptedElsewhere(tx, b)
    if (other) refuseAcceptedElsewhere(tx, other)
  }
  if (!allowedActions(b).includes(d.action)) {
    if (b.status !== 'open' && d.action !== 'undo') throw conflict(say('error.recon.decided', { id: b.id, status: term('breakStatus', b.status) }), { code: 'recon.decided' })
    if (d.action === 'undo') {
      if (b.status === 'resolved') throw conflict(say('error.recon.undoMovedMoney', { id: b.id }), { code: 'recon.undo_moved_money' })
      throw conflict(b.status === 'open' ? say('error.recon.nothingToUndo', { id: b.id }) : say('error.recon.decided', { id: b.id, status: term('breakStatus', b.status) }), { code: 'recon.nothing_to_undo' })
    }
    throw conflict(say('error.recon.actionNotOpen', { type: term('breakType', b.type), action: term('breakAction', d.action), allowed: verbatim(allowedActions(b).join(', ')) }), { code: 'recon.action_not_allowed', field: 'action' })
  }
  switch (d.action) {
    case 'match': {
      if ((d.orderId === undefined) === (d.refundId === undefined)) throw validationError('orderId', say('error.recon.matchTarget'))
      const field = d.orderId !== undefined ? 'orderId' : 'refundId'
      const target =
        d.orderId !== undefined
          ? // A deposit is compared by what was paid, as the run compares it (run.ts ORDER_COLUMNS).
            tx
              .select({ no: orders.orderNo, amountMinor: sql<number>`case when ${orders.direction} = 'deposit' and ${orders.paidMinor} is not null then ${orders.paidMinor} else ${orders.amountMinor} end`, currency: orders.currency })
              .from(orders)
              .where(and(eq(orders.id, d.orderId), eq(orders.tenantId, ctx.tenantId)))
              .get()
          : tx.select({ no: refunds.refundNo, amountMinor: refunds.amountMinor, currency: refunds.currency }).from(refunds).where(eq(refunds.id, d.refundId!)).get()
      if (!target) throw validationError(field, say('error.recon.matchTarget'))
      // Their line and ours must be about the same money: another currency is another payment; another
      // amount is matched, but said (the run reports it as an amount over or short).
      const line = tx.select({ lineNo: reconLines.lineNo, currency: reconLines.currency, grossMinor: reconLines.grossMinor }).from(reconLines).where(eq(reconLines.id, b.lineId!)).get()
      if (line?.currency && line.currency !== target.currency) {
        throw validationError(field, say('error.recon.matchCurrency', { target: verbatim(target.no), ours: target.currency, theirs: line.currency }))
      }
      refuseMatchedElsewhere(tx, ctx, b, { orderId: d.orderId ?? null, refundId: d.refundId ?? null }, target.no)
      const gap = line?.grossMinor != null && line.currency ? Math.abs(line.grossMinor) - target.amountMinor : 0
      tx.insert(reconManualLinks).values({ tenantId: ctx.tenantId, lineId: b.lineId!, orderId: d.orderId ?? null, refundId: d.refundId ?? null, reason: d.reason, createdBy: actor.userId, createdAt: now }).run()
      setBreakStatus(tx, b, { status: 'resolved', resolution: 'matched' }, now)
      const text =
        gap === 0
          ? say('recon.matchedBy', { target: verbatim(target.no), user: actor.username, reason })
          : say('recon.matchedByWithGap', { target: verbatim(target.no), user: actor.username, reason, theirs: moneyText(Math.abs(line!.grossMinor!), target.currency), ours: moneyText(target.amountMinor, target.currency) })
      addBreakEvent(tx, b, now, actor.username, 'resolved', text, { resolution: 'matched', detail: { orderId: d.orderId ?? null, refundId: d.refundId ?? null } })
      // Ours missing on their side in this run is the other half of the same difference: matched with it.
      const lineNo = line?.lineNo ?? 0
      for (const other of oursMissingTheirs(tx, b.runId, { orderId: d.orderId ?? null, refundId: d.refundId ?? null }, 'open')) {
        setBreakStatus(tx, other, { status: 'resolved', resolution: 'matched' }, now)
        addBreakEvent(tx, other, now, actor.username, 'resolved', say('recon.matchedWithLine', { lineNo, breakId: b.id, user: actor.username, reason }), { resolution: 'matched', detail: { lineId: b.lineId, breakId: b.id } })
      }
      return text
    }
    case 'accept_theirs':
      return acceptsByOrder(tx, b) ? acceptByOrder(tx, ctx, b, d, now) : acceptByAdjustment(tx, ctx, b, d, now)
    case 'write_off':
    case 'ignore': {
      // At or over the tenant's threshold, closing a difference unbooked waits for a second user.
      const request = requestCloseIfNeeded(tx, ctx, b, d.action, d.reason)
      if (request) {
        setBreakStatus(tx, b, { status: 'awaiting_approval', approvalId: request.id }, now)
        const what = closeRequestText({ action: d.action, breakId: b.id }, moneyText(request.amountMinor, request.currency))
        const text = say('recon.closeRequested', { what, id: request.id, user: actor.username, reason })
        addBreakEvent(tx, b, now, actor.username, 'requested', text, { detail: { approvalId: request.id } })
        return text
      }
      const resolution = d.action === 'write_off' ? 'written_off' : 'ignored'
      setBreakStatus(tx, b, { status: 'resolved', resolution }, now)
      const text = say('recon.resolved', { resolution: term('breakResolution', resolution), user: actor.username, reason })
      addBreakEvent(tx, b, now, actor.username, 'resolved', text, { resolution })
      return text
    }
    case 'annotate': {
      const text = say('recon.annotated', { user: actor.username, reason })
      addBreakEvent(tx, b, now, actor.username, 'annotated', text)
      return text
    }
    case 'assign': {
      const assignTo = d.assignTo ?? null
      let text: ServerText
      if (assignTo === null) text = say('recon.unassigned', { user: actor.username, reason })
      else {
        const assignee = tx.select({ username: users.username }).from(users).where(and(eq(users.id, assignTo), eq(users.tenantId, ctx.tenantId), isNull(users.merchantId))).get()
        if (!assignee) throw validationError('assignTo', say('error.recon.assigneeMissing', { id: assignTo }))
        text = say('recon.assigned', { assignee: verbatim(assignee.username), user: actor.username, reason })
      }
      setBreakStatus(tx, b, { assignedTo: assignTo }, now)
      addBreakEvent(tx, b, now, actor.username, 'assigned', text, { detail: { assignTo } })
      return text
    }
    case 'undo': {
      if (b.resolution === 'matched' && b.lineId !== null) {
        const links = tx.select().from(reconManualLinks).where(and(eq(reconManualLinks.lineId, b.lineId), isNull(reconManualLinks.removedAt))).all()
        tx.update(reconManualLinks).set({ removedAt: now, removedBy: actor.userId }).where(and(eq(reconManualLinks.lineId, b.lineId), isNull(reconManualLinks.removedAt))).run()
        // The order matched with the line is missing on their side again.
        for (const link of links) {
          for (const other of oursMissingTheirs(tx, b.runId, link, 'resolved')) {
            if (other.resolution !== 'matched') continue
            setBreakStatus(tx, other, { status: 'open', resolution: null }, now)
            addBreakEvent(tx, other, now, actor.username, 'undone', say('recon.undoneWith', { breakId: b.id, user: actor.username, reason }), { resolution: null, detail: { was: 'matched', breakId: b.id } })
          }
        }
      }
      setBreakStatus(tx, b, { status: 'open', resolution: null }, now)
      const text = say('recon.undone', { user: actor.username, reason })
      addBreakEvent(tx, b, now, actor.username, 'undone', text, { resolution: null, detail: { was: b.resolution } })
      return text
    }
  }
}

/**
 * The adjustments flow's decision reaches the break that asked for it (finance/procedures/
 * adjustments.ts calls this in its transaction): approved, theirs is accepted; rejected, the
 * break is open again.
 */
export function reconAdjustmentDecided(tx: Tx, a: { id: number; adjustmentNo: string; approved: boolean; actor: string }, now: number): void {
  const waiting = tx
    .select()
    .from(reconBreaks)
    .where(and(eq(reconBreaks.adjustmentId, a.id), eq(reconBreaks.status, 'awaiting_approval')))
    .all()
  for (const b of waiting) {
    const text = say('recon.adjustmentDecided', { adjustmentNo: a.adjustmentNo, decision: a.approved ? say('recon.adjustmentApproved') : say('recon.adjustmentRejected') })
    if (a.approved) {
      setBreakStatus(tx, b, { status: 'resolved', resolution: 'accepted_theirs' }, now)
      addBreakEvent(tx, b, now, a.actor, 'resolved', text, { resolution: 'accepted_theirs', detail: { adjustmentId: a.id } })
    } else {
      setBreakStatus(tx, b, { status: 'open', adjustmentId: null }, now)
      addBreakEvent(tx, b, now, a.actor, 'reopened', text, { detail: { adjustmentId: a.id } })
    }
  }
}

/** The line a break's their side is (for its merchant scope and its detail). */
export function lineOfBreak(tx: Db | Tx, b: Break) {
  return b.lineId === null ? null : tx.select().from(reconLines).where(eq(reconLines.id, b.lineId)).get() ?? null
}

/**
 * A break's state and its history (events follow its identity into later runs), and the end of a
 * forced result a break waits for. Apart from breaks.ts so that the four-eyes requests' module,
 * which the order state machine calls when an order ends, can reach a waiting break without an
 * import cycle (breaks.ts reaches the state machine through the manual operation).
 */
import { and, eq } from 'drizzle-orm'
import { say, term, verbatim, type ServerText } from '../../shared/server-text'
import { inEnglish } from '../core/text'
import { reconBreakEvents, reconBreaks, type OrderStatus } from '../db/schema'
import type { Tx } from '../db/transaction'

type Break = typeof reconBreaks.$inferSelect
type Resolution = NonNullable<Break['resolution']>

export function addBreakEvent(tx: Tx, b: Break, at: number, actor: string, action: typeof reconBreakEvents.$inferInsert.action, text: ServerText, options: { resolution?: Resolution | null; detail?: unknown } = {}): void {
  tx.insert(reconBreakEvents)
    .values({
      breakId: b.id,
      // Every act follows the break into later runs: its history there shows them, a decision (or
      // its undoing) still stands, and the last owner still owns it (run.ts).
      identity: b.identity,
      at,
      actor,
      action,
      resolution: options.resolution ?? null,
      text,
      // Its English, as audit events keep theirs: readable without the catalog.
      summary: inEnglish(text),
      detail: options.detail ?? null
    })
    .run()
}

export function setBreakStatus(tx: Tx, b: Break, values: Partial<Pick<Break, 'status' | 'resolution' | 'adjustmentId' | 'approvalId' | 'assignedTo'>>, now: number): void {
  tx.update(reconBreaks)
    .set({ ...values, updatedAt: now })
    .where(eq(reconBreaks.id, b.id))
    .run()
}

export type ApprovalEnd = { outcome: 'approved' } | { outcome: 'rejected' } | { outcome: 'withdrawn'; orderStatus: Extract<OrderStatus, 'succeeded' | 'failed' | 'closed'> }

/**
 * The forced result a break asked for (accepting theirs by marking its order paid) was decided or
 * withdrawn: approved, theirs is accepted; rejected, or withdrawn because the order ended another
 * way, the break is open again. Every run's break of that request follows it (a rerun carries it).
 */
export function reconApprovalEnded(tx: Tx, r: { id: number; orderNo: string; result?: string }, end: ApprovalEnd, actor: string, now: number): void {
  const decided = r.result === 'returned' ? 'recon.returnDecided' : 'recon.markDecided'
  const waiting = tx
    .select()
    .from(reconBreaks)
    .where(and(eq(reconBreaks.approvalId, r.id), eq(reconBreaks.status, 'awaiting_approval')))
    .all()
  for (const b of waiting) {
    if (end.outcome === 'approved') {
      const text = say(decided, { orderNo: r.orderNo, id: r.id, decision: say('recon.adjustmentApproved') })
      setBreakStatus(tx, b, { status: 'resolved', resolution: 'accepted_theirs' }, now)
      addBreakEvent(tx, b, now, actor, 'resolved', text, { resolution: 'accepted_theirs', detail: { approvalId: r.id } })
    } else {
      const text =
        end.outcome === 'rejected'
          ? say(decided, { orderNo: r.orderNo, id: r.id, decision: say('recon.adjustmentRejected') })
          : say('recon.markWithdrawn', { orderNo: r.orderNo, id: r.id, status: term('orderStatus', end.orderStatus) })
      setBreakStatus(tx, b, { status: 'open', approvalId: null }, now)
      addBreakEvent(tx, b, now, actor, 'reopened', text, { detail: { approvalId: r.id } })
    }
  }
}

/** A write-off or an ignore a break waits for (four eyes, kind recon_write_off): what it asks, in words. */
export function closeRequestText(action: { action?: string; breakId?: number }, money: string): ServerText {
  return say(action.action === 'ignore' ? 'fourEyes.what.reconIgnore' : 'fourEyes.what.reconWriteOff', { breakId: action.breakId ?? 0, money })
}

/**
 * A write-off or an ignore over the four-eyes threshold was decided: approved, every run's break
 * waiting for it is closed as asked (moving nothing); rejected, it is open again. The decision's
 * own transaction, by its decider.
 */
export function reconCloseDecided(tx: Tx, r: { id: number; reason: string; action: { action?: string; breakId?: number } }, what: ServerText, approved: boolean, actor: string, note: string, now: number): void {
  const waiting = tx
    .select()
    .from(reconBreaks)
    .where(and(eq(reconBreaks.approvalId, r.id), eq(reconBreaks.status, 'awaiting_approval')))
    .all()
  const resolution: Resolution = r.action.action === 'ignore' ? 'ignored' : 'written_off'
  for (const b of waiting) {
    if (approved) {
      setBreakStatus(tx, b, { status: 'resolved', resolution }, now)
      addBreakEvent(tx, b, now, actor, 'resolved', say('recon.closeDecided', { what, id: r.id, user: actor, reason: verbatim(r.reason) }), { resolution, detail: { approvalId: r.id } })
    } else {
      setBreakStatus(tx, b, { status: 'open', approvalId: null }, now)
      addBreakEvent(tx, b, now, actor, 'reopened', say('recon.closeRejected', { what, id: r.id, user: actor, note: verbatim(note) }), { detail: { approvalId: r.id } })
    }
  }
}

/**
 * Whether their lines let theirs be accepted: accepting theirs moves money (an adjustment, an order
 * marked paid), so only on what their lines say moved. Asked when a person accepts theirs, when
 * the break's detail offers it, and again when a second user approves what it asked for
 * (accept-check.ts): the same rule each time, over the break's lines and every line of the same
 * source that took one of them back since (a later file's WeChat REVOKED row, a bank's return),
 * as the next run would pair them.
 */
import { and, eq, inArray, or } from 'drizzle-orm'
import { say, term, type ServerText } from '../../shared/server-text'
import { reconBreaks, reconLines, reconStatements } from '../db/schema'
import type { Db } from '../db/open'
import type { Tx } from '../db/transaction'
import { takesBack } from './match'

type Break = typeof reconBreaks.$inferSelect
type LineStatus = NonNullable<typeof reconLines.$inferSelect.status>

/** A line of theirs as accepting theirs reads it: where it is, and what it says happened. */
export interface BreakLine {
  id: number
  statementId: number
  lineNo: number
  kind: typeof reconLines.$inferSelect.kind
  status: LineStatus | null
}

/** The ids of the lines of theirs a break is about (its own, and every line a pair compared). */
export function breakLineIds(b: Break): number[] {
  const compared = Array.isArray(b.detail.lineIds) ? (b.detail.lineIds as number[]) : []
  return [...new Set([...(b.lineId === null ? [] : [b.lineId]), ...compared])]
}

const LINE = { id: reconLines.id, statementId: reconLines.statementId, lineNo: reconLines.lineNo, kind: reconLines.kind, status: reconLines.status }

/** The lines of theirs a break is about, by line. */
export function breakLines(tx: Tx | Db, b: Break): BreakLine[] {
  const ids = breakLineIds(b)
  if (ids.length === 0) return []
  return tx.select(LINE).from(reconLines).where(inArray(reconLines.id, ids)).orderBy(reconLines.statementId, reconLines.lineNo).all()
}

/**
 * The break's lines, then each line of an imported statement of the same source that takes one of
 * them back (takesBack: the same kind and payment, reversed or refunded, not before it). Their
 * numbers are not indexed (schema/recon.ts): a source's lines are read by the source, few of
 * them with a status that takes money back and one of the payment's numbers.
 */
export function theirLinesNow(tx: Tx | Db, b: Break): BreakLine[] {
  const own = breakLines(tx, b)
  if (own.length === 0) return own
  const paid = tx
    .select()
    .from(reconLines)
    .where(inArray(reconLines.id, own.map((l) => l.id)))
    .all()
  const later: BreakLine[] = []
  for (const p of paid) {
    const numbers = [p.upstreamNo ? eq(reconLines.upstreamNo, p.upstreamNo) : undefined, p.orderNo ? eq(reconLines.orderNo, p.orderNo) : undefined].filter((c) => c !== undefined)
    if (numbers.length === 0) continue
    const undoing = tx
      .select({ line: reconLines })
      .from(reconLines)
      .innerJoin(reconStatements, and(eq(reconStatements.id, reconLines.statementId), eq(reconStatements.status, 'imported')))
      .where(and(eq(reconLines.sourceId, p.sourceId), eq(reconLines.kind, p.kind), inArray(reconLines.status, ['reversed', 'refunded']), or(...numbers)))
      .all()
    for (const { line: u } of undoing) {
      if (takesBack(p, u) && !own.some((l) => l.id === u.id) && !later.some((l) => l.id === u.id)) later.push({ id: u.id, statementId: u.statementId, lineNo: u.lineNo, kind: u.kind, status: u.status })
    }
  }
  return [...own, ...later.sort((x, y) => x.statementId - y.statementId || x.lineNo - y.lineNo)]
}

/** A payout's lines (a bank statement's debit and its return): accepting theirs marks ours returned. */
export const isReturnedPayout = (lines: BreakLine[]) => lines.length > 0 && lines.every((l) => l.kind === 'payout')

/** A line by its number, and by its statement when it is not the break's own (a later file's). */
const lineRef = (b: Break, l: BreakLine) => (b.statementId === null || l.statementId === b.statementId ? l.lineNo : say('recon.lineOfStatement', { lineNo: l.lineNo, statementId: l.statementId }))

/**
 * Why theirs cannot be accepted as their lines stand, or null. Accepting theirs moves money (an
 * adjustment, an order marked paid), so only on what their lines say moved: a line that failed,
 * was taken back (reversed, refunded) or is still pending moved nothing to book. Where theirs says
 * ours never happened (ours succeeded, theirs failed), what ours booked is taken back, never
 * credited. A payout theirs paid and then took back (the bank returned it) is accepted by marking
 * ours returned (breaks.ts), which credits the merchant back; a payment theirs took back after it
 * succeeded goes back to its payer by a refund, not by accepting theirs: that break is left to a
 * write-off or a note.
 */
export function acceptRefusal(b: Break, lines: BreakLine[]): ServerText | null {
  if (b.type === 'status_mismatch' && b.causeKey === 'theirs_reversed' && !isReturnedPayout(lines)) {
    const undone = lines.find((l) => l.status === 'reversed' || l.status === 'refunded')
    return say('error.recon.acceptReversed', { lineNo: undone ? lineRef(b, undone) : (lines[0]?.lineNo ?? 0), status: term('lineStatus', undone?.status ?? 'reversed') })
  }
  for (const l of lines) {
    if (l.status === 'pending') return say('error.recon.acceptPending', { lineNo: lineRef(b, l) })
    // Theirs says ours should not stand (never paid, or paid and returned): its lines moved nothing by design.
    if (b.causeKey === 'ours_paid_theirs_not' || b.causeKey === 'theirs_reversed' || l.status === null || l.status === 'succeeded') continue
    return say(l.status === 'failed' ? 'error.recon.acceptNotMoved' : 'error.recon.acceptTakenBack', { lineNo: lineRef(b, l), status: term('lineStatus', l.status) })
  }
  return null
}

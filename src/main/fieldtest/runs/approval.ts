/**
 * A live payout the tenant's four-eyes rule holds (finance/four-eyes.ts): nothing is sent until a
 * second user approves it. The step waits for that within its window, saying so on the run; once
 * approved (the approval sends it) the step goes on as for any payout. Rejected, withdrawn, or
 * still waiting when the window ends, nothing was sent: the step is blocked (a rule of PayDesk's
 * stopped it, as the balance check does) and says why, and its order is withdrawn, so no later
 * approval sends a payout nobody watches. A rehearsal's payout is never held (orders/create.ts).
 */
import { and, desc, eq } from 'drizzle-orm'
import { moneyText } from '../../../shared/money-text'
import { say, term, type ServerText } from '../../../shared/server-text'
import type { Db } from '../../db/open'
import { fourEyesRequests, orders, users } from '../../db/schema'
import { transact } from '../../db/transaction'
import type { Ctx } from '../../core/context'
import { setRunText } from './store'
import { waitFor } from './wait'
import { withdrawIfNeverSent } from './withdraw'

/** What of the step it needs (steps.ts `StepContext`). */
interface Step {
  ctx: Ctx
  run: { id: number }
  row: { stepIndex: number }
  pollMs: number
  signal: AbortSignal
}

/** Nothing held (null); approved and sent; the run stopped meanwhile; or blocked, with the cause. */
export type SecondUser = null | 'sent' | 'stopped' | { cause: ServerText; causeCode: string }

const approvalOf = (db: Db, orderId: number) =>
  db
    .select()
    .from(fourEyesRequests)
    .where(and(eq(fourEyesRequests.orderId, orderId), eq(fourEyesRequests.kind, 'payout')))
    .orderBy(desc(fourEyesRequests.id))
    .get()

/** Waits for the second user a held payout needs; `notes` gets what the evidence should say. */
export async function awaitSecondUser(sc: Step, orderId: number, windowMs: number, notes: ServerText[]): Promise<SecondUser> {
  const { ctx, run, row } = sc
  let request = approvalOf(ctx.db, orderId)
  if (!request) return null
  const order = () => ctx.db.select().from(orders).where(eq(orders.id, orderId)).get()!
  const held = order()
  const words = { orderNo: held.orderNo, money: moneyText(held.amountMinor, held.currency), id: request.id, seconds: windowMs / 1000 }
  if (request.status === 'pending') {
    transact(ctx.db, (tx) => setRunText(tx, run.id, say('fieldtest.status.awaitingSecondUser', { step: row.stepIndex + 1, ...words })))
    const decided = await waitFor(() => {
      const r = approvalOf(ctx.db, orderId)!
      return r.status === 'pending' ? null : r
    }, Date.now() + windowMs, sc)
    if (decided === 'stopped') return 'stopped'
    transact(ctx.db, (tx) => setRunText(tx, run.id, null))
    request = decided ?? request
  }
  if (request.status === 'approved') {
    const user = request.decidedBy === null ? '—' : (ctx.db.select({ username: users.username }).from(users).where(eq(users.id, request.decidedBy)).get()?.username ?? '—')
    notes.push(say('fieldtest.note.approvedBySecondUser', { id: request.id, user }))
    // The approval sends it once committed: the step goes on when that send has answered.
    const sent = await waitFor(() => (order().status === 'created' ? null : true), Date.now() + windowMs, sc)
    return sent === 'stopped' ? 'stopped' : 'sent'
  }
  const reason = say('fieldtest.withdrawn.stepGaveUp', { run: run.id, step: row.stepIndex + 1 })
  if (transact(ctx.db, (tx) => withdrawIfNeverSent(tx, ctx, orderId, reason))) notes.push(say('fieldtest.note.withdrawn', { orderNo: held.orderNo }))
  if (request.status === 'pending') return { cause: say('fieldtest.cause.heldForSecondUser', words), causeCode: 'four_eyes.held' }
  return { cause: say('fieldtest.cause.secondUserDeclined', { ...words, status: term('fourEyesStatus', request.status) }), causeCode: 'four_eyes.not_approved' }
}

/**
 * A run's orders that never reached the provider are withdrawn once the run is done with them (a
 * step gave up on its order, the run was stopped or ended): otherwise the outbox keeps sending
 * them, and a channel that comes back receives field test orders nobody is watching any more.
 * Withdrawing is what an operator's close does (orders/outcome.ts `close`): the order is closed
 * with the reason, its waiting send is marked done, a payout's hold is released, and the audit
 * log says who did it and why.
 *
 * Only an order still `created` whose send is not on its way is withdrawn: one in flight, accepted
 * upstream or in doubt (a payout `unknown`) has gone to the provider, and what the provider does
 * with it stands.
 */
import { and, eq, isNotNull, isNull, notLike, or } from 'drizzle-orm'
import { manualActionRefusal } from '../../../shared/order-actions'
import { say, type ServerText } from '../../../shared/server-text'
import type { Ctx } from '../../core/context'
import { fieldtestRunSteps, orders, outbox, upstreamExchanges } from '../../db/schema'
import type { Tx } from '../../db/transaction'
import { close, loadOrder } from '../../orders/outcome'

/**
 * Whether the order never left PayDesk and nothing is sending it right now: no send in flight, and
 * every attempt so far provably never reached the provider (unreachable). One that timed out or got
 * a 5xx may be the provider's now (still `created` here, its send waiting to be retried): left to
 * its status query, never closed as unsent.
 */
export function neverSent(tx: Tx, orderId: number): boolean {
  const order = loadOrder(tx, orderId)
  if (order.status !== 'created' || manualActionRefusal(order, 'close') !== null) return false
  const operation = order.direction === 'deposit' ? 'send_deposit' : 'send_payout'
  const inFlight = tx.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.orderId, orderId), eq(outbox.operation, operation), eq(outbox.status, 'in_flight'))).get()
  if (inFlight) return false
  const reached = tx
    .select({ id: upstreamExchanges.id })
    .from(upstreamExchanges)
    .where(and(eq(upstreamExchanges.orderId, orderId), or(isNull(upstreamExchanges.error), notLike(upstreamExchanges.error, 'unreachable%'))))
    .get()
  return reached === undefined
}

/** Closes the order if it was never sent, as `ctx`'s user, with the reason; whether it did. */
export function withdrawIfNeverSent(tx: Tx, ctx: Ctx, orderId: number, reason: ServerText): boolean {
  if (!neverSent(tx, orderId)) return false
  const order = loadOrder(tx, orderId)
  close(tx, ctx, order, reason, ctx.clock.now(), ctx.actor?.username ?? 'system')
  ctx.audit(tx, { targetType: 'order', targetId: order.id, merchantId: order.merchantId, summary: say('audit.orderClosed', { orderNo: order.orderNo, reason }), before: { status: order.status }, after: { status: 'closed' } })
  return true
}

/** Withdraws every order of the run that was never sent; the ids of those it withdrew. */
export function withdrawRunOrders(tx: Tx, ctx: Ctx, runId: number, reason: ServerText): Set<number> {
  const ids = tx
    .select({ orderId: fieldtestRunSteps.orderId })
    .from(fieldtestRunSteps)
    .innerJoin(orders, eq(orders.id, fieldtestRunSteps.orderId))
    .where(and(eq(fieldtestRunSteps.runId, runId), isNotNull(fieldtestRunSteps.orderId), eq(orders.status, 'created')))
    .all()
    .map((r) => r.orderId!)
  return new Set(ids.filter((id) => withdrawIfNeverSent(tx, ctx, id, reason)))
}

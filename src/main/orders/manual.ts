/**
 * Marking an order's result by hand (`orders.markResult`, and reconciliation accepting a channel's
 * word that an order was paid): one procedure for both, so the rules hold whoever asks. A person
 * never books more than the order; a deposit paid after it was closed is reopened to be posted,
 * unless its late payment is already parked.
 */
import { manualActionRefusal, markActionOf, type ManualAction, type ManualResult as Result, type OrderState } from '../../shared/order-actions'
import { say, term, type ServerText } from '../../shared/server-text'
import { minorOf } from '../core/amount-input'
import { actorOf, type Ctx } from '../core/context'
import { conflict, validationError } from '../core/errors'
import type { Tx } from '../db/transaction'
import { finish, loadOrder, returnPayout } from './outcome'
import { openHoldingException } from './parked'

/** Refuses, as a conflict, a manual operation the order's state does not allow (the rule the order page shows: shared/order-actions.ts). */
export function refuseUnless(order: OrderState, action: ManualAction): void {
  const refusal = manualActionRefusal(order, action)
  if (refusal) throw conflict(refusal.text, { code: refusal.code })
}

export function manualEvent(ctx: Ctx, what: ServerText, reason: string): ServerText {
  return say('text.reasonBy', { what, user: actorOf(ctx).username, reason })
}

export interface ManualResult {
  result: Result
  /** A deposit's amount paid, when less than the order's. */
  paidAmount?: string
  reason: string
}

/**
 * Finishes an open (or closed, for a late payment) order as a person decided, or marks a paid
 * payout returned by the bank, with its audit event; in the caller's transaction.
 */
export function markOrderResult(tx: Tx, ctx: Ctx, orderId: number, input: ManualResult): ReturnType<typeof loadOrder> {
  const current = loadOrder(tx, orderId)
  const lateDeposit = current.direction === 'deposit' && current.status === 'closed' && input.result === 'succeeded'
  refuseUnless(current, markActionOf(input.result))
  let paidMinor: number | null = null
  if (input.paidAmount !== undefined) {
    if (current.direction !== 'deposit' || input.result !== 'succeeded') throw validationError('paidAmount', say('rule.paidAmountOnlyDeposit'))
    // A person never books more than the order: an overpayment arrives from the provider and its excess is parked.
    paidMinor = minorOf('paidAmount', input.paidAmount, current.currency, { positive: true, atMost: { minor: current.amountMinor, what: say('rule.theOrderAmount') } })
  }
  if (lateDeposit && openHoldingException(tx, ctx.tenantId, current, 'late_payment')) {
    throw conflict(say('error.orders.latePaymentParked', { orderNo: current.orderNo }), { code: 'orders.late_payment_parked' })
  }
  const now = ctx.clock.now()
  const reason = manualEvent(ctx, say('order.manualMarked', { status: term('orderStatus', input.result) }), input.reason)
  if (input.result === 'returned') returnPayout(tx, ctx, current, reason, now, actorOf(ctx).username)
  else {
    // A deposit paid after it was closed (a late payment) is reopened to be posted.
    const target = lateDeposit ? { ...current, status: 'pending' as const } : current
    finish(tx, ctx, target, { status: input.result, paidMinor, reason, source: 'manual', actor: actorOf(ctx).username }, now)
  }
  ctx.audit(tx, {
    targetType: 'order',
    targetId: current.id,
    merchantId: current.merchantId,
    summary: say('audit.orderMarked', { orderNo: current.orderNo, status: term('orderStatus', input.result), reason: input.reason }),
    before: { status: current.status },
    after: { status: input.result, paidAmount: input.paidAmount ?? null }
  })
  return loadOrder(tx, current.id)
}

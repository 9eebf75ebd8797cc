/**
 * The order state machine: every way an outcome arrives (provider answer, callback, query,
 * manual decision, expiry) ends here, inside the caller's transaction, so the status, the ledger
 * and the statistics change together. An order that becomes final also withdraws the four-eyes
 * requests still waiting about it (finance/four-eyes-requests.ts).
 *
 *   created ──send──▶ pending ──▶ succeeded | failed
 *      │                 │
 *      └──▶ closed ◀─────┘ (deposits: expiry or manual close; payouts: only before sending)
 *   payout timeout ──▶ unknown ──query──▶ succeeded | failed (or re-sent when the provider never saw it)
 *   payout succeeded ──the bank sent it back (by hand)──▶ returned
 */
import { and, eq } from 'drizzle-orm'
import { moneyText } from '../../shared/money-text'
import { FINAL_ORDER_STATUSES } from '../../shared/order-actions'
import { say, term, type ServerText, type TermValue } from '../../shared/server-text'
import { inEnglish } from '../core/text'
import { contracts, fieldtestRehearsalChannels, orders, outbox, type OrderStatus } from '../db/schema'
import type { Tx } from '../db/transaction'
import type { Ledger } from '../ledger/ledger'
import { depositPaidPosting, depositSettlement, payoutHoldKey, payoutReturnPosting, type PaidFrom } from './settlement'
import { countSucceeded } from './stats'
import { lastErrorOf } from '../jobs/last-error'
import { addEvent } from './timeline'
import { withdrawOrderRequests, type RequestEnder } from '../finance/four-eyes-requests'

export type Order = typeof orders.$inferSelect

export const FINAL: readonly OrderStatus[] = FINAL_ORDER_STATUSES

/** The ledger, and who ends the order: a procedure's context (audited as its user) or the order engine's deps (the system). */
export interface OutcomeDeps extends RequestEnder {
  ledger: Ledger
  tenantId: number
}

/** Where an outcome came from, as shown on the timeline. */
export type OutcomeSource = TermValue<'source'>

export interface Outcome {
  status: 'succeeded' | 'failed'
  /** Deposits: what was actually paid, when the provider says so. */
  paidMinor?: number | null
  upstreamNo?: string | null
  /** Why, for people: shown with the status (a provider's message or an operator's reason travel as verbatim text). */
  reason?: ServerText | null
  source: OutcomeSource
  actor?: string
  /** Deposits: the money is already in suspense (a late payment booked by a person), not newly at the channel. */
  paidFrom?: PaidFrom
}

/** Whether a channel is a field test's rehearsal twin: it points at the simulator, whose "payments" never bring money. */
export function isRehearsalChannel(tx: Tx, channelId: number): boolean {
  return !!tx.select({ id: fieldtestRehearsalChannels.channelId }).from(fieldtestRehearsalChannels).where(eq(fieldtestRehearsalChannels.twinChannelId, channelId)).get()
}

/**
 * Tells the merchant's system the order's outcome (its notify URL, through the outbox). Never for
 * a rehearsal's order: the merchant would ship goods against a payment made by the simulator.
 */
export function scheduleNotification(tx: Tx, order: Order, now: number, key = `${order.orderNo}:notify`): void {
  if (isRehearsalChannel(tx, order.channelId)) return
  tx.insert(outbox)
    .values({ orderId: order.id, operation: 'notify', idempotencyKey: key, status: 'pending', nextAttemptAt: now, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .run()
}

/** Applies a final outcome once; an order already final is left as it is (returns false). */
export function finish(tx: Tx, deps: OutcomeDeps, order: Order, outcome: Outcome, now: number): boolean {
  if (FINAL.includes(order.status)) return false
  const money = (minor: number) => moneyText(minor, order.currency)
  const statsKey = { businessDay: order.businessDay, tenantId: deps.tenantId, contractId: order.contractId, merchantId: order.merchantId, currency: order.currency, isTest: order.isTest }
  let paidMinor: number | null = null
  let statusReason = outcome.reason ?? null
  if (outcome.status === 'succeeded') {
    if (order.direction === 'deposit') {
      paidMinor = outcome.paidMinor ?? order.amountMinor
      // More than the amount is never booked here: orders/provider-report.ts books the amount and parks the excess.
      if (paidMinor > order.amountMinor) throw new Error(`order ${order.orderNo}: ${paidMinor} paid is more than its amount; the excess must be parked, not booked`)
      if (paidMinor < order.amountMinor) statusReason = say('reason.partialPayment', { paid: money(paidMinor), amount: money(order.amountMinor) })
      const contract = tx.select().from(contracts).where(eq(contracts.id, order.contractId)).get()!
      const settlement = depositSettlement(paidMinor, contract, order)
      const posting = deps.ledger.post({ ...depositPaidPosting(order, contract, settlement, outcome.paidFrom), at: now })
      const settled = (minor: number) => moneyText(minor, settlement.currency)
      const postedText = say('order.postedDeposit', { paid: money(paidMinor), fee: settled(settlement.fee), fixedFee: settled(settlement.fixedFee), reserve: settled(settlement.reserve), postingId: posting.postingId })
      addEvent(tx, order.id, now, 'ledger', postedText, { postingId: posting.postingId })
      if (settlement.fx) {
        const fx = say('order.fxConverted', { paid: money(paidMinor), appliedRate: order.fxAppliedRate!, referenceRate: order.fxReferenceRate!, applied: settled(settlement.fx.applied), spread: settled(settlement.fx.spread) })
        addEvent(tx, order.id, now, 'ledger', fx, { postingId: posting.postingId, fxRateId: order.fxRateId })
      }
      countSucceeded(tx, statsKey, paidMinor, settlement.settledInOrderCurrency, now)
    } else {
      const posting = deps.ledger.commitHold(payoutHoldKey(order), now)
      addEvent(tx, order.id, now, 'ledger', say('order.postedPayout', { amount: money(order.amountMinor), fee: money(order.feeMinor), postingId: posting.postingId }), { postingId: posting.postingId })
      countSucceeded(tx, statsKey, order.amountMinor, order.amountMinor + order.feeMinor, now)
    }
  } else if (order.direction === 'payout') {
    deps.ledger.voidHold(payoutHoldKey(order), inEnglish(outcome.reason ?? say('reason.payoutFailed')), now)
    addEvent(tx, order.id, now, 'ledger', say('order.holdReleased', { money: money(order.amountMinor + order.feeMinor) }))
  }
  const next = { status: outcome.status, statusReason: statusReason && inEnglish(statusReason), statusReasonText: statusReason, paidMinor, upstreamNo: outcome.upstreamNo ?? order.upstreamNo, finalizedAt: now, updatedAt: now }
  tx.update(orders).set(next).where(eq(orders.id, order.id)).run()
  const how = { status: term('final', outcome.status), source: term('source', outcome.source) }
  addEvent(tx, order.id, now, 'status', statusReason ? say('order.finalWithReason', { ...how, reason: statusReason }) : say('order.final', how), null, outcome.actor ?? 'system')
  withdrawOrderRequests(tx, deps, order, outcome.status, now)
  scheduleNotification(tx, { ...order, ...next }, now)
  return true
}

/**
 * A paid payout the bank sent back (a person's word, `orders.markResult`): its amount is credited
 * back to the merchant's balance by a posting of its own (the payout's stays: the ledger never
 * changes what it wrote), the order is `returned`, and the merchant is told. The caller checked
 * the order allows it (order-actions.ts `markReturned`).
 */
export function returnPayout(tx: Tx, deps: OutcomeDeps, order: Order, reason: ServerText, now: number, actor: string): void {
  if (order.direction !== 'payout' || order.status !== 'succeeded') throw new Error(`order ${order.orderNo}: only a succeeded payout is returned`)
  const money = (minor: number) => moneyText(minor, order.currency)
  const posting = deps.ledger.post({ ...payoutReturnPosting(order), at: now })
  addEvent(tx, order.id, now, 'ledger', say('order.returnPosted', { amount: money(order.amountMinor), fee: money(order.feeMinor), postingId: posting.postingId }), { postingId: posting.postingId })
  tx.update(orders).set({ status: 'returned', statusReason: inEnglish(reason), statusReasonText: reason, updatedAt: now }).where(eq(orders.id, order.id)).run()
  addEvent(tx, order.id, now, 'status', say('order.returned', { reason }), null, actor)
  scheduleNotification(tx, { ...order, status: 'returned' }, now, `${order.orderNo}:notify:returned`)
}

/** Closes an unpaid deposit, or a payout that has not reached its provider (its hold is released). */
export function close(tx: Tx, deps: OutcomeDeps, order: Order, reason: ServerText, now: number, actor = 'system'): void {
  const english = inEnglish(reason)
  if (order.direction === 'payout') {
    deps.ledger.voidHold(payoutHoldKey(order), english, now)
    addEvent(tx, order.id, now, 'ledger', say('order.holdReleased', { money: moneyText(order.amountMinor + order.feeMinor, order.currency) }))
  }
  tx.update(orders).set({ status: 'closed', statusReason: english, statusReasonText: reason, finalizedAt: now, updatedAt: now }).where(eq(orders.id, order.id)).run()
  // Nothing more goes upstream for it.
  tx.update(outbox)
    .set({ status: 'done', ...lastErrorOf(say('outbox.orderClosed', { reason })), updatedAt: now })
    .where(and(eq(outbox.orderId, order.id), eq(outbox.status, 'pending')))
    .run()
  addEvent(tx, order.id, now, 'status', say('order.closed', { reason }), null, actor)
  withdrawOrderRequests(tx, deps, order, 'closed', now)
  scheduleNotification(tx, { ...order, status: 'closed' }, now)
}

export function markPending(tx: Tx, order: Order, upstreamNo: string | null, now: number): void {
  if (order.status !== 'created' && order.status !== 'unknown') return
  tx.update(orders).set({ status: 'pending', upstreamNo: upstreamNo ?? order.upstreamNo, updatedAt: now }).where(eq(orders.id, order.id)).run()
}

export function loadOrder(tx: Tx, id: number): Order {
  const order = tx.select().from(orders).where(eq(orders.id, id)).get()
  if (!order) throw new Error(`order ${id} vanished`)
  return order
}

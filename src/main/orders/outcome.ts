/**
 * The order state machine: every way an outcome arrives (provider answer, callback, query,
 * manual decision, expiry) ends here, inside the caller's transaction, so the status, the ledger
 * and the statistics change together.
 *
 *   created ──send──▶ pending ──▶ succeeded | failed
 *      │                 │
 *      └──▶ closed ◀─────┘ (deposits: expiry or manual close; payouts: only before sending)
 *   payout timeout ──▶ unknown ──query──▶ succeeded | failed (or re-sent when the provider never saw it)
 */
import { and, eq } from 'drizzle-orm'
import { fromMinor } from '../../shared/money'
import { contracts, orders, outbox, type OrderStatus } from '../db/schema'
import type { Tx } from '../db/transaction'
import type { Ledger } from '../ledger/ledger'
import { depositPaidPosting, depositSettlement, payoutHoldKey } from './settlement'
import { countSucceeded } from './stats'
import { addEvent } from './timeline'

export type Order = typeof orders.$inferSelect

export const FINAL: readonly OrderStatus[] = ['succeeded', 'failed', 'closed']

export interface OutcomeDeps {
  ledger: Ledger
  tenantId: number
}

export interface Outcome {
  status: 'succeeded' | 'failed'
  /** Deposits: what was actually paid, when the provider says so. */
  paidMinor?: number | null
  upstreamNo?: string | null
  reason?: string | null
  source: string
  actor?: string
}

export function scheduleNotification(tx: Tx, order: Order, now: number, key = `${order.orderNo}:notify`): void {
  tx.insert(outbox)
    .values({ orderId: order.id, operation: 'notify', idempotencyKey: key, status: 'pending', nextAttemptAt: now, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .run()
}

/** Applies a final outcome once; an order already final is left as it is (returns false). */
export function finish(tx: Tx, deps: OutcomeDeps, order: Order, outcome: Outcome, now: number): boolean {
  if (FINAL.includes(order.status)) return false
  const money = (minor: number) => `${order.currency} ${fromMinor(minor, order.currency)}`
  const statsKey = { businessDay: order.businessDay, tenantId: deps.tenantId, contractId: order.contractId, merchantId: order.merchantId, currency: order.currency, isTest: order.isTest }
  let paidMinor: number | null = null
  let statusReason = outcome.reason ?? null
  if (outcome.status === 'succeeded') {
    if (order.direction === 'deposit') {
      paidMinor = outcome.paidMinor ?? order.amountMinor
      if (paidMinor !== order.amountMinor) statusReason = `Partial payment: ${money(paidMinor)} paid of ${money(order.amountMinor)}`
      const contract = tx.select().from(contracts).where(eq(contracts.id, order.contractId)).get()!
      const settlement = depositSettlement(paidMinor, contract)
      const posting = deps.ledger.post({ ...depositPaidPosting(order, contract, settlement), at: now })
      addEvent(tx, order.id, now, 'ledger', `Posted ${money(paidMinor)}: fee ${money(settlement.fee)}, processing fee ${money(settlement.fixedFee)}, reserve ${money(settlement.reserve)} (posting ${posting.postingId})`, { postingId: posting.postingId })
      countSucceeded(tx, statsKey, paidMinor, settlement.settled, now)
    } else {
      const posting = deps.ledger.commitHold(payoutHoldKey(order), now)
      addEvent(tx, order.id, now, 'ledger', `Held funds posted as withdrawal ${money(order.amountMinor)} and fee ${money(order.feeMinor)} (posting ${posting.postingId})`, { postingId: posting.postingId })
      countSucceeded(tx, statsKey, order.amountMinor, order.amountMinor + order.feeMinor, now)
    }
  } else if (order.direction === 'payout') {
    deps.ledger.voidHold(payoutHoldKey(order), outcome.reason ?? 'payout failed', now)
    addEvent(tx, order.id, now, 'ledger', `Hold of ${money(order.amountMinor + order.feeMinor)} released`)
  }
  const next = { status: outcome.status, statusReason, paidMinor, upstreamNo: outcome.upstreamNo ?? order.upstreamNo, finalizedAt: now, updatedAt: now }
  tx.update(orders).set(next).where(eq(orders.id, order.id)).run()
  addEvent(tx, order.id, now, 'status', `${outcome.status === 'succeeded' ? 'Succeeded' : 'Failed'} (${outcome.source})${statusReason ? `: ${statusReason}` : ''}`, null, outcome.actor ?? 'system')
  scheduleNotification(tx, { ...order, ...next }, now)
  return true
}

/** Closes an unpaid deposit, or a payout that has not reached its provider (its hold is released). */
export function close(tx: Tx, deps: OutcomeDeps, order: Order, reason: string, now: number, actor = 'system'): void {
  if (order.direction === 'payout') deps.ledger.voidHold(payoutHoldKey(order), reason, now)
  tx.update(orders).set({ status: 'closed', statusReason: reason, finalizedAt: now, updatedAt: now }).where(eq(orders.id, order.id)).run()
  // Nothing more goes upstream for it.
  tx.update(outbox)
    .set({ status: 'done', lastError: `order closed: ${reason}`, updatedAt: now })
    .where(and(eq(outbox.orderId, order.id), eq(outbox.status, 'pending')))
    .run()
  addEvent(tx, order.id, now, 'status', `Closed: ${reason}`, null, actor)
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

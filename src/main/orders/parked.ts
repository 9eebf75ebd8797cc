/**
 * Parked provider reports (payment exceptions): what a provider reported that PayDesk did not apply
 * by itself, kept visibly until a person decides (docs/orders.md, "Parked reports"):
 *
 * - money that arrived but is not the merchant's by the order (an overpayment's excess, a payment
 *   for a closed or failed deposit) is booked from the channel to suspense at once, so the
 *   channel's balance stays what the provider holds, and waits there: it is credited to the
 *   merchant only through an adjustment and its maker-checker (or booked as the order's payment,
 *   for a late payment), or recorded as returned to the payer;
 * - a report that contradicts the order (wrong currency or amount, an unreadable amount, a status
 *   that conflicts with the order's) moves no money and waits to be dismissed once checked with
 *   the provider (the order's manual operations then set the outcome, if it needs one).
 *
 * One row per report (`reportKey`): the same report seen again (a callback replayed under a new
 * event id, the same query answer twice) adds nothing and books nothing twice.
 */
import { and, eq, ne } from 'drizzle-orm'
import type { ParkedAction } from '../../shared/contract/parked'
import { fromMinor } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { say, term, type ServerText } from '../../shared/server-text'
import { inEnglish } from '../core/text'
import { paymentExceptions, type PaymentExceptionKind } from '../db/schema'
import type { Tx } from '../db/transaction'
import type { PostingInput } from '../ledger/types'
import type { Order, OutcomeDeps, OutcomeSource } from './outcome'
import type { ProviderReport } from './payment-check'
import { addEvent } from './timeline'

export type PaymentException = typeof paymentExceptions.$inferSelect

/** The kinds whose money sits in suspense until a person decides. */
export const HOLDING_KINDS: readonly PaymentExceptionKind[] = ['overpaid', 'late_payment']

export interface ParkInput {
  order: Order
  kind: PaymentExceptionKind
  /** Why, for people. */
  text: ServerText
  source: OutcomeSource
  callbackId?: number | null
  /** One exception per key: a money-holding kind is keyed by the order, a contradiction by what was said. */
  reportKey: string
  reported: PaymentException['reported']
  /** Money that arrived and is booked from the channel to suspense now. */
  holdMinor?: number
  /** The excess of a late payment booked by a person: already in suspense, under that posting. */
  alreadyHeld?: { minor: number; postingId: number | null }
}

/** The key of the exception that holds an order's excess or its late payment: one of each per order. */
export const holdingKey = (kind: 'overpaid' | 'late_payment', order: Pick<Order, 'orderNo'>) => `${kind}:${order.orderNo}`

/** The key of a contradiction: what was said, by whom, so the same answer twice is one exception. */
export function contradictionKey(source: OutcomeSource, order: Pick<Order, 'orderNo'>, report: ProviderReport, callbackId?: number | null): string {
  if (callbackId) return `callback:${callbackId}`
  return `${source}:${order.orderNo}:${JSON.stringify([report.status, report.paidAmount, report.amount, report.currency])}`
}

function suspenseHold(order: Order, minor: number, key: string, description: string): PostingInput {
  return {
    idempotencyKey: `parked:${key}`,
    description,
    txnId: order.txnNo,
    merchantId: order.merchantId,
    reference: order.orderNo,
    isTest: order.isTest,
    entries: [
      { account: { kind: 'channel', channelId: order.channelId, currency: order.currency }, delta: minor, remark: order.orderNo },
      { account: { kind: 'suspense', currency: order.currency }, delta: minor, remark: order.orderNo }
    ]
  }
}

/** Records the exception (once per key), books what arrived to suspense, and says so on the order's timeline. */
export function park(tx: Tx, deps: OutcomeDeps, input: ParkInput, now: number): PaymentException | null {
  const { order } = input
  const existing = tx
    .select()
    .from(paymentExceptions)
    .where(and(eq(paymentExceptions.tenantId, deps.tenantId), eq(paymentExceptions.reportKey, input.reportKey)))
    .get()
  if (existing) return null
  let held = input.alreadyHeld ?? { minor: 0, postingId: null }
  if (input.holdMinor) {
    // A posting's description is part of its idempotency hash: it keeps the words it always had.
    const money = `${order.currency} ${fromMinor(input.holdMinor, order.currency)}`
    const posting = deps.ledger.post({ ...suspenseHold(order, input.holdMinor, input.reportKey, `Order ${order.orderNo}: ${money} held in suspense (${input.kind})`), at: now })
    held = { minor: input.holdMinor, postingId: posting.postingId }
  }
  const row = tx
    .insert(paymentExceptions)
    .values({
      tenantId: deps.tenantId,
      orderId: order.id,
      merchantId: order.merchantId,
      kind: input.kind,
      source: input.source,
      callbackId: input.callbackId ?? null,
      reportKey: input.reportKey,
      reported: input.reported,
      reason: inEnglish(input.text),
      reasonText: input.text,
      currency: order.currency,
      heldMinor: held.minor,
      heldPostingId: held.postingId,
      status: 'open',
      createdAt: now,
      updatedAt: now
    })
    .returning()
    .get()
  const heldText = held.minor > 0 ? say('parked.heldInSuspense', { money: moneyText(held.minor, order.currency) }) : say('parked.noMoneyMoved')
  addEvent(tx, order.id, now, 'status', say('order.parked', { kind: term('parkedKind', input.kind), reason: input.text, held: heldText, source: term('source', input.source) }), { paymentExceptionId: row.id, postingId: held.postingId })
  return row
}

/** The suspense posting that gives held money back to the payer: it leaves the channel. */
export function returnPosting(order: Order, exception: PaymentException, createdBy: number): PostingInput {
  // Part of the posting's idempotency hash, like every description: kept as it always was.
  const money = `${exception.currency} ${fromMinor(exception.heldMinor, exception.currency)}`
  return {
    idempotencyKey: `parked:${exception.reportKey}:returned`,
    description: `Order ${order.orderNo}: ${money} returned to the payer from suspense`,
    txnId: order.txnNo,
    merchantId: order.merchantId,
    reference: order.orderNo,
    isTest: order.isTest,
    createdBy,
    entries: [
      { account: { kind: 'suspense', currency: exception.currency }, delta: -exception.heldMinor, remark: order.orderNo },
      { account: { kind: 'channel', channelId: order.channelId, currency: exception.currency }, delta: -exception.heldMinor, remark: order.orderNo }
    ]
  }
}

/** What an order's provider has reported paid in all: the booked amount and any excess parked for it. */
export function reportedPaidMinor(tx: Tx, deps: OutcomeDeps, order: Order): number {
  const excess = tx
    .select({ held: paymentExceptions.heldMinor })
    .from(paymentExceptions)
    .where(and(eq(paymentExceptions.tenantId, deps.tenantId), eq(paymentExceptions.reportKey, holdingKey('overpaid', order))))
    .get()
  return (order.paidMinor ?? order.amountMinor) + (excess?.held ?? 0)
}

/** An order's open (undecided) exception of a money-holding kind, if any. */
export function openHoldingException(tx: Tx, tenantId: number, order: Pick<Order, 'orderNo'>, kind: 'overpaid' | 'late_payment'): PaymentException | undefined {
  return tx
    .select()
    .from(paymentExceptions)
    .where(and(eq(paymentExceptions.tenantId, tenantId), eq(paymentExceptions.reportKey, holdingKey(kind, order)), ne(paymentExceptions.status, 'resolved')))
    .get()
}

/** The decisions open to an exception now: none once resolved or while its adjustment waits. */
export function actionsOf(e: Pick<PaymentException, 'kind' | 'status' | 'heldMinor'>): ParkedAction[] {
  if (e.status !== 'open') return []
  if (e.kind === 'overpaid') return ['credit', 'return']
  if (e.kind === 'late_payment') return ['book', 'return']
  return e.heldMinor === 0 ? ['dismiss'] : []
}

/**
 * An adjustment requested to credit a parked excess was decided (adjustments.decide, in its
 * transaction): approved, the excess is the merchant's and the exception is resolved; rejected,
 * the excess is still in suspense and the exception open again.
 */
export function adjustmentDecided(tx: Tx, a: { id: number; adjustmentNo: string; approved: boolean; postingId: number | null; actor: string }, now: number): void {
  const e = tx
    .select()
    .from(paymentExceptions)
    .where(and(eq(paymentExceptions.adjustmentId, a.id), eq(paymentExceptions.status, 'awaiting_approval')))
    .get()
  if (!e) return
  const next = a.approved
    ? { status: 'resolved' as const, resolution: 'credited' as const, resolvedPostingId: a.postingId, resolvedAt: now, updatedAt: now }
    : { status: 'open' as const, adjustmentId: null, updatedAt: now }
  tx.update(paymentExceptions).set(next).where(eq(paymentExceptions.id, e.id)).run()
  const decision = a.approved ? say('parked.adjustmentApproved') : say('parked.adjustmentRejected')
  addEvent(tx, e.orderId, now, 'manual', say('order.parkedCreditDecided', { kind: term('parkedKind', e.kind), adjustmentNo: a.adjustmentNo, decision }), { paymentExceptionId: e.id, postingId: a.postingId }, a.actor)
}

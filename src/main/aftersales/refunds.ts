/**
 * Refunds of paid deposits (SPEC §2, §5). Requesting one holds the amount (refund, 4) and the
 * contract's refund fee (5) on the merchant's available balance, in the transaction that writes the
 * refund and its outbox row; the provider's answer then posts the hold (succeeded) or releases it
 * (failed). The sum of an order's refunds (and disputes) never exceeds what was paid.
 *
 *   requested ──send──▶ processing ──query──▶ succeeded | failed
 *       └──(declined / cannot be sent)──────────────────▶ failed
 */
import { eq } from 'drizzle-orm'
import { ENTRY_TYPES } from '../../shared/ledger'
import { moneyText } from '../../shared/money-text'
import { say, term, type ServerText } from '../../shared/server-text'
import { outbox, refunds } from '../db/schema'
import type { Tx } from '../db/transaction'
import type { Ledger } from '../ledger/ledger'
import type { PostingInput } from '../ledger/types'
import { addCaseEvent } from '../cases/timeline'
import { addEvent } from '../orders/timeline'
import { assertCovered, assertPaidDeposit, assertSettledInOrderCurrency, claimAmount, caseNumber, contractOf, type Order } from './cases'

export type Refund = typeof refunds.$inferSelect

export const refundHoldKey = (refund: Pick<Refund, 'refundNo'>) => `refund:${refund.refundNo}`

export function refundHoldPosting(order: Order, refund: Pick<Refund, 'refundNo' | 'amountMinor' | 'feeMinor'>): PostingInput {
  const merchant = { kind: 'merchant_available' as const, merchantId: order.merchantId, currency: order.currency }
  const T = ENTRY_TYPES
  const remark = refund.refundNo
  // The payer's money goes back out through the channel it came in by.
  const entries: PostingInput['entries'] = [
    { account: merchant, delta: -refund.amountMinor, type: T.REFUND, remark },
    { account: { kind: 'channel', channelId: order.channelId, currency: order.currency }, delta: -refund.amountMinor, type: T.REFUND, remark }
  ]
  if (refund.feeMinor > 0) {
    entries.push({ account: merchant, delta: -refund.feeMinor, type: T.REFUND_FEE, remark }, { account: { kind: 'platform_fee', currency: order.currency }, delta: refund.feeMinor, type: T.REFUND_FEE, remark })
  }
  return {
    idempotencyKey: refundHoldKey(refund),
    description: `Refund ${refund.refundNo} of ${order.orderNo}`,
    txnId: order.txnNo,
    merchantId: order.merchantId,
    contractId: order.contractId,
    reference: refund.refundNo,
    isTest: order.isTest,
    entries
  }
}

export interface RefundRequest {
  amount: string
  reason: string
  userId: number | null
  actor: string
  /** A merchant-bound user: a refusal never names the channel's balance. */
  merchantUser?: boolean
}

/** Writes the refund, its hold and its outbox row; the caller's transaction commits them together. */
export function requestRefund(tx: Tx, ledger: Ledger, tenantId: number, order: Order, input: RefundRequest, now: number): Refund {
  assertPaidDeposit(order)
  assertSettledInOrderCurrency(order)
  const amountMinor = claimAmount(tx, order, input.amount, 'refunded')
  const contract = contractOf(tx, order)
  const refundNo = caseNumber(tx, 'R', order)
  const feeMinor = contract.refundFeeMinor
  // Checked before anything is written: the merchant's available balance must cover amount + fee.
  assertCovered(tx, ledger, order, amountMinor, feeMinor, input.merchantUser)
  const hold = ledger.hold({ ...refundHoldPosting(order, { refundNo, amountMinor, feeMinor }), createdBy: input.userId, at: now })
  const refund = tx
    .insert(refunds)
    .values({
      tenantId,
      refundNo,
      orderId: order.id,
      merchantId: order.merchantId,
      contractId: order.contractId,
      channelId: order.channelId,
      currency: order.currency,
      amountMinor,
      feeMinor,
      reason: input.reason,
      status: 'requested',
      isTest: order.isTest,
      createdBy: input.userId,
      createdAt: now,
      updatedAt: now
    })
    .returning()
    .get()
  // The provider deduplicates on the refund number: it is the key of every send.
  tx.insert(outbox).values({ orderId: order.id, operation: 'send_refund', idempotencyKey: refundNo, status: 'pending', nextAttemptAt: now, createdAt: now, updatedAt: now }).run()
  const money = moneyText(amountMinor, order.currency)
  const subject = { type: 'refund' as const, id: refund.id }
  addCaseEvent(tx, subject, now, say('refund.requested', { refundNo, money, fee: moneyText(feeMinor, order.currency), reason: input.reason }), { actor: input.actor })
  addCaseEvent(tx, subject, now, say('refund.held', { money, fee: moneyText(feeMinor, order.currency), postingId: hold.postingId }), { detail: { postingId: hold.postingId } })
  addEvent(tx, order.id, now, 'manual', say('order.refundRequested', { refundNo, money }), { refundId: refund.id }, input.actor)
  return refund
}

export function markProcessing(tx: Tx, refund: Refund, upstreamNo: string | null, now: number): void {
  if (refund.status !== 'requested' && refund.status !== 'processing') return
  tx.update(refunds).set({ status: 'processing', upstreamNo: upstreamNo ?? refund.upstreamNo, updatedAt: now }).where(eq(refunds.id, refund.id)).run()
}

/** Applies a final outcome once: posts the hold (succeeded) or releases it (failed). False when already final. */
export function finishRefund(tx: Tx, ledger: Ledger, refund: Refund, outcome: { status: 'succeeded' | 'failed'; reason?: ServerText | null; upstreamNo?: string | null }, now: number): boolean {
  if (refund.status === 'succeeded' || refund.status === 'failed') return false
  const subject = { type: 'refund' as const, id: refund.id }
  const money = moneyText(refund.amountMinor, refund.currency)
  if (outcome.status === 'succeeded') {
    const posting = ledger.commitHold(refundHoldKey(refund), now)
    addCaseEvent(tx, subject, now, say('refund.succeeded', { money, fee: moneyText(refund.feeMinor, refund.currency), postingId: posting.postingId }), { detail: { postingId: posting.postingId } })
  } else {
    ledger.voidHold(refundHoldKey(refund), 'refund failed', now)
    addCaseEvent(tx, subject, now, say('refund.failed', { reason: outcome.reason ?? term('refundStatus', 'failed'), money: moneyText(refund.amountMinor + refund.feeMinor, refund.currency) }))
  }
  tx.update(refunds)
    .set({ status: outcome.status, statusReason: outcome.reason ?? null, upstreamNo: outcome.upstreamNo ?? refund.upstreamNo, finalizedAt: now, updatedAt: now })
    .where(eq(refunds.id, refund.id))
    .run()
  addEvent(tx, refund.orderId, now, 'ledger', say('order.refundFinal', { refundNo: refund.refundNo, money, status: term('refundStatus', outcome.status) }), { refundId: refund.id })
  return true
}

export function loadRefund(tx: Tx, id: number): Refund {
  const refund = tx.select().from(refunds).where(eq(refunds.id, id)).get()
  if (!refund) throw new Error(`refund ${id} vanished`)
  return refund
}

/**
 * Manual adjustments (entry type 99) under maker-checker: a request moves no money; another user's
 * approval posts it to the merchant's available balance against suspense (procedures:
 * finance/procedures/adjustments.ts). Parked provider reports credit an overpayment's excess this
 * way too (orders/parked.ts).
 */
import { and, eq } from 'drizzle-orm'
import { ENTRY_TYPES } from '../../shared/ledger'
import { moneyText } from '../../shared/money-text'
import { say, verbatim } from '../../shared/server-text'
import { addCaseEvent } from '../cases/timeline'
import { actorOf, type Ctx } from '../core/context'
import { validationError } from '../core/errors'
import type { PostingInput } from '../core/ledger-port'
import { assertKeyOpenTo, assertSameRequest } from '../core/request-key'
import { adjustmentRequests, contracts } from '../db/schema'
import type { Tx } from '../db/transaction'
import { merchantForWrite } from '../master/fields'
import { nextCaseNumber } from './cases'

type Stored = typeof adjustmentRequests.$inferSelect

export function adjustmentPosting(a: Stored, approvedBy: number): PostingInput {
  const remark = a.reason
  return {
    idempotencyKey: `adjust:${a.adjustmentNo}`,
    description: `Manual adjustment ${a.adjustmentNo}: ${a.reason}`,
    txnId: Number(a.adjustmentNo.slice(1)),
    merchantId: a.merchantId,
    contractId: a.contractId,
    reference: a.adjustmentNo,
    createdBy: approvedBy,
    entries: [
      { account: { kind: 'merchant_available', merchantId: a.merchantId, currency: a.currency }, delta: a.amountMinor, type: ENTRY_TYPES.MANUAL_ADJUSTMENT, remark },
      { account: { kind: 'suspense', currency: a.currency }, delta: -a.amountMinor, type: ENTRY_TYPES.MANUAL_ADJUSTMENT, remark }
    ]
  }
}

export interface AdjustmentRequest {
  merchantId: number
  contractId: number
  currency: string
  amountMinor: number
  reason: string
  requestKey: string
}

/**
 * Records a pending adjustment (no money moves until another user approves it). The request key
 * makes a retry safe: the same key with the same content answers the first request; with other
 * content it is a conflict, never taken as the first (the caller would believe the second amount
 * was recorded).
 */
export function requestAdjustment(tx: Tx, ctx: Ctx, input: AdjustmentRequest): { id: number; adjustmentNo: string; replayed: boolean } {
  const actor = actorOf(ctx)
  const existing = tx.select().from(adjustmentRequests).where(and(eq(adjustmentRequests.tenantId, ctx.tenantId), eq(adjustmentRequests.requestKey, input.requestKey))).get()
  if (existing) {
    assertKeyOpenTo(actor, input.requestKey, existing.merchantId)
    const { merchantId, contractId, currency, reason } = input
    const first = { no: say('error.requestKey.adjustment', { no: existing.adjustmentNo }), content: { ...existing, amount: existing.amountMinor } }
    assertSameRequest(input.requestKey, first, { merchantId, contractId, currency, amount: input.amountMinor, reason })
    ctx.audit(tx, { targetType: 'adjustment', targetId: existing.id, merchantId: existing.merchantId, summary: say('adjustment.replayed', { adjustmentNo: existing.adjustmentNo }) })
    return { id: existing.id, adjustmentNo: existing.adjustmentNo, replayed: true }
  }
  const merchant = merchantForWrite(tx, ctx, input.merchantId)
  const contract = tx.select().from(contracts).where(eq(contracts.id, input.contractId)).get()
  if (!contract || contract.merchantId !== merchant.id) throw validationError('contractId', say('rule.contractNotOfMerchant', { id: input.contractId, merchant: merchant.id }))
  if (contract.settlementCurrency !== input.currency) throw validationError('currency', say('rule.contractCurrency', { id: contract.id, currency: contract.settlementCurrency, given: input.currency }))
  const now = ctx.clock.now()
  const number = nextCaseNumber(tx, ctx.tenantId, now)
  const a = tx
    .insert(adjustmentRequests)
    .values({
      tenantId: ctx.tenantId,
      adjustmentNo: `A${number.txnNo}`,
      merchantId: merchant.id,
      contractId: contract.id,
      currency: input.currency,
      amountMinor: input.amountMinor,
      reason: input.reason,
      status: 'pending',
      requestKey: input.requestKey,
      requestedBy: actor.userId,
      createdAt: now,
      updatedAt: now
    })
    .returning()
    .get()
  const text = say('adjustment.requested', { adjustmentNo: a.adjustmentNo, amount: moneyText(input.amountMinor, a.currency), merchant: merchant.name, reason: verbatim(a.reason) })
  addCaseEvent(tx, { type: 'adjustment', id: a.id }, now, text, { actor: actor.username })
  ctx.audit(tx, { targetType: 'adjustment', targetId: a.id, merchantId: merchant.id, summary: text, after: { ...a } })
  return { id: a.id, adjustmentNo: a.adjustmentNo, replayed: false }
}

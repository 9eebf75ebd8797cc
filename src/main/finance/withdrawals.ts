/**
 * Withdrawals: a merchant's cash-out of its available balance to a bank account.
 *
 *   pending_review ──approve──▶ approved ──paid (bank reference)──▶ paid
 *        │                         └──────failed (reason)─────────▶ failed
 *        └──reject (reason)──▶ rejected
 *
 * Requesting holds amount + the contract's withdrawal fee through the ledger core (the hold
 * checks the available balance); paid posts the hold as withdrawal (8) and fee (9); rejected and
 * failed void it. Review and completion need WITHDRAWAL_REVIEW and are never done by the user who
 * requested the withdrawal (maker-checker). The reviewer records the bank transfer's outcome after
 * making it. The withdrawn amount is credited to suspense (money on its way to the merchant's bank)
 * until reconciliation matches it against the bank statement.
 */
import { and, eq } from 'drizzle-orm'
import { ENTRY_TYPES } from '../../shared/ledger'
import { say } from '../../shared/server-text'
import { actorOf, type Ctx } from '../core/context'
import { conflict, notFound } from '../core/errors'
import type { PostingInput } from '../core/ledger-port'
import { assertCanRead } from '../core/scope'
import { withdrawals } from '../db/schema'
import type { Tx } from '../db/transaction'

type Stored = typeof withdrawals.$inferSelect

export const holdKey = (w: Pick<Stored, 'withdrawalNo'>) => `withdrawal:${w.withdrawalNo}`

export function withdrawalHoldPosting(w: Stored): PostingInput {
  const merchant = { kind: 'merchant_available' as const, merchantId: w.merchantId, currency: w.currency }
  const entries: PostingInput['entries'] = [
    { account: merchant, delta: -w.amountMinor, type: ENTRY_TYPES.WITHDRAWAL, remark: w.withdrawalNo },
    { account: { kind: 'suspense', currency: w.currency }, delta: w.amountMinor, type: ENTRY_TYPES.WITHDRAWAL, remark: w.withdrawalNo }
  ]
  if (w.feeMinor > 0) {
    entries.push(
      { account: merchant, delta: -w.feeMinor, type: ENTRY_TYPES.WITHDRAWAL_FEE, remark: w.withdrawalNo },
      { account: { kind: 'platform_fee', currency: w.currency }, delta: w.feeMinor, type: ENTRY_TYPES.WITHDRAWAL_FEE, remark: w.withdrawalNo }
    )
  }
  return {
    idempotencyKey: holdKey(w),
    description: `Withdrawal ${w.withdrawalNo} to ${w.bankCode} ${w.accountNo}`,
    txnId: Number(w.withdrawalNo.slice(1)),
    merchantId: w.merchantId,
    contractId: w.contractId,
    reference: w.withdrawalNo,
    createdBy: w.requestedBy,
    entries
  }
}

/** Loads a withdrawal for a change, checking scope and the state it must be in. */
export function forChange(tx: Tx, ctx: Ctx, id: number, from: Stored['status']): Stored {
  const w = tx.select().from(withdrawals).where(and(eq(withdrawals.id, id), eq(withdrawals.tenantId, ctx.tenantId))).get()
  if (!w) throw notFound(say('thing.withdrawal', { id }))
  assertCanRead(actorOf(ctx), w.merchantId, say('thing.withdrawal', { id }))
  if (w.status !== from) {
    throw conflict(say(from === 'pending_review' ? 'error.withdrawals.notPending' : 'error.withdrawals.notApproved', { no: w.withdrawalNo }), { code: 'withdrawals.wrong_status' })
  }
  return w
}

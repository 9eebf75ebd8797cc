/**
 * Disputes (chargebacks and complaints) on paid deposits. Opening one debits the disputed amount
 * (dispute, 6) from the merchant's available balance, the provider taking it back from the channel,
 * and charges the contract's dispute fee (7). Won returns the amount (type 6, the opposite sign);
 * the fee is kept. Lost or accepted (the merchant takes the liability) keeps the amount debited.
 * A chargeback is booked even when the balances are short (IMPOSED_KINDS); a complaint is not.
 *
 *   open ──▶ evidence_submitted ──▶ won | lost
 *     └──────────────┴──────────────▶ accepted (or won | lost straight from open)
 */
import { eq, sql } from 'drizzle-orm'
import { ENTRY_TYPES } from '../../shared/ledger'
import { fromMinor } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { say, term } from '../../shared/server-text'
import { disputeEvidence, disputes, disputeWaybills, type DisputeKind, type DisputeStatus } from '../db/schema'
import type { Tx } from '../db/transaction'
import { conflict, validationError } from '../core/errors'
import type { Ledger } from '../ledger/ledger'
import type { AccountRef, Overdraft, PostingInput } from '../ledger/types'
import { addCaseEvent } from '../cases/timeline'
import { addEvent } from '../orders/timeline'
import type { Waybill } from './waybills'
import { assertCovered, assertPaidDeposit, assertSettledInOrderCurrency, claimAmount, caseNumber, contractOf, type Order } from './cases'

export type Dispute = typeof disputes.$inferSelect

export const UNRESOLVED: readonly DisputeStatus[] = ['open', 'evidence_submitted']

/**
 * The kinds the platform cannot refuse for lack of funds. A chargeback is imposed by the card scheme
 * through the provider: the money has left the platform's account at the provider before anyone
 * here hears of it, so refusing to book it would only leave the ledger disagreeing with the
 * provider. It is booked whatever the balances: what the merchant's available balance lacks becomes
 * the merchant's debt to the platform, and the channel's record follows what the provider did. A
 * complaint is raised with the platform, which decides itself to take the money from the merchant:
 * like a refund, it must be covered.
 */
export const IMPOSED_KINDS: readonly DisputeKind[] = ['chargeback']

function disputeAccounts(order: Order) {
  return {
    merchant: { kind: 'merchant_available', merchantId: order.merchantId, currency: order.currency },
    channel: { kind: 'channel', channelId: order.channelId, currency: order.currency }
  } satisfies Record<string, AccountRef>
}

export function disputePosting(order: Order, d: Pick<Dispute, 'disputeNo' | 'amountMinor' | 'feeMinor'>, step: 'opened' | 'won'): PostingInput {
  const { merchant, channel } = disputeAccounts(order)
  const T = ENTRY_TYPES
  const remark = d.disputeNo
  const sign = step === 'opened' ? -1 : 1
  const entries: PostingInput['entries'] = [
    { account: merchant, delta: sign * d.amountMinor, type: T.DISPUTE, remark },
    { account: channel, delta: sign * d.amountMinor, type: T.DISPUTE, remark }
  ]
  if (step === 'opened' && d.feeMinor > 0) {
    entries.push({ account: merchant, delta: -d.feeMinor, type: T.DISPUTE_FEE, remark }, { account: { kind: 'platform_fee', currency: order.currency }, delta: d.feeMinor, type: T.DISPUTE_FEE, remark })
  }
  return {
    idempotencyKey: `dispute:${d.disputeNo}:${step}`,
    description: step === 'opened' ? `Dispute ${d.disputeNo} on ${order.orderNo}` : `Dispute ${d.disputeNo} won`,
    txnId: order.txnNo,
    merchantId: order.merchantId,
    contractId: order.contractId,
    reference: d.disputeNo,
    isTest: order.isTest,
    entries
  }
}

export interface DisputeOpening {
  kind: Dispute['kind']
  reasonCode: string
  amount: string
  evidenceDueAt: number
  note?: string
  userId: number | null
  actor: string
  /** A merchant-bound user: a refusal never names the channel's balance. */
  merchantUser?: boolean
}

/** A dispute just opened, with the accounts its posting took below zero (a chargeback on short balances). */
export type OpenedDispute = Dispute & { overdrafts: Overdraft[] }

export function openDispute(tx: Tx, ledger: Ledger, tenantId: number, order: Order, input: DisputeOpening, now: number): OpenedDispute {
  assertPaidDeposit(order)
  assertSettledInOrderCurrency(order)
  const amountMinor = claimAmount(tx, order, input.amount, 'disputed')
  if (input.evidenceDueAt <= now) throw validationError('evidenceDueAt', say('rule.inFuture'))
  const disputeNo = caseNumber(tx, 'DS', order)
  const feeMinor = contractOf(tx, order).disputeFeeMinor
  const imposed = IMPOSED_KINDS.includes(input.kind)
  // A complaint is refused (422) before anything is written when the balances cannot cover it; a
  // chargeback has leave to take the merchant's and the channel's balances below zero (this posting only).
  if (!imposed) assertCovered(tx, ledger, order, amountMinor, feeMinor, input.merchantUser)
  const { merchant, channel } = disputeAccounts(order)
  const posting = ledger.post({ ...disputePosting(order, { disputeNo, amountMinor, feeMinor }, 'opened'), createdBy: input.userId, at: now }, imposed ? { mayOverdraw: [merchant, channel] } : undefined)
  const overdrafts = posting.overdrafts ?? []
  const dispute = tx
    .insert(disputes)
    .values({
      tenantId,
      disputeNo,
      orderId: order.id,
      merchantId: order.merchantId,
      contractId: order.contractId,
      channelId: order.channelId,
      currency: order.currency,
      kind: input.kind,
      reasonCode: input.reasonCode,
      amountMinor,
      feeMinor,
      evidenceDueAt: input.evidenceDueAt,
      status: 'open',
      isTest: order.isTest,
      createdBy: input.userId,
      createdAt: now,
      updatedAt: now
    })
    .returning()
    .get()
  const subject = { type: 'dispute' as const, id: dispute.id }
  const money = moneyText(amountMinor, order.currency)
  const kind = term('disputeKind', input.kind)
  addCaseEvent(tx, subject, now, say('dispute.opened', { kind, disputeNo, money, reasonCode: input.reasonCode }), { actor: input.actor, detail: { evidenceDueAt: input.evidenceDueAt } })
  addCaseEvent(tx, subject, now, say('dispute.posted', { money, fee: moneyText(feeMinor, order.currency), postingId: posting.postingId }), { detail: { postingId: posting.postingId } })
  for (const o of overdrafts) {
    if (o.account.kind === 'merchant_available') {
      const owed = { available: moneyText(o.availableBefore, order.currency), needed: moneyText(amountMinor + feeMinor, order.currency), short: moneyText(o.shortBy, order.currency), balance: moneyText(o.availableAfter, order.currency) }
      addCaseEvent(tx, subject, now, say('dispute.merchantShort', owed), { detail: { postingId: posting.postingId, owed: fromMinor(o.shortBy, order.currency) } })
    } else {
      // A channel serves many merchants: its figures are not the merchant's to read (the audit keeps them).
      addCaseEvent(tx, subject, now, say('dispute.channelShort'), { detail: { postingId: posting.postingId } })
    }
  }
  if (input.note) addCaseEvent(tx, subject, now, say('dispute.note', { note: input.note }), { actor: input.actor })
  addEvent(tx, order.id, now, 'ledger', say('order.disputeOpened', { kind, disputeNo, money }), { disputeId: dispute.id, postingId: posting.postingId }, input.actor)
  return { ...dispute, overdrafts }
}

export function assertUnresolved(dispute: Dispute): void {
  if (!UNRESOLVED.includes(dispute.status)) {
    throw conflict(say('error.disputes.resolved', { disputeNo: dispute.disputeNo }), { code: 'disputes.resolved' })
  }
}

export function setStatus(tx: Tx, dispute: Dispute, status: DisputeStatus, now: number): void {
  const final = !UNRESOLVED.includes(status)
  tx.update(disputes)
    .set({ status, updatedAt: now, resolvedAt: final ? now : null })
    .where(eq(disputes.id, dispute.id))
    .run()
}

/** Won returns the disputed amount to the merchant; lost and accepted keep it debited. */
export function resolveDispute(tx: Tx, ledger: Ledger, order: Order, dispute: Dispute, outcome: 'won' | 'lost' | 'accepted', reason: string, actor: string, now: number): void {
  assertUnresolved(dispute)
  const subject = { type: 'dispute' as const, id: dispute.id }
  if (outcome === 'won') {
    const posting = ledger.post({ ...disputePosting(order, dispute, 'won'), at: now })
    addCaseEvent(tx, subject, now, say('dispute.won', { reason, money: moneyText(dispute.amountMinor, dispute.currency), postingId: posting.postingId }), { actor, detail: { postingId: posting.postingId } })
  } else {
    addCaseEvent(tx, subject, now, say(outcome === 'lost' ? 'dispute.lost' : 'dispute.accepted', { reason }), { actor })
  }
  setStatus(tx, dispute, outcome, now)
  addEvent(tx, order.id, now, outcome === 'won' ? 'ledger' : 'manual', say('order.disputeResolved', { disputeNo: dispute.disputeNo, status: term('disputeStatus', outcome) }), { disputeId: dispute.id }, actor)
}

/** Attaches a waybill of the disputed order as evidence (each once). */
export function attachWaybill(tx: Tx, dispute: Dispute, waybill: Waybill, actor: string, now: number): void {
  assertUnresolved(dispute)
  if (waybill.orderId !== dispute.orderId) throw validationError('waybillId', say('rule.waybillOtherOrder', { trackingNo: waybill.trackingNo }))
  const attached = tx.insert(disputeWaybills).values({ disputeId: dispute.id, waybillId: waybill.id, attachedAt: now }).onConflictDoNothing().returning().get()
  if (!attached) throw conflict(say('error.disputes.waybillAttached', { trackingNo: waybill.trackingNo, disputeNo: dispute.disputeNo }), { code: 'disputes.waybill_attached', field: 'waybillId' })
  addCaseEvent(tx, { type: 'dispute', id: dispute.id }, now, say('dispute.waybillAttached', { carrier: waybill.carrier, trackingNo: waybill.trackingNo }), { actor, detail: { waybillId: waybill.id } })
  addCaseEvent(tx, { type: 'waybill', id: waybill.id }, now, say('waybill.attached', { disputeNo: dispute.disputeNo }), { actor, detail: { disputeId: dispute.id } })
}

/** open → evidence submitted, with at least one file or waybill. Returns what was submitted. */
export function submitEvidence(tx: Tx, dispute: Dispute, note: string | undefined, actor: string, now: number): { files: number; waybills: number } {
  if (dispute.status !== 'open') throw conflict(say('error.disputes.notOpen', { disputeNo: dispute.disputeNo }), { code: 'disputes.not_open' })
  const files = tx.select({ n: sql<number>`count(*)` }).from(disputeEvidence).where(eq(disputeEvidence.disputeId, dispute.id)).get()?.n ?? 0
  const linked = tx.select({ n: sql<number>`count(*)` }).from(disputeWaybills).where(eq(disputeWaybills.disputeId, dispute.id)).get()?.n ?? 0
  if (files + linked === 0) throw conflict(say('error.disputes.noEvidence', { disputeNo: dispute.disputeNo }), { code: 'disputes.no_evidence' })
  addCaseEvent(tx, { type: 'dispute', id: dispute.id }, now, say('dispute.submitted', { files, waybills: linked }), { actor })
  if (note) addCaseEvent(tx, { type: 'dispute', id: dispute.id }, now, say('dispute.note', { note }), { actor })
  setStatus(tx, dispute, 'evidence_submitted', now)
  return { files, waybills: linked }
}

export function loadDispute(tx: Tx, id: number): Dispute {
  const dispute = tx.select().from(disputes).where(eq(disputes.id, id)).get()
  if (!dispute) throw new Error(`dispute ${id} vanished`)
  return dispute
}

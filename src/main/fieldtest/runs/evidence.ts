/**
 * A step's evidence, read from what the order engine already keeps of its order: the upstream
 * exchanges (stored masked), the callbacks with their signature verdict and how long after the
 * order was sent each came, the timeline, the ledger entries, and the amount four ways (requested,
 * accepted upstream, paid in the callback, posted to the ledger) with the fees the contract asks
 * and those posted.
 */
import { asc, eq } from 'drizzle-orm'
import type { StepAmounts, StepEvidence } from '../../../shared/contract/fieldtest'
import { ENTRY_TYPES } from '../../../shared/ledger'
import { fromMinor, readAmount } from '../../../shared/money'
import type { ServerText } from '../../../shared/server-text'
import type { Db } from '../../db/open'
import { channels, contracts, orders, providerCallbacks, refunds } from '../../db/schema'
import type { Tx } from '../../db/transaction'
import { orderDetail } from '../../orders/read'
import { depositSettlement } from '../../orders/settlement'
import { genericAdapterConfigSchema } from '../../upstream/generic-config'
import { readPath } from '../../upstream/generic'
import { parseBody } from '../../upstream/signing'

type Order = typeof orders.$inferSelect
type Refund = typeof refunds.$inferSelect

export interface OrderFacts {
  order: Order
  detail: ReturnType<typeof orderDetail>
  evidence: StepEvidence
  amounts: StepAmounts
  /** Callbacks that passed the signature check, the first one's delay after the order was sent. */
  firstCallbackDelayMs: number | null
  rejectedCallbacks: number
  duplicateCallbacks: number
  validCallbacks: number
}

const abs = (text: string) => text.replace(/^-/, '')

/** The amount the provider stated at `path` of a stored (masked) answer, exactly as written, or null. */
function statedAmount(body: string | null, path: string | undefined): string | null {
  if (!body || !path) return null
  try {
    const value = readPath(parseBody(body, null), path)
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null
  } catch {
    return null
  }
}

/** Where the channel's provider states the amount in an answer (its protocol settings), if it says. */
function amountPath(db: Db | Tx, channelId: number): string | undefined {
  const config = db.select({ adapterConfig: channels.adapterConfig }).from(channels).where(eq(channels.id, channelId)).get()?.adapterConfig
  const parsed = genericAdapterConfigSchema.safeParse(config)
  return parsed.success ? parsed.data.responsePaths.amount : undefined
}

/** A decimal written as the currency writes it ("500" → "500.00"), or the text as it was when it is not a plain amount. */
function normalised(text: string | null, currency: string): string | null {
  if (text === null) return null
  const read = readAmount(text, currency)
  return read.ok ? fromMinor(read.minor, currency) : text
}

const sumOf = (entries: { amount: string }[], currency: string) => {
  const minor = entries.reduce((sum, e) => {
    const read = readAmount(abs(e.amount), currency)
    return sum + (read.ok ? read.minor : 0)
  }, 0)
  return entries.length ? fromMinor(minor, currency) : null
}

export function orderFacts(db: Db | Tx, orderId: number, notes: ServerText[] = [], payment: StepEvidence['payment'] = null): OrderFacts {
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get()!
  const detail = orderDetail(db, order)
  const currency = order.currency
  const callbacks = db.select().from(providerCallbacks).where(eq(providerCallbacks.orderId, order.id)).orderBy(asc(providerCallbacks.id)).all()
  const sentAt = order.sentAt ?? order.createdAt
  const delay = (at: number) => Math.max(0, at - sentAt)
  const valid = callbacks.filter((c) => c.signatureValid && c.outcome !== 'duplicate')
  const applied = valid.find((c) => c.paidAmount !== null) ?? valid[0]
  const createExchange = detail.exchanges.find((x) => (x.operation === 'createDeposit' || x.operation === 'createPayout') && x.responseStatus !== null && x.responseStatus < 300)
  const entries = detail.ledgerEntries.filter((e) => e.remark === order.orderNo)
  const contract = db.select().from(contracts).where(eq(contracts.id, order.contractId)).get()!
  const deposit = order.direction === 'deposit'
  const feeTypes: number[] = deposit ? [ENTRY_TYPES.TRANSACTION_FEE, ENTRY_TYPES.PROCESSING_FEE] : [ENTRY_TYPES.WITHDRAWAL_FEE]
  const postedEntries = entries.filter((e) => e.accountKind === 'channel' && e.type === (deposit ? ENTRY_TYPES.ORDER_PAYMENT : ENTRY_TYPES.WITHDRAWAL))
  const feeEntries = entries.filter((e) => e.accountKind === 'merchant_available' && e.type !== null && feeTypes.includes(e.type))
  const feeCurrency = feeEntries[0]?.currency ?? order.settlementCurrency ?? currency
  const paidMinor = order.paidMinor
  const feeExpected = deposit
    ? paidMinor !== null && order.status === 'succeeded'
      ? (() => {
          const s = depositSettlement(paidMinor, contract, order)
          return fromMinor(s.fee + s.fixedFee, s.currency)
        })()
      : null
    : fromMinor(order.feeMinor, currency)
  const amounts: StepAmounts = {
    currency,
    requested: fromMinor(order.amountMinor, currency),
    acceptedUpstream: normalised(statedAmount(createExchange?.responseBody ?? null, amountPath(db, order.channelId)), currency),
    paidInCallback: normalised(applied?.paidAmount ?? null, currency),
    postedToLedger: sumOf(postedEntries, currency),
    feeExpected,
    feePosted: feeEntries.length ? sumOf(feeEntries, feeCurrency) : order.status === 'succeeded' && feeExpected !== null && /^0(\.0+)?$/.test(feeExpected) ? feeExpected : null
  }
  const evidence: StepEvidence = {
    refusal: null,
    exchanges: detail.exchanges.map(({ id: _id, ...x }) => x),
    callbacks: callbacks.map((c) => ({ receivedAt: c.receivedAt, delayMs: order.sentAt === null ? null : delay(c.receivedAt), signatureValid: c.signatureValid, outcome: c.outcome, eventKey: c.eventKey, paidAmount: c.paidAmount, body: c.body })),
    timeline: detail.timeline.map((e) => ({ at: e.at, kind: e.kind, summary: e.summary, text: e.text })),
    ledger: detail.ledgerEntries.map((e) => ({ postingId: e.postingId, accountKind: e.accountKind, type: e.type, amount: e.amount, currency: e.currency, remark: e.remark })),
    hold: null,
    payment,
    status: order.status,
    notes
  }
  return {
    order,
    detail,
    evidence,
    amounts,
    firstCallbackDelayMs: applied && order.sentAt !== null ? delay(applied.receivedAt) : null,
    rejectedCallbacks: callbacks.filter((c) => !c.signatureValid).length,
    duplicateCallbacks: callbacks.filter((c) => c.outcome === 'duplicate').length,
    validCallbacks: valid.length
  }
}

/** A refund's amounts: requested, what the provider echoed when it accepted it, what the ledger posted, and its fee. */
export function refundFacts(db: Db | Tx, refund: Refund, notes: ServerText[] = []): { evidence: StepEvidence; amounts: StepAmounts; status: Refund['status'] } {
  const current = db.select().from(refunds).where(eq(refunds.id, refund.id)).get()!
  const facts = orderFacts(db, current.orderId, notes)
  const currency = current.currency
  const exchange = facts.detail.exchanges.find((x) => x.operation === 'createRefund' && x.responseStatus !== null && x.responseStatus < 300 && x.requestBody.includes(current.refundNo))
  const entries = facts.detail.ledgerEntries.filter((e) => e.remark === current.refundNo)
  const posted = entries.filter((e) => e.accountKind === 'channel' && e.type === ENTRY_TYPES.REFUND)
  const fees = entries.filter((e) => e.accountKind === 'merchant_available' && e.type === ENTRY_TYPES.REFUND_FEE)
  const amounts: StepAmounts = {
    currency,
    requested: fromMinor(current.amountMinor, currency),
    acceptedUpstream: normalised(statedAmount(exchange?.responseBody ?? null, amountPath(db, current.channelId)), currency),
    // Refunds are settled by querying the provider, never by a callback.
    paidInCallback: null,
    postedToLedger: sumOf(posted, currency),
    feeExpected: fromMinor(current.feeMinor, currency),
    feePosted: fees.length ? sumOf(fees, currency) : current.status === 'succeeded' && current.feeMinor === 0 ? fromMinor(0, currency) : null
  }
  return { evidence: { ...facts.evidence, status: current.status }, amounts, status: current.status }
}

/** The amounts that are stated, and whether they all say the same. */
export function amountsAgree(amounts: StepAmounts): { agree: boolean; stated: string[] } {
  const stated = [amounts.requested, amounts.acceptedUpstream, amounts.paidInCallback, amounts.postedToLedger].filter((a): a is string => a !== null)
  return { agree: stated.every((a) => a === stated[0]), stated }
}

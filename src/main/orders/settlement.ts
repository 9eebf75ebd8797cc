/**
 * What orders post to the ledger (SPEC §5). A paid deposit: order payment (0), transaction fee (1),
 * processing fee (2) and reserve (3) per the contract; a payout: amount (8) and fee (9) held at
 * submit, posted on success, released on failure. Fees round half-up to the minor unit.
 */
import Decimal from 'decimal.js'
import { ENTRY_TYPES } from '../../shared/ledger'
import { fromMinor, roundToMinor } from '../../shared/money'
import { fxParts, type FxParts } from '../finance/fx'
import type { contracts, orders } from '../db/schema'
import type { PostingInput } from '../ledger/types'

type Order = typeof orders.$inferSelect
type Contract = typeof contracts.$inferSelect

export const PPM = 1_000_000

/** amount × ppm / 10^6, rounded half-up to a whole minor unit. */
export function ofPpm(amountMinor: number, ppm: number): number {
  return new Decimal(amountMinor).times(ppm).dividedBy(PPM).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
}

export interface DepositSettlement {
  paid: number
  /** The settlement currency: the order's, or the contract's when it settles in another (FX). */
  currency: string
  fee: number
  fixedFee: number
  reserve: number
  /** What the merchant's available balance gains: paid (converted) − spread − fee − fixed fee − reserve. */
  net: number
  /** What the order settled to the merchant (report `settleAmount`): paid − spread − fees, in `currency`. */
  settled: number
  /** `settled` in the order's currency (at the reference rate for FX), for the transaction statistics. */
  settledInOrderCurrency: number
  /** FX orders only: the conversion at the rates fixed on the order. */
  fx: FxParts | null
}

type FxOrder = Pick<Order, 'currency' | 'settlementCurrency' | 'fxReferenceRate' | 'fxAppliedRate'>

/**
 * Fees, reserve and FX of a paid deposit. In FX the paid amount is converted at the reference rate
 * (the order payment), the spread to the applied rate is the rate difference, and fees and reserve
 * are computed on the converted amount; every figure rounds half-up to the minor unit.
 */
export function depositSettlement(paidMinor: number, contract: Contract, order?: FxOrder): DepositSettlement {
  const fxOrder = order?.settlementCurrency && order.fxReferenceRate && order.fxAppliedRate ? order : null
  const fx = fxOrder ? fxParts(paidMinor, fxOrder.currency, fxOrder.settlementCurrency!, fxOrder.fxReferenceRate!, fxOrder.fxAppliedRate!) : null
  const base = fx ? fx.gross : paidMinor
  const spread = fx ? fx.spread : 0
  const fee = ofPpm(base, contract.feeRatePpm)
  const reserve = ofPpm(base, contract.reserveRatePpm)
  const fixedFee = contract.fixedFeeMinor
  const settled = base - spread - fee - fixedFee
  const currency = fxOrder ? fxOrder.settlementCurrency! : contract.settlementCurrency
  const settledInOrderCurrency = fxOrder ? roundToMinor(new Decimal(fromMinor(settled, currency)).dividedBy(fxOrder.fxReferenceRate!), fxOrder.currency) : settled
  return { paid: paidMinor, currency, fee, fixedFee, reserve, net: settled - reserve, settled, settledInOrderCurrency, fx }
}

export const depositPostingKey = (order: Pick<Order, 'orderNo'>) => `order:${order.orderNo}:paid`
export const payoutHoldKey = (order: Pick<Order, 'orderNo'>) => `order:${order.orderNo}:payout`

/**
 * Where a paid deposit's money is: at the channel (the provider reports it paid), or already in
 * suspense (a payment that arrived after the order was closed, parked there, then booked by a person).
 */
export type PaidFrom = 'channel' | 'suspense'

export function depositPaidPosting(order: Order, contract: Contract, s: DepositSettlement, from: PaidFrom = 'channel'): PostingInput {
  // Without FX the merchant settles in the order's own currency.
  const currency = s.fx ? s.currency : order.currency
  const merchant = { kind: 'merchant_available' as const, merchantId: order.merchantId, currency }
  const fees = { kind: 'platform_fee' as const, currency }
  const T = ENTRY_TYPES
  const entries: PostingInput['entries'] = [
    from === 'channel'
      ? { account: { kind: 'channel', channelId: order.channelId, currency: order.currency }, delta: s.paid, type: T.ORDER_PAYMENT, remark: order.orderNo }
      : { account: { kind: 'suspense', currency: order.currency }, delta: -s.paid, type: T.ORDER_PAYMENT, remark: order.orderNo }
  ]
  if (s.fx) {
    // The FX account takes the order's currency and pays out the settlement currency, so each
    // currency sums to zero; the spread between the reference and the applied rate is its margin.
    // (A payment too small to be worth one minor unit of the settlement currency converts to nothing.)
    entries.push({ account: { kind: 'fx', currency: order.currency }, delta: s.paid, type: T.ORDER_PAYMENT, remark: order.orderNo })
    if (s.fx.gross !== 0) {
      entries.push(
        { account: { kind: 'fx', currency }, delta: -s.fx.gross, type: T.ORDER_PAYMENT, remark: order.orderNo },
        { account: merchant, delta: s.fx.gross, type: T.ORDER_PAYMENT, remark: order.orderNo }
      )
    }
  } else {
    entries.push({ account: merchant, delta: s.paid, type: T.ORDER_PAYMENT, remark: order.orderNo })
  }
  const charge = (delta: number, type: (typeof T)[keyof typeof T], to: PostingInput['entries'][number]['account']) => {
    if (delta === 0) return
    entries.push({ account: merchant, delta: -delta, type, remark: order.orderNo }, { account: to, delta, type, remark: order.orderNo })
  }
  if (s.fx) charge(s.fx.spread, T.FX_DIFFERENCE, { kind: 'fx', currency })
  charge(s.fee, T.TRANSACTION_FEE, fees)
  charge(s.fixedFee, T.PROCESSING_FEE, fees)
  charge(s.reserve, T.RESERVE, { kind: 'merchant_reserve', merchantId: order.merchantId, currency })
  return {
    idempotencyKey: depositPostingKey(order),
    description: `Deposit ${order.orderNo} paid`,
    txnId: order.txnNo,
    merchantId: order.merchantId,
    contractId: contract.id,
    reference: order.orderNo,
    isTest: order.isTest,
    entries
  }
}

export function payoutHoldPosting(order: Order): PostingInput {
  const merchant = { kind: 'merchant_available' as const, merchantId: order.merchantId, currency: order.currency }
  const T = ENTRY_TYPES
  const entries: PostingInput['entries'] = [
    { account: merchant, delta: -order.amountMinor, type: T.WITHDRAWAL, remark: order.orderNo },
    { account: { kind: 'channel', channelId: order.channelId, currency: order.currency }, delta: -order.amountMinor, type: T.WITHDRAWAL, remark: order.orderNo }
  ]
  if (order.feeMinor > 0) {
    entries.push(
      { account: merchant, delta: -order.feeMinor, type: T.WITHDRAWAL_FEE, remark: order.orderNo },
      { account: { kind: 'platform_fee', currency: order.currency }, delta: order.feeMinor, type: T.WITHDRAWAL_FEE, remark: order.orderNo }
    )
  }
  return {
    idempotencyKey: payoutHoldKey(order),
    description: `Payout ${order.orderNo}`,
    txnId: order.txnNo,
    merchantId: order.merchantId,
    contractId: order.contractId,
    reference: order.orderNo,
    isTest: order.isTest,
    entries
  }
}

export const payoutReturnKey = (order: Pick<Order, 'orderNo'>) => `${payoutHoldKey(order)}:returned`

/**
 * A paid payout the bank sent back: its amount comes back to the channel's account and to the
 * merchant's available balance (withdrawal, 8, the opposite of what the payout posted); the fee
 * stays charged, as the payout was made. Once per payout (its key).
 */
export function payoutReturnPosting(order: Order): PostingInput {
  const T = ENTRY_TYPES
  const remark = `${order.orderNo} returned`
  return {
    idempotencyKey: payoutReturnKey(order),
    description: `Payout ${order.orderNo} returned`,
    txnId: order.txnNo,
    merchantId: order.merchantId,
    contractId: order.contractId,
    reference: order.orderNo,
    isTest: order.isTest,
    entries: [
      { account: { kind: 'merchant_available', merchantId: order.merchantId, currency: order.currency }, delta: order.amountMinor, type: T.WITHDRAWAL, remark },
      { account: { kind: 'channel', channelId: order.channelId, currency: order.currency }, delta: order.amountMinor, type: T.WITHDRAWAL, remark }
    ]
  }
}

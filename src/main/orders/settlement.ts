/**
 * What orders post to the ledger (SPEC §5). A paid deposit: order payment (0), transaction fee (1),
 * processing fee (2) and reserve (3) per the contract; a payout: amount (8) and fee (9) held at
 * submit, posted on success, released on failure. Fees round half-up to the minor unit.
 */
import Decimal from 'decimal.js'
import { ENTRY_TYPES } from '../../shared/ledger'
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
  fee: number
  fixedFee: number
  reserve: number
  /** What the merchant's available balance gains: paid − fee − fixed fee − reserve. */
  net: number
  /** What the order settled to the merchant (report `settleAmount`): paid − fees. */
  settled: number
}

export function depositSettlement(paidMinor: number, contract: Contract): DepositSettlement {
  const fee = ofPpm(paidMinor, contract.feeRatePpm)
  const reserve = ofPpm(paidMinor, contract.reserveRatePpm)
  const fixedFee = contract.fixedFeeMinor
  return { paid: paidMinor, fee, fixedFee, reserve, net: paidMinor - fee - fixedFee - reserve, settled: paidMinor - fee - fixedFee }
}

export const depositPostingKey = (order: Pick<Order, 'orderNo'>) => `order:${order.orderNo}:paid`
export const payoutHoldKey = (order: Pick<Order, 'orderNo'>) => `order:${order.orderNo}:payout`

export function depositPaidPosting(order: Order, contract: Contract, s: DepositSettlement): PostingInput {
  const merchant = { kind: 'merchant_available' as const, merchantId: order.merchantId, currency: order.currency }
  const fees = { kind: 'platform_fee' as const, currency: order.currency }
  const T = ENTRY_TYPES
  const entries: PostingInput['entries'] = [
    { account: { kind: 'channel', channelId: order.channelId, currency: order.currency }, delta: s.paid, type: T.ORDER_PAYMENT, remark: order.orderNo },
    { account: merchant, delta: s.paid, type: T.ORDER_PAYMENT, remark: order.orderNo }
  ]
  const charge = (delta: number, type: (typeof T)[keyof typeof T], to: PostingInput['entries'][number]['account']) => {
    if (delta === 0) return
    entries.push({ account: merchant, delta: -delta, type, remark: order.orderNo }, { account: to, delta, type, remark: order.orderNo })
  }
  charge(s.fee, T.TRANSACTION_FEE, fees)
  charge(s.fixedFee, T.PROCESSING_FEE, fees)
  charge(s.reserve, T.RESERVE, { kind: 'merchant_reserve', merchantId: order.merchantId, currency: order.currency })
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

/**
 * The provider simulator's vocabulary: merchants it knows, behaviours it can be switched to, the
 * orders it holds and what it received and sent.
 */
import type { SignAlgorithm } from '../upstream/signing'

export const BEHAVIOURS = [
  /** Answers PENDING; a payout succeeds after a short delay, a deposit when paid. */
  'success',
  /** A create (or refund) is refused (code 2001); no order exists. */
  'decline',
  /** A create is answered after `delayMs`. */
  'delay',
  /** A create is recorded and processed but never answered. */
  'timeout',
  /** A create gets HTTP 500; no order exists. */
  'server_error',
  /** Every callback is sent twice with the same eventId. */
  'duplicate_callback',
  /** Callbacks carry a wrong signature. */
  'bad_signature',
  /** The payer pays `partialPercent` (default 90) % of a deposit. */
  'partial_amount',
  /** Accepted, then FAILED: a payout after its delay, a deposit when "paid". */
  'fail_later',
  /** The callback is held back `delayMs` (e.g. past the order's expiry) before it is sent. */
  'late_callback',
  /** The final callback, then a stale PENDING one (an older event arriving last). */
  'out_of_order_callbacks'
] as const

/**
 * What a rule acts on: `orders` (creates, refunds, payments and their callbacks: every behaviour)
 * or `queries` (the status queries of orders and refunds: delay, timeout, server_error, and
 * bad_signature on the answer).
 */
export const RULE_TARGETS = ['orders', 'queries'] as const
export type RuleTarget = (typeof RULE_TARGETS)[number]

export const QUERY_BEHAVIOURS = ['success', 'delay', 'timeout', 'server_error', 'bad_signature'] as const satisfies readonly BehaviourName[]

export type BehaviourName = (typeof BEHAVIOURS)[number]

export interface BehaviourRule {
  /** Only this merchant (channel); absent: every merchant. */
  merchantNo?: string
  /** A regular expression tested on the decimal amount string as received, e.g. `\.13$`. */
  amountPattern?: string
  /** Absent: `orders`. */
  appliesTo?: RuleTarget
  behaviour: BehaviourName
  delayMs?: number
  partialPercent?: number
}

export interface SimulatorMerchant {
  merchantNo: string
  signKey: string
}

export interface SimulatorOptions {
  /** 0 (default) picks a free port. The simulator binds to 127.0.0.1 only. */
  port?: number
  /** The provider's fee on its statement lines, in ppm of the amount (default 6000: 0.6 %). */
  feeRatePpm?: number
  merchants: SimulatorMerchant[]
  /** Deposits are paid in full (or per behaviour) this long after they are created. */
  autoPayAfterMs?: number | null
  /** How long a payout stays PENDING before it settles. Default 200 ms. */
  payoutDelayMs?: number
  /** Must match the channels' adapter settings. Default md5, lower-case hex. */
  algorithm?: SignAlgorithm
  upperCase?: boolean
  /** Body format of the callbacks. Default form. */
  callbackFormat?: 'form' | 'json'
  /** What a callback must be answered with to count as delivered. Default SUCCESS. */
  callbackAck?: string
  /** Waits before each re-send of an unacknowledged callback. Default [500, 2000, 5000]. */
  callbackRetryDelaysMs?: number[]
  callbackTimeoutMs?: number
}

export type SimStatus = 'PENDING' | 'SUCCESS' | 'FAILED'

export interface SimOrder {
  merchantNo: string
  orderNo: string
  direction: 'deposit' | 'payout'
  upstreamNo: string
  amount: string
  currency: string
  serviceType: string
  notifyUrl: string
  /** The other parameters of the create request (payer or recipient fields). */
  fields: Record<string, string>
  status: SimStatus
  paidAmount: string | null
  /** Payment page data returned for a deposit (payUrl, qrCode, bankAccount …, address). */
  page: Record<string, string>
  createdAt: number
  settledAt: number | null
}

export type RequestOutcome = 'answered' | 'repeated' | 'declined' | 'timeout' | 'server_error' | 'rejected' | 'invalid' | 'not_found'

export interface ReceivedRequest {
  at: number
  path: string
  merchantNo: string | null
  orderNo: string | null
  amount: string | null
  /** The currency the request named, as sent (a status query names none). */
  currency: string | null
  signatureValid: boolean
  outcome: RequestOutcome
}

export interface CallbackAttempt {
  orderNo: string
  merchantNo: string
  eventId: string
  url: string
  attempt: number
  /** The status carried by the callback. */
  status: SimStatus
  /** False when the behaviour was bad_signature. */
  signed: boolean
  httpStatus: number | null
  acknowledged: boolean
  error: string | null
  at: number
}

export type SimRefundStatus = 'PROCESSING' | 'SUCCESS' | 'FAILED'

/** A refund of a paid deposit: PROCESSING, then SUCCESS (or FAILED under fail_later) after the payout delay. */
export interface SimRefund {
  merchantNo: string
  refundNo: string
  orderNo: string
  upstreamNo: string
  amount: string
  currency: string
  reason: string
  status: SimRefundStatus
  createdAt: number
  settledAt: number | null
}

export interface SimOrderView extends SimOrder {
  /** How many create requests carried this order number (the first included). */
  createRequests: number
  callbacks: CallbackAttempt[]
}

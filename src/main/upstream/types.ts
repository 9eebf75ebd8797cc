/**
 * The boundary between PayDesk's order logic and upstream providers. Order code speaks these
 * types; an adapter turns them into a provider's HTTP protocol. One configurable generic adapter
 * ships (form or JSON body, sorted parameters, MD5 or HMAC-SHA256 signature over `k=v&…` plus the
 * key, field names mapped per channel).
 */
import type { MaskRules } from './mask'

/** Per-channel protocol settings, stored (not secret) on the channel. */
export interface GenericAdapterConfig {
  /** e.g. http://127.0.0.1:9100 */
  baseUrl: string
  /** `refund` and `refundQuery` are optional: a channel without them cannot refund. */
  paths: { createDeposit: string; createPayout: string; query: string; refund?: string; refundQuery?: string }
  bodyFormat: 'json' | 'form'
  signature: {
    algorithm: 'md5' | 'hmac-sha256'
    /** The parameter carrying the signature, excluded from the signed string. */
    field: string
    /** The credential (by key) used as the signing key. */
    keyCredential: string
    /** MD5: appended as `&key=<secret>`; HMAC: the HMAC key. Upper-case hex when true. */
    upperCase: boolean
  }
  /** Our field name → the provider's parameter name (only where they differ). */
  fieldMap: Partial<Record<OutboundField, string>>
  /** Where the outcome sits in the provider's answer (dotted path) and the value meaning success. */
  successPath: string
  successValue: string
  /**
   * The value at `successPath` meaning "no such order" in a query answer (status `not_found`).
   * Without it a refused query says nothing about the order.
   */
  notFoundValue?: string
  /** Dotted paths into the provider's answer (and callbacks) for what we read back. */
  responsePaths: {
    upstreamNo: string
    status: string
    /** The amount the provider says was actually paid (callbacks, queries). */
    paidAmount: string
    paymentUrl: string
    qrCode: string
    bankAccount: string
    bankName: string
    accountName: string
    address: string
    message: string
    /** The provider's unique event id in callbacks, when it sends one. */
    eventId: string
    /**
     * Create answers: the amount the payer is asked to pay (the order's amount when absent). Query
     * answers and callbacks: the order amount the provider holds, compared with ours.
     */
    amount?: string
    /** The currency the provider states (query answers, callbacks), compared with the order's. */
    currency?: string
  }
  /**
   * Dotted paths into a callback, where it differs from `responsePaths`. Callbacks of this pattern
   * are flat: left out, a path is the last segment of its `responsePaths` entry (`data.status` →
   * `status`).
   */
  callbackPaths?: Partial<Record<ResponseField, string>>
  /** Provider status value → our outcome. */
  statusMap: Record<string, UpstreamStatus>
  /** What the provider expects back from our callback listener. */
  callbackAck: string
  /** Per-request timeout. */
  timeoutMs: number
}

export type ResponseField = keyof GenericAdapterConfig['responsePaths']

export type OutboundField =
  | 'merchantNo'
  | 'orderNo'
  | 'amount'
  | 'currency'
  | 'notifyUrl'
  | 'payerName'
  | 'cardNumber'
  | 'remarkCode'
  | 'bankCode'
  | 'phone'
  | 'idNumber'
  | 'recipientName'
  | 'recipientAccount'
  | 'network'
  | 'serviceType'
  | 'timestamp'
  | 'refundNo'
  | 'reason'

export type UpstreamStatus = 'pending' | 'succeeded' | 'failed' | 'not_found'

export interface UpstreamCredentials {
  [key: string]: string
}

export interface OutboundOrder {
  orderNo: string
  direction: 'deposit' | 'payout'
  /** Decimal string with the currency's minor digits. */
  amount: string
  currency: string
  serviceType: string
  /** The service type's fields (payerName, bankCode, recipientAccount, …). */
  fields: Record<string, string>
  /** Our callback listener's URL for this channel. */
  notifyUrl: string
}

/** What the payer sees: opens in a new window of the app. */
export interface PaymentPage {
  kind: 'redirect' | 'qr' | 'bank_account' | 'crypto_address'
  url?: string
  qrCode?: string
  bankName?: string
  bankAccount?: string
  accountName?: string
  address?: string
  amount: string
  currency: string
}

export interface UpstreamAnswer {
  /** The provider accepted the request (the success path holds the success value). */
  accepted: boolean
  upstreamNo: string | null
  status: UpstreamStatus | null
  /** What the provider wrote as paid, as written (a number or any text): checked against the order before use. */
  paidAmount: string | null
  /** The order amount and currency the provider states, as written, or null when it states none. */
  amount: string | null
  currency: string | null
  paymentPage: PaymentPage | null
  message: string | null
}

/** One HTTP exchange, secrets masked, for the order's request/response log. */
export interface ExchangeLog {
  operation: 'createDeposit' | 'createPayout' | 'query' | 'createRefund' | 'queryRefund'
  url: string
  requestBody: string
  responseStatus: number | null
  responseBody: string | null
  durationMs: number
  /** `timeout`, `unreachable` (never reached the provider), `http_5xx`, `bad_response`… */
  error: string | null
  attempt: number
}

/**
 * The result of sending: `answered` when the provider replied (even with a decline);
 * `unreachable` when the request provably never reached it (connection refused, DNS) and is safe
 * to send again; `timeout` when it may or may not have arrived (never re-send a payout blindly).
 */
export type SendOutcome =
  | { kind: 'answered'; answer: UpstreamAnswer; logs: ExchangeLog[] }
  | { kind: 'unreachable'; logs: ExchangeLog[] }
  | { kind: 'timeout'; logs: ExchangeLog[] }
  | { kind: 'server_error'; logs: ExchangeLog[] }
  /** The provider answered something unreadable (or a redirect): like a timeout, the outcome is unknown. */
  | { kind: 'bad_response'; logs: ExchangeLog[] }

export interface VerifiedCallback {
  signatureValid: boolean
  /**
   * The order number the body claims, even when the signature fails: only for logging the
   * rejected callback on that order's timeline, never for applying anything.
   */
  claimedOrderNo: string | null
  orderNo: string | null
  upstreamNo: string | null
  status: UpstreamStatus | null
  /** As written by the provider; null only when the callback states no paid amount. */
  paidAmount: string | null
  /** The order amount and currency the callback states, as written, or null. */
  amount: string | null
  currency: string | null
  /** A key unique per provider event: its event id, else upstream number + status. */
  eventKey: string | null
  params: Record<string, string>
}

/** A refund of (part of) a paid deposit. The refund number is the provider's deduplication key. */
export interface OutboundRefund {
  refundNo: string
  /** The deposit's order number. */
  orderNo: string
  amount: string
  currency: string
  reason: string
}

export interface ProviderAdapter {
  createDeposit(order: OutboundOrder, credentials: UpstreamCredentials): Promise<SendOutcome>
  createPayout(order: OutboundOrder, credentials: UpstreamCredentials): Promise<SendOutcome>
  query(order: Pick<OutboundOrder, 'orderNo' | 'direction'>, credentials: UpstreamCredentials): Promise<SendOutcome>
  /** Throws RefundNotSupportedError when the channel has no refund endpoint. */
  createRefund(refund: OutboundRefund, credentials: UpstreamCredentials): Promise<SendOutcome>
  queryRefund(refund: Pick<OutboundRefund, 'refundNo'>, credentials: UpstreamCredentials): Promise<SendOutcome>
  /** Checks the signature BEFORE anything else and reads the callback. */
  verifyCallback(body: string, contentType: string | null, credentials: UpstreamCredentials): VerifiedCallback
  callbackAck: string
  /**
   * How every exchange with this channel is masked before it is stored or shown: the request and
   * response logs and the callbacks it sends (upstream/mask.ts).
   */
  maskRules(credentials: UpstreamCredentials): MaskRules
}

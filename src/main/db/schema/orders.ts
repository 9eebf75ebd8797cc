/**
 * Orders and everything that happens to them: the timeline, the upstream request/response log,
 * the outbox of work that must reach a provider, provider callbacks (applied once each), merchant
 * notifications, and the per-day order statistics behind the transaction reports.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'
import type { ServerText } from '../../../shared/server-text'
import { tenants, users } from './foundation'
import { channels, contracts, services, terminals } from './master'

export const ORDER_STATUSES = ['created', 'pending', 'unknown', 'succeeded', 'failed', 'closed', 'returned'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const orderSequences = sqliteTable('order_sequences', {
  businessDay: integer('business_day').primaryKey(),
  last: integer('last').notNull()
})

export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** `D`/`P` + txnNo: what staff and the provider see. */
    orderNo: text('order_no').notNull(),
    /** Business day × 10^7 + the day's sequence: the report API's numeric transaction number. */
    txnNo: integer('txn_no').notNull(),
    merchantOrderNo: text('merchant_order_no').notNull(),
    upstreamNo: text('upstream_no'),
    direction: text('direction', { enum: ['deposit', 'payout'] }).notNull(),
    merchantId: integer('merchant_id').notNull(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    terminalId: integer('terminal_id').references(() => terminals.id),
    serviceType: text('service_type').notNull(),
    currency: text('currency').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    /** What the provider reports as actually paid (a partial payment differs from the amount). */
    paidMinor: integer('paid_minor'),
    /** Payouts: the fee held with the amount (the contract's withdrawal fee). */
    feeMinor: integer('fee_minor').notNull().default(0),
    /**
     * Payer (deposit) or recipient (payout) fields of the service type, card and account numbers
     * masked (first 6, last 4: orders/card-numbers.ts).
     */
    fields: text('fields', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    /**
     * The card and account numbers in full, as one sealed JSON object (the core's SecretBox), opened
     * only to send the order upstream and for a holder of CARD_NUMBER_REVEAL. Null when the order
     * has none, or (a database from before 0017) until the start-up step has sealed them.
     */
    sealedFields: text('sealed_fields'),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    /** English rendering of `statusReasonText`, for readers of the database. */
    statusReason: text('status_reason'),
    statusReasonText: text('status_reason_text', { mode: 'json' }).$type<ServerText>(),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    paymentPage: text('payment_page', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** Once the payout request may have reached the provider, it can no longer be cancelled. */
    sentAt: integer('sent_at'),
    expiresAt: integer('expires_at'),
    finalizedAt: integer('finalized_at'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Business day (yyyymmdd) the order was created on: its day in the transaction reports. */
    businessDay: integer('business_day').notNull(),
    /**
     * FX: set when the contract settles in another currency than the order's. The rate is fixed
     * when the order is created (exact decimal strings from the rate table), so a deposit never
     * settles without a rate; null when the contract settles in the order's currency.
     */
    settlementCurrency: text('settlement_currency'),
    fxRateId: integer('fx_rate_id'),
    fxReferenceRate: text('fx_reference_rate'),
    fxAppliedRate: text('fx_applied_rate')
  },
  (t) => [
    uniqueIndex('orders_order_no').on(t.orderNo),
    uniqueIndex('orders_txn_no').on(t.txnNo),
    uniqueIndex('orders_merchant_order_no').on(t.merchantId, t.merchantOrderNo),
    index('orders_upstream_no').on(t.upstreamNo),
    index('orders_merchant_created').on(t.merchantId, t.createdAt),
    index('orders_channel_created').on(t.channelId, t.createdAt),
    index('orders_status_expires').on(t.status, t.expiresAt),
    index('orders_created').on(t.createdAt),
    // The orders list (orders/list.ts): one index per filter, in page order after the filter's
    // column (created_at, then the rowid every index ends with), so a page is a range read.
    index('orders_list_created').on(t.tenantId, t.createdAt),
    index('orders_list_merchant').on(t.tenantId, t.merchantId, t.createdAt),
    index('orders_list_channel').on(t.tenantId, t.channelId, t.createdAt),
    index('orders_list_status').on(t.tenantId, t.status, t.createdAt),
    index('orders_list_direction').on(t.tenantId, t.direction, t.createdAt),
    index('orders_list_test').on(t.tenantId, t.isTest, t.createdAt),
    // The list's search by merchant order number across merchants (orders_merchant_order_no leads with the merchant).
    index('orders_merchant_order_lookup').on(t.tenantId, t.merchantOrderNo),
    // Orders whose card or account numbers are still in clear (written before 0017): what the start-up step seals; empty after it.
    index('orders_fields_to_seal')
      .on(t.id)
      .where(sql`sealed_fields is null and (json_extract(fields, '$.cardNumber') is not null or json_extract(fields, '$.recipientAccount') is not null)`)
  ]
)

export const orderEvents = sqliteTable(
  'order_events',
  {
    id: integer('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    at: integer('at').notNull(),
    kind: text('kind', { enum: ['created', 'sent', 'upstream_answer', 'callback', 'query', 'notification', 'manual', 'ledger', 'expired', 'status'] }).notNull(),
    /** English rendering of `text`, for readers of the database. */
    summary: text('summary').notNull(),
    /** What happened as a catalog code and parameters, translated where it is shown. */
    text: text('text', { mode: 'json' }).$type<ServerText>(),
    detail: text('detail', { mode: 'json' }),
    actor: text('actor').notNull().default('system')
  },
  (t) => [index('order_events_order').on(t.orderId, t.at)]
)

export const upstreamExchanges = sqliteTable(
  'upstream_exchanges',
  {
    id: integer('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    at: integer('at').notNull(),
    operation: text('operation').notNull(),
    url: text('url').notNull(),
    requestBody: text('request_body').notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    attempt: integer('attempt').notNull()
  },
  (t) => [index('upstream_exchanges_order').on(t.orderId, t.at)]
)

/** Refund rows carry the refund number as their key (`refunds.refund_no`). */
export const OUTBOX_OPERATIONS = ['send_deposit', 'send_payout', 'query', 'notify', 'send_refund', 'query_refund'] as const

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    operation: text('operation', { enum: OUTBOX_OPERATIONS }).notNull(),
    /** The key the provider (or merchant) deduplicates on: sending twice is one request in effect. */
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status', { enum: ['pending', 'in_flight', 'done', 'gave_up'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** English rendering of `lastErrorText`, for readers of the database. */
    lastError: text('last_error'),
    lastErrorText: text('last_error_text', { mode: 'json' }).$type<ServerText>(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [
    index('outbox_due').on(t.status, t.nextAttemptAt),
    index('outbox_order').on(t.orderId),
    uniqueIndex('outbox_operation_key').on(t.operation, t.idempotencyKey),
    // The outbox list (orders/outbox-list.ts), newest first: a status or an operation, then the rowid.
    index('outbox_list_status').on(t.status),
    index('outbox_list_operation').on(t.operation)
  ]
)

/**
 * The outbox list's totals: outbox rows per tenant, merchant (of the order), operation and status,
 * kept by triggers on `outbox` (migration 0013), so the list never counts the millions of rows a
 * year of orders leaves there.
 */
export const outboxCounts = sqliteTable(
  'outbox_counts',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id').notNull(),
    merchantId: integer('merchant_id').notNull(),
    operation: text('operation', { enum: OUTBOX_OPERATIONS }).notNull(),
    status: text('status', { enum: ['pending', 'in_flight', 'done', 'gave_up'] }).notNull(),
    itemCount: integer('item_count').notNull().default(0)
  },
  (t) => [uniqueIndex('outbox_counts_key').on(t.tenantId, t.merchantId, t.status, t.operation)]
)

export const CALLBACK_OUTCOMES = ['received', 'applied', 'duplicate', 'rejected', 'unknown_order', 'ignored', 'parked'] as const

export const providerCallbacks = sqliteTable(
  'provider_callbacks',
  {
    id: integer('id').primaryKey(),
    channelId: integer('channel_id').notNull(),
    orderId: integer('order_id'),
    /** Unique per provider event: a replayed callback is recorded and acknowledged, never applied twice. */
    eventKey: text('event_key'),
    receivedAt: integer('received_at').notNull(),
    signatureValid: integer('signature_valid', { mode: 'boolean' }).notNull(),
    /** `parked`: verified but not applied, waiting for a person (its payment exception says why). */
    outcome: text('outcome', { enum: CALLBACK_OUTCOMES }).notNull(),
    /** What the verified callback said, kept so it is applied from what was verified. */
    reportedStatus: text('reported_status'),
    /** The paid amount exactly as the provider wrote it (checked when applied, never trusted as read). */
    paidAmount: text('paid_amount'),
    /** The order amount and currency the callback states, compared with the order's when applied. */
    reportedAmount: text('reported_amount'),
    reportedCurrency: text('reported_currency'),
    upstreamNo: text('upstream_no'),
    /** As received, masked like the channel's upstream log (credentials, signature, card and account numbers). */
    body: text('body').notNull(),
    /** False for a body stored before 0017, in clear until the start-up step masks it. */
    bodyMasked: integer('body_masked', { mode: 'boolean' }).notNull().default(false),
    /** Failed attempts to apply it (a transient failure: a busy database); parked after a few. */
    applyAttempts: integer('apply_attempts').notNull().default(0),
    /** Not before this time (ms) is it tried again; null: now. */
    nextApplyAt: integer('next_apply_at')
  },
  (t) => [
    uniqueIndex('provider_callbacks_event').on(t.channelId, t.eventKey),
    index('provider_callbacks_order').on(t.orderId),
    // The job loop looks for callbacks still to apply every second: a partial index holds only those,
    // so the look-up costs nothing however many callbacks were ever received (a scan of all of them did).
    index('provider_callbacks_received').on(t.id).where(sql`outcome = 'received'`),
    // Bodies stored in clear before 0017: what the start-up step masks; empty after it.
    index('provider_callbacks_to_mask').on(t.id).where(sql`body_masked = 0`)
  ]
)

export const PAYMENT_EXCEPTION_KINDS = ['overpaid', 'late_payment', 'bad_amount', 'amount_mismatch', 'currency_mismatch', 'status_conflict', 'apply_failed'] as const
export type PaymentExceptionKind = (typeof PAYMENT_EXCEPTION_KINDS)[number]

export const PAYMENT_EXCEPTION_RESOLUTIONS = ['booked', 'credited', 'returned', 'dismissed'] as const
export type PaymentExceptionResolution = (typeof PAYMENT_EXCEPTION_RESOLUTIONS)[number]

/**
 * What a provider reported about an order that PayDesk did not apply by itself and a person must
 * decide (orders/payment-check.ts): an overpayment's excess or a payment for a closed or failed
 * order (the money is booked to suspense: `heldMinor`), or a report that contradicts the order
 * (no money moved). One row per report (`reportKey`), so a report seen again adds nothing.
 */
export const paymentExceptions = sqliteTable(
  'payment_exceptions',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    /** The order's merchant, for the merchant scope of the list. */
    merchantId: integer('merchant_id').notNull(),
    kind: text('kind', { enum: PAYMENT_EXCEPTION_KINDS }).notNull(),
    /** Where the report came from: `callback`, `provider_answer`, `status_query`, … */
    source: text('source').notNull(),
    callbackId: integer('callback_id'),
    reportKey: text('report_key').notNull(),
    /** What the provider said, as it said it: status, paid amount, amount, currency. */
    reported: text('reported', { mode: 'json' }).$type<{ status: string | null; paidAmount: string | null; amount: string | null; currency: string | null }>().notNull(),
    /** Why, for people (English rendering beside it for readers of the database). */
    reason: text('reason').notNull(),
    reasonText: text('reason_text', { mode: 'json' }).$type<ServerText>().notNull(),
    currency: text('currency').notNull(),
    /** Money booked to suspense for it (the excess, or a late payment), in minor units; 0 when none moved. */
    heldMinor: integer('held_minor').notNull().default(0),
    heldPostingId: integer('held_posting_id'),
    status: text('status', { enum: ['open', 'awaiting_approval', 'resolved'] }).notNull(),
    resolution: text('resolution', { enum: PAYMENT_EXCEPTION_RESOLUTIONS }),
    resolutionNote: text('resolution_note'),
    /** A credit to the merchant goes through an adjustment and its maker-checker. */
    adjustmentId: integer('adjustment_id'),
    resolvedPostingId: integer('resolved_posting_id'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolvedAt: integer('resolved_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('payment_exceptions_report').on(t.tenantId, t.reportKey),
    index('payment_exceptions_order').on(t.orderId),
    index('payment_exceptions_status').on(t.tenantId, t.status, t.createdAt),
    index('payment_exceptions_adjustment').on(t.adjustmentId)
  ]
)

export const merchantNotifications = sqliteTable(
  'merchant_notifications',
  {
    id: integer('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    attempt: integer('attempt').notNull(),
    url: text('url').notNull(),
    at: integer('at').notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    acknowledged: integer('acknowledged', { mode: 'boolean' }).notNull(),
    error: text('error')
  },
  (t) => [index('merchant_notifications_order').on(t.orderId)]
)


/**
 * The orders list's counts by status and direction (orders/list.ts): orders per business day,
 * direction and status, for all merchants (`order_status_days`) and per merchant
 * (`order_status_merchant_days`), each in the view with test orders (`include_test = 1`) and the
 * view without them (0), as the transaction report's day rows keep their counts. Kept by triggers
 * on `orders` (migration 0012), so every insert and every status change counts, whichever code
 * (or bulk load) makes it.
 */
const statusDayKeys = () => ({
  tenantId: integer('tenant_id').notNull(),
  includeTest: integer('include_test').notNull(),
  businessDay: integer('business_day').notNull(),
  direction: text('direction', { enum: ['deposit', 'payout'] }).notNull(),
  status: text('status', { enum: ORDER_STATUSES }).notNull(),
  orderCount: integer('order_count').notNull().default(0)
})

export const orderStatusDays = sqliteTable('order_status_days', { id: integer('id').primaryKey(), ...statusDayKeys() }, (t) => [
  uniqueIndex('order_status_days_status').on(t.tenantId, t.includeTest, t.status, t.direction, t.businessDay),
  index('order_status_days_direction').on(t.tenantId, t.includeTest, t.direction, t.businessDay)
])

export const orderStatusMerchantDays = sqliteTable('order_status_merchant_days', { id: integer('id').primaryKey(), merchantId: integer('merchant_id').notNull(), ...statusDayKeys() }, (t) => [
  uniqueIndex('order_status_merchant_days_status').on(t.tenantId, t.includeTest, t.merchantId, t.status, t.direction, t.businessDay),
  index('order_status_merchant_days_direction').on(t.tenantId, t.includeTest, t.merchantId, t.direction, t.businessDay)
])

/**
 * Finance cases: merchant withdrawals (cash-outs to a bank account, maker-checker review), manual
 * adjustment requests (maker-checker) and the FX rate table used when a contract settles in
 * another currency than the order's. Money is integer minor units; rates are exact decimal
 * strings (never floats). Timelines of withdrawals and adjustments live in `case_events`.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { merchants, tenants, users } from './foundation'
import { contracts } from './master'

export const WITHDRAWAL_STATUSES = ['pending_review', 'approved', 'rejected', 'paid', 'failed'] as const
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number]

export const withdrawals = sqliteTable(
  'withdrawals',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** `W` + business day + sequence: what staff and the merchant see. */
    withdrawalNo: text('withdrawal_no').notNull(),
    merchantId: integer('merchant_id')
      .notNull()
      .references(() => merchants.id),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    currency: text('currency').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    /** The contract's withdrawal fee at request time, held with the amount. */
    feeMinor: integer('fee_minor').notNull(),
    bankCode: text('bank_code').notNull(),
    accountNo: text('account_no').notNull(),
    holderName: text('holder_name').notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: WITHDRAWAL_STATUSES }).notNull(),
    /** Makes a retried request create one withdrawal. */
    requestKey: text('request_key').notNull(),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: integer('reviewed_at'),
    reviewNote: text('review_note'),
    /** Who recorded the bank transfer's outcome (paid or failed), when, and the bank's reference. */
    settledBy: integer('settled_by').references(() => users.id),
    settledAt: integer('settled_at'),
    bankReference: text('bank_reference'),
    failureReason: text('failure_reason'),
    holdPostingId: integer('hold_posting_id').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('withdrawals_no').on(t.tenantId, t.withdrawalNo),
    uniqueIndex('withdrawals_request_key').on(t.tenantId, t.requestKey),
    index('withdrawals_merchant_created').on(t.merchantId, t.createdAt),
    index('withdrawals_status_created').on(t.status, t.createdAt),
    index('withdrawals_created').on(t.createdAt)
  ]
)

/** `withdrawn`: refused on approval because what it relied on no longer holds (recon/accept-check.ts); nothing posted. */
export const ADJUSTMENT_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number]

export const adjustmentRequests = sqliteTable(
  'adjustment_requests',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** `A` + business day + sequence. */
    adjustmentNo: text('adjustment_no').notNull(),
    merchantId: integer('merchant_id')
      .notNull()
      .references(() => merchants.id),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    currency: text('currency').notNull(),
    /** Signed: + credits the merchant's available balance, − debits it. */
    amountMinor: integer('amount_minor').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ADJUSTMENT_STATUSES }).notNull(),
    requestKey: text('request_key').notNull(),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: integer('decided_at'),
    decisionNote: text('decision_note'),
    postingId: integer('posting_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('adjustment_requests_no').on(t.tenantId, t.adjustmentNo),
    uniqueIndex('adjustment_requests_key').on(t.tenantId, t.requestKey),
    index('adjustment_requests_merchant_created').on(t.merchantId, t.createdAt),
    index('adjustment_requests_status_created').on(t.status, t.createdAt)
  ]
)

export const fxRates = sqliteTable(
  'fx_rates',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** The order's currency (what is converted from). */
    baseCurrency: text('base_currency').notNull(),
    /** The settlement currency (what it is converted to). */
    quoteCurrency: text('quote_currency').notNull(),
    /** Units of quote per one unit of base, as an exact decimal string (e.g. "7.1234"). */
    referenceRate: text('reference_rate').notNull(),
    /** The rate the merchant is settled at (reference less the markup), exact decimal string. */
    appliedRate: text('applied_rate').notNull(),
    /** Epoch ms, inclusive from, exclusive to. */
    validFrom: integer('valid_from').notNull(),
    validTo: integer('valid_to').notNull(),
    source: text('source', { enum: ['manual', 'import'] }).notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull()
  },
  (t) => [index('fx_rates_pair_valid').on(t.tenantId, t.baseCurrency, t.quoteCurrency, t.validFrom)]
)

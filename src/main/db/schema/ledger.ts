/**
 * The double-entry ledger. Entries are append-only and posted; a hold's planned entries wait in
 * `ledger_hold_entries` until the hold is posted (they move into `ledger_entries`) or voided.
 * Balances and the settlement report's daily rows (schema/reports.ts) are derived from entries,
 * maintained in the same transaction, and never edited by anything else (`npm run verify`
 * recomputes them).
 */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { tenants } from './foundation'

export const ACCOUNT_KINDS = ['merchant_available', 'merchant_reserve', 'channel', 'platform_fee', 'fx', 'suspense'] as const
export type AccountKind = (typeof ACCOUNT_KINDS)[number]

export const ledgerAccounts = sqliteTable(
  'ledger_accounts',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** `kind:merchantOrChannelId:currency`, e.g. `merchant_available:12:CNY`, `platform_fee:-:CNY`. */
    key: text('key').notNull(),
    kind: text('kind', { enum: ACCOUNT_KINDS }).notNull(),
    merchantId: integer('merchant_id'),
    channelId: integer('channel_id'),
    currency: text('currency').notNull(),
    /**
     * +1 for accounts whose balance is what the platform owes or earned (merchants, fees, FX,
     * suspense), -1 for what it holds (a channel's balance at the provider). A balance shown to
     * people is `normal * sum(amount)`.
     */
    normal: integer('normal').notNull(),
    allowOverdraft: integer('allow_overdraft', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull()
  },
  (t) => [uniqueIndex('ledger_accounts_key').on(t.tenantId, t.key), index('ledger_accounts_merchant').on(t.merchantId), index('ledger_accounts_channel').on(t.channelId)]
)

export const ledgerBalances = sqliteTable('ledger_balances', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => ledgerAccounts.id),
  /** Sum of posted entry amounts (raw sign). */
  postedSum: integer('posted_sum').notNull().default(0),
  /** Pending hold entries that lower the shown balance, as a positive number. */
  heldOut: integer('held_out').notNull().default(0),
  /** Pending hold entries that raise the shown balance, as a positive number. */
  heldIn: integer('held_in').notNull().default(0),
  entryCount: integer('entry_count').notNull().default(0),
  updatedAt: integer('updated_at').notNull()
})

export const ledgerPostings = sqliteTable(
  'ledger_postings',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of the canonical request: replaying the key with other content is a conflict. */
    contentHash: text('content_hash').notNull(),
    status: text('status', { enum: ['posted', 'pending', 'voided'] }).notNull(),
    description: text('description').notNull(),
    txnId: integer('txn_id').notNull(),
    merchantId: integer('merchant_id'),
    contractId: integer('contract_id'),
    reference: text('reference'),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
    settledAt: integer('settled_at'),
    voidReason: text('void_reason')
  },
  (t) => [uniqueIndex('ledger_postings_key').on(t.tenantId, t.idempotencyKey), index('ledger_postings_txn').on(t.txnId), index('ledger_postings_reference').on(t.reference)]
)

/** The report indexes' condition; queries must repeat it literally for SQLite to use them. */
const MERCHANT_ENTRIES = sql`account_kind = 'merchant_available'`

const entryColumns = {
  postingId: integer('posting_id')
    .notNull()
    .references(() => ledgerPostings.id),
  accountId: integer('account_id')
    .notNull()
    .references(() => ledgerAccounts.id),
  /** Integer minor units, signed as the entry moves the account's shown balance × normal. */
  amount: integer('amount').notNull(),
  currency: text('currency').notNull(),
  /** The seed's merchant entry type (0–10, 99); required on merchant accounts. */
  type: integer('type'),
  remark: text('remark').notNull().default('')
}

export const ledgerHoldEntries = sqliteTable(
  'ledger_hold_entries',
  {
    id: integer('id').primaryKey(),
    ...entryColumns
  },
  (t) => [index('ledger_hold_entries_posting').on(t.postingId)]
)

export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id').notNull(),
    ...entryColumns,
    /** Denormalised from the account and posting so reports filter without joins. */
    accountKind: text('account_kind', { enum: ACCOUNT_KINDS }).notNull(),
    merchantId: integer('merchant_id'),
    contractId: integer('contract_id'),
    txnId: integer('txn_id').notNull(),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    /** The business day (yyyymmdd in the tenant's time zone) the entry was posted on. */
    businessDay: integer('business_day').notNull(),
    createdAt: integer('created_at').notNull()
  },
  (t) => [
    index('ledger_entries_posting').on(t.postingId),
    index('ledger_entries_account').on(t.accountId, t.id),
    index('ledger_entries_merchant_created').on(t.merchantId, t.createdAt),
    index('ledger_entries_created').on(t.createdAt),
    index('ledger_entries_txn').on(t.txnId),
    // The report API's entry list (src/main/reports/account-details.ts) reads merchant entries only,
    // newest first by (created_at, id). Partial indexes: one per filter, each ending in created_at so
    // a filter alone, or with a date range, reads in page order with no sort, counts without touching
    // the table, and the other accounts' entries cost them nothing.
    index('ledger_entries_report_created').on(t.tenantId, t.createdAt).where(MERCHANT_ENTRIES),
    index('ledger_entries_report_merchant').on(t.tenantId, t.merchantId, t.createdAt).where(MERCHANT_ENTRIES),
    index('ledger_entries_report_contract').on(t.tenantId, t.contractId, t.createdAt).where(MERCHANT_ENTRIES),
    index('ledger_entries_report_currency').on(t.tenantId, t.currency, t.createdAt).where(MERCHANT_ENTRIES),
    index('ledger_entries_report_type').on(t.tenantId, t.type, t.createdAt).where(MERCHANT_ENTRIES),
    index('ledger_entries_report_test').on(t.tenantId, t.isTest, t.createdAt).where(MERCHANT_ENTRIES)
  ]
)

/**
 * Every account a posting took below zero by leave of that one posting (`ledger.post`'s
 * `mayOverdraw`): money already gone that the platform could not refuse to record (a chargeback the
 * provider has taken back). `shortBy` is how far below zero the posting took the account, in its
 * shown terms. An account without overdraft can only be below zero by at most the sum of its rows
 * here; the self-check (verify.ts) names any other negative balance as drift.
 */
export const ledgerOverdrafts = sqliteTable(
  'ledger_overdrafts',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    postingId: integer('posting_id')
      .notNull()
      .references(() => ledgerPostings.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    /** What was available before the posting (shown terms, minor units; may already be negative). */
    availableBefore: integer('available_before').notNull(),
    /** How far below zero the posting took the account (minor units, > 0). */
    shortBy: integer('short_by').notNull(),
    createdAt: integer('created_at').notNull()
  },
  (t) => [index('ledger_overdrafts_account').on(t.accountId), uniqueIndex('ledger_overdrafts_posting_account').on(t.postingId, t.accountId)]
)

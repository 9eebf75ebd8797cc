/**
 * Four eyes where money moves by hand (issue 16): per tenant, which manual money movements need a
 * second user's approval from which amount, and the requests waiting for it. A rule is one kind in
 * one currency with its threshold in that currency's minor units; no rule for a kind and currency
 * means no second approval (off by default). Amounts at or over the threshold wait for approval.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { merchants, tenants, users } from './foundation'
import { channels } from './master'
import { orders } from './orders'

export const FOUR_EYES_KINDS = ['payout', 'mark_result', 'channel_balance', 'recon_write_off'] as const
export type FourEyesKind = (typeof FOUR_EYES_KINDS)[number]

export const FOUR_EYES_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const
export type FourEyesStatus = (typeof FOUR_EYES_STATUSES)[number]

export const fourEyesRules = sqliteTable(
  'four_eyes_rules',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind', { enum: FOUR_EYES_KINDS }).notNull(),
    currency: text('currency').notNull(),
    /** At or over this amount (minor units of `currency`), a second user must approve. */
    thresholdMinor: integer('threshold_minor').notNull(),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.currency] })]
)

export const fourEyesRequests = sqliteTable(
  'four_eyes_requests',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind', { enum: FOUR_EYES_KINDS }).notNull(),
    status: text('status', { enum: FOUR_EYES_STATUSES }).notNull(),
    /** Payouts and forced results: the order; channel balance and a break's write-off: null. */
    orderId: integer('order_id').references(() => orders.id),
    merchantId: integer('merchant_id').references(() => merchants.id),
    channelId: integer('channel_id').references(() => channels.id),
    currency: text('currency').notNull(),
    /** The amount compared with the threshold (absolute; a correction's sign is in `action`). */
    amountMinor: integer('amount_minor').notNull(),
    /** What applies on approval: the procedure's input as the requester gave it. */
    action: text('action', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    reason: text('reason').notNull(),
    /** Channel balance: the request key of the correction, so a retried request waits once. */
    requestKey: text('request_key'),
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
    index('four_eyes_requests_status').on(t.tenantId, t.status, t.createdAt),
    index('four_eyes_requests_order').on(t.orderId),
    uniqueIndex('four_eyes_requests_key').on(t.tenantId, t.kind, t.requestKey)
  ]
)

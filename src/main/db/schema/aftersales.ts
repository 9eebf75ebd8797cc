import { sql } from 'drizzle-orm'
/**
 * After-sales: refunds of paid deposits, disputes (chargebacks and complaints) with their evidence
 * files, and waybills (shipment records attached to orders, used as dispute evidence). Amounts are
 * integer minor units of the order's currency. Their timelines are `case_events`.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { ServerText } from '../../../shared/server-text'
import { tenants, users } from './foundation'
import { orders } from './orders'

export const REFUND_STATUSES = ['requested', 'processing', 'succeeded', 'failed'] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

export const refunds = sqliteTable(
  'refunds',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** `R` + the order's transaction number + `-` + the order's refund sequence: also the key the provider deduplicates on. */
    refundNo: text('refund_no').notNull(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    merchantId: integer('merchant_id').notNull(),
    contractId: integer('contract_id').notNull(),
    channelId: integer('channel_id').notNull(),
    currency: text('currency').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    /** The contract's refund fee, charged to the merchant with the refund. */
    feeMinor: integer('fee_minor').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: REFUND_STATUSES }).notNull(),
    /** Why it failed, as a catalog text (translated where it is shown). */
    statusReason: text('status_reason', { mode: 'json' }).$type<ServerText>(),
    upstreamNo: text('upstream_no'),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    finalizedAt: integer('finalized_at')
  },
  (t) => [uniqueIndex('refunds_refund_no').on(t.refundNo), index('refunds_order').on(t.orderId), index('refunds_merchant_created').on(t.merchantId, t.createdAt), index('refunds_status').on(t.status, t.createdAt), index('refunds_upstream_no').on(t.upstreamNo)]
)

export const DISPUTE_STATUSES = ['open', 'evidence_submitted', 'won', 'lost', 'accepted'] as const
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number]
export const DISPUTE_KINDS = ['chargeback', 'complaint'] as const
export type DisputeKind = (typeof DISPUTE_KINDS)[number]

export const disputes = sqliteTable(
  'disputes',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    disputeNo: text('dispute_no').notNull(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    merchantId: integer('merchant_id').notNull(),
    contractId: integer('contract_id').notNull(),
    channelId: integer('channel_id').notNull(),
    currency: text('currency').notNull(),
    kind: text('kind', { enum: DISPUTE_KINDS }).notNull(),
    /** The scheme's or provider's reason code, e.g. 13.1 (merchandise not received). */
    reasonCode: text('reason_code').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    feeMinor: integer('fee_minor').notNull(),
    /** When evidence must be in (ms). */
    evidenceDueAt: integer('evidence_due_at').notNull(),
    status: text('status', { enum: DISPUTE_STATUSES }).notNull(),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    resolvedAt: integer('resolved_at')
  },
  (t) => [uniqueIndex('disputes_dispute_no').on(t.disputeNo), index('disputes_order').on(t.orderId), index('disputes_merchant_created').on(t.merchantId, t.createdAt), index('disputes_status_due').on(t.status, t.evidenceDueAt)]
)

export const disputeEvidence = sqliteTable(
  'dispute_evidence',
  {
    id: integer('id').primaryKey(),
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** The file's name inside the data folder's evidence directory (never the uploader's name). */
    storedName: text('stored_name').notNull(),
    note: text('note').notNull().default(''),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: integer('uploaded_at').notNull()
  },
  (t) => [index('dispute_evidence_dispute').on(t.disputeId)]
)

export const WAYBILL_STATUSES = ['in_transit', 'delivered', 'returned', 'lost'] as const
export type WaybillStatus = (typeof WAYBILL_STATUSES)[number]

export const waybills = sqliteTable(
  'waybills',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    merchantId: integer('merchant_id').notNull(),
    carrier: text('carrier').notNull(),
    trackingNo: text('tracking_no').notNull(),
    shippedAt: integer('shipped_at').notNull(),
    status: text('status', { enum: WAYBILL_STATUSES }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [
    // One parcel, one waybill within a tenant: another tenant's waybill of it is none of this one's business.
    uniqueIndex('waybills_tenant_carrier_tracking').on(t.tenantId, t.carrier, t.trackingNo),
    // A tracking number is one parcel whatever its letters' case (recordWaybill compares them so).
    index('waybills_tracking_upper').on(sql`upper(${t.trackingNo})`),
    index('waybills_order').on(t.orderId), index('waybills_merchant_created').on(t.merchantId, t.createdAt)]
)

/** Waybills attached to a dispute as evidence. */
export const disputeWaybills = sqliteTable(
  'dispute_waybills',
  {
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id),
    waybillId: integer('waybill_id')
      .notNull()
      .references(() => waybills.id),
    attachedAt: integer('attached_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.disputeId, t.waybillId] }), index('dispute_waybills_waybill').on(t.waybillId)]
)

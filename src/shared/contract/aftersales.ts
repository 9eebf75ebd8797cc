/**
 * After-sales: refunds of paid deposits, disputes (chargebacks and complaints) with evidence files
 * and waybills, and waybills (shipment records attached to orders). Amounts are decimal strings
 * in the order's currency.
 */
import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { decimalString } from '../schemas'
import { PERMISSIONS } from '../permissions'
import { id, idOrNo, optionalSearch, pageInput, pageOf, rangeInOrder } from '../schemas'
import { serverTextSchema } from '../server-text'
import { mutation, query } from './define'
import { reason } from './ledger'
import { day } from './master-fields'

export const REFUND_STATUS_VALUES = ['requested', 'processing', 'succeeded', 'failed'] as const
export const DISPUTE_STATUS_VALUES = ['open', 'evidence_submitted', 'won', 'lost', 'accepted'] as const
export const DISPUTE_KIND_VALUES = ['chargeback', 'complaint'] as const
export const WAYBILL_STATUS_VALUES = ['in_transit', 'delivered', 'returned', 'lost'] as const
export type RefundStatusValue = (typeof REFUND_STATUS_VALUES)[number]
export type DisputeStatusValue = (typeof DISPUTE_STATUS_VALUES)[number]
export type WaybillStatusValue = (typeof WAYBILL_STATUS_VALUES)[number]

/** Evidence files: at most 5 MB, PDF, PNG or JPEG (checked by their first bytes, not their names). */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024
/** The base64 text of a file of EVIDENCE_MAX_BYTES: longer text is refused before it is decoded. */
export const EVIDENCE_MAX_BASE64 = Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4
/** The HTTP body an evidence upload may need (the base64 text plus the rest of the input). */
export const EVIDENCE_MAX_BODY_BYTES = EVIDENCE_MAX_BASE64 + 64 * 1024
export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const
/** Evidence deadlines this close are highlighted. */
export const DEADLINE_SOON_MS = 48 * 3_600_000

const refundStatus = z.enum(REFUND_STATUS_VALUES, { error: ruleMessage('rule.oneOf', { values: REFUND_STATUS_VALUES.join(', ') }) })
const disputeStatus = z.enum(DISPUTE_STATUS_VALUES, { error: ruleMessage('rule.oneOf', { values: DISPUTE_STATUS_VALUES.join(', ') }) })
const disputeKind = z.enum(DISPUTE_KIND_VALUES, { error: ruleMessage('rule.oneOf', { values: DISPUTE_KIND_VALUES.join(', ') }) })
const waybillStatus = z.enum(WAYBILL_STATUS_VALUES, { error: ruleMessage('rule.oneOf', { values: WAYBILL_STATUS_VALUES.join(', ') }) })
const note = z.string({ error: ruleMessage('rule.required') }).trim().min(1, ruleMessage('rule.required')).max(2000, ruleMessage('rule.maxChars', { n: 2000 }))
/** A moment as milliseconds since 1970 (the screens send what the user picked in their time zone). */
const instant = z.number({ error: ruleMessage('rule.dateTime') }).int(ruleMessage('rule.dateTime')).min(946_684_800_000, ruleMessage('rule.after2000'))

const timelineEvent = z.object({ id: z.number(), at: z.number(), summary: z.string(), text: serverTextSchema, actor: z.string(), detail: z.unknown() })

/** What an order still has to give back: paid less refunds (not failed) and disputes (not won). */
export const orderBalanceOfCases = z.object({
  currency: z.string(),
  paid: z.string(),
  refunded: z.string(),
  disputed: z.string(),
  remaining: z.string(),
  /** The contract's fees, in the order's currency; null when the order can have no refund or dispute. */
  refundFee: z.string().nullable(),
  disputeFee: z.string().nullable(),
  /** Why the order can have no refund or dispute (not a paid deposit, settled in another currency), as creating one would refuse it; null when it can. */
  unavailable: serverTextSchema.nullable()
})

export const refundRow = z.object({
  id: z.number(),
  refundNo: z.string(),
  orderId: z.number(),
  orderNo: z.string(),
  merchantId: z.number(),
  merchantName: z.string(),
  channelName: z.string(),
  currency: z.string(),
  amount: z.string(),
  fee: z.string(),
  reason: z.string(),
  status: refundStatus,
  statusReason: serverTextSchema.nullable(),
  upstreamNo: z.string().nullable(),
  isTest: z.boolean(),
  createdAt: z.number(),
  finalizedAt: z.number().nullable()
})
export type RefundRow = z.infer<typeof refundRow>
export const refundDetail = refundRow.extend({ timeline: z.array(timelineEvent), holdStatus: z.enum(['pending', 'posted', 'voided']).nullable() })
export type RefundDetail = z.infer<typeof refundDetail>

export const waybillRow = z.object({
  id: z.number(),
  orderId: z.number(),
  orderNo: z.string(),
  merchantId: z.number(),
  merchantName: z.string(),
  carrier: z.string(),
  trackingNo: z.string(),
  shippedAt: z.number(),
  status: waybillStatus,
  createdAt: z.number(),
  updatedAt: z.number()
})
export type WaybillRow = z.infer<typeof waybillRow>

const disputeLink = z.object({ id: z.number(), disputeNo: z.string(), status: disputeStatus })
export const waybillDetail = waybillRow.extend({ timeline: z.array(timelineEvent), disputes: z.array(disputeLink) })
export type WaybillDetail = z.infer<typeof waybillDetail>

export const disputeRow = z.object({
  id: z.number(),
  disputeNo: z.string(),
  orderId: z.number(),
  orderNo: z.string(),
  merchantId: z.number(),
  merchantName: z.string(),
  currency: z.string(),
  kind: disputeKind,
  reasonCode: z.string(),
  amount: z.string(),
  fee: z.string(),
  evidenceDueAt: z.number(),
  status: disputeStatus,
  /** Open (or evidence submitted) with the deadline within 48 h, or past it. */
  deadline: z.enum(['none', 'soon', 'overdue']),
  isTest: z.boolean(),
  createdAt: z.number(),
  resolvedAt: z.number().nullable()
})
export type DisputeRow = z.infer<typeof disputeRow>

export const evidenceFile = z.object({ id: z.number(), fileName: z.string(), mimeType: z.string(), size: z.number(), sha256: z.string(), note: z.string(), uploadedAt: z.number() })
export const disputeDetail = disputeRow.extend({ timeline: z.array(timelineEvent), evidence: z.array(evidenceFile), waybills: z.array(waybillRow) })
export type DisputeDetail = z.infer<typeof disputeDetail>

const listBase = pageInput.extend({ search: optionalSearch, merchantId: id.optional(), orderId: id.optional(), dateFrom: day.optional(), dateTo: day.optional() })

export const aftersalesContract = {
  'refunds.quote': query({
    input: z.object({ orderId: id }),
    output: orderBalanceOfCases,
    access: [PERMISSIONS.REFUND_READ, PERMISSIONS.DISPUTE_READ],
    doc: 'What a paid deposit can still give back (paid less refunds and disputes), the contract’s refund and dispute fees, and why it can have none when it cannot.'
  }),
  'refunds.create': mutation({
    input: z.object({ orderId: id, amount: decimalString, reason }),
    output: refundDetail,
    access: PERMISSIONS.REFUND_WRITE,
    doc: 'Requests a refund of (part of) a paid deposit: holds amount + refund fee on the merchant, then sends it to the provider through the outbox.'
  }),
  'refunds.list': query({
    input: listBase.extend({ status: refundStatus.optional() }).refine(...rangeInOrder('dateFrom', 'dateTo')),
    output: pageOf(refundRow),
    access: PERMISSIONS.REFUND_READ,
    doc: 'Refunds, newest first, by refund, order or provider number, merchant, status and request date.'
  }),
  'refunds.get': query({
    input: idOrNo,
    output: refundDetail,
    access: PERMISSIONS.REFUND_READ,
    doc: 'One refund, by id or by its refund number, with its timeline.'
  }),
  'disputes.create': mutation({
    input: z.object({
      orderId: id,
      kind: disputeKind,
      reasonCode: z.string({ error: ruleMessage('rule.required') }).trim().min(1, ruleMessage('rule.required')).max(40, ruleMessage('rule.maxChars', { n: 40 })),
      amount: decimalString,
      evidenceDueAt: instant,
      note: note.optional()
    }),
    output: disputeDetail,
    access: PERMISSIONS.DISPUTE_WRITE,
    doc: 'Opens a dispute on a paid deposit: debits the disputed amount and the contract’s dispute fee from the merchant.'
  }),
  'disputes.list': query({
    input: listBase.extend({ status: disputeStatus.optional(), kind: disputeKind.optional(), deadline: z.enum(['soon', 'overdue']).optional() }).refine(...rangeInOrder('dateFrom', 'dateTo')),
    output: pageOf(disputeRow),
    access: PERMISSIONS.DISPUTE_READ,
    doc: 'Disputes, newest first, by dispute or order number or reason code, merchant, status, kind, deadline and opening date.'
  }),
  'disputes.get': query({
    input: idOrNo,
    output: disputeDetail,
    access: PERMISSIONS.DISPUTE_READ,
    doc: 'One dispute, by id or by its dispute number, with its timeline, evidence files and waybills.'
  }),
  'disputes.addEvidence': mutation({
    input: z.object({
      id,
      fileName: z.string({ error: ruleMessage('rule.required') }).trim().min(1, ruleMessage('rule.required')).max(200, ruleMessage('rule.maxChars', { n: 200 })),
      contentBase64: z.string({ error: ruleMessage('rule.required') }).min(1, ruleMessage('rule.emptyFile')).max(EVIDENCE_MAX_BASE64, ruleMessage('rule.maxMegabytes', { n: EVIDENCE_MAX_BYTES / 1024 / 1024 })),
      note: z.string().trim().max(500, ruleMessage('rule.maxChars', { n: 500 })).default('')
    }),
    output: disputeDetail,
    access: PERMISSIONS.DISPUTE_WRITE,
    doc: 'Adds an evidence file (PDF, PNG or JPEG, at most 5 MB, sent as base64) to an unresolved dispute; kept in the data folder.',
    maxBodyBytes: EVIDENCE_MAX_BODY_BYTES
  }),
  'disputes.evidenceFile': query({
    input: z.object({ id }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
    access: PERMISSIONS.DISPUTE_READ,
    doc: 'Downloads one evidence file (base64).'
  }),
  'disputes.attachWaybill': mutation({
    input: z.object({ id, waybillId: id }),
    output: disputeDetail,
    access: PERMISSIONS.DISPUTE_WRITE,
    doc: 'Attaches a waybill of the disputed order as evidence.'
  }),
  'disputes.addNote': mutation({
    input: z.object({ id, note }),
    output: disputeDetail,
    access: PERMISSIONS.DISPUTE_WRITE,
    doc: 'Adds a note to the dispute’s timeline.'
  }),
  'disputes.submitEvidence': mutation({
    input: z.object({ id, note: note.optional() }),
    output: disputeDetail,
    access: PERMISSIONS.DISPUTE_WRITE,
    doc: 'Marks the evidence (files and waybills, at least one) as submitted: open → evidence submitted.'
  }),
  'disputes.resolve': mutation({
    input: z.object({ id, outcome: z.enum(['won', 'lost', 'accepted'], { error: ruleMessage('rule.disputeOutcome') }), reason }),
    output: disputeDetail,
    access: PERMISSIONS.DISPUTE_WRITE,
    doc: 'Closes a dispute: won returns the disputed amount to the merchant (the fee is kept); lost or accepted (the merchant takes the liability) keeps it.'
  }),
  'waybills.create': mutation({
    input: z.object({
      orderId: id,
      carrier: z.string({ error: ruleMessage('rule.required') }).trim().min(1, ruleMessage('rule.required')).max(60, ruleMessage('rule.maxChars', { n: 60 })),
      trackingNo: z
        .string({ error: ruleMessage('rule.required') })
        .trim()
        .min(4, ruleMessage('rule.minChars', { n: 4 }))
        .max(40, ruleMessage('rule.maxChars', { n: 40 }))
        .regex(/^[A-Za-z0-9-]+$/, ruleMessage('rule.trackingChars')),
      shippedAt: instant,
      status: waybillStatus.default('in_transit')
    }),
    output: waybillDetail,
    access: PERMISSIONS.WAYBILL_WRITE,
    doc: 'Records a shipment of a paid deposit’s goods (carrier, tracking number, shipped at, status).'
  }),
  'waybills.updateStatus': mutation({
    input: z.object({ id, status: waybillStatus, note: z.string().trim().max(500, ruleMessage('rule.maxChars', { n: 500 })).default('') }),
    output: waybillDetail,
    access: PERMISSIONS.WAYBILL_WRITE,
    doc: 'Changes a waybill’s status (in transit, delivered, returned, lost).'
  }),
  'waybills.list': query({
    input: listBase.extend({ status: waybillStatus.optional(), carrier: z.string().trim().max(60).optional() }).refine(...rangeInOrder('dateFrom', 'dateTo')),
    output: pageOf(waybillRow),
    access: PERMISSIONS.WAYBILL_READ,
    doc: 'Waybills, newest first, by tracking number, carrier or order number, merchant, status and shipping date.'
  }),
  'waybills.get': query({
    input: idOrNo,
    output: waybillDetail,
    access: PERMISSIONS.WAYBILL_READ,
    doc: 'One waybill, by id or by its tracking number, with its timeline and the disputes it is evidence in.'
  })
}

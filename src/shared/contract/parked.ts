/**
 * Parked provider reports: what a provider reported that was not applied by itself (an
 * overpayment's excess, a payment after the order ended, a report contradicting the order), listed
 * for a person to decide (docs/orders.md, "Parked reports").
 */
import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { serverTextSchema } from '../server-text'
import { id, pageInput, pageOf } from '../schemas'
import { mutation, query } from './define'
import { reason } from './ledger'

export const PARKED_KINDS = ['overpaid', 'late_payment', 'bad_amount', 'amount_mismatch', 'currency_mismatch', 'status_conflict', 'apply_failed'] as const
export const PARKED_STATUSES = ['open', 'awaiting_approval', 'resolved'] as const
export const PARKED_ACTIONS = ['book', 'credit', 'return', 'dismiss'] as const
export type ParkedAction = (typeof PARKED_ACTIONS)[number]

export const parkedRow = z.object({
  id: z.number(),
  orderId: z.number(),
  orderNo: z.string(),
  direction: z.enum(['deposit', 'payout']),
  orderStatus: z.string(),
  merchantId: z.number(),
  merchantName: z.string(),
  kind: z.enum(PARKED_KINDS),
  source: z.string(),
  reported: z.object({ status: z.string().nullable(), paidAmount: z.string().nullable(), amount: z.string().nullable(), currency: z.string().nullable() }),
  reason: z.string(),
  reasonText: serverTextSchema,
  currency: z.string(),
  orderAmount: z.string(),
  /** Money booked to suspense for it, waiting for the decision ("0.00" when none moved). */
  held: z.string(),
  status: z.enum(PARKED_STATUSES),
  resolution: z.enum(['booked', 'credited', 'returned', 'dismissed']).nullable(),
  resolutionNote: z.string().nullable(),
  adjustmentId: z.number().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.number().nullable(),
  /** The decisions open to it now (none once resolved or while its adjustment waits). */
  actions: z.array(z.enum(PARKED_ACTIONS)),
  createdAt: z.number()
})
export type ParkedRow = z.infer<typeof parkedRow>

export const parkedContract = {
  'parked.list': query({
    input: pageInput.extend({
      status: z.enum(PARKED_STATUSES, { error: ruleMessage('rule.oneOf', { values: PARKED_STATUSES.join(', ') }) }).optional(),
      kind: z.enum(PARKED_KINDS, { error: ruleMessage('rule.oneOf', { values: PARKED_KINDS.join(', ') }) }).optional(),
      orderId: id.optional(),
      merchantId: id.optional()
    }),
    output: pageOf(parkedRow),
    access: PERMISSIONS.ORDER_READ,
    doc: 'Provider reports parked for a decision (newest first): overpayments, payments after an order ended, contradictions.'
  }),
  'parked.resolve': mutation({
    input: z.object({
      id,
      action: z.enum(PARKED_ACTIONS, { error: ruleMessage('rule.oneOf', { values: PARKED_ACTIONS.join(', ') }) }),
      reason,
      /** `credit` only: the adjustment request's key (a retried request creates nothing twice). */
      requestKey: z.string().trim().min(8, ruleMessage('rule.minChars', { n: 8 })).max(100, ruleMessage('rule.maxChars', { n: 100 })).optional()
    }),
    output: parkedRow,
    access: PERMISSIONS.MANUAL_MARK_RESULT,
    doc: 'Decides a parked report: book a late payment as the order’s, credit an excess through an adjustment (maker-checker), record money returned to the payer, or dismiss a report that moved no money.'
  })
}

/**
 * Four eyes where money moves by hand: the tenant's rules (which kind, from which amount in which
 * currency) and the requests waiting for a second user. A payout at or over its currency's
 * threshold is created holding its funds but is sent only once another user approves it; forcing
 * an order's result and correcting a channel's balance over the threshold apply only on approval;
 * so does closing a reconciliation difference unbooked (a write-off or an ignore) over it.
 * The requester never decides their own request.
 */
import { z } from 'zod'
import { REASON_MIN, saysWhy } from '../reason'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { id, pageOf, decimalString } from '../schemas'
import { mutation, query } from './define'
import { serverTextSchema } from '../server-text'
import { currencyCode, listInput } from './master-fields'

export const FOUR_EYES_KIND_VALUES = ['payout', 'mark_result', 'channel_balance', 'recon_write_off'] as const
export type FourEyesKindValue = (typeof FOUR_EYES_KIND_VALUES)[number]
export const FOUR_EYES_STATUS_VALUES = ['pending', 'approved', 'rejected', 'withdrawn'] as const

const kind = z.enum(FOUR_EYES_KIND_VALUES, { error: ruleMessage('rule.oneOf', { values: FOUR_EYES_KIND_VALUES.join(', ') }) })

export const fourEyesRule = z.object({
  kind,
  currency: currencyCode,
  /** At or over this amount, in the rule's currency, a second user must approve ("0": every amount). */
  threshold: decimalString
})
export type FourEyesRule = z.infer<typeof fourEyesRule>

export const fourEyesSettings = z.object({
  rules: z
    .array(fourEyesRule)
    .max(60, ruleMessage('rule.maxEntries', { n: 60 }))
    .superRefine((rules, check) => {
      const seen = new Set<string>()
      rules.forEach((r, i) => {
        const key = `${r.kind}:${r.currency}`
        if (seen.has(key)) check.addIssue({ code: 'custom', message: ruleMessage('rule.fourEyes.duplicateRule'), path: [i, 'currency'] })
        seen.add(key)
      })
    })
})

/** Who may read the queue: anyone who may do (and so approve) one of the kinds. */
/** Who may read and decide the approvals queue: anyone who may do (and so approve) one of its kinds. */
export const APPROVERS = [PERMISSIONS.OPERATION_PAYOUT_WRITE, PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE, PERMISSIONS.MANUAL_MARK_RESULT, PERMISSIONS.CHANNEL_BALANCE_WRITE, PERMISSIONS.RECONCILIATION_WRITE] as const

export const approvalRow = z.object({
  id: z.number(),
  kind,
  status: z.enum(FOUR_EYES_STATUS_VALUES),
  orderId: z.number().nullable(),
  orderNo: z.string().nullable(),
  merchantId: z.number().nullable(),
  merchantName: z.string().nullable(),
  channelId: z.number().nullable(),
  channelName: z.string().nullable(),
  currency: z.string(),
  /** As it applies: a payout's amount, a forced result's order amount, a balance change with its sign. */
  amount: z.string(),
  /** mark_result: the result to force; channel_balance: top_up or correction; recon_write_off: write_off or ignore. */
  action: z.string().nullable(),
  reason: z.string(),
  /** A marking asked for from a reconciliation break (accepting theirs): which, in the reader's language. */
  fromBreak: serverTextSchema.nullable(),
  requestedById: z.number(),
  requestedBy: z.string(),
  createdAt: z.number(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
  decisionNote: z.string().nullable(),
  /** Whether the signed-in user may decide it (pending, not their own, the kind's permission). */
  canDecide: z.boolean(),
  /** Pending but not the signed-in user's to decide: why (their own request, or the permission it needs), as the decision would be refused. */
  cannotDecide: serverTextSchema.nullable(),
  /** Pending and theirs to decide, but approving would be refused now (a payout whose merchant owes): why; rejecting is still open. */
  approvalRefused: serverTextSchema.nullable()
})
export type ApprovalRow = z.infer<typeof approvalRow>

export const APPROVAL_SORT = ['createdAt', 'amount', 'status'] as const

export const fourEyesContract = {
  'fourEyes.settings': query({
    input: z.object({}),
    output: fourEyesSettings,
    access: PERMISSIONS.SETTINGS_WRITE,
    doc: 'The four-eyes rules: which manual money movements need a second approval, from which amount per currency.'
  }),
  'fourEyes.updateSettings': mutation({
    input: fourEyesSettings,
    output: fourEyesSettings,
    access: PERMISSIONS.SETTINGS_WRITE,
    doc: 'Replaces the four-eyes rules (an empty list turns second approval off); requests already waiting keep waiting.'
  }),
  'approvals.list': query({
    input: listInput(APPROVAL_SORT, 'createdAt', 'desc').extend({
      status: z.enum(FOUR_EYES_STATUS_VALUES, { error: ruleMessage('rule.oneOf', { values: FOUR_EYES_STATUS_VALUES.join(', ') }) }).optional(),
      kind: kind.optional(),
      orderId: id.optional()
    }),
    output: pageOf(approvalRow),
    access: APPROVERS,
    doc: 'Requests waiting for (or decided by) a second user: payouts, forced order results, channel balance corrections and reconciliation write-offs.'
  }),
  'approvals.decide': mutation({
    input: z
      .object({
        id,
        decision: z.enum(['approve', 'reject'], { error: ruleMessage('rule.approveOrReject') }),
        note: z.string().trim().max(500, ruleMessage('rule.maxChars', { n: 500 })).default('')
      })
      .refine((v) => v.decision === 'approve' || saysWhy(v.note), { message: ruleMessage('rule.fourEyes.rejectWhy', { n: REASON_MIN }), path: ['note'] }),
    output: approvalRow,
    access: APPROVERS,
    doc: 'Approves (the payout is sent, the result forced, the balance corrected) or rejects (a payout is closed, its hold released) a pending request; never the requester.'
  })
}

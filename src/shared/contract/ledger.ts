import { z } from 'zod'
import { REASON_MIN, saysWhy } from '../reason'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { id, pageInput, pageOf } from '../schemas'
import { currencyCode } from './master-fields'
import { mutation, query } from './define'

/** A signed amount such as "-12.50": the direction of an adjustment or correction. */
export const signedAmount = z
  .string({ error: ruleMessage('rule.signedAmountFormat') })
  .trim()
  .regex(/^-?\d{1,15}(\.\d{1,8})?$/, ruleMessage('rule.signedAmountFormat'))
  .refine((s) => Number(s) !== 0, ruleMessage('rule.notZero'))

export const reason = z
  .string({ error: ruleMessage('rule.required') })
  .trim()
  .refine(saysWhy, ruleMessage('rule.reasonMin', { n: REASON_MIN }))
  .max(500, ruleMessage('rule.maxChars', { n: 500 }))

export const postingAnswer = z.object({ postingId: z.number(), txnId: z.number(), replayed: z.boolean() })

export const balanceRow = z.object({
  accountId: z.number(),
  kind: z.string(),
  merchantId: z.number().nullable(),
  merchantName: z.string().nullable(),
  channelId: z.number().nullable(),
  channelName: z.string().nullable(),
  /** A field test rehearsal copy's live channel, by name (the copy's own name is stored in one language); null for any other account. */
  rehearsalOf: z.string().nullable(),
  currency: z.string(),
  /** Posted balance, as shown (decimal string). */
  balance: z.string(),
  /** Posted balance less pending holds. */
  available: z.string(),
  held: z.string()
})
export type BalanceRow = z.infer<typeof balanceRow>

export const ledgerContract = {
  'channels.adjustBalance': mutation({
    input: z.object({
      channelId: id,
      kind: z.enum(['top_up', 'correction'], { error: ruleMessage('rule.balanceKind') }),
      amount: signedAmount,
      reason,
      requestKey: z.string().trim().min(8, ruleMessage('rule.minChars', { n: 8 })).max(100, ruleMessage('rule.maxChars', { n: 100 }))
    }),
    // At or over the four-eyes threshold nothing posts yet: the answer names the approval request instead.
    output: postingAnswer.extend({ postingId: z.number().nullable(), txnId: z.number().nullable(), approvalId: z.number().nullable() }),
    access: PERMISSIONS.CHANNEL_BALANCE_WRITE,
    doc: "Records a top-up (positive) or a correction (either sign) of a channel's balance at its provider, against suspense."
  }),
  'ledger.balances': query({
    input: pageInput.extend({
      kind: z.enum(['merchant_available', 'merchant_reserve', 'channel', 'platform_fee', 'fx', 'suspense']).optional(),
      merchantId: id.optional(),
      channelId: id.optional(),
      currency: currencyCode.optional()
    }),
    output: pageOf(balanceRow),
    access: PERMISSIONS.LEDGER_READ,
    doc: 'Ledger account balances (posted, available, held); a merchant-bound user sees only its own merchant accounts.'
  })
}

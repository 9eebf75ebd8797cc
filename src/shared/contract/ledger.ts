import { z } from 'zod'
import { PERMISSIONS } from '../permissions'
import { id, pageInput, pageOf } from '../schemas'
import { currencyCode } from './master-fields'
import { mutation, query } from './define'

/** A signed amount such as "-12.50": the direction of an adjustment or correction. */
export const signedAmount = z
  .string({ error: 'must be an amount such as -12.50' })
  .trim()
  .regex(/^-?\d{1,15}(\.\d{1,8})?$/, 'must be an amount such as -12.50')
  .refine((s) => Number(s) !== 0, 'must not be zero')

export const reason = z
  .string({ error: 'is required' })
  .trim()
  .min(5, 'must say why in at least 5 characters')
  .max(500, 'must be at most 500 characters')

export const postingAnswer = z.object({ postingId: z.number(), txnId: z.number(), replayed: z.boolean() })

export const balanceRow = z.object({
  accountId: z.number(),
  kind: z.string(),
  merchantId: z.number().nullable(),
  merchantName: z.string().nullable(),
  channelId: z.number().nullable(),
  channelName: z.string().nullable(),
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
      kind: z.enum(['top_up', 'correction'], { error: 'must be top_up or correction' }),
      amount: signedAmount,
      reason,
      requestKey: z.string().trim().min(8, 'must be at least 8 characters').max(100, 'must be at most 100 characters')
    }),
    output: postingAnswer,
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

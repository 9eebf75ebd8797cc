import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { id, optionalSearch, pageOf, status } from '../schemas'
import { mutation, query } from './define'
import { email, listInput, notifyUrl, phone } from './master-fields'

/** A merchant as every read shows it: never its signing secret, only whether it has one. */
export const merchantRow = z.object({
  id: z.number(),
  name: z.string(),
  status,
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  notifyUrl: z.string(),
  hasSigningSecret: z.boolean(),
  signingSecretRotatedAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number()
})
export type MerchantRow = z.infer<typeof merchantRow>

/** Balances of one currency, from the ledger (shown = normal × posted; available = shown − held). */
export const merchantBalance = z.object({
  currency: z.string(),
  /** merchant_available, posted. */
  balance: z.string(),
  /** What can be paid out or withdrawn now: the balance less pending holds. */
  available: z.string(),
  held: z.string(),
  /** merchant_reserve (security deposit), posted. */
  reserve: z.string()
})
export type MerchantBalance = z.infer<typeof merchantBalance>

export const merchantDetail = merchantRow.extend({ balances: z.array(merchantBalance) })
export type MerchantDetail = z.infer<typeof merchantDetail>

/** Returned only by create and rotateSecret: the one time the secret is shown. */
export const merchantWithSecret = merchantRow.extend({ signingSecret: z.string() })

const merchantName = z
  .string({ error: ruleMessage('rule.required') })
  .trim()
  .min(2, ruleMessage('rule.minChars', { n: 2 }))
  .max(100, ruleMessage('rule.maxChars', { n: 100 }))
const contactName = z.string({ error: ruleMessage('rule.text') }).trim().max(100, ruleMessage('rule.maxChars', { n: 100 }))

const MERCHANT_SORT = ['name', 'id', 'status', 'createdAt', 'updatedAt'] as const

export const merchantsContract = {
  'merchants.list': query({
    input: listInput(MERCHANT_SORT, 'name', 'asc').extend({ search: optionalSearch, status: status.optional() }),
    output: pageOf(merchantRow),
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: 'Merchants (search: name, contact, or the id); a merchant-bound user sees only its own.'
  }),
  'merchants.get': query({
    input: z.object({ id }),
    output: merchantDetail,
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: 'One merchant with its balances per currency from the ledger.'
  }),
  'merchants.create': mutation({
    input: z.object({
      name: merchantName,
      status: status.default('active'),
      contactName: contactName.default(''),
      contactEmail: email.default(''),
      contactPhone: phone.default(''),
      notifyUrl: notifyUrl.default('')
    }),
    output: merchantWithSecret,
    access: PERMISSIONS.MERCHANT_WRITE,
    doc: 'Creates a merchant with a new signing secret, shown only in this answer.'
  }),
  'merchants.update': mutation({
    input: z.object({
      id,
      name: merchantName,
      status,
      contactName: contactName.optional(),
      contactEmail: email.optional(),
      contactPhone: phone.optional(),
      notifyUrl: notifyUrl.optional()
    }),
    output: merchantRow,
    access: PERMISSIONS.MERCHANT_WRITE,
    doc: 'Changes a merchant; contact fields and the notify URL left out are kept.'
  }),
  'merchants.setStatus': mutation({
    input: z.object({ id, status }),
    output: merchantRow,
    access: PERMISSIONS.MERCHANT_WRITE,
    doc: 'Enables or disables a merchant.'
  }),
  'merchants.rotateSecret': mutation({
    input: z.object({ id }),
    output: merchantWithSecret,
    access: PERMISSIONS.MERCHANT_WRITE,
    doc: "Replaces a merchant's signing secret; the new one is shown only in this answer."
  })
}

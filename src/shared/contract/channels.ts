import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { id, optionalSearch, pageOf, status } from '../schemas'
import { mutation, query } from './define'
import { amount, currencyCode, direction, entityName, limitAmount, listInput } from './master-fields'

/**
 * An account at an upstream provider. Reads show the names of its credentials, never their
 * values, and its balance from the ledger. A merchant-bound user sees neither the credential
 * names nor the balance (a channel is shared by merchants: its balance is the platform's business).
 */
export const channelRow = z.object({
  id: z.number(),
  name: z.string(),
  provider: z.string(),
  supportsDeposit: z.boolean(),
  supportsPayout: z.boolean(),
  currency: z.string(),
  /** payment_lower_bound / payment_upper_bound (deposits); "0" = no limit. */
  paymentLower: z.string(),
  paymentUpper: z.string(),
  payoutLower: z.string(),
  payoutUpper: z.string(),
  credentialKeys: z.array(z.string()),
  /** The generic adapter's protocol settings (endpoints, body format, signature, field map); null = not connected. */
  adapterConfig: z.record(z.string(), z.unknown()).nullable(),
  /** Unpaid deposits close themselves after this many minutes. */
  depositExpiryMinutes: z.number(),
  /**
   * The live channel this one is the field test's rehearsal copy of (it sends to the simulator and
   * is brought in step with that channel at every rehearsal: it cannot be edited, disabled, bound
   * or topped up); null for any other channel.
   */
  rehearsalOf: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** The channel's balance at the provider as the ledger knows it; available = posted less pending payout holds. Null for a merchant-bound user. */
  balance: z.object({ posted: z.string(), available: z.string() }).nullable(),
  status,
  createdAt: z.number(),
  updatedAt: z.number()
})
export type ChannelRow = z.infer<typeof channelRow>

const provider = z
  .string({ error: ruleMessage('rule.required') })
  .trim()
  .min(1, ruleMessage('rule.required'))
  .max(50, ruleMessage('rule.maxChars', { n: 50 }))
  .regex(/^[A-Za-z0-9._-]+$/, ruleMessage('rule.providerChars'))

const CREDENTIAL_NAME = /^[A-Za-z0-9._-]{1,64}$/

/** Field name → value, e.g. `{ merchantNo: "…", signKey: "…" }`; encrypted at rest. */
export const credentials = z
  .record(z.string(), z.string({ error: ruleMessage('rule.text') }).max(4000, ruleMessage('rule.maxChars', { n: 4000 })), {
    error: ruleMessage('rule.credentialsObject')
  })
  .refine((c) => Object.keys(c).every((k) => CREDENTIAL_NAME.test(k)), ruleMessage('rule.credentialNames'))
  // A key without its value signs nothing: said here, not as a provider call that cannot sign.
  .refine((c) => Object.values(c).every((v) => v !== ''), ruleMessage('rule.credentialValues'))
  .refine((c) => Object.keys(c).length <= 30, ruleMessage('rule.maxEntries', { n: 30 }))

const supports = z.boolean({ error: ruleMessage('rule.trueOrFalse') })
/** Checked against the generic adapter's schema by the main process (errors name `adapterConfig.<path>`). */
const adapterConfig = z.record(z.string(), z.unknown(), { error: ruleMessage('rule.protocolSettings') }).nullable()
const depositExpiryMinutes = z.number({ error: ruleMessage('rule.minutesNumber') }).int(ruleMessage('rule.wholeMinutes')).min(1, ruleMessage('rule.minMinute', { n: 1 })).max(10_080, ruleMessage('rule.maxDays', { n: 7 }))
const atLeastOneDirection = <T extends { supportsDeposit: boolean; supportsPayout: boolean }>(v: T) => v.supportsDeposit || v.supportsPayout
const directionIssue = { message: ruleMessage('rule.needDirection'), path: ['supportsDeposit'] }

const CHANNEL_SORT = ['id', 'name', 'provider', 'currency', 'status', 'createdAt', 'updatedAt'] as const

export const channelsContract = {
  'channels.list': query({
    input: listInput(CHANNEL_SORT, 'name', 'asc').extend({
      search: optionalSearch,
      status: status.optional(),
      currency: currencyCode.optional(),
      direction: direction.optional(),
      provider: z.string().trim().max(50, ruleMessage('rule.maxChars', { n: 50 })).optional(),
      /** Channels bound to one of this merchant's services. */
      merchantId: id.optional(),
      /** Channels bound to this service. */
      serviceId: id.optional(),
      /** False: leaves the field test's rehearsal copies out (pickers for new work); true: only those; absent: every channel. */
      rehearsalCopies: z.boolean({ error: ruleMessage('rule.trueOrFalse') }).optional()
    }),
    output: pageOf(channelRow),
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: "Channels (search: name or provider); a merchant-bound user sees only channels bound to its merchant's services."
  }),
  'channels.get': query({
    input: z.object({ id }),
    output: channelRow,
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: 'One channel with its balance.'
  }),
  'channels.create': mutation({
    input: z
      .object({
        name: entityName,
        provider,
        supportsDeposit: supports.default(true),
        supportsPayout: supports.default(false),
        currency: currencyCode,
        paymentLower: limitAmount,
        paymentUpper: limitAmount,
        payoutLower: limitAmount,
        payoutUpper: limitAmount,
        credentials: credentials.default({}),
        adapterConfig: adapterConfig.default(null),
        depositExpiryMinutes: depositExpiryMinutes.default(120),
        status: status.default('active')
      })
      .refine(atLeastOneDirection, directionIssue),
    output: channelRow,
    access: PERMISSIONS.CHANNEL_WRITE,
    doc: 'Creates a channel: provider, directions, currency, deposit and payout limits, credentials (encrypted; never shown again).'
  }),
  'channels.update': mutation({
    input: z
      .object({
        id,
        name: entityName,
        provider,
        supportsDeposit: supports,
        supportsPayout: supports,
        paymentLower: amount,
        paymentUpper: amount,
        payoutLower: amount,
        payoutUpper: amount,
        /** Left out: the stored credentials are kept. Given: they replace the stored ones entirely. */
        credentials: credentials.optional(),
        /** Left out: kept. */
        adapterConfig: adapterConfig.optional(),
        depositExpiryMinutes: depositExpiryMinutes.optional()
      })
      .refine(atLeastOneDirection, directionIssue),
    output: channelRow,
    access: PERMISSIONS.CHANNEL_WRITE,
    doc: "Changes a channel (its currency is fixed); credentials left out are kept, given ones replace them."
  }),
  'channels.setStatus': mutation({
    input: z.object({ id, status }),
    output: channelRow,
    access: PERMISSIONS.CHANNEL_WRITE,
    doc: 'Enables or disables a channel.'
  })
}

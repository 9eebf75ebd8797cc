/**
 * Home: the operator's day at a glance (today's and yesterday's figures, channel balances) and the
 * work waiting for them. Both are open to any signed-in user; the procedures leave out what the
 * user may not see (their merchant only; a part or an item needing a permission they lack).
 */
import { z } from 'zod'
import { query } from './define'

export const ATTENTION_KINDS = [
  'payoutsUnknown',
  'outboxGaveUp',
  'depositsOverdue',
  'disputesEvidenceDue',
  'withdrawalsToReview',
  'adjustmentsToReview',
  'reconBreaks'
] as const
export type AttentionKind = (typeof ATTENTION_KINDS)[number]

/** One business day of orders: all created that day (test orders left out), those that succeeded, what they moved. */
const dayFigures = z.object({
  orders: z.number(),
  succeeded: z.number(),
  /** Sum of the succeeded orders' amounts (paid amount for deposits), a decimal string. */
  volume: z.string()
})
export type DayFigures = z.infer<typeof dayFigures>

const currencyFigures = z.object({ currency: z.string(), today: dayFigures, yesterday: dayFigures })
/** `rehearsalOf`: a field test rehearsal copy's live channel, by name (the copy's own name is stored in one language). */
const channelFigures = currencyFigures.extend({ channelId: z.number(), channelName: z.string(), rehearsalOf: z.string().nullable() })

const channelBalance = z.object({
  channelId: z.number(),
  channelName: z.string(),
  currency: z.string(),
  /** Posted balance at the provider, as shown. */
  balance: z.string(),
  /** Posted less what pending payouts hold. */
  available: z.string(),
  /** False for a deposit-only channel (never low: money only flows in). */
  payout: z.boolean(),
  /** Below this the balance is low: the channel's largest single payout; null when it has none. */
  lowBelow: z.string().nullable(),
  low: z.boolean()
})
export type ChannelBalance = z.infer<typeof channelBalance>

const summary = z.object({
  /** The tenant's business time zone: the days are cut in it. */
  zone: z.string(),
  today: z.string(),
  yesterday: z.string(),
  asOf: z.number(),
  /** Null when the user may read neither orders nor reports. */
  currencies: z.array(currencyFigures).nullable(),
  /** Null when the user may not see channels (merchant-bound, or no master data read). */
  channels: z.array(channelFigures).nullable(),
  /** Null when the user may not see channel balances (merchant-bound, or no ledger read). */
  balances: z.array(channelBalance).nullable()
})
export type HomeSummary = z.infer<typeof summary>

const attentionItem = z.object({
  /** Stable for the same piece of work (kind and what it is about): a notifier raises each id once. */
  id: z.string(),
  kind: z.enum(ATTENTION_KINDS),
  count: z.number(),
  /** The oldest waiting item's time (created, requested, expired, found), ms. */
  oldestAt: z.number().nullable(),
  /** Disputes: the nearest evidence deadline, ms. */
  deadline: z.number().nullable(),
  /** Reconciliation: the run whose breaks are open, and their count by age in days. */
  runId: z.number().nullable(),
  ages: z.object({ underOne: z.number(), oneToThree: z.number(), threeToSeven: z.number(), overSeven: z.number() }).nullable(),
  /** The app's route (hash path with its query) listing exactly this work. */
  link: z.string()
})
export type AttentionItem = z.infer<typeof attentionItem>

export const homeContract = {
  'home.summary': query({
    input: z.object({}),
    output: summary,
    access: 'signedIn',
    doc: "Today's and yesterday's orders, success and volume per currency and per channel (business days in the tenant's zone), and channel balances with low ones flagged."
  }),
  'home.attention': query({
    input: z.object({}),
    output: z.object({ zone: z.string(), asOf: z.number(), items: z.array(attentionItem) }),
    access: 'signedIn',
    doc: 'The work waiting for the user, each item with a stable id, its count and a link to the filtered list; only what the user may see and act on.'
  })
}

/**
 * Settings that follow the user, not the machine: the signed-in user's language and colour scheme,
 * and their saved filter views on every list. Each procedure reads and writes only the caller's
 * own rows, so any signed-in user may call them.
 */
import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { isValidTimeZone } from '../time-zone'
import { id } from '../schemas'
import { mutation, query } from './define'

export const PREFERENCE_LANGUAGES = ['en', 'zh-CN'] as const
export const COLOR_SCHEMES = ['light', 'dark', 'auto'] as const

/** The report screens, as their saved views are keyed (`reports.<key>`). */
export const REPORT_VIEW_KEYS = ['account-details', 'transaction-summary', 'transaction-details', 'settlement-summary', 'settlement-details'] as const

/** Every list that keeps saved views. */
export const SAVED_VIEW_LISTS = [
  'orders',
  'refunds',
  'disputes',
  'waybills',
  'withdrawals',
  'adjustments',
  'audit',
  ...REPORT_VIEW_KEYS.map((key) => `reports.${key}` as const)
] as const
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number]

/** How many views one user keeps on one list, and how long a name and a view's filters may be. */
export const VIEW_LIMITS = { perList: 30, nameChars: 60, filters: 30, valueChars: 500 } as const

const language = z.enum(PREFERENCE_LANGUAGES, { error: ruleMessage('rule.oneOf', { values: PREFERENCE_LANGUAGES.join(', ') }) })
const colorScheme = z.enum(COLOR_SCHEMES, { error: ruleMessage('rule.oneOf', { values: COLOR_SCHEMES.join(', ') }) })
/** A display zone: a fixed offset (`+08:00`) or an IANA name (`Asia/Bangkok`). */
export const timeZone = z
  .string({ error: ruleMessage('rule.timeZone') })
  .trim()
  .max(64, ruleMessage('rule.timeZone'))
  .refine(isValidTimeZone, ruleMessage('rule.timeZone'))
const list = z.enum(SAVED_VIEW_LISTS, { error: ruleMessage('rule.oneOf', { values: SAVED_VIEW_LISTS.join(', ') }) })

const viewName = z
  .string({ error: ruleMessage('rule.required') })
  .trim()
  .min(1, ruleMessage('rule.required'))
  .max(VIEW_LIMITS.nameChars, ruleMessage('rule.maxChars', { n: VIEW_LIMITS.nameChars }))

const filterValue = z.union([z.string().max(VIEW_LIMITS.valueChars, ruleMessage('rule.maxChars', { n: VIEW_LIMITS.valueChars })), z.number().finite(), z.boolean(), z.null()], {
  error: ruleMessage('rule.viewFilterValue')
})

/** A list's filters as its screen holds them: a flat object of text, numbers and yes/no. */
export const viewFilters = z
  .record(z.string().min(1).max(40, ruleMessage('rule.maxChars', { n: 40 })), filterValue, { error: ruleMessage('rule.viewFilters') })
  .refine((filters) => Object.keys(filters).length <= VIEW_LIMITS.filters, ruleMessage('rule.maxEntries', { n: VIEW_LIMITS.filters }))
export type ViewFilters = z.infer<typeof viewFilters>

export const preferences = z.object({
  /** Null until the user chooses (the renderer then takes over this browser's earlier choice once). */
  language: language.nullable(),
  colorScheme: colorScheme.nullable(),
  /** The zone the user reads times in; null: the tenant's business zone (what reports cut days in). */
  timeZone: z.string().nullable(),
  /** The zone times are shown in: `timeZone`, or the business zone when the user has not chosen. */
  displayZone: z.string()
})
export type Preferences = z.infer<typeof preferences>

export const savedView = z.object({
  id: z.number(),
  list,
  name: z.string(),
  filters: viewFilters,
  createdAt: z.number(),
  updatedAt: z.number()
})
export type SavedView = z.infer<typeof savedView>

export const preferencesContract = {
  'me.preferences': query({
    input: z.object({}),
    output: preferences,
    access: 'signedIn',
    doc: "The signed-in user's language, colour scheme and display time zone (null where they have not chosen), and the zone times are shown in."
  }),
  'me.updatePreferences': mutation({
    input: z.object({ language: language.optional(), colorScheme: colorScheme.optional(), timeZone: timeZone.nullable().optional() }),
    output: preferences,
    access: 'signedIn',
    doc: "Sets the signed-in user's language, colour scheme and/or display time zone (null: back to the business zone); what is left out stays as it was."
  }),
  'views.list': query({
    input: z.object({ list }),
    output: z.object({ items: z.array(savedView) }),
    access: 'signedIn',
    doc: "The signed-in user's saved views of one list, by name."
  }),
  'views.save': mutation({
    input: z.object({ list, name: viewName, filters: viewFilters }),
    output: savedView,
    access: 'signedIn',
    doc: `Saves the current filters of a list under a name (a view of that name is replaced); at most ${VIEW_LIMITS.perList} views per list.`
  }),
  'views.delete': mutation({
    input: z.object({ id }),
    output: z.object({ ok: z.literal(true) }),
    access: 'signedIn',
    doc: 'Deletes one of the signed-in user’s saved views.'
  })
}

/** Zod building blocks shared by the contract modules and the renderer's forms. */
import { z } from 'zod'
import { ruleMessage } from './rule-message'

/** A non-negative decimal string such as "100", "0.5" or "20000.00". */
export const decimalString = z
  .string({ error: ruleMessage('rule.amountFormat') })
  .trim()
  .regex(/^\d{1,15}(\.\d{1,8})?$/, ruleMessage('rule.amountFormat'))

export const id = z.number({ error: ruleMessage('rule.number') }).int(ruleMessage('rule.wholeNumber')).positive(ruleMessage('rule.positive'))

/**
 * What a detail read is asked for: the internal id (the app's own links) or the number people see
 * and paste (`P2026…`, `A2026…`, `W2026…`), one of the two. The host finds the number through the
 * same visibility checks as the id.
 */
export const idOrNo = z
  .object({
    id: id.optional(),
    no: z
      .string({ error: ruleMessage('rule.required') })
      .trim()
      .min(1, ruleMessage('rule.required'))
      .max(40, ruleMessage('rule.maxChars', { n: 40 }))
      .transform((s) => s.toUpperCase())
      .optional()
  })
  .refine((v) => (v.id === undefined) !== (v.no === undefined), { message: ruleMessage('rule.idOrNo'), path: ['id'] })

/**
 * The most digits an internal id has. Ids count rows, and the rows with a transaction number
 * (orders, withdrawals, adjustments) take one each from a day's 10^7 (orders/numbering.ts), while
 * that number is the business day × 10^7, 15 digits from 1970 to 9999: an id would need 10^14 rows
 * to be as long as one. So digits only, 15 or more, is a number shown, never an id.
 */
export const ID_MAX_DIGITS = 14

/**
 * A detail page's `:id` as a read names it. Letters in it, or more digits than an id has: the
 * number shown, to find (a 15-digit transaction number is one). Digits only, no longer than an id:
 * the id, as the app's own links carry it; such digits could also be a number shown (a short
 * tracking number), and the id wins: every link the app makes is an id, so reading it as a number
 * first would send those links to whichever row has that number. The page then tries the number
 * when no row it may see has that id (renderer api/detailRef.ts).
 */
export function refOfText(text: string): { id: number } | { no: string } {
  const t = text.trim()
  return /^\d+$/.test(t) && t.length <= ID_MAX_DIGITS ? { id: Number(t) } : { no: t }
}

export const username = z
  .string({ error: ruleMessage('rule.required') })
  .trim()
  .min(3, ruleMessage('rule.minChars', { n: 3 }))
  .max(64, ruleMessage('rule.maxChars', { n: 64 }))
  .regex(/^[A-Za-z0-9._@-]+$/, ruleMessage('rule.usernameChars'))
  .transform((s) => s.toLowerCase())

export const displayName = z
  .string({ error: ruleMessage('rule.required') })
  .trim()
  .min(1, ruleMessage('rule.required'))
  .max(100, ruleMessage('rule.maxChars', { n: 100 }))

/** The password rule for new passwords; sign-in accepts any string so old ones still work. */
export const newPassword = z
  .string({ error: ruleMessage('rule.required') })
  .min(10, ruleMessage('rule.minChars', { n: 10 }))
  .max(200, ruleMessage('rule.maxChars', { n: 200 }))
  .refine((s) => /[A-Za-z]/.test(s) && /[0-9]/.test(s), ruleMessage('rule.lettersAndDigits'))

export const status = z.enum(['active', 'disabled'], { error: ruleMessage('rule.activeOrDisabled') })

export const pageInput = z.object({
  page: z.number().int().min(1, ruleMessage('rule.minValue', { n: 1 })).default(1),
  pageSize: z.number().int().min(1, ruleMessage('rule.minValue', { n: 1 })).max(100, ruleMessage('rule.maxValue', { n: 100 })).default(20)
})

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
    items: z.array(item)
  })
}

export const optionalSearch = z.string().trim().max(100, ruleMessage('rule.maxChars', { n: 100 })).optional()

export const sortDirection = z.enum(['asc', 'desc']).default('desc')

/**
 * A list filter's range in order, said on its end's field: `.refine(...rangeInOrder('dateFrom', 'dateTo'))`.
 * An inverted range answered an empty page, as if nothing had matched.
 */
export function rangeInOrder<From extends string, To extends string>(from: From, to: To) {
  const check = (v: Partial<Record<From | To, string | number>>) => v[from] === undefined || v[to] === undefined || v[to] >= v[from]
  return [check, { message: ruleMessage('rule.notBeforeStart'), path: [to] as PropertyKey[] }] as const
}

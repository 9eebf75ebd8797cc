/**
 * Zod pieces shared by the master-data contracts (merchants, contracts, terminals, services,
 * channels, bindings) and their forms. Amounts are decimal strings checked against the currency's
 * minor units by the main process (the currency may be another field, or stored); rates are
 * percent strings stored as parts per million.
 */
import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { decimalString } from '../schemas'
import { isCurrency, SERVICE_TYPE_CODES } from '../reference'
import { id, pageInput } from '../schemas'

/** A missing field reads "is required"; a wrong one gets the field's own message. */
const required = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? ruleMessage('rule.required') : message) })

export const currencyCode = z
  .string(required(ruleMessage('rule.currencyCode')))
  .trim()
  .toUpperCase()
  .refine(isCurrency, ruleMessage('rule.unsupportedCurrency'))

/** An amount in the entity's currency; "0" means no limit where it is a limit. */
export const amount = decimalString
export const limitAmount = decimalString.default('0')

/** A percentage such as "2.5" (0–100, at most 4 decimals: stored exactly as ppm). */
export const percent = z
  .string(required(ruleMessage('rule.percentFormat')))
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, ruleMessage('rule.percentDecimals'))
  .refine((s) => Number(s) <= 100, ruleMessage('rule.maxValue', { n: 100 }))

function isCalendarDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** A business day `yyyy-mm-dd`. */
export const day = z
  .string(required(ruleMessage('rule.dateFormat')))
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, ruleMessage('rule.dateFormat'))
  .refine(isCalendarDay, ruleMessage('rule.notCalendarDate'))

export const entityName = z
  .string({ error: ruleMessage('rule.required') })
  .trim()
  .min(2, ruleMessage('rule.minChars', { n: 2 }))
  .max(100, ruleMessage('rule.maxChars', { n: 100 }))

export const serviceTypeCode = z.enum(SERVICE_TYPE_CODES, { error: ruleMessage('rule.oneOf', { values: SERVICE_TYPE_CODES.join(', ') }) })
export const direction = z.enum(['deposit', 'payout'], { error: ruleMessage('rule.directionValue') })
export type Direction = z.infer<typeof direction>
export const terminalType = z.enum(['pos', 'web', 'app', 'api'], { error: ruleMessage('rule.terminalType') })

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const email = z
  .string({ error: ruleMessage('rule.email') })
  .trim()
  .max(254, ruleMessage('rule.maxChars', { n: 254 }))
  .refine((s) => s === '' || EMAIL.test(s), ruleMessage('rule.emailExample'))

export const phone = z
  .string({ error: ruleMessage('rule.phone') })
  .trim()
  .max(32, ruleMessage('rule.maxChars', { n: 32 }))
  .regex(/^[+0-9 ()-]*$/, ruleMessage('rule.phoneChars'))

function isHttpUrl(s: string): boolean {
  try {
    const url = new URL(s)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** Where merchant notifications go: empty (none) or an http/https URL. */
export const notifyUrl = z
  .string({ error: ruleMessage('rule.url') })
  .trim()
  .max(500, ruleMessage('rule.maxChars', { n: 500 }))
  .refine((s) => s === '' || isHttpUrl(s), ruleMessage('rule.httpUrl'))

export const optionalId = id.optional()

/** Paging plus a sort column (one of `columns`) and a direction. */
export function listInput<const C extends readonly [string, ...string[]]>(columns: C, defaultColumn: C[number], defaultDirection: 'asc' | 'desc') {
  return pageInput.extend({
    sortBy: z.enum(columns, { error: ruleMessage('rule.oneOf', { values: columns.join(', ') }) }).default(defaultColumn),
    sortDirection: z.enum(['asc', 'desc'], { error: ruleMessage('rule.sortDirection') }).default(defaultDirection)
  })
}

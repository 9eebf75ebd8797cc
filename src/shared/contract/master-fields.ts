/**
 * Zod pieces shared by the master-data contracts (merchants, contracts, terminals, services,
 * channels, bindings) and their forms. Amounts are decimal strings checked against the currency's
 * minor units by the main process (the currency may be another field, or stored); rates are
 * percent strings stored as parts per million.
 */
import { z } from 'zod'
import { decimalString } from '../schemas'
import { isCurrency, SERVICE_TYPE_CODES } from '../reference'
import { id, pageInput } from '../schemas'

/** A missing field reads "is required"; a wrong one gets the field's own message. */
const required = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message) })

export const currencyCode = z
  .string(required('must be a currency code such as CNY'))
  .trim()
  .toUpperCase()
  .refine(isCurrency, 'is not a supported currency')

/** An amount in the entity's currency; "0" means no limit where it is a limit. */
export const amount = decimalString
export const limitAmount = decimalString.default('0')

/** A percentage such as "2.5" (0–100, at most 4 decimals: stored exactly as ppm). */
export const percent = z
  .string(required('must be a percentage such as 2.5'))
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a percentage such as 2.5, with at most 4 decimals')
  .refine((s) => Number(s) <= 100, 'must be at most 100')

function isCalendarDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** A business day `yyyy-mm-dd`. */
export const day = z
  .string(required('must be a date such as 2026-01-31'))
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-01-31')
  .refine(isCalendarDay, 'is not a calendar date')

export const entityName = z
  .string({ error: 'is required' })
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(100, 'must be at most 100 characters')

export const serviceTypeCode = z.enum(SERVICE_TYPE_CODES, { error: `must be one of ${SERVICE_TYPE_CODES.join(', ')}` })
export const direction = z.enum(['deposit', 'payout'], { error: 'must be deposit or payout' })
export type Direction = z.infer<typeof direction>
export const terminalType = z.enum(['pos', 'web', 'app', 'api'], { error: 'must be pos, web, app or api' })

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const email = z
  .string({ error: 'must be an email address' })
  .trim()
  .max(254, 'must be at most 254 characters')
  .refine((s) => s === '' || EMAIL.test(s), 'must be an email address such as ops@example.com')

export const phone = z
  .string({ error: 'must be a phone number' })
  .trim()
  .max(32, 'must be at most 32 characters')
  .regex(/^[+0-9 ()-]*$/, 'may only contain digits, spaces and + ( ) -')

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
  .string({ error: 'must be a URL' })
  .trim()
  .max(500, 'must be at most 500 characters')
  .refine((s) => s === '' || isHttpUrl(s), 'must be an http or https URL such as https://merchant.example/notify')

export const optionalId = id.optional()

/** Paging plus a sort column (one of `columns`) and a direction. */
export function listInput<const C extends readonly [string, ...string[]]>(columns: C, defaultColumn: C[number], defaultDirection: 'asc' | 'desc') {
  return pageInput.extend({
    sortBy: z.enum(columns, { error: `must be one of ${columns.join(', ')}` }).default(defaultColumn),
    sortDirection: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).default(defaultDirection)
  })
}

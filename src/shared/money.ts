/**
 * Money: exact decimals end to end. Amounts cross IPC and HTTP as decimal strings, live in SQLite
 * as integer minor units, and are computed with decimal.js. Never a binary float. (The schema of an
 * amount as typed, `decimalString`, is with the other zod building blocks in schemas.ts: this module
 * stays free of zod, so the export worker that formats millions of amounts does not load it.)
 */
import Decimal from 'decimal.js'
import { currency } from './reference'

export const ZERO = new Decimal(0)

export function minorUnitsOf(code: string): number {
  const found = currency(code)
  if (!found) throw new Error(`Unknown currency ${code}`)
  return found.minorUnits
}

/** Excel's number format for a currency's digits: `#,##0.00`, `#,##0` (VND), `#,##0.000000` (USDT). */
export function amountFormat(currency: string): string {
  const digits = minorUnitsOf(currency)
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`
}

/** More decimals than the currency has (`digits`), or too large to hold exactly (`digits` null). */
export class AmountPrecisionError extends Error {
  constructor(
    readonly currency: string,
    readonly digits: number | null
  ) {
    super(digits === null ? 'is too large' : `${currency} has at most ${digits} decimal places`)
  }
}

/** "12.34" CNY → 1234. Refuses more decimals than the currency has (no silent rounding). */
export function toMinor(amount: string | Decimal, code: string): number {
  const digits = minorUnitsOf(code)
  const value = new Decimal(amount)
  const scaled = value.times(new Decimal(10).pow(digits))
  if (!scaled.isInteger()) throw new AmountPrecisionError(code, digits)
  const minor = scaled.toNumber()
  if (!Number.isSafeInteger(minor)) throw new AmountPrecisionError(code, null)
  return minor
}

/**
 * 1234 CNY → "12.34"; always the currency's number of decimals. Minor units are integers, and an
 * integer's decimal text is its digits with the point moved left by the currency's digits: done on
 * the digit string, with no arithmetic (lists and exports write millions of amounts; decimal.js's
 * division cost a microsecond and a dozen objects each). Sums read from SQLite as BigInt (they can
 * pass 2^53: USDT has six digits) are written the same way. A number that is not a safe integer
 * (no column holds one) still goes through decimal.js.
 */
export function fromMinor(minor: number | bigint, code: string): string {
  const digits = minorUnitsOf(code)
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) return new Decimal(minor).dividedBy(new Decimal(10).pow(digits)).toFixed(digits)
  const text = minor.toString()
  if (digits === 0) return text
  const negative = text.startsWith('-')
  const units = (negative ? text.slice(1) : text).padStart(digits + 1, '0')
  return `${negative ? '-' : ''}${units.slice(0, -digits)}.${units.slice(-digits)}`
}

/** What is wrong with an amount read from outside (a provider's message, a file, a form). */
export type AmountProblem = 'format' | 'precision' | 'too_large'

export type AmountReading = { ok: true; minor: number } | { ok: false; problem: AmountProblem; message: string }

/** Plain digits with an optional decimal point: no sign, exponent, spaces, separators or hex. */
const PLAIN_AMOUNT = /^\d+(\.\d+)?$/

/**
 * Reads an amount as someone else states it, strictly: a non-negative plain decimal with at most
 * the currency's minor digits and a whole number of minor units a JavaScript number holds exactly.
 * Anything else ("-5.00", "abc", "1e3", "40.001" in THB) is a problem to report, never a guess:
 * an amount that is present but unreadable must not be taken as "not stated".
 */
export function readAmount(text: string, code: string): AmountReading {
  if (!PLAIN_AMOUNT.test(text)) return { ok: false, problem: 'format', message: `"${text.slice(0, 40)}" is not a plain amount such as 100.00` }
  const digits = minorUnitsOf(code)
  const scaled = new Decimal(text).times(new Decimal(10).pow(digits))
  if (!scaled.isInteger()) return { ok: false, problem: 'precision', message: `${code} has at most ${digits} decimal places` }
  const minor = scaled.toNumber()
  if (!Number.isSafeInteger(minor)) return { ok: false, problem: 'too_large', message: `is more than ${code} ${fromMinor(Number.MAX_SAFE_INTEGER, code)}` }
  return { ok: true, minor }
}

/** Rounds half-up to the currency's minor unit and returns minor units (fees, FX). */
export function roundToMinor(value: Decimal, code: string): number {
  return value.times(new Decimal(10).pow(minorUnitsOf(code))).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
}

export { Decimal }

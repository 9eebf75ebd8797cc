/**
 * Report amounts: integer minor units from SQLite, written as exact decimal text with the
 * currency's digits. Sums over many rows can pass 2^53 (USDT has six digits), so aggregates are
 * read as BigInt and never pass through a float.
 *
 * An integer's decimal text is its digits with the point moved left by the currency's digits:
 * no arithmetic at all, so it is done on the digit string (an export writes millions of them;
 * decimal.js's division per amount cost a microsecond each). Anything that is not an integer (no
 * column holds one) still goes through decimal.js.
 */
import Decimal from 'decimal.js'
import { minorUnitsOf } from '../../shared/money'

export function decimalText(minor: bigint | number, currency: string): string {
  const digits = minorUnitsOf(currency)
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) return new Decimal(minor).dividedBy(new Decimal(10).pow(digits)).toFixed(digits)
  const text = minor.toString()
  if (digits === 0) return text
  const negative = text.startsWith('-')
  const units = (negative ? text.slice(1) : text).padStart(digits + 1, '0')
  return `${negative ? '-' : ''}${units.slice(0, -digits)}.${units.slice(-digits)}`
}

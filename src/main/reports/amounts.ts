/**
 * Report amounts: integer minor units from SQLite, written as exact decimal text with the
 * currency's digits. Sums over many rows can pass 2^53 (USDT has six digits), so aggregates are
 * read as BigInt and never pass through a float.
 */
import Decimal from 'decimal.js'
import { minorUnitsOf } from '../../shared/money'

export function decimalText(minor: bigint | number, currency: string): string {
  const digits = minorUnitsOf(currency)
  return new Decimal(minor.toString()).dividedBy(new Decimal(10).pow(digits)).toFixed(digits)
}

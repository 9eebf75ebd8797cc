/**
 * Money: exact decimals end to end. Amounts cross IPC and HTTP as decimal strings, live in SQLite
 * as integer minor units, and are computed with decimal.js. Never a binary float.
 */
import Decimal from 'decimal.js'
import { z } from 'zod'
import { currency } from './reference'

/** A non-negative decimal string such as "100", "0.5" or "20000.00". */
export const decimalString = z
  .string({ error: 'must be an amount such as 100.00' })
  .trim()
  .regex(/^\d{1,15}(\.\d{1,8})?$/, 'must be an amount such as 100.00')

export const ZERO = new Decimal(0)

export function minorUnitsOf(code: string): number {
  const found = currency(code)
  if (!found) throw new Error(`Unknown currency ${code}`)
  return found.minorUnits
}

export class AmountPrecisionError extends Error {}

/** "12.34" CNY → 1234. Refuses more decimals than the currency has (no silent rounding). */
export function toMinor(amount: string | Decimal, code: string): number {
  const digits = minorUnitsOf(code)
  const value = new Decimal(amount)
  const scaled = value.times(new Decimal(10).pow(digits))
  if (!scaled.isInteger()) throw new AmountPrecisionError(`${code} has at most ${digits} decimal places`)
  const minor = scaled.toNumber()
  if (!Number.isSafeInteger(minor)) throw new AmountPrecisionError('is too large')
  return minor
}

/** 1234 CNY → "12.34"; always the currency's number of decimals. */
export function fromMinor(minor: number, code: string): string {
  return new Decimal(minor).dividedBy(new Decimal(10).pow(minorUnitsOf(code))).toFixed(minorUnitsOf(code))
}

/** Rounds half-up to the currency's minor unit and returns minor units (fees, FX). */
export function roundToMinor(value: Decimal, code: string): number {
  return value.times(new Decimal(10).pow(minorUnitsOf(code))).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
}

export { Decimal }

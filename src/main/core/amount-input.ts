/**
 * Amounts people type, from their API form (a decimal string the contract's zod pattern already
 * checked) to minor units of the currency: one conversion for every procedure, so each bad amount
 * is a 400 that names its field (more decimals than the currency has, too large, not positive
 * where it must be) and never an uncaught precision error.
 */
import { Decimal, minorUnitsOf } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { say, type ServerText } from '../../shared/server-text'
import { validationError } from './errors'

export interface AmountRule {
  /** More than zero (an order, a refund, a paid amount), rather than any signed amount. */
  positive?: boolean
  /** The most it may be, in minor units (a paid amount: the order's amount). */
  atMost?: { minor: number; what: ServerText }
}

export function minorOf(field: string, amount: string, currency: string, rule: AmountRule = {}): number {
  const digits = minorUnitsOf(currency)
  const scaled = new Decimal(amount).times(new Decimal(10).pow(digits))
  if (!scaled.isInteger()) {
    throw validationError(field, digits === 0 ? say('rule.wholeAmounts', { currency }) : say('rule.currencyDecimals', { currency, n: digits }))
  }
  const minor = scaled.toNumber()
  if (!Number.isSafeInteger(minor)) throw validationError(field, say('rule.tooLargeAtMost', { money: moneyText(Number.MAX_SAFE_INTEGER, currency) }))
  if (rule.positive && minor <= 0) throw validationError(field, say('rule.moreThanZero'))
  if (rule.atMost && minor > rule.atMost.minor) throw validationError(field, say('rule.notMoreThan', { what: rule.atMost.what, money: moneyText(rule.atMost.minor, currency) }))
  return minor + 0
}

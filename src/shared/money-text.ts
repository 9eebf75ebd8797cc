/**
 * Money written for people, the same on every screen and in every sentence the server writes
 * (timelines, audit summaries, refusals): digits grouped by thousands, the currency's minor-unit
 * digits, the currency code after the amount: "3,307.89 CNY", "1,500 JPY", "-12.50 THB". Only the
 * digit string is touched, never through a binary float.
 */
import { fromMinor } from './money'

/** A plain decimal as the host writes amounts: its sign, whole digits and fraction. */
export const DECIMAL = /^(-?)(\d+)(\.\d+)?$/

/** "20000.00" → "20,000.00"; anything that is not a plain decimal is returned as it came. */
export function groupDigits(amount: string): string {
  const match = DECIMAL.exec(amount.trim())
  if (!match) return amount
  const [, sign, whole, fraction = ''] = match
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`
}

/** An exact decimal string already written with the currency's digits: "20000.00", "CNY" → "20,000.00 CNY". */
export function formatAmount(amount: string, currency: string): string {
  return `${groupDigits(amount)} ${currency}`
}

/** An amount someone stated (a provider's answer, a file's cell): written as money when it is a plain decimal, else as it came. */
export function statedAmountText(text: string, currency: string): string {
  return DECIMAL.test(text.trim()) ? formatAmount(text, currency) : text
}

/** Integer minor units: 330789, "CNY" → "3,307.89 CNY"; always the currency's number of decimals. */
export function moneyText(minor: number | bigint, currency: string): string {
  return formatAmount(fromMinor(minor, currency), currency)
}

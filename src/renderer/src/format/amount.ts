/**
 * Amounts as people read them. The host sends exact decimal strings already written with the
 * currency's minor-unit digits ("20000.00"); here they only gain digit grouping and their
 * currency (src/shared/money-text.ts). No arithmetic, so nothing passes through a binary float.
 */
import type { TFunction } from 'i18next'
import { DECIMAL, formatAmount, groupDigits } from '../../../shared/money-text'

// The server's sentences write money with the same functions, so a timeline reads as the screen does.
export { formatAmount, groupDigits } from '../../../shared/money-text'

/** Whether an amount as the host sends it ("-55.00") is below zero ("-0.00" is not). */
export function isBelowZero(amount: string): boolean {
  const match = DECIMAL.exec(amount.trim())
  return !!match && match[1] === '-' && /[1-9]/.test(`${match[2]}${match[3] ?? ''}`)
}

/**
 * A balance as people read it. Below zero it also says what that means: a merchant owes the
 * platform what is missing (a chargeback booked on a short balance, docs/after-sales.md), a
 * channel's balance at the provider is overdrawn.
 */
export function formatBalance(amount: string, currency: string, owner: 'merchant' | 'channel', t: TFunction): string {
  const balance = formatAmount(amount, currency)
  if (!isBelowZero(amount)) return balance
  return owner === 'merchant' ? t('amounts.merchantOwes', { balance, owed: formatAmount(amount.trim().slice(1), currency) }) : t('amounts.channelOverdrawn', { balance })
}

/** A limit is "0" when that side has none. */
export function isNoLimit(amount: string): boolean {
  return /^0*(\.0*)?$/.test(amount.trim())
}

/**
 * A lower–upper pair where "0" means no limit on that side:
 * "500.00 – 20,000.00 CNY", "from 100.00 CNY", "up to 5,000.00 CNY" or "no limit".
 */
export function formatRange(lower: string, upper: string, currency: string, t: TFunction): string {
  const low = isNoLimit(lower) ? null : groupDigits(lower)
  const high = isNoLimit(upper) ? null : groupDigits(upper)
  if (low && high) return `${low} – ${high} ${currency}`
  if (low) return t('amounts.from', { amount: `${low} ${currency}` })
  if (high) return t('amounts.upTo', { amount: `${high} ${currency}` })
  return t('amounts.noLimit')
}

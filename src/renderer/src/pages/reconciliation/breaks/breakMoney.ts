/**
 * A break's money as the list and its detail write it: each side's amount (its gross) with its
 * currency; the difference, which for a fee mismatch is the fees' (charged less due), said so; a
 * control total's figures with their statement's currency when they are money.
 */
import type { TFunction } from 'i18next'
import type { BreakRow } from '../../../../../shared/contract/reconciliation'
import { statedAmountText } from '../../../../../shared/money-text'
import { formatAmount } from '../../../format/amount'

type Money = Pick<BreakRow, 'type' | 'theirs' | 'ours' | 'difference'>

export const sideMoney = (side: BreakRow['theirs']) => (side.amount === null ? '' : formatAmount(side.amount, side.currency ?? ''))

/** The difference with its currency ('' when the break has none); `long`: as a sentence (the detail's header). */
export function differenceText(t: TFunction, b: Money, long = false): string {
  if (b.difference === null) return ''
  const money = formatAmount(b.difference, b.theirs.currency ?? b.ours.currency ?? '')
  if (b.type === 'fee_mismatch') return t(long ? 'recon.detail.feeDifference' : 'recon.breaks.feeDifference', { money })
  return long ? t('recon.detail.difference', { money }) : money
}

/** A control total's stated, computed or difference figure: money with the currency the run noted, a count as it is. */
export function controlFigure(value: string, currency: unknown): string {
  return typeof currency === 'string' && currency !== '' ? statedAmountText(value, currency) : value
}

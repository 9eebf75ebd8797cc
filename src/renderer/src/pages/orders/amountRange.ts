/**
 * The amount a user types on an order form, checked as the main process checks it: the decimal
 * format, the currency's digits, then the limit engine's `rangeViolation` over the channel's
 * available range. A refusal is a server text, the same the host answers, its amounts written as
 * the host writes money in a sentence ("20,000.00 CNY", src/shared/money-text.ts).
 */
import type { TFunction } from 'i18next'
import type { OutputOf } from '../../../../shared/contract'
import { LIMIT_SOURCES, rangeViolation, type AvailableRange, type LimitSource } from '../../../../shared/limits'
import { AmountPrecisionError, toMinor } from '../../../../shared/money'
import { moneyText } from '../../../../shared/money-text'
import { textOfIssue } from '../../../../shared/rule-message'
import { decimalString } from '../../../../shared/schemas'
import { say, type ServerText } from '../../../../shared/server-text'
import { formatRange, isNoLimit } from '../../format/amount'
import { translateText } from '../../i18n/messages'

export type ServiceOption = OutputOf<'orders.options'>['services'][number]
export type ChannelOption = ServiceOption['channels'][number]

function limitSource(value: string | null): LimitSource | null {
  return (LIMIT_SOURCES as readonly string[]).includes(value ?? '') ? (value as LimitSource) : null
}

/** A channel option's range as the limit engine holds it (minor units, 0 = no limit). */
export function engineRange(option: ChannelOption, currency: string): AvailableRange {
  return {
    usable: option.usable,
    lower: toMinor(option.lower, currency),
    upper: toMinor(option.upper, currency),
    lowerSource: limitSource(option.lowerSource),
    upperSource: limitSource(option.upperSource),
    reason: option.reasonText ?? undefined
  }
}

/** Null when the amount can be submitted; else the refusal, as the host would answer it. */
export function amountProblem(amount: string, option: ChannelOption, currency: string): ServerText | null {
  const format = decimalString.safeParse(amount)
  if (!format.success) return textOfIssue(format.error.issues[0])
  let minor: number
  try {
    minor = toMinor(format.data, currency)
  } catch (error) {
    if (!(error instanceof AmountPrecisionError)) throw error
    if (error.digits === null) return say('rule.tooLarge')
    return error.digits === 0 ? say('rule.wholeAmounts', { currency }) : say('rule.currencyDecimals', { currency, n: error.digits })
  }
  return rangeViolation(minor, engineRange(option, currency), (m) => moneyText(m, currency))
}

/**
 * Whether a payout of this amount waits for a second user: at or over the four-eyes threshold the
 * host reports for its currency (`approvalFrom`, null: no rule), compared in minor units as the
 * host compares it. An amount not yet valid waits for nothing.
 */
export function waitsForSecondUser(amount: string, currency: string, approvalFrom: string | null): boolean {
  if (approvalFrom === null || !decimalString.safeParse(amount).success) return false
  try {
    return toMinor(amount.trim(), currency) >= toMinor(approvalFrom, currency)
  } catch {
    return false
  }
}

/** A checked amount as it will be booked: "250" CNY → "250.00 CNY". */
export function bookedAmount(amount: string, currency: string): string {
  return moneyText(toMinor(amount, currency), currency)
}

function sourceName(t: TFunction, source: string): string {
  return limitSource(source) ? t(`limits.sources.${source as LimitSource}`) : source
}

/** "500.00 – 20,000.00 CNY" and which source set each side. */
export function rangeHint(option: ChannelOption, currency: string, t: TFunction): { range: string; sides: string } {
  const sides = [
    !isNoLimit(option.lower) && option.lowerSource && t('limits.lowerFrom', { source: sourceName(t, option.lowerSource) }),
    !isNoLimit(option.upper) && option.upperSource && t('limits.upperFrom', { source: sourceName(t, option.upperSource) })
  ].filter(Boolean)
  return { range: formatRange(option.lower, option.upper, currency, t), sides: sides.length ? sides.join(' · ') : t('limits.unlimited') }
}

/** Why a channel cannot take the order, in the interface language. */
export function channelReason(option: ChannelOption, t: TFunction): string {
  if (option.reasonText) return translateText(option.reasonText, t)
  return option.reason ?? ''
}

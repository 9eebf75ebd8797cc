/**
 * The amount a user types on an order form, checked as the main process checks it: the decimal
 * format, the currency's digits, then the limit engine's `rangeViolation` over the channel's
 * available range. The refusal is the engine's own sentence (as the host words it), re-worded
 * here with grouped amounts, the currency and the sources in the interface language.
 */
import type { TFunction } from 'i18next'
import type { OutputOf } from '../../../../shared/contract'
import { LIMIT_SOURCES, rangeViolation, type AvailableRange, type LimitSource } from '../../../../shared/limits'
import { AmountPrecisionError, fromMinor, toMinor } from '../../../../shared/money'
import { decimalString } from '../../../../shared/schemas'
import { formatAmount, formatRange, isNoLimit } from '../../format/amount'
import { translateFieldMessage, translateMessage } from '../../i18n/messages'

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
    reason: option.reason ?? undefined
  }
}

/** Null when the amount can be submitted; else the refusal in the host's words. */
export function amountProblem(amount: string, option: ChannelOption, currency: string): string | null {
  const format = decimalString.safeParse(amount)
  if (!format.success) return format.error.issues[0].message
  let minor: number
  try {
    minor = toMinor(format.data, currency)
  } catch (error) {
    if (error instanceof AmountPrecisionError) return error.message
    throw error
  }
  return rangeViolation(minor, engineRange(option, currency), (m) => fromMinor(m, currency))
}

const SIDE = /^must be at (least|most) (\S+) \((\w+) limit\); the available range is (.+)$/
const BOTH = /^(\S+) \((\w+)\) – (\S+) \((\w+)\)$/
const ONE = /^at (least|most) (\S+) \((\w+)\)$/

function sourceName(t: TFunction, source: string): string {
  return limitSource(source) ? t(`limits.sources.${source as LimitSource}`) : source
}

function describe(t: TFunction, range: string, currency: string): string {
  const both = BOTH.exec(range)
  if (both) {
    const [, lower, lowerSource, upper, upperSource] = both
    return t('amountRules.both', { lower: formatAmount(lower, currency), lowerSource: sourceName(t, lowerSource), upper: formatAmount(upper, currency), upperSource: sourceName(t, upperSource) })
  }
  const one = ONE.exec(range)
  if (one) {
    const [, side, amount, source] = one
    const params = { lower: formatAmount(amount, currency), upper: formatAmount(amount, currency), lowerSource: sourceName(t, source), upperSource: sourceName(t, source) }
    return side === 'least' ? t('amountRules.atLeast', params) : t('amountRules.atMost', params)
  }
  return range === 'any amount' ? t('amountRules.any') : range
}

/** An amount refusal from the form or the host (`amount: ` prefix or not), in the interface language. */
export function translateAmountMessage(message: string, currency: string, t: TFunction): string {
  const text = message.startsWith('amount: ') ? message.slice('amount: '.length) : message
  const side = SIDE.exec(text)
  if (side) {
    const [, which, amount, source, range] = side
    const params = { amount: formatAmount(amount, currency), source: sourceName(t, source), range: describe(t, range, currency) }
    return which === 'least' ? t('amountRules.below', params) : t('amountRules.above', params)
  }
  if (text === 'must be greater than 0') return t('amountRules.notPositive')
  return translateFieldMessage(text, 'amount', t)
}

/** A checked amount as it will be booked: "250" CNY → "250.00 CNY". */
export function bookedAmount(amount: string, currency: string): string {
  return formatAmount(fromMinor(toMinor(amount, currency), currency), currency)
}

/** "500.00 – 20,000.00 CNY" and which source set each side. */
export function rangeHint(option: ChannelOption, currency: string, t: TFunction): { range: string; sides: string } {
  const sides = [
    !isNoLimit(option.lower) && option.lowerSource && t('limits.lowerFrom', { source: sourceName(t, option.lowerSource) }),
    !isNoLimit(option.upper) && option.upperSource && t('limits.upperFrom', { source: sourceName(t, option.upperSource) })
  ].filter(Boolean)
  return { range: formatRange(option.lower, option.upper, currency, t), sides: sides.length ? sides.join(' · ') : t('limits.unlimited') }
}

/** Why a channel cannot take the order: the crossing sides worded from the numbers, other reasons through the rule catalog. */
export function channelReason(option: ChannelOption, currency: string, t: TFunction): string {
  if (!option.reason) return ''
  if (option.reason.startsWith('No available range:')) {
    return `${t('limits.noRange')}: ${t('limits.crossing', {
      upper: formatAmount(option.upper, currency),
      upperSource: sourceName(t, option.upperSource ?? ''),
      lower: formatAmount(option.lower, currency),
      lowerSource: sourceName(t, option.lowerSource ?? '')
    })}`
  }
  return translateMessage(option.reason, t)
}

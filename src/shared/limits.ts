/**
 * The limit engine (SPEC §3, the operation-management seed's "Amount Limit Logic"). Pure: the main
 * process uses it to refuse an amount, the renderer to show the available range next to the field.
 *
 * All amounts are integer minor units of one currency; on every side 0 means "no limit", so a 0
 * never wins the max of the lowers nor the min of the uppers. Refusals are server texts (codes
 * and parameters, built here as plain objects: this module loads nothing), so the form and the
 * host's 400 read alike in either language; amounts in them are written by `format` (callers pass
 * `moneyText` of the currency: "20,000.00 CNY", as the screens write money).
 */
import type { ServerText } from './server-text'

export const LIMIT_SOURCES = ['channel', 'service', 'binding'] as const
export type LimitSource = (typeof LIMIT_SOURCES)[number]

/** One source's per-transaction bounds; 0 = no limit on that side. */
export interface Bounds {
  lower: number
  upper: number
}

/** The three sources: the channel's bounds for the direction, the service's single limit, the binding's service_bounds. */
export type LimitSources = Record<LimitSource, Bounds>

export interface AvailableRange {
  usable: boolean
  /** 0 = no lower bound. */
  lower: number
  /** 0 = no upper bound. */
  upper: number
  /** The source that set the lower bound, null when no source limits it. */
  lowerSource: LimitSource | null
  upperSource: LimitSource | null
  /** Why the range is empty, naming both sides and the source of each. */
  reason?: ServerText
}

export type FormatAmount = (minor: number | bigint) => string

const plain: FormatAmount = (minor) => String(minor)

// On a tie the most specific source is reported: the binding (the seed's "highest priority"),
// then the service, then the channel. The value is the same whichever is named.
const PRECEDENCE: readonly LimitSource[] = ['binding', 'service', 'channel']

// A side's source, as a word of the catalog (a side a refusal names is always set, so never null there).
const source = (value: LimitSource | null): ServerText => ({ code: `value.limitSource.${value ?? 'channel'}` })

function checkBound(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative whole number of minor units`)
}

/**
 * lower = max(non-zero lowers), upper = min(non-zero uppers); upper < lower means no range.
 * `format` writes amounts in the reason (the procedure passes `moneyText` of the currency).
 */
export function availableRange(sources: LimitSources, format: FormatAmount = plain): AvailableRange {
  let lower = 0
  let upper = 0
  let lowerSource: LimitSource | null = null
  let upperSource: LimitSource | null = null
  for (const source of PRECEDENCE) {
    const b = sources[source]
    checkBound(b.lower, `${source} lower`)
    checkBound(b.upper, `${source} upper`)
    if (b.lower !== 0 && b.lower > lower) {
      lower = b.lower
      lowerSource = source
    }
    if (b.upper !== 0 && (upper === 0 || b.upper < upper)) {
      upper = b.upper
      upperSource = source
    }
  }
  if (upper !== 0 && upper < lower) {
    return {
      usable: false,
      lower,
      upper,
      lowerSource,
      upperSource,
      reason: { code: 'error.pair.noRange', params: { upper: format(upper), upperSource: source(upperSource), lower: format(lower), lowerSource: source(lowerSource) } }
    }
  }
  return { usable: true, lower, upper, lowerSource, upperSource }
}

/** How a range reads in a refusal: "500.00 CNY (service) – 20,000.00 CNY (service)", "at least 100.00 CNY (channel)", "any amount" (amounts as `format` writes them). */
export function describeRange(range: Pick<AvailableRange, 'lower' | 'upper' | 'lowerSource' | 'upperSource'>, format: FormatAmount = plain): ServerText {
  const lower = { lower: format(range.lower), lowerSource: source(range.lowerSource) }
  const upper = { upper: format(range.upper), upperSource: source(range.upperSource) }
  if (range.lower !== 0 && range.upper !== 0) return { code: 'rule.rangeBoth', params: { ...lower, ...upper } }
  if (range.lower !== 0) return { code: 'rule.rangeAtLeast', params: lower }
  if (range.upper !== 0) return { code: 'rule.rangeAtMost', params: upper }
  return { code: 'rule.rangeAny' }
}

/**
 * Whether an amount fits the range: null when it does, else a refusal naming the range and the
 * source of the side it breaks (the form shows it under the amount field).
 */
export function rangeViolation(amount: number, range: AvailableRange, format: FormatAmount = plain): ServerText | null {
  if (!range.usable) return range.reason ?? { code: 'rule.invalid' }
  if (amount <= 0) return { code: 'rule.amountPositive' }
  if (range.lower !== 0 && amount < range.lower) {
    return { code: 'rule.amountBelow', params: { amount: format(range.lower), source: source(range.lowerSource), range: describeRange(range, format) } }
  }
  if (range.upper !== 0 && amount > range.upper) {
    return { code: 'rule.amountAbove', params: { amount: format(range.upper), source: source(range.upperSource), range: describeRange(range, format) } }
  }
  return null
}

export type PayoutShortSide = 'channel' | 'merchant'

export interface PayoutCoverage {
  ok: boolean
  /** The sides whose available balance does not cover what they must pay. */
  short: PayoutShortSide[]
  /** How much the channel lacks to pay the amount out (0 when covered). */
  channelShortBy: number
  /** How much the merchant lacks to cover the amount plus the fee (0 when covered). */
  merchantShortBy: number
  reason?: ServerText
}

/**
 * A payout must be covered twice (SPEC §3): the channel's available balance pays the amount out
 * upstream, and the merchant's available balance is debited the amount plus the fee. A channel
 * is shared by merchants: for a merchant-bound user (`channelFigure: false`) the reason says the
 * channel cannot pay it now, never how much the channel holds.
 */
export function payoutCoverage(
  amount: number,
  fee: number,
  channelAvailable: number | bigint,
  merchantAvailable: number | bigint,
  format: FormatAmount = plain,
  options: { channelFigure?: boolean } = {}
): PayoutCoverage {
  checkBound(amount, 'amount')
  checkBound(fee, 'fee')
  if ((typeof channelAvailable === 'number' && !Number.isSafeInteger(channelAvailable)) || (typeof merchantAvailable === 'number' && !Number.isSafeInteger(merchantAvailable))) {
    throw new RangeError('balances must be whole numbers of minor units')
  }
  // Balances may pass 2^53 (BigInt); what is short is at most the amount plus the fee, a safe number.
  const shortBy = (needed: number, available: number | bigint) => {
    const short = BigInt(needed) - BigInt(available)
    return short > 0n ? Number(short) : 0
  }
  const channelShortBy = shortBy(amount, channelAvailable)
  const merchantShortBy = shortBy(amount + fee, merchantAvailable)
  const short: PayoutShortSide[] = []
  const reasons: ServerText[] = []
  if (channelShortBy > 0) {
    short.push('channel')
    reasons.push(
      options.channelFigure === false
        ? { code: 'error.balance.channelCannotPay', params: { amount: format(amount) } }
        : { code: 'error.balance.channelShort', params: { channelAvailable: format(channelAvailable), amount: format(amount) } }
    )
  }
  if (merchantShortBy > 0) {
    short.push('merchant')
    reasons.push({ code: 'error.balance.merchantShort', params: { merchantAvailable: format(merchantAvailable), total: format(amount + fee) } })
  }
  if (short.length === 0) return { ok: true, short, channelShortBy, merchantShortBy }
  const both: ServerText = reasons.length === 2 ? { code: 'error.balance.both', params: { first: reasons[0], second: reasons[1] } } : reasons[0]
  return { ok: false, short, channelShortBy, merchantShortBy, reason: { code: 'error.balance.insufficient', params: { reasons: both } } }
}

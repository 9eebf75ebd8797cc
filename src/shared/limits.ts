/**
 * The limit engine (SPEC §3, the operation-management seed's "Amount Limit Logic"). Pure: the main
 * process uses it to refuse an amount, the renderer to show the available range next to the field.
 *
 * All amounts are integer minor units of one currency; on every side 0 means "no limit", so a 0
 * never wins the max of the lowers nor the min of the uppers.
 */

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
  reason?: string
}

export type FormatAmount = (minor: number | bigint) => string

const plain: FormatAmount = (minor) => String(minor)

// On a tie the most specific source is reported: the binding (the seed's "highest priority"),
// then the service, then the channel. The value is the same whichever is named.
const PRECEDENCE: readonly LimitSource[] = ['binding', 'service', 'channel']

function checkBound(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative whole number of minor units`)
}

/**
 * lower = max(non-zero lowers), upper = min(non-zero uppers); upper < lower means no range.
 * `format` writes amounts in the reason (the procedure passes the currency's decimal form).
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
      reason: `No available range: the upper limit ${format(upper)} (${upperSource}) is below the lower limit ${format(lower)} (${lowerSource})`
    }
  }
  return { usable: true, lower, upper, lowerSource, upperSource }
}

/** How a range reads in a message: "500.00–20000.00", "from 100.00", "up to 5000.00", "any amount". */
export function describeRange(range: Pick<AvailableRange, 'lower' | 'upper' | 'lowerSource' | 'upperSource'>, format: FormatAmount = plain): string {
  const low = range.lower !== 0 ? `${format(range.lower)} (${range.lowerSource})` : null
  const high = range.upper !== 0 ? `${format(range.upper)} (${range.upperSource})` : null
  if (low && high) return `${low} – ${high}`
  if (low) return `at least ${low}`
  if (high) return `at most ${high}`
  return 'any amount'
}

/**
 * Whether an amount fits the range: null when it does, else a message naming the range and the
 * source of the side it breaks (the form shows it under the amount field).
 */
export function rangeViolation(amount: number, range: AvailableRange, format: FormatAmount = plain): string | null {
  if (!range.usable) return range.reason ?? 'No available range'
  if (amount <= 0) return 'must be greater than 0'
  if (range.lower !== 0 && amount < range.lower) {
    return `must be at least ${format(range.lower)} (${range.lowerSource} limit); the available range is ${describeRange(range, format)}`
  }
  if (range.upper !== 0 && amount > range.upper) {
    return `must be at most ${format(range.upper)} (${range.upperSource} limit); the available range is ${describeRange(range, format)}`
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
  reason?: string
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
  const reasons: string[] = []
  if (channelShortBy > 0) {
    short.push('channel')
    reasons.push(
      options.channelFigure === false
        ? `the channel cannot pay out the amount ${format(amount)} now`
        : `the channel's available balance ${format(channelAvailable)} does not cover the amount ${format(amount)}`
    )
  }
  if (merchantShortBy > 0) {
    short.push('merchant')
    reasons.push(`the merchant's available balance ${format(merchantAvailable)} does not cover the amount plus fee ${format(amount + fee)}`)
  }
  if (short.length === 0) return { ok: true, short, channelShortBy, merchantShortBy }
  return { ok: false, short, channelShortBy, merchantShortBy, reason: `Insufficient balance: ${reasons.join('; ')}` }
}

/**
 * After the passes (match.ts): a matched pair compared (currency, gross within the tolerance, the
 * channel's fee against its schedule, status), and the breaks built for what is left, with their
 * likely causes and in the order of their identities.
 */
import { Decimal, toMinor } from '../../shared/money'
import { DECIMAL } from '../../shared/money-text'
import { currency as currencyOf } from '../../shared/reference'
import type { BreakType } from '../db/schema/recon'
import type { Break, Control, Line, MatchRules, Ours } from './match-types'

export const byLine = (a: Line, b: Line) => a.statementId - b.statementId || a.lineNo - b.lineNo || a.id - b.id

export const theirsPaid = (l: Pick<Line, 'status'>) => l.status === null || l.status === 'succeeded'

export function withinTolerance(difference: number, base: number, rules: MatchRules): boolean {
  const allowed = Math.max(rules.toleranceMinor, Math.floor((Math.abs(base) * rules.tolerancePpm) / 1_000_000))
  return Math.abs(difference) <= allowed
}

function nearCutoff(at: number | null, rules: MatchRules): boolean {
  if (at === null) return false
  const margin = rules.cutoffMinutes * 60_000
  return rules.dayOf(at - margin) !== rules.dayOf(at) || rules.dayOf(at + margin) !== rules.dayOf(at)
}

export function lineBreak(type: BreakType, line: Line, rules: MatchRules, extra: { cause?: string; detail?: Record<string, unknown> }): Break {
  const cause = extra.cause ?? (type === 'missing_ours' && !rules.dayOnlyStatements?.has(line.statementId) && nearCutoff(line.at, rules) ? 'cutoff' : type)
  return {
    type,
    identity: `${type}:line:${line.statementId}:${line.rowKey}`,
    lineId: line.id,
    orderId: null,
    refundId: null,
    statementId: line.statementId,
    merchantId: null,
    currency: line.currency,
    theirsMinor: line.grossMinor,
    oursMinor: null,
    differenceMinor: null,
    at: line.at ?? 0,
    causeKey: cause,
    detail: extra.detail ?? {}
  }
}

export function oursBreak(type: BreakType, item: Ours, rules: MatchRules, cause?: string): Break {
  return {
    type,
    identity: `${type}:${item.kind}:${item.id}`,
    lineId: null,
    orderId: item.kind === 'order' ? item.id : null,
    refundId: item.kind === 'refund' ? item.id : null,
    statementId: null,
    merchantId: item.merchantId,
    currency: item.currency,
    theirsMinor: null,
    oursMinor: item.amountMinor,
    differenceMinor: null,
    at: item.at,
    causeKey: cause ?? (nearCutoff(item.at, rules) ? 'cutoff' : type),
    detail: {}
  }
}

/** The schedule's rate part on an amount, rounded half-up to the minor unit. */
const onRate = (minor: number, ratePpm: number) => Math.round((Math.abs(minor) * ratePpm) / 1_000_000)

/** A fee charged against the one due: within the absolute tolerance only (a share of a fee is no tolerance). */
const feeFits = (charged: number, due: number, rules: MatchRules) => Math.abs(charged - due) <= Math.max(rules.toleranceMinor, 0)

/** A break of one of ours against the line(s) matched to it (`first` of them by line). */
function pairBreak(item: Ours, first: Line, lines: Line[], type: BreakType, cause: string, values: Partial<Break>, detail: Record<string, unknown> = {}): Break {
  return {
    type,
    identity: `${type}:${item.kind}:${item.id}`,
    lineId: first.id,
    orderId: item.kind === 'order' ? item.id : null,
    refundId: item.kind === 'refund' ? item.id : null,
    statementId: first.statementId,
    merchantId: item.merchantId,
    currency: first.currency,
    theirsMinor: null,
    oursMinor: item.amountMinor,
    differenceMinor: null,
    at: first.at ?? item.at,
    causeKey: cause,
    detail: { lineIds: lines.map((l) => l.id), ...detail },
    ...values
  }
}

/**
 * A line that takes back one of theirs that succeeded: a payment revoked after success (WeChat
 * REVOKED), a payout the bank returned (MT940 RD, camt RvslInd), a payment refunded as a whole.
 */
export const theirsUndone = (l: Pick<Line, 'status'>) => l.status === 'reversed' || l.status === 'refunded'

const byTime = (a: Line, b: Line) => (a.at ?? 0) - (b.at ?? 0) || byLine(a, b)

/**
 * One of ours against the line(s) matched to it. Answers the lines that moved nothing beside the
 * others (a failed attempt beside the payment, a payment and the line that took it back): they are
 * no match of the money, nor a break's, and their amounts are counted nowhere.
 */
export function compare(item: Ours, matchedLines: Line[], rules: MatchRules, breaks: Break[]): Line[] {
  let lines = matchedLines
  let movedNothing: Line[] = []
  // One line (nearly every pair) is compared without the copies several need.
  if (matchedLines.length > 1) {
    const paid = matchedLines.filter(theirsPaid)
    const undone = matchedLines.filter(theirsUndone)
    if (paid.length > 0 && undone.length > 0) {
      // Each line that takes a payment back takes back one that came before it (the earliest first):
      // what is left is what theirs kept. All taken back: theirs holds nothing of it, whatever ours says.
      const kept = [...paid].sort(byTime).slice(undone.length)
      if (kept.length === 0) {
        if (item.status === 'succeeded') {
          const first = [...undone].sort(byLine)[0]
          breaks.push(pairBreak(item, first, [...matchedLines].sort(byLine), 'status_mismatch', 'theirs_reversed', { theirsMinor: first.grossMinor }, { ours: item.status, theirs: first.status }))
          return []
        }
        return matchedLines
      }
      movedNothing = matchedLines.filter((l) => !kept.includes(l))
      lines = kept
    } else if (paid.length > 0 && paid.length < matchedLines.length) {
      // A failed attempt beside a paid one (the payer retried) is no second payment: only the paid lines count.
      movedNothing = matchedLines.filter((l) => !theirsPaid(l))
      lines = paid
    }
  }
  comparePaid(item, lines, rules, breaks)
  return movedNothing
}

/** One of ours against the lines of theirs that stand for it (the paid ones, when some are). */
function comparePaid(item: Ours, matched: Line[], rules: MatchRules, breaks: Break[]): void {
  let lines = matched
  const first = lines.length === 1 ? lines[0] : [...lines].sort(byLine)[0]
  // Several lines on one of ours: a split payment when they add up to it; otherwise the later ones are duplicates.
  const theirsSum = lines.reduce((sum, l) => sum + Math.abs(l.grossMinor ?? 0), 0)
  if (lines.length > 1 && !withinTolerance(theirsSum - item.amountMinor, item.amountMinor, rules)) {
    for (const dup of [...lines].sort(byLine).slice(1)) {
      breaks.push({ ...pairBreak(item, first, lines, 'duplicate', 'duplicate', { theirsMinor: dup.grossMinor }), identity: `duplicate:line:${dup.statementId}:${dup.rowKey}`, lineId: dup.id, statementId: dup.statementId, at: dup.at ?? item.at })
    }
    lines = [first]
  }
  if (lines.some((l) => l.currency !== null && l.currency !== item.currency)) {
    const currencies = new Set(lines.map((l) => l.currency).filter((c): c is string => c !== null))
    breaks.push(pairBreak(item, first, lines, 'currency_mismatch', 'currency', { theirsMinor: first.grossMinor }, { theirsCurrency: [...currencies].join(',') }))
    return
  }
  const theirsPaidAll = lines.every(theirsPaid)
  if (theirsPaidAll && item.status !== 'succeeded') {
    breaks.push(pairBreak(item, first, lines, 'status_mismatch', 'theirs_paid_ours_not', { theirsMinor: first.grossMinor }, { ours: item.status, theirs: first.status ?? 'succeeded' }))
    return
  }
  if (!theirsPaidAll && item.status === 'succeeded') {
    // Theirs never paid it (failed, still pending), or paid and took it back (reversed: the money went back).
    const undone = lines.find(theirsUndone)
    const shown = undone ?? first
    breaks.push(pairBreak(item, shown, lines, 'status_mismatch', undone ? 'theirs_reversed' : 'ours_paid_theirs_not', { theirsMinor: shown.grossMinor }, { ours: item.status, theirs: (undone ?? lines.find((l) => !theirsPaid(l))!).status }))
    return
  }
  if (!theirsPaidAll) return
  const theirs = lines.reduce((sum, l) => sum + Math.abs(l.grossMinor ?? 0), 0)
  const difference = theirs - item.amountMinor
  if (!withinTolerance(difference, item.amountMinor, rules)) {
    const fees = lines.reduce((sum, l) => sum + Math.abs(l.feeMinor ?? 0), 0)
    const cause = fees !== 0 && Math.abs(difference) === fees ? 'difference_is_fee' : Math.abs(difference) <= 1 ? 'rounding' : 'amount'
    breaks.push(pairBreak(item, first, lines, difference > 0 ? 'amount_over' : 'amount_short', cause, { theirsMinor: theirs, differenceMinor: difference }))
  }
  // The schedule prices payments and payouts; a refund's fee (often the original's, returned) is the channel's own rule.
  const feeLines = lines.filter((l) => l.feeMinor !== null)
  if (rules.fee && item.kind === 'order' && feeLines.length > 0) {
    const { ratePpm, fixedMinor } = rules.fee
    // Charged, as lines are signed from the merchant's side (a fee charged is negative): a fee
    // credited instead comes out negative here, never equal to the schedule's.
    const charged = -feeLines.reduce((sum, l) => sum + l.feeMinor!, 0)
    // The schedule on what the channel processed: each transaction's gross, the fixed part on each.
    const processed = feeLines.reduce((sum, l) => sum + Math.abs(l.grossMinor ?? 0), 0)
    const expected = feeLines.reduce((sum, l) => sum + onRate(l.grossMinor ?? 0, ratePpm) + fixedMinor, 0)
    // When its gross differs from ours, that is the amount break: a fee that fits the schedule on
    // either amount is not a second difference.
    const onOurs = onRate(item.amountMinor, ratePpm) + fixedMinor * feeLines.length
    if (!feeFits(charged, expected, rules) && !feeFits(charged, onOurs, rules)) {
      const observedPpm = processed === 0 ? 0 : Math.round(((charged - fixedMinor * feeLines.length) * 1_000_000) / processed)
      // Each side's amount stays its gross (a list or export sums them as amounts); the two fees
      // are the break's detail and their difference its difference.
      const fees = { theirsFeeMinor: charged, oursFeeMinor: expected }
      breaks.push({ ...pairBreak(item, first, lines, 'fee_mismatch', `fee_rate:${observedPpm}`, { theirsMinor: theirs, differenceMinor: charged - expected }, fees), identity: `fee_mismatch:${item.kind}:${item.id}` })
    }
  }
}

/** A count among a file's control totals (a trailer's `.count`, camt.053's `NbOfNtries`): no money. */
const isCount = (name: string) => /(\.count|NbOfNtries)$/.test(name)

/**
 * A control total that does not add up: its figures and their difference (stated less computed,
 * exact). Money (not a count) is in the currency of the statement's lines when they have one; then
 * the difference is the break's, in minor units when it fits them (a list and an export show it).
 */
export function controlBreak(c: Control, lines: Line[], at: number): Break {
  const detail: Record<string, unknown> = { name: c.name, stated: c.stated, computed: c.computed, ...(c.problem ? { problem: c.problem } : {}) }
  let currency: string | null = null
  let differenceMinor: number | null = null
  if (DECIMAL.test(c.stated) && DECIMAL.test(c.computed)) {
    const difference = new Decimal(c.stated).minus(c.computed)
    detail.difference = difference.toFixed(Math.max(new Decimal(c.stated).decimalPlaces(), new Decimal(c.computed).decimalPlaces()))
    const currencies = isCount(c.name) ? [] : [...new Set(lines.flatMap((l) => (l.statementId === c.statementId && l.currency !== null ? [l.currency] : [])))]
    const known = currencies.length === 1 ? currencyOf(currencies[0]) : undefined
    if (known) {
      currency = currencies[0]
      detail.currency = currency
      const fits = difference.decimalPlaces() <= known.minorUnits && Number.isSafeInteger(difference.times(10 ** known.minorUnits).toNumber())
      if (fits) differenceMinor = toMinor(difference, currency)
    }
  }
  return { type: 'control_total', identity: `control_total:${c.statementId}:${c.name}`, lineId: null, orderId: null, refundId: null, statementId: c.statementId, merchantId: null, currency, theirsMinor: null, oursMinor: null, differenceMinor, at, causeKey: 'control_total', detail }
}

/**
 * A file whose amounts are all off by one rate (a wrong currency unit, an FX rate applied): when
 * at least three amount breaks of one statement share theirs/ours to four digits, that ratio is
 * their cause.
 */
export function assignRateCauses(breaks: Break[]): void {
  const byRatio = new Map<string, Break[]>()
  for (const b of breaks) {
    if ((b.type !== 'amount_over' && b.type !== 'amount_short') || !b.oursMinor || b.theirsMinor === null || b.causeKey !== 'amount') continue
    const key = `${b.statementId}:${(b.theirsMinor / b.oursMinor).toFixed(4)}`
    byRatio.set(key, [...(byRatio.get(key) ?? []), b])
  }
  for (const [key, group] of byRatio) {
    if (group.length < 3) continue
    for (const b of group) b.causeKey = `rate:${key.split(':')[1]}`
  }
}

/**
 * The lines of theirs a break is about: a duplicate its copy (its detail lists the original's
 * lines too, for context); a pair's difference every line compared (a split payment's); otherwise
 * its own line, if any.
 */
export function linesOfBreak(b: Break): number[] {
  const compared = b.detail.lineIds
  if (b.type !== 'duplicate' && Array.isArray(compared)) return compared as number[]
  return b.lineId === null ? [] : [b.lineId]
}

export function byIdentity(a: Break, b: Break): number {
  return a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0
}

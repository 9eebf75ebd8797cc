/**
 * A run's summary: what the screens and the exported run report show (lines, matched count and
 * amount, breaks by type with amounts, what was carried), from its matches and breaks.
 */
import { fromMinor } from '../../shared/money'
import { idSetFor } from './match-sets'
import { linesOfBreak } from './match-compare'
import type { Break, Match } from './match'

export interface RunSummary {
  lines: number
  /** Lines paired (or grouped) with ours and no break about them. */
  matched: number
  /** Per currency, the matched lines' amounts added without their signs (money in and out together). */
  matchedAmount: Record<string, string>
  /** Per currency, what the matched lines moved in, out (as a positive amount) and the net of the two (from rule version 4). */
  matchedIn: Record<string, string>
  matchedOut: Record<string, string>
  matchedNet: Record<string, string>
  /** Matched of the lines; null when there are none (nothing was matched: no rate, never 100 %). */
  matchRate: number | null
  /** Lines a break is about (a line with an amount and a fee break counts once). */
  linesWithBreaks: number
  /** Fee lines, failed attempts, payments theirs took back when ours agrees: lines − matched − with breaks − pending. */
  linesNotForMatching: number
  pending: { lines: number; ours: number }
  breaks: Record<string, number>
  /** Per type and currency, the breaks' amounts (the difference, else theirs, else ours) added without their signs: what is at stake. */
  breakAmounts: Record<string, Record<string, string>>
  carried: number
  /** Breaks left open (those not carried as decided). */
  open: number
}

/**
 * The run's figures, tied to the file: matched counts the clean matches only (the result holds no
 * other), so lines = matched + lines with breaks + pending + not for matching (fee lines, failed
 * attempts, a payment and the line that took it back), and the matched amount leaves out every
 * amount a break states.
 */
export function summarize(lineCount: number, matches: Match[], breaks: Break[], pending: RunSummary['pending'], carried: number): RunSummary {
  const matchedLines = idSetFor(matches.length, (i) => matches[i].lineId)
  for (const m of matches) matchedLines.add(m.lineId)
  const brokenLines = new Set<number>()
  for (const b of breaks) for (const id of linesOfBreak(b)) brokenLines.add(id)
  const moved = { in: {} as Record<string, bigint>, out: {} as Record<string, bigint> }
  for (const m of matches) {
    if (!m.currency || m.amountMinor === null) continue
    const side = m.amountMinor < 0 ? moved.out : moved.in
    side[m.currency] = (side[m.currency] ?? 0n) + BigInt(Math.abs(m.amountMinor))
  }
  const currencies = [...new Set([...Object.keys(moved.in), ...Object.keys(moved.out)])].sort()
  const of = (f: (c: string) => bigint) => Object.fromEntries(currencies.map((c) => [c, f(c)]))
  const counts: Record<string, number> = {}
  const amounts: Record<string, Record<string, bigint>> = {}
  for (const b of breaks) {
    counts[b.type] = (counts[b.type] ?? 0) + 1
    const amount = b.differenceMinor ?? b.theirsMinor ?? b.oursMinor
    if (b.currency && amount !== null) {
      const byCurrency = (amounts[b.type] ??= {})
      byCurrency[b.currency] = (byCurrency[b.currency] ?? 0n) + BigInt(Math.abs(amount))
    }
  }
  // Decimal text in each currency, as every amount crosses to the screens.
  const text = (m: Record<string, bigint>) => Object.fromEntries(Object.entries(m).map(([currency, minor]) => [currency, fromMinor(minor, currency)]))
  return {
    lines: lineCount,
    matched: matchedLines.size,
    matchedAmount: text(of((c) => (moved.in[c] ?? 0n) + (moved.out[c] ?? 0n))),
    matchedIn: text(of((c) => moved.in[c] ?? 0n)),
    matchedOut: text(of((c) => moved.out[c] ?? 0n)),
    matchedNet: text(of((c) => (moved.in[c] ?? 0n) - (moved.out[c] ?? 0n))),
    matchRate: lineCount === 0 ? null : matchedLines.size / lineCount,
    linesWithBreaks: brokenLines.size,
    linesNotForMatching: lineCount - matchedLines.size - brokenLines.size - pending.lines,
    pending,
    breaks: counts,
    breakAmounts: Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, text(v)])),
    carried,
    open: breaks.length - carried
  }
}

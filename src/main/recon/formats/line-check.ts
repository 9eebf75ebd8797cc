/**
 * The checks every statement line passes before it is stored, the same for the dry run, the
 * commit and the profile editor's preview (one code path, so a preview that says clean is a dry
 * run that says clean): its currency (the line's, else the profile's, else the source's own), its
 * amounts in minor units of that currency, its fee, and its row key made unique in the file.
 */
import { Decimal, readAmount, roundToMinor, type AmountProblem, type AmountReading } from '../../../shared/money'
import { moneyText } from '../../../shared/money-text'
import { currency as knownCurrency } from '../../../shared/reference'
import type { ReconProfile } from '../../../shared/contract/recon-profile'
import type { RowProblem } from '../../../shared/contract/reconciliation'
import { say, type ServerText } from '../../../shared/server-text'
import { dropsValue, roundsUp, unitsOf } from './decimal-text'
import type { StatementLine } from './types'

/** A bad row: its line, the field, and why, as a catalog text (the screens show it in the clerk's language). */
export type ImportProblem = RowProblem

/**
 * An amount as `readAmount` reads it (the same minor units, the same problems), by its digits when
 * it is short and plain: decimal.js cost a few microseconds and a dozen objects per amount, which
 * on a million-line file was seconds.
 */
function amountOf(text: string, code: string, digits: number): AmountReading {
  const read = unitsOf(text, digits)
  if (read === null) return readAmount(text, code)
  if (dropsValue(read.dropped)) return { ok: false, problem: 'precision', message: `${code} has at most ${digits} decimal places` }
  return { ok: true, minor: read.units }
}

/** `readAmount`'s problem code as a catalog text, with what the clerk needs to fix the cell. */
function amountProblem(problem: AmountProblem, text: string, code: string, digits: number): ServerText {
  if (problem === 'precision') return say('recon.row.amountPrecision', { currency: code, digits })
  if (problem === 'too_large') return say('recon.row.amountOverMax', { max: moneyText(Number.MAX_SAFE_INTEGER, code) })
  return say('recon.row.amountFormat', { value: text.slice(0, 40) })
}

/** A fee rounded half-up to minor units, as `roundToMinor` rounds it. */
function roundedFee(fee: string, code: string, digits: number): number {
  const negative = fee.startsWith('-')
  const read = unitsOf(negative ? fee.slice(1) : fee, digits)
  if (read === null) return roundToMinor(new Decimal(fee), code)
  const units = read.units + (roundsUp(read.dropped) ? 1 : 0)
  return negative ? -units : units
}

/**
 * A line's amounts as minor units of its currency, or the problem that stops it. Its currency is
 * the line's own (a column, or the profile's), else `fallback`: the profile's, else the source's
 * (a channel's bills are in the channel's currency, an account's statement in the account's).
 */
export function linePrice(line: StatementLine, fallback: string | null): { currency: string | null; gross: number | null; fee: number | null; net: number | null } | ImportProblem {
  const currency = line.currency ?? fallback
  const known = currency === null ? undefined : knownCurrency(currency)
  if (currency !== null && !known) return { lineNo: line.lineNo, field: 'currency', reason: say('recon.row.unknownCurrency', { value: currency }) }
  const minor = (field: 'gross' | 'net', text: string | null): number | null | ImportProblem => {
    if (text === null) return null
    if (currency === null || !known) return { lineNo: line.lineNo, field: 'currency', reason: say('recon.row.noCurrency') }
    const negative = text.startsWith('-')
    const unsigned = negative ? text.slice(1) : text
    const read = amountOf(unsigned, currency, known.minorUnits)
    if (!read.ok) return { lineNo: line.lineNo, field, reason: amountProblem(read.problem, unsigned, currency, known.minorUnits) }
    return negative ? -read.minor : read.minor
  }
  const gross = minor('gross', line.gross)
  if (gross !== null && typeof gross === 'object') return gross
  const net = minor('net', line.net)
  if (net !== null && typeof net === 'object') return net
  let fee: number | null = null
  if (line.fee !== null && currency !== null && known) {
    // A fee may carry more decimals than the currency (WeChat's five): kept exact as text, compared rounded half-up.
    const negative = line.fee.startsWith('-')
    if (!/^\d+(\.\d+)?$/.test(negative ? line.fee.slice(1) : line.fee)) return { lineNo: line.lineNo, field: 'fee', reason: say('recon.row.feeNotPlain', { value: line.fee.slice(0, 40) }) }
    fee = roundedFee(line.fee, currency, known.minorUnits)
  }
  return { currency, gross, fee, net }
}

export type Priced = Exclude<ReturnType<typeof linePrice>, ImportProblem>

/**
 * Every line checked the same way by the dry run, the commit and the preview: its amounts, and its
 * row key made unique in the file. Problems are counted, the first `max` kept. `sourceCurrency`
 * is the source's: the currency of a line neither a column nor the profile gives one.
 *
 * A line whose key an earlier line of the file has (a channel listing a payment twice, two equal
 * card payments on a bank statement) is kept under `<key>#2`, `#3`…: refused, it stopped the whole
 * file, so the duplicate the run exists to report could never be raised, and the clerk had to edit
 * the channel's file (whose hash then proves nothing).
 */
export function lineChecker(profile: ReconProfile, max: number, sourceCurrency: string | null = null) {
  const problems: ImportProblem[] = []
  let problemCount = 0
  const keys = new Set<string>()
  /** Per key seen more than once: how many times so far. */
  const repeats = new Map<string, number>()
  let twiceInFile = 0
  const fallback = profile.currency ?? sourceCurrency
  const problem = (p: ImportProblem) => {
    problemCount++
    if (problems.length < max) problems.push(p)
  }
  return {
    problems,
    get problemCount() {
      return problemCount
    },
    /** Lines kept under an occurrence key (an earlier line of the file has their key). */
    get twiceInFile() {
      return twiceInFile
    },
    problem,
    /** The line's amounts, or null when it is a problem (then reported). */
    check(line: StatementLine): Priced | null {
      const priced = linePrice(line, fallback)
      if ('reason' in priced) {
        problem(priced)
        return null
      }
      if (keys.has(line.rowKey)) {
        // A key is JSON (rows.ts) and ends in "]": "]#2" is never another line's own key.
        const occurrence = (repeats.get(line.rowKey) ?? 1) + 1
        repeats.set(line.rowKey, occurrence)
        line.rowKey = `${line.rowKey}#${occurrence}`
        twiceInFile++
      }
      keys.add(line.rowKey)
      return priced
    }
  }
}

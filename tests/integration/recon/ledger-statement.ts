/**
 * A channel's statement of a day made from what we booked, as a truthful channel would export it
 * (each succeeded order and refund with its gross, its fee by the channel's schedule, net, the
 * channel's number and its own time), then with differences put in, each on an order or refund of
 * its own, and noise that must break nothing. Each difference comes with the break a run must
 * report for it, written as `describeBreaks` in run-property.test.ts writes a stored break.
 */
import Decimal from 'decimal.js'
import { businessDayFn, dayStartMs, dayText } from '../../../src/main/ledger/business-day'
import type { SimulatorStatementRow, SimulatorTotals } from '../../../src/main/recon/formats'
import { statementRow } from '../../../src/main/simulator/statement'
import type { seededRandom } from '../../support/random'

export type Random = ReturnType<typeof seededRandom>

/** Gross and fee differences up to 0.01 are no break (the fee check takes the absolute tolerance only). */
export const TOLERANCE_MINOR = 1

/** One of ours as the channel should have seen it. */
export interface Booked {
  kind: 'payment' | 'payout' | 'refund'
  /** `order:<order no.>` or `refund:<refund no.>`: how a break names it. */
  subject: string
  orderNo: string
  merchantOrderNo: string | null
  refundNo: string | null
  upstreamNo: string
  currency: string
  /** What it moved: a deposit's paid amount, a payout's or a refund's amount. */
  amountMinor: number
  at: number
  succeeded: boolean
  /** A test order (and its refunds): matched when a line names it, never missing when none does. */
  isTest: boolean
}

/** What we booked on one channel in a business day (or two, if the data was made across midnight). */
export interface LedgerDay {
  booked: Booked[]
  /** Epoch ms [from, to) in the channel's zone. */
  period: { from: number; to: number }
  zone: string
  /** Every amount of ours (any status, any kind), all distinct. */
  amounts: ReadonlySet<number>
}

export const money = (minor: number) => new Decimal(minor).dividedBy(100).toFixed(2)

/** The line a truthful channel exports for one of ours: gross, its fee by the schedule, net, its number, its own time (near ours). */
function truthfulRow(rnd: Random, b: Booked, ratePpm: number, status: 'succeeded' | 'failed' = 'succeeded'): SimulatorStatementRow {
  const at = b.at + rnd.int(-90_000, 90_000)
  const row = statementRow({ kind: b.kind, orderNo: b.orderNo, merchantOrderNo: b.merchantOrderNo, upstreamNo: b.upstreamNo, refundNo: b.refundNo, currency: b.currency, amount: money(b.amountMinor), at }, ratePpm)
  return { ...row, status }
}

const DIFFERENCES = ['dropped', 'extra', 'amount_over', 'amount_short', 'theirs_failed', 'theirs_paid', 'duplicate', 'fee', 'currency', 'control_total'] as const
export type DifferenceType = (typeof DIFFERENCES)[number]

export interface Statement {
  rows: SimulatorStatementRow[]
  totals: Partial<SimulatorTotals>
  /** The breaks the run must report, as `describeBreaks` writes them. */
  expected: string[]
  injected: DifferenceType[]
  /** Ours that a difference or noise changed. */
  touched: Set<string>
  /** Lines whose numbers the channel garbled: the window pass finds them by amount, no break. */
  byWindow: string[]
  /** The amounts of ours some line finds by a key. */
  keyed: number[]
  /** The day's settlement lines, if the file has them. */
  settlements: string[]
}

const minorOf = (text: string) => new Decimal(text).abs().times(100).toNumber()
/** The channel's fee on an amount by its schedule, rounded half up as `statementRow` does. */
const scheduleFee = (minor: number, ratePpm: number) => new Decimal(minor).times(ratePpm).dividedBy(1_000_000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
/**
 * Sets a row's gross magnitude (its sign stays the kind's) or its fee, given the way the schedule
 * expects it (charged on payments and payouts, returned on refunds; negative: the other way),
 * keeping net = gross + fee.
 */
function setAmounts(row: SimulatorStatementRow, change: { grossMinor?: number; feeMinor?: number }): void {
  const sign = (text: string) => (text.startsWith('-') ? -1 : 1)
  const gross = change.grossMinor === undefined ? new Decimal(row.gross) : new Decimal(change.grossMinor * sign(row.gross)).dividedBy(100)
  // A fee of 0.00 is written unsigned: its sign is the kind's (charged on payments and payouts, returned on refunds).
  const feeSign = row.kind === 'refund' ? 1 : -1
  const fee = change.feeMinor === undefined ? new Decimal(row.fee) : new Decimal(change.feeMinor * feeSign).dividedBy(100)
  Object.assign(row, { gross: gross.toFixed(2), fee: fee.toFixed(2), net: gross.plus(fee).toFixed(2) })
}

let madeUp = 0
const madeUpNo = () => String(++madeUp).padStart(6, '0')

/**
 * A line nobody booked. Its amount is new, or that of one of ours a key already claimed; never
 * that of one of ours no key finds (a dropped line's, a failed order's without a line, a garbled
 * line's): the window pass would rightly take that one as the same payment, and the difference
 * would not be the missing line it is meant to be.
 */
export function extraRow(day: LedgerDay, rnd: Random, ratePpm: number, keyed: number[]): SimulatorStatementRow {
  const kind = rnd.pick(['payment', 'payout', 'refund'] as const)
  let minor = keyed.length > 0 && rnd.chance(0.5) ? rnd.pick(keyed) : 0
  while (minor === 0 || (day.amounts.has(minor) && !keyed.includes(minor))) minor = rnd.int(1_000, 900_000)
  const n = madeUpNo()
  // About when our own business happened, where the window pass looks.
  const at = Math.min(day.period.to - 1, Math.max(day.period.from, rnd.pick(day.booked).at + rnd.int(-3_600_000, 3_600_000)))
  return statementRow({ kind, orderNo: `DX${n}`, upstreamNo: `TX${n}`, refundNo: kind === 'refund' ? `RX${n}` : null, currency: 'CNY', amount: money(minor), at }, ratePpm)
}

export const lineOf = (row: SimulatorStatementRow) => `line:${row.upstreamNo}`

/**
 * The day's statement as a truthful channel writes it (in an order of its own), then `n`
 * differences, each on an order or refund of its own, and noise that must break nothing: amounts
 * off by no more than the tolerance, and lines whose numbers the channel garbled.
 */
export function statementWith(day: LedgerDay, rnd: Random, ratePpm: number, n: number): Statement {
  // Some channels list their failures too (a failed line for a failed order is no break); others only what succeeded.
  const listsFailures = rnd.chance(0.5)
  /** Each line of ours that a key finds, and whose it is. */
  const keyedBy = new Map<SimulatorStatementRow, Booked>()
  for (const b of day.booked) {
    // Test orders went through the channel too; whether its statement shows them makes no difference.
    if (b.isTest && rnd.chance(0.5)) continue
    if (b.succeeded) keyedBy.set(truthfulRow(rnd, b, ratePpm), b)
    else if (listsFailures) keyedBy.set(truthfulRow(rnd, b, ratePpm, 'failed'), b)
  }
  const rowOf = new Map([...keyedBy].map(([row, b]) => [b, row]))
  const rows = [...keyedBy.keys()]
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rnd.int(0, i)
    ;[rows[i], rows[j]] = [rows[j], rows[i]]
  }
  const s: Statement = { rows, totals: {}, expected: [], injected: [], touched: new Set(), byWindow: [], keyed: [], settlements: [] }
  const pickTarget = (succeeded: boolean, kinds: readonly Booked['kind'][] = ['payment', 'payout', 'refund']): Booked | null => {
    const pool = day.booked.filter((b) => b.succeeded === succeeded && kinds.includes(b.kind) && !b.isTest && !s.touched.has(b.subject))
    if (pool.length === 0) return null
    const b = rnd.pick(pool)
    s.touched.add(b.subject)
    return b
  }
  let control: { which: 'count' | 'gross' | 'fee' | 'net'; off: number } | null = null
  let extras = 0
  while (s.injected.length < n) {
    const type = rnd.pick(DIFFERENCES)
    if (type === 'control_total') {
      // The file states its totals once: one control difference per file, stated once the lines are final.
      if (control) continue
      control = { which: rnd.pick(['count', 'gross', 'fee', 'net'] as const), off: rnd.pick([-1, 1]) * rnd.int(1, 500) }
      s.expected.push(`control_total simulator.totals.${control.which}`)
      s.injected.push(type)
      continue
    }
    if (type === 'extra') {
      // Made once the lines of ours are final (its amount depends on them).
      extras++
      s.injected.push(type)
      continue
    }
    // The source's schedule prices payments and payouts; a refund's fee is the channel's own rule, never a break.
    const target = pickTarget(type !== 'theirs_paid', type === 'fee' ? ['payment', 'payout'] : undefined)
    if (!target) continue
    const row = rowOf.get(target)
    s.injected.push(type)
    const pair = (what: string) => s.expected.push(`${what} ${target.subject} ${lineOf(rowOf.get(target)!)}`)
    switch (type) {
      case 'dropped':
        rows.splice(rows.indexOf(row!), 1)
        keyedBy.delete(row!)
        s.expected.push(`missing_theirs ${target.subject}`)
        break
      case 'amount_over':
      case 'amount_short': {
        // Another amount, with the fee on it by the schedule or still the fee on ours: either way one difference, the amount.
        const delta = rnd.int(TOLERANCE_MINOR + 1, Math.min(50_000, target.amountMinor - 1))
        const gross = target.amountMinor + (type === 'amount_over' ? delta : -delta)
        setAmounts(row!, { grossMinor: gross, feeMinor: rnd.chance(0.5) ? scheduleFee(gross, ratePpm) : undefined })
        pair(`${type} by ${gross - target.amountMinor}`)
        break
      }
      case 'theirs_failed':
        row!.status = 'failed'
        pair('status_mismatch (ours_paid_theirs_not)')
        break
      case 'theirs_paid': {
        // Theirs paid an order of ours that failed or was closed: its failed line turned paid, or a paid line where there was none.
        if (row) row.status = 'succeeded'
        else {
          const paid = truthfulRow(rnd, target, ratePpm)
          rows.splice(rnd.int(0, rows.length), 0, paid)
          keyedBy.set(paid, target)
          rowOf.set(target, paid)
        }
        pair('status_mismatch (theirs_paid_ours_not)')
        break
      }
      case 'duplicate': {
        // Charged twice: a second transaction of the channel for the same payment. The later line in the file is the duplicate.
        const copy = { ...row!, upstreamNo: `${row!.upstreamNo}-2` }
        rows.splice(rnd.int(0, rows.length), 0, copy)
        const later = rows.indexOf(copy) > rows.indexOf(row!) ? copy : row!
        s.expected.push(`duplicate ${target.subject} ${lineOf(later)}`)
        break
      }
      case 'fee': {
        // More or less than the schedule, or the wrong way: credited instead of charged.
        const due = minorOf(row!.fee)
        const how = rnd.pick(due > TOLERANCE_MINOR + 1 ? (['more', 'less', 'wrong_way'] as const) : (['more', 'wrong_way'] as const))
        const stated = how === 'more' ? due + rnd.int(TOLERANCE_MINOR + 1, 5_000) : how === 'less' ? due - rnd.int(TOLERANCE_MINOR + 1, due) : -due
        setAmounts(row!, { feeMinor: stated })
        pair(`fee_mismatch by ${stated - due}`)
        break
      }
      case 'currency':
        row!.currency = rnd.pick(['USD', 'HKD', 'EUR'])
        pair('currency_mismatch')
        break
    }
  }
  // Noise: a gross or fee off by no more than the tolerance, or a line whose numbers are garbled (ours all have distinct amounts, so the window pass finds it).
  for (let i = rnd.int(0, 4); i > 0; i--) {
    const target = pickTarget(true)
    const row = target && rowOf.get(target)
    if (!row) continue
    const noise = rnd.pick(['gross', 'fee', 'numbers'] as const)
    const off = rnd.pick([-1, 1]) * TOLERANCE_MINOR
    if (noise === 'gross') setAmounts(row, { grossMinor: target!.amountMinor + off, feeMinor: scheduleFee(target!.amountMinor + off, ratePpm) })
    else if (noise === 'fee') setAmounts(row, { feeMinor: minorOf(row.fee) + (minorOf(row.fee) === 0 ? 1 : off) })
    else {
      const n = madeUpNo()
      Object.assign(row, { orderNo: `DG${n}`, merchantOrderNo: null, upstreamNo: `TG${n}`, refundNo: row.refundNo === null ? null : `RG${n}` })
      keyedBy.delete(row)
      s.byWindow.push(row.upstreamNo)
    }
  }
  s.keyed = [...keyedBy.values()].map((b) => b.amountMinor)
  for (let i = 0; i < extras; i++) {
    const row = extraRow(day, rnd, ratePpm, s.keyed)
    rows.splice(rnd.int(0, rows.length), 0, row)
    s.expected.push(`missing_ours ${lineOf(row)}`)
  }
  // The channel's payout of each day to the merchant's bank: the net of that day's lines that moved money. match.ts
  // compares it with the net of the day's lines it matched, in any currency; so only a file whose paid lines all match,
  // in one currency, carries one here: an extra line or a line in another currency would show twice, as its own break
  // and as the settlement's.
  if (extras === 0 && !s.injected.includes('currency') && rnd.chance(0.6)) {
    const dayOf = businessDayFn(day.zone)
    const netByDay = new Map<number, Decimal>()
    for (const r of rows) if (r.status === 'succeeded') netByDay.set(dayOf(r.at), (netByDay.get(dayOf(r.at)) ?? new Decimal(0)).plus(r.net))
    for (const [businessDay, net] of netByDay) {
      const gross = net.negated().toFixed(2)
      const row: SimulatorStatementRow = { upstreamNo: `TS${madeUpNo()}`, orderNo: '', kind: 'settlement', status: 'succeeded', currency: 'CNY', gross, fee: '0.00', net: gross, at: dayStartMs(dayText(businessDay), day.zone, 1) + 2 * 3_600_000 }
      rows.push(row)
      s.settlements.push(row.upstreamNo)
    }
  }
  if (control) {
    const { which, off } = control
    const sum = (field: 'gross' | 'fee' | 'net') => rows.reduce((acc, r) => acc.plus(r[field]), new Decimal(0))
    s.totals = which === 'count' ? { lines: rows.length + Math.sign(off) } : { [which]: sum(which).plus(new Decimal(off).dividedBy(100)).toFixed(2) }
  }
  return s
}

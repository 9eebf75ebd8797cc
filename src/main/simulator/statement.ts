/**
 * The provider's statement of a day (its own record of what it accepted, paid, refunded and paid
 * out, with its fees) and the differences it can be told to put in it, for rehearsing a
 * reconciliation: a missing line, an extra line, an amount off, a status that differs, a
 * duplicate, a fee off, a line that comes a day late. The layout is the recon domain's
 * (`simulatorStatementCsv`); the rows come from the simulator's orders, or from any list of paid
 * orders (the demo's history).
 */
import Decimal from 'decimal.js'
import { simulatorStatementCsv, type SimulatorStatementRow } from '../recon/formats/simulator'

export const DIFFERENCE_KINDS = ['missing', 'extra', 'amount', 'status', 'duplicate', 'fee', 'late'] as const
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number]

export interface Difference {
  kind: DifferenceKind
  /** The order it concerns; left out, the next line not yet touched, in order number order. */
  orderNo?: string
}

export interface Injected {
  kind: DifferenceKind
  /** The order whose line was changed (or the made-up one, for an extra line). */
  orderNo: string
  upstreamNo: string
}

/** One paid thing as the provider saw it. */
export interface Settled {
  kind: 'payment' | 'refund' | 'payout'
  orderNo: string
  merchantOrderNo?: string | null
  upstreamNo: string
  refundNo?: string | null
  currency: string
  /** Decimal text, positive, as the order's amount is written. */
  amount: string
  at: number
}

const decimalsOf = (amount: string) => (amount.includes('.') ? amount.length - amount.indexOf('.') - 1 : 0)

/** The line of a paid thing: money in positive, out negative; the fee charged negative on payments and payouts, returned on refunds. */
export function statementRow(item: Settled, feeRatePpm: number): SimulatorStatementRow {
  const digits = decimalsOf(item.amount)
  const amount = new Decimal(item.amount)
  const fee = amount.times(feeRatePpm).dividedBy(1_000_000).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP)
  const sign = item.kind === 'payment' ? 1 : -1
  const gross = amount.times(sign)
  const feeSigned = item.kind === 'refund' ? fee : fee.negated()
  return {
    upstreamNo: item.upstreamNo,
    orderNo: item.orderNo,
    merchantOrderNo: item.merchantOrderNo ?? null,
    refundNo: item.refundNo ?? null,
    kind: item.kind,
    status: 'succeeded',
    currency: item.currency,
    gross: gross.toFixed(digits),
    fee: feeSigned.toFixed(digits),
    net: gross.plus(feeSigned).toFixed(digits),
    at: item.at
  }
}

/**
 * The day's rows with the differences put in, each on a line of its own (never two on one), in
 * order number order when not named. A `late` line leaves this day's statement: it belongs to
 * the next one (`lateFromYesterday`).
 */
export function withDifferences(rows: SimulatorStatementRow[], differences: Difference[]): { rows: SimulatorStatementRow[]; injected: Injected[]; late: SimulatorStatementRow[] } {
  const out = [...rows].sort((a, b) => (a.orderNo < b.orderNo ? -1 : a.orderNo > b.orderNo ? 1 : (a.refundNo ?? '') < (b.refundNo ?? '') ? -1 : 1))
  const touched = new Set<SimulatorStatementRow>()
  const injected: Injected[] = []
  const late: SimulatorStatementRow[] = []
  let extra = 0
  for (const d of differences) {
    if (d.kind === 'extra') {
      const model = out.find((r) => r.kind === 'payment') ?? out[0]
      const at = model?.at ?? Date.now()
      const row: SimulatorStatementRow = { upstreamNo: `SIMX${String(++extra).padStart(6, '0')}`, orderNo: `DX${String(extra).padStart(8, '0')}`, kind: 'payment', status: 'succeeded', currency: model?.currency ?? 'CNY', gross: '123.45', fee: '-0.74', net: '122.71', at }
      out.push(row)
      touched.add(row)
      injected.push({ kind: 'extra', orderNo: row.orderNo, upstreamNo: row.upstreamNo })
      continue
    }
    const target = out.find((r) => !touched.has(r) && (d.orderNo ? r.orderNo === d.orderNo : r.kind === 'payment'))
    if (!target) throw new Error(`no line left for a ${d.kind} difference${d.orderNo ? ` on ${d.orderNo}` : ''}`)
    touched.add(target)
    injected.push({ kind: d.kind, orderNo: target.orderNo, upstreamNo: target.upstreamNo })
    const digits = decimalsOf(target.gross)
    if (d.kind === 'missing') out.splice(out.indexOf(target), 1)
    else if (d.kind === 'late') {
      out.splice(out.indexOf(target), 1)
      late.push({ ...target, at: target.at + 86_400_000 })
    } else if (d.kind === 'amount') {
      const gross = new Decimal(target.gross).plus(1)
      Object.assign(target, { gross: gross.toFixed(digits), net: gross.plus(target.fee).toFixed(digits) })
    } else if (d.kind === 'fee') {
      const fee = new Decimal(target.fee).minus(new Decimal(1).dividedBy(10))
      Object.assign(target, { fee: fee.toFixed(digits), net: new Decimal(target.gross).plus(fee).toFixed(digits) })
    } else if (d.kind === 'status') target.status = 'failed'
    else if (d.kind === 'duplicate') {
      // Charged twice: a second transaction of the provider for the same order.
      const copy = { ...target, upstreamNo: `${target.upstreamNo}-2` }
      out.splice(out.indexOf(target) + 1, 0, copy)
      touched.add(copy)
    }
  }
  return { rows: out, injected, late }
}

export function statementCsv(rows: SimulatorStatementRow[]): string {
  return simulatorStatementCsv(rows)
}

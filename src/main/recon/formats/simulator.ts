/**
 * The provider simulator's statement of a day: what it accepted, paid, refunded and paid out,
 * with its fees. The simulator calls `simulatorStatementCsv`; the built-in `simulator` profile
 * (src/shared/contract/recon-profile.ts) reads it back. The layout lives here and nowhere else:
 *
 *   upstream_no,order_no,merchant_order_no,refund_no,kind,status,currency,gross,fee,net,time
 *   SIM0001,PD0001,M-1,,payment,succeeded,CNY,100.00,-0.60,99.40,2024-05-01T02:00:00.000Z
 *   …
 *   #totals,lines=3,gross=…,fee=…,net=…
 *
 * UTF-8 without a byte-order mark, `\n` line ends, RFC 4180 quoting. Amounts are signed from the
 * merchant's side (a payment in, a refund or payout out, a fee charged negative), written as
 * given. Times are UTC ISO 8601. The trailer sums every line whatever its currency: it is the
 * file's checksum, not a balance. The simulator injects differences (a missing line, an amount
 * off) in the rows it passes, and a wrong trailer through `totals`.
 */
import { LINE_KINDS, LINE_STATUSES, type LineKind, type LineStatus } from '../../../shared/contract/recon-profile'
import { ExactSum } from './decimal-text'

export const SIMULATOR_STATEMENT_COLUMNS = ['upstream_no', 'order_no', 'merchant_order_no', 'refund_no', 'kind', 'status', 'currency', 'gross', 'fee', 'net', 'time'] as const

export interface SimulatorStatementRow {
  upstreamNo: string
  orderNo: string
  merchantOrderNo?: string | null
  refundNo?: string | null
  kind: LineKind
  status: LineStatus
  currency: string
  gross: string
  fee: string
  net: string
  /** Epoch ms. */
  at: number
}

export interface SimulatorTotals {
  lines: number
  gross: string
  fee: string
  net: string
}

const AMOUNT = /^-?\d+(\.\d+)?$/

function cell(value: string): string {
  // A first cell starting with # would read as the trailer's kind of line.
  return /[",\r\n]/.test(value) || value.startsWith('#') ? `"${value.replace(/"/g, '""')}"` : value
}

export function simulatorStatementCsv(rows: readonly SimulatorStatementRow[], options: { totals?: Partial<SimulatorTotals> } = {}): string {
  const gross = new ExactSum()
  const fee = new ExactSum()
  const net = new ExactSum()
  const out: string[] = [SIMULATOR_STATEMENT_COLUMNS.join(',')]
  rows.forEach((row, i) => {
    const where = `simulator statement row ${i + 1}`
    for (const field of ['gross', 'fee', 'net'] as const) if (!AMOUNT.test(row[field])) throw new Error(`${where}: ${field} "${row[field]}" is not a decimal amount`)
    if (!LINE_KINDS.includes(row.kind)) throw new Error(`${where}: kind "${row.kind}" is not one of ${LINE_KINDS.join(', ')}`)
    if (!LINE_STATUSES.includes(row.status)) throw new Error(`${where}: status "${row.status}" is not one of ${LINE_STATUSES.join(', ')}`)
    if (!/^[A-Z][A-Z0-9]{2,5}$/.test(row.currency)) throw new Error(`${where}: currency "${row.currency}" is not a currency code`)
    if (!Number.isFinite(row.at)) throw new Error(`${where}: time is not a time`)
    if (row.upstreamNo === '' && row.orderNo === '') throw new Error(`${where}: has neither an upstream nor an order number`)
    gross.add(row.gross)
    fee.add(row.fee)
    net.add(row.net)
    const values = [row.upstreamNo, row.orderNo, row.merchantOrderNo ?? '', row.refundNo ?? '', row.kind, row.status, row.currency, row.gross, row.fee, row.net, new Date(row.at).toISOString()]
    out.push(values.map(cell).join(','))
  })
  const totals: SimulatorTotals = { lines: rows.length, gross: gross.toString(), fee: fee.toString(), net: net.toString(), ...options.totals }
  out.push(`#totals,lines=${totals.lines},gross=${totals.gross},fee=${totals.fee},net=${totals.net}`)
  return out.join('\n') + '\n'
}

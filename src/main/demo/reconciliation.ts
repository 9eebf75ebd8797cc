/**
 * Demo reconciliation: the CN-A channel's statement of the last 30 days, as the channel would
 * export it from what we booked (the provider simulator's layout), with one difference of every
 * kind a clerk meets: a line missing, a line nobody booked, an amount over and one short, a fee
 * off the schedule, a currency that differs, a status that differs both ways, a duplicate, and a
 * trailer whose total does not add up. It is uploaded, checked, imported and run through the
 * procedures, so a new user opens Reconciliation to a finished run with real breaks to work.
 */
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { BUILT_IN_PROFILES } from '../../shared/contract/recon-profile'
import type { ReconJobView } from '../../shared/contract/reconciliation'
import { fromMinor, toMinor } from '../../shared/money'
import type { Db } from '../db/open'
import { orders, refunds } from '../db/schema'
import { businessDayFn, dayStartMs } from '../ledger/business-day'
import { simulatorStatementCsv, type SimulatorStatementRow } from '../recon/formats'
import { isoDay } from '../reports/bounds'
import type { DemoCall } from './session'

const FEE_PPM = 6000
const STATEMENT_DAYS = 30

const feeOf = (minor: number) => Math.round((minor * FEE_PPM) / 1_000_000)
const text = (minor: number, currency: string) => fromMinor(minor, currency)

async function finished(call: DemoCall, job: ReconJobView): Promise<ReconJobView> {
  let current = job
  while (current.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50))
    current = await call('recon.jobs.status', { jobId: job.id })
  }
  if (current.state !== 'finished') throw new Error(`Demo reconciliation: the ${job.kind} job ${current.state}: ${current.error?.message ?? ''}`)
  return current
}

/** The statement a truthful channel would send for [from, to), then the differences. */
export function demoStatementRows(db: Db, channelId: number, from: number, to: number): SimulatorStatementRow[] {
  const inPeriod = sql`coalesce(${orders.finalizedAt}, ${orders.createdAt})`
  const ours = db
    .select()
    .from(orders)
    .where(and(eq(orders.channelId, channelId), eq(orders.isTest, false), gte(inPeriod, from), lt(inPeriod, to)))
    .orderBy(orders.id)
    .all()
  const paid = ours.filter((o) => o.status === 'succeeded')
  const line = (o: (typeof ours)[number]): SimulatorStatementRow => {
    const amount = o.direction === 'deposit' ? (o.paidMinor ?? o.amountMinor) : o.amountMinor
    const sign = o.direction === 'deposit' ? 1 : -1
    return {
      upstreamNo: o.upstreamNo ?? `CNA${o.txnNo}`,
      orderNo: o.orderNo,
      merchantOrderNo: o.merchantOrderNo,
      kind: o.direction === 'deposit' ? 'payment' : 'payout',
      status: 'succeeded',
      currency: o.currency,
      gross: text(sign * amount, o.currency),
      fee: text(-feeOf(amount), o.currency),
      net: text(sign * amount - feeOf(amount), o.currency),
      at: o.finalizedAt ?? o.createdAt
    }
  }
  const rows = paid.map(line)
  const refundRows = paid.length
    ? db
        .select()
        .from(refunds)
        .where(and(inArray(refunds.orderId, paid.map((o) => o.id)), eq(refunds.status, 'succeeded')))
        .all()
        .map((r): SimulatorStatementRow => ({
          upstreamNo: r.upstreamNo ?? `CNAR${r.id}`,
          orderNo: paid.find((o) => o.id === r.orderId)!.orderNo,
          refundNo: r.refundNo,
          kind: 'refund',
          status: 'succeeded',
          currency: r.currency,
          gross: text(-r.amountMinor, r.currency),
          fee: text(0, r.currency),
          net: text(-r.amountMinor, r.currency),
          at: r.finalizedAt ?? r.createdAt
        }))
    : []
  const deposits = rows.filter((r) => r.kind === 'payment')
  if (deposits.length < 8) return [...rows, ...refundRows]
  const at = (i: number) => deposits[i]
  const minor = (row: SimulatorStatementRow, field: 'gross' | 'fee') => toMinor(row[field], row.currency)
  const bump = (row: SimulatorStatementRow, by: number) => {
    const gross = minor(row, 'gross') + by
    Object.assign(row, { gross: text(gross, row.currency), net: text(gross + minor(row, 'fee'), row.currency) })
  }
  // An amount over and one short; a fee off the schedule; a currency that differs.
  bump(at(1), 100)
  bump(at(2), -50)
  at(3).fee = text(-2 * feeOf(minor(at(3), 'gross')) - 100, at(3).currency)
  at(3).net = text(minor(at(3), 'gross') + minor(at(3), 'fee'), at(3).currency)
  at(4).currency = 'USD'
  // Ours paid, theirs failed.
  at(5).status = 'failed'
  // The same payment twice, under two serial numbers.
  const duplicate = { ...at(6), upstreamNo: `${at(6).upstreamNo}-2` }
  // A line missing: the channel never saw it.
  const missing = at(0)
  // A payment nobody booked.
  const stranger: SimulatorStatementRow = { upstreamNo: `CNA-UNKNOWN-${from}`, orderNo: '', kind: 'payment', status: 'succeeded', currency: 'CNY', gross: '123.45', fee: '-0.74', net: '122.71', at: at(7).at + 60_000 }
  // Theirs paid, ours closed unpaid.
  const unpaid = ours.find((o) => o.direction === 'deposit' && o.status === 'closed') ?? ours.find((o) => o.direction === 'deposit' && o.status === 'failed')
  const extra = unpaid ? [{ ...line(unpaid), gross: text(unpaid.amountMinor, unpaid.currency), net: text(unpaid.amountMinor - feeOf(unpaid.amountMinor), unpaid.currency) }] : []
  return [...rows.filter((r) => r !== missing), duplicate, stranger, ...extra, ...refundRows].sort((a, b) => a.at - b.at || (a.upstreamNo < b.upstreamNo ? -1 : 1))
}

/** The channel's statement of the last business days before today's (in the tenant's `zone`), imported and run. */
export async function createDemoReconciliation(db: Db, call: DemoCall, channelId: number, now: number, zone: string): Promise<void> {
  const today = isoDay(businessDayFn(zone)(now))
  const to = dayStartMs(today, zone)
  const from = dayStartMs(today, zone, -STATEMENT_DAYS)
  const rows = demoStatementRows(db, channelId, from, to)
  if (rows.length === 0) return
  // The trailer states one cent more than the lines add up to.
  const gross = rows.reduce((sum, r) => sum + toMinor(r.gross, r.currency), 0) + 1
  const csv = simulatorStatementCsv(rows, { totals: { gross: text(gross, 'CNY') } })
  const source = await call('recon.sources.create', {
    name: 'CN-A channel bills',
    kind: 'channel',
    channelId,
    feeRate: String(FEE_PPM / 10_000),
    feeFixed: null,
    currency: 'CNY',
    profile: BUILT_IN_PROFILES.simulator,
    note: 'Demo: the provider simulator’s statement layout'
  })
  const day = (ms: number) => isoDay(businessDayFn(zone)(ms))
  const upload = await call('recon.uploads.put', { fileName: `cn-a-statement-${day(from)}-${day(to - 1)}.csv`, contentBase64: Buffer.from(csv, 'utf8').toString('base64') })
  await finished(call, await call('recon.imports.check', { sourceId: source.id, uploadId: upload.uploadId }))
  const imported = await finished(call, await call('recon.imports.commit', { sourceId: source.id, uploadId: upload.uploadId }))
  const statementId = (imported.result as { statementId: number }).statementId
  const started = await call('recon.runs.start', { sourceId: source.id, statementIds: [statementId], from, to, matching: {} })
  await finished(call, started.job)
}

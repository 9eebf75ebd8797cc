/**
 * Reconciliation's lists, read off the main thread (reads/catalog.ts): a run's breaks (100 k open
 * breaks page in a few milliseconds through the indexes of schema/recon.ts), statements and their
 * lines (a million-line statement pages by its line numbers). The merchant scope is applied by the
 * caller on the main thread (a merchant-bound user's `merchantId`); statements and lines are the
 * platform's and never reach one.
 */
import { fromMinor } from '../../shared/money'
import type { BreakRow, LineRow } from '../../shared/contract/reconciliation'
import { readHandles } from '../reads/catalog'
import { dataVersion, pageOffset, reportPage, SqlFilter, statement, type PageRequest, type ReadSource } from '../reads/page'
import { positionedPage } from '../reads/positions'

const DAY_MS = 86_400_000

export interface BreakListFilters {
  runId: number
  /** The merchant scope of a merchant-bound user, or a filter. */
  merchantId?: number
  type?: string
  status?: string
  causeKey?: string
  assignedTo?: number
  /** An order, upstream, merchant order or refund number: exact, theirs or ours. */
  search?: string
  /** When the ages are counted to (the caller's clock). */
  now: number
}

/** The break ids matching a filter, oldest first, through the index that fits it best. */
function breakWhere(src: ReadSource, f: BreakListFilters): { from: string; where: SqlFilter } {
  const where = new SqlFilter()
    .and('b.run_id = ?', f.runId)
    // The tenant through the run (once), not the break's own column: that column is in no index, and checking it
    // fetched every matching row from the table (100,000 open breaks: 80 ms for the count alone, 8 ms this way).
    .and('exists (select 1 from recon_runs where id = ? and tenant_id = ?)', f.runId, src.tenantId)
    .when(f.merchantId, 'b.merchant_id = ?', f.merchantId)
    .when(f.type, 'b.type = ?', f.type)
    .when(f.status, 'b.status = ?', f.status)
    .when(f.causeKey, 'b.cause_key = ?', f.causeKey)
    .when(f.assignedTo, 'b.assigned_to = ?', f.assignedTo)
  if (f.search !== undefined && f.search !== '') {
    // Exact numbers only. Ours through their indexes (each term of the OR has one, the merchant
    // order no. with the tenant); theirs on the break's own line (the run's, by its id: a search
    // of every line ever imported read them all).
    where.and(
      `(b.order_id in (select id from orders where order_no = ? or upstream_no = ? or (tenant_id = ? and merchant_order_no = ?))
        or b.refund_id in (select id from refunds where refund_no = ? or upstream_no = ?)
        or exists (select 1 from recon_lines l where l.id = b.line_id and ? in (l.order_no, l.upstream_no, l.merchant_order_no, l.refund_no)))`,
      f.search,
      f.search,
      src.tenantId,
      f.search,
      f.search,
      f.search,
      f.search
    )
  }
  const index = f.merchantId !== undefined ? 'recon_breaks_merchant' : f.type !== undefined ? 'recon_breaks_type' : f.causeKey !== undefined ? 'recon_breaks_cause' : f.status !== undefined ? 'recon_breaks_list' : 'recon_breaks_any_status'
  return { from: `recon_breaks b indexed by ${index}`, where }
}

interface BreakJoined {
  id: number
  runId: number
  type: BreakRow['type']
  causeKey: string
  status: BreakRow['status']
  resolution: BreakRow['resolution']
  lineId: number | null
  orderId: number | null
  refundId: number | null
  merchantId: number | null
  currency: string | null
  theirsMinor: number | null
  oursMinor: number | null
  differenceMinor: number | null
  theirsFeeMinor: number | null
  oursFeeMinor: number | null
  at: number
  assignedTo: string | null
  adjustmentId: number | null
  approvalId: number | null
  updatedAt: number
  orderNo: string | null
  refundNo: string | null
  merchantName: string | null
  oursCurrency: string | null
  lineOrderNo: string | null
  lineUpstreamNo: string | null
  lineRefundNo: string | null
  lineNo: number | null
  lineCurrency: string | null
}

const BREAK_COLUMNS = `b.id, b.run_id as runId, b.type, b.cause_key as causeKey, b.status, b.resolution, b.line_id as lineId, b.order_id as orderId, b.refund_id as refundId,
  b.merchant_id as merchantId, b.currency, b.theirs_minor as theirsMinor, b.ours_minor as oursMinor, b.difference_minor as differenceMinor, b.at,
  case when b.type = 'fee_mismatch' then json_extract(b.detail, '$.theirsFeeMinor') end as theirsFeeMinor,
  case when b.type = 'fee_mismatch' then json_extract(b.detail, '$.oursFeeMinor') end as oursFeeMinor,
  u.username as assignedTo, b.adjustment_id as adjustmentId, b.approval_id as approvalId, b.updated_at as updatedAt,
  coalesce(o.order_no, ro.order_no) as orderNo, r.refund_no as refundNo, m.name as merchantName, coalesce(o.currency, r.currency) as oursCurrency,
  l.order_no as lineOrderNo, l.upstream_no as lineUpstreamNo, l.refund_no as lineRefundNo, l.line_no as lineNo, l.currency as lineCurrency`

const BREAK_JOINS = `left join recon_lines l on l.id = b.line_id
  left join orders o on o.id = b.order_id
  left join refunds r on r.id = b.refund_id
  left join orders ro on ro.id = r.order_id
  left join merchants m on m.id = b.merchant_id
  left join users u on u.id = b.assigned_to`

const amountOf = (minor: number | null, currency: string | null) => (minor === null || currency === null ? null : fromMinor(minor, currency))

export function breakRowOf(r: BreakJoined, now: number): BreakRow {
  const theirsCurrency = r.lineCurrency ?? r.currency
  const oursCurrency = r.oursCurrency ?? r.currency
  return {
    id: r.id,
    runId: r.runId,
    type: r.type,
    causeKey: r.causeKey,
    status: r.status,
    resolution: r.resolution,
    lineId: r.lineId,
    orderId: r.orderId,
    orderNo: r.orderNo,
    refundId: r.refundId,
    merchantId: r.merchantId,
    merchantName: r.merchantName,
    theirs: { currency: theirsCurrency, amount: amountOf(r.theirsMinor, theirsCurrency) },
    ours: { currency: oursCurrency, amount: amountOf(r.oursMinor, oursCurrency) },
    difference: amountOf(r.differenceMinor, r.currency),
    fee: r.theirsFeeMinor === null || r.oursFeeMinor === null || r.currency === null ? null : { theirs: fromMinor(r.theirsFeeMinor, r.currency), ours: fromMinor(r.oursFeeMinor, r.currency) },
    theirKeys: { orderNo: r.lineOrderNo, upstreamNo: r.lineUpstreamNo, refundNo: r.lineRefundNo, lineNo: r.lineNo },
    at: r.at,
    ageDays: Math.max(0, Math.floor((now - r.at) / DAY_MS)),
    assignedTo: r.assignedTo,
    adjustmentId: r.adjustmentId,
    approvalId: r.approvalId,
    updatedAt: r.updatedAt
  }
}

/** One break as the list shows it (the detail builds on it). */
export function breakRowById(src: ReadSource, id: number, now: number): BreakRow | null {
  const row = statement(src.sqlite, `select ${BREAK_COLUMNS} from recon_breaks b ${BREAK_JOINS} where b.id = ? and b.tenant_id = ?`).get(id, src.tenantId) as BreakJoined | undefined
  return row ? breakRowOf(row, now) : null
}

export function breakList(src: ReadSource, f: BreakListFilters, request: PageRequest) {
  const { from, where } = breakWhere(src, f)
  // The run's breaks change only through its rows (their triggers count each change): the list's
  // positions hold across every other write. A search also reads orders' and refunds' numbers.
  const breaksVersion = statement(src.sqlite, 'select breaks_version from recon_runs where id = ?').pluck().get(f.runId) as number | undefined
  const version = f.search ? `any:${dataVersion(src.sqlite)}` : `run:${f.runId}:${breaksVersion ?? 'none'}`
  const { total, ids } = positionedPage(src.sqlite, { from, where: where.sql, params: where.params, order: 'b.at', id: 'b.id' }, version, (request.pageIndex - 1) * request.pageSize, request.pageSize)
  if (ids.length === 0) return reportPage(request, total, [] as BreakRow[], null)
  const rows = statement(src.sqlite, `select ${BREAK_COLUMNS} from recon_breaks b ${BREAK_JOINS} where b.id in (select value from json_each(?))`).all(JSON.stringify(ids)) as BreakJoined[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  return reportPage(
    request,
    total,
    ids.map((id) => breakRowOf(byId.get(id)!, f.now)),
    null
  )
}

/** The ids of the open breaks a filter finds (bulk resolution), at most `limit`. */
export function breakIds(src: ReadSource, f: BreakListFilters, limit: number): number[] {
  const { from, where } = breakWhere(src, f)
  return statement(src.sqlite, `select b.id from ${from} where ${where.sql} order by b.at, b.id limit ?`).pluck().all(...where.params, limit) as number[]
}

export interface LineListFilters {
  statementId: number
  search?: string
}

interface LineStored {
  id: number
  statementId: number
  lineNo: number
  kind: string
  orderNo: string | null
  merchantOrderNo: string | null
  upstreamNo: string | null
  refundNo: string | null
  currency: string | null
  grossMinor: number | null
  feeText: string | null
  feeMinor: number | null
  netMinor: number | null
  at: number | null
  status: string | null
  counterparty: string | null
  raw: string
}

const LINE_COLUMNS = `id, statement_id as statementId, line_no as lineNo, kind, order_no as orderNo, merchant_order_no as merchantOrderNo, upstream_no as upstreamNo,
  refund_no as refundNo, currency, gross_minor as grossMinor, fee_text as feeText, fee_minor as feeMinor, net_minor as netMinor, at, status, counterparty, raw`

export function lineRowOf(l: LineStored): LineRow {
  return {
    id: l.id,
    statementId: l.statementId,
    lineNo: l.lineNo,
    kind: l.kind,
    orderNo: l.orderNo,
    merchantOrderNo: l.merchantOrderNo,
    upstreamNo: l.upstreamNo,
    refundNo: l.refundNo,
    currency: l.currency,
    gross: amountOf(l.grossMinor, l.currency),
    // The fee as the file wrote it (WeChat's five decimals stay exact).
    fee: l.feeText ?? amountOf(l.feeMinor, l.currency),
    net: amountOf(l.netMinor, l.currency),
    at: l.at,
    status: l.status,
    counterparty: l.counterparty,
    raw: JSON.parse(l.raw) as string[]
  }
}

export function lineById(src: ReadSource, id: number): LineRow | null {
  const row = statement(src.sqlite, `select ${LINE_COLUMNS} from recon_lines where id = ?`).get(id) as LineStored | undefined
  return row ? lineRowOf(row) : null
}

export function lineList(src: ReadSource, f: LineListFilters, request: PageRequest) {
  const where = new SqlFilter().and('statement_id = ?', f.statementId)
  if (f.search) where.and('(order_no = ? or upstream_no = ? or merchant_order_no = ? or refund_no = ?)', f.search, f.search, f.search, f.search)
  const total = f.search
    ? (statement(src.sqlite, `select count(*) as n from recon_lines where ${where.sql}`).get(...where.params) as { n: number }).n
    : ((statement(src.sqlite, 'select line_count - repeated_lines as n from recon_statements where id = ? and tenant_id = ?').get(f.statementId, src.tenantId) as { n: number } | undefined)?.n ?? 0)
  const offset = pageOffset(request, total)
  if (offset === null) return reportPage(request, total, [] as LineRow[], null)
  // Pages by line number through the statement's index: a deep page skips index entries, not rows.
  const rows = statement(src.sqlite, `select ${LINE_COLUMNS} from recon_lines where id in (select id from recon_lines where ${where.sql} order by line_no limit ? offset ?) order by line_no`).all(
    ...where.params,
    request.pageSize,
    offset
  ) as LineStored[]
  return reportPage(request, total, rows.map(lineRowOf), null)
}

export interface RunFiguresFilters {
  runId: number
  /** A merchant-bound user's merchant: the figures of its own breaks and matches only. */
  merchantId?: number
}

export interface CauseGroup {
  causeKey: string
  type: BreakRow['type']
  open: number
  total: number
  /** Per currency, the differences (or, without one, the amounts) of its breaks added up, as decimal text. */
  amounts: Record<string, string>
}

/** Figures of one merchant's part of a run, for a merchant-bound user (the run's own summary spans every merchant). */
export interface MerchantFigures {
  matched: number
  matchedAmount: Record<string, string>
  matchedIn: Record<string, string>
  matchedOut: Record<string, string>
  matchedNet: Record<string, string>
  breaks: Record<string, number>
  breakAmounts: Record<string, Record<string, string>>
  open: number
}

const sumText = (minor: bigint, currency: string) => fromMinor(minor, currency)

/** A run's breaks grouped by likely cause (the review screen's groups), and the open count; a merchant's own figures when scoped. */
export function runFigures(src: ReadSource, f: RunFiguresFilters, _request: PageRequest): { causes: CauseGroup[]; open: number; merchant: MerchantFigures | null } {
  const scoped = f.merchantId === undefined ? '' : 'and merchant_id = ?'
  const params = f.merchantId === undefined ? [f.runId, src.tenantId] : [f.runId, src.tenantId, f.merchantId]
  const rows = statement(
    src.sqlite,
    `select cause_key as causeKey, type, currency, count(*) as total, sum(status <> 'resolved') as open, sum(abs(coalesce(difference_minor, theirs_minor, ours_minor, 0))) as amount
     from recon_breaks where run_id = ? and tenant_id = ? ${scoped} group by cause_key, type, currency order by cause_key, type, currency`,
    true
  ).all(...params) as { causeKey: string; type: BreakRow['type']; currency: string | null; total: bigint; open: bigint; amount: bigint }[]
  const groups = new Map<string, CauseGroup>()
  const merchant: MerchantFigures = { matched: 0, matchedAmount: {}, matchedIn: {}, matchedOut: {}, matchedNet: {}, breaks: {}, breakAmounts: {}, open: 0 }
  const typeSums = new Map<string, bigint>()
  for (const r of rows) {
    const key = `${r.causeKey}\u0000${r.type}`
    const group = groups.get(key) ?? { causeKey: r.causeKey, type: r.type, open: 0, total: 0, amounts: {} }
    group.open += Number(r.open)
    group.total += Number(r.total)
    if (r.currency !== null) group.amounts[r.currency] = sumText(r.amount, r.currency)
    groups.set(key, group)
    merchant.breaks[r.type] = (merchant.breaks[r.type] ?? 0) + Number(r.total)
    merchant.open += Number(r.open)
    if (r.currency !== null) {
      const key = `${r.type}\u0000${r.currency}`
      typeSums.set(key, (typeSums.get(key) ?? 0n) + r.amount)
    }
  }
  for (const [key, minor] of typeSums) {
    const [type, currency] = key.split('\u0000')
    ;(merchant.breakAmounts[type] ??= {})[currency] = sumText(minor, currency)
  }
  if (f.merchantId === undefined) return { causes: [...groups.values()].sort((a, b) => b.open - a.open || b.total - a.total || (a.causeKey < b.causeKey ? -1 : 1)), open: merchant.open, merchant: null }
  const matched = statement(
    src.sqlite,
    `select currency, count(*) as n, sum(max(coalesce(amount_minor, 0), 0)) as moneyIn, sum(max(-coalesce(amount_minor, 0), 0)) as moneyOut
     from recon_matches where run_id = ? and merchant_id = ? group by currency`,
    true
  ).all(f.runId, f.merchantId) as { currency: string | null; n: bigint; moneyIn: bigint; moneyOut: bigint }[]
  for (const m of matched) {
    merchant.matched += Number(m.n)
    if (m.currency === null) continue
    merchant.matchedAmount[m.currency] = sumText(m.moneyIn + m.moneyOut, m.currency)
    merchant.matchedIn[m.currency] = sumText(m.moneyIn, m.currency)
    merchant.matchedOut[m.currency] = sumText(m.moneyOut, m.currency)
    merchant.matchedNet[m.currency] = sumText(m.moneyIn - m.moneyOut, m.currency)
  }
  return { causes: [...groups.values()].sort((a, b) => b.open - a.open || b.total - a.total || (a.causeKey < b.causeKey ? -1 : 1)), open: merchant.open, merchant }
}

export const reconReads = {
  // A run's cause groups and open count (the run's page).
  reconRunFigures: (src: ReadSource, f: RunFiguresFilters, request: PageRequest) => runFigures(src, f, request),
  // A run's breaks (breaks list, the review screen).
  reconBreaks: (src: ReadSource, f: BreakListFilters, request: PageRequest) => breakList(src, f, request),
  // A statement's lines as read.
  reconLines: (src: ReadSource, f: LineListFilters, request: PageRequest) => lineList(src, f, request)
}

export const RECON_READS = readHandles(reconReads)

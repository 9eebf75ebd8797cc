/**
 * 交易流水 (`/accountdetail/list`): the entries of the merchants' available (settlement) accounts.
 * Those are the entries that move what a merchant is owed, each with the seed's type 0–10/99. The
 * reserve account's entries mirror the type-3 entries from the platform's side and the channel,
 * fee, FX and suspense accounts are the platform's own books, so none of them is listed.
 *
 * Newest first: by created_at, then id (entries of one posting share created_at). With a forward
 * clock that is id order; it also lets every filter read its partial index (schema/ledger.ts) in
 * page order, so a page costs the skipped index steps and the page's rows, never a sort.
 * The page number API gives no cursor, so a deep page still walks its offset, but through the
 * index alone (the page's ids come from a covering subquery; only those rows are read).
 */
import type { AccountDetailRow } from '../../shared/contract/reports'
import { decimalText } from './amounts'
import { instantRange, wallClockText, type DateBounds } from './bounds'
import { commonFilter, pageOffset, reportPage, statement, type CommonFilters, type PageRequest, type ReportPage, type ReportSource, type SqlFilter } from './page'

export interface EntryFilters extends CommonFilters, DateBounds {
  txnId?: number
  type?: number
  remark?: string
}

export interface EntryTotal {
  currency: string
  amount: string
  count: number
}

/** Must read exactly as the partial indexes' condition, as a literal, for SQLite to use them. */
const MERCHANT_ENTRIES = "account_kind = 'merchant_available'"

/**
 * The index to read, most selective filter first. Named rather than left to the planner: without
 * ANALYZE statistics it rates every equality alike and may pick the test-flag index for a merchant.
 */
function indexFor(f: EntryFilters): string {
  if (f.txnId !== undefined) return 'ledger_entries_txn'
  if (f.contractId !== undefined) return 'ledger_entries_report_contract'
  if (f.merchantId !== undefined) return 'ledger_entries_report_merchant'
  if (f.type !== undefined) return 'ledger_entries_report_type'
  if (f.currency !== undefined) return 'ledger_entries_report_currency'
  if (!f.includeTest) return 'ledger_entries_report_test'
  return 'ledger_entries_report_created'
}

/** The filters that the daily summaries carry too (the others need the entries themselves). */
function summaryFilter(src: ReportSource, f: EntryFilters): SqlFilter {
  return commonFilter(src, f).when(f.type, 'type = ?', f.type)
}

function entryFilter(src: ReportSource, f: EntryFilters): SqlFilter {
  const { from, to } = instantRange(f, src.zone)
  return summaryFilter(src, f)
    .and(MERCHANT_ENTRIES)
    .when(f.txnId, 'txn_id = ?', f.txnId)
    .when(f.remark || undefined, "remark like ? escape '\\'", `%${f.remark?.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    .when(from, 'created_at >= ?', from)
    .when(to, 'created_at <= ?', to)
}

/**
 * The daily summaries hold the same sums and counts per day, contract, merchant, currency, type and
 * test flag, kept in the posting's transaction: counts and totals read them (a few rows per day)
 * unless a filter needs the entries themselves.
 */
const summarized = (f: EntryFilters) => f.txnId === undefined && !f.remark && !f.dateStart && !f.dateEnd

function totalsOf(src: ReportSource, f: EntryFilters): EntryTotal[] {
  const where = summarized(f) ? summaryFilter(src, f) : entryFilter(src, f)
  const from = summarized(f) ? 'ledger_daily_summaries' : `ledger_entries indexed by ${indexFor(f)}`
  const sums = summarized(f) ? 'sum(amount_sum) as amount, sum(entry_count) as count' : 'sum(amount) as amount, count(*) as count'
  const rows = statement(src.sqlite, `select currency, ${sums} from ${from} where ${where.sql} group by currency order by currency`, true).all(...where.params) as { currency: string; amount: bigint; count: bigint }[]
  return rows.map((r) => ({ currency: r.currency, amount: decimalText(r.amount, r.currency), count: Number(r.count) }))
}

function countOf(src: ReportSource, f: EntryFilters): number {
  const where = summarized(f) ? summaryFilter(src, f) : entryFilter(src, f)
  const sql = summarized(f)
    ? `select coalesce(sum(entry_count), 0) as n from ledger_daily_summaries where ${where.sql}`
    : `select count(*) as n from ledger_entries indexed by ${indexFor(f)} where ${where.sql}`
  return Number((statement(src.sqlite, sql, true).get(...where.params) as { n: bigint }).n)
}

interface EntryRow {
  tenantId: number
  id: number
  contractId: number
  merchantId: number
  txnId: number
  type: number
  currency: string
  amount: number
  remark: string
  createdAt: number
}

export function accountDetails(src: ReportSource, f: EntryFilters, request: PageRequest): ReportPage<AccountDetailRow, EntryTotal> {
  const totals = request.withTotals ? totalsOf(src, f) : null
  const total = totals ? totals.reduce((n, t) => n + t.count, 0) : countOf(src, f)
  const offset = pageOffset(request, total)
  if (offset === null) return reportPage(request, total, [], totals)
  const where = entryFilter(src, f)
  const order = 'order by created_at desc, id desc'
  const rows = statement(
    src.sqlite,
    `select tenant_id as tenantId, id, contract_id as contractId, merchant_id as merchantId, txn_id as txnId, type, currency, amount, remark, created_at as createdAt
     from ledger_entries where id in (select id from ledger_entries indexed by ${indexFor(f)} where ${where.sql} ${order} limit ? offset ?) ${order}`
  ).all(...where.params, request.pageSize, offset) as EntryRow[]
  const items = rows.map(({ createdAt, amount, ...row }) => ({ ...row, amount: decimalText(amount, row.currency), dateCreated: wallClockText(createdAt, src.zone) }))
  return reportPage(request, total, items, totals)
}

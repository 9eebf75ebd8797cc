/**
 * 交易流水 (`/accountdetail/list`): the entries of the merchants' available (settlement) accounts.
 * Those are the entries that move what a merchant is owed, each with the seed's type 0–10/99. The
 * reserve account's entries mirror the type-3 entries from the platform's side and the channel,
 * fee, FX and suspense accounts are the platform's own books, so none of them is listed.
 *
 * Newest first: by created_at, then id (entries of one posting share created_at). With a forward
 * clock that is id order; it also lets every filter read its partial index (schema/ledger.ts) in
 * page order, so a page costs the skipped index steps and the page's rows, never a sort.
 *
 * Deep pages: the seed's `{pageIndex}-{pageSize}` gives no cursor, so a page is an offset. A near
 * page steps over its offset inside the index. A deep one seeks instead (`seekPoint`): the daily
 * settlement rows count the entries of each business day for the same filters, so walking them from the
 * newest day finds the day the page starts in and how many of that day's entries come before it;
 * the page is then read from that day's end (a key on created_at) with an offset inside one day.
 */
import type { AccountDetailRow } from '../../shared/contract/reports'
import { settlementSqlColumn, type EntryType } from '../../shared/ledger'
import { fromMinor } from '../../shared/money'
import { businessDayFn, dayStartMs } from '../ledger/business-day'
import { instantRange, isoDay, wallClockText, type DateBounds } from './bounds'
import { pageOffset, reportPage, statement, type PageRequest, type ReportPage, type ReadSource, type SqlFilter } from '../reads/page'
import { commonFilter, viewFilter, type CommonFilters } from './filters'

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

function entryFilter(src: ReadSource, f: EntryFilters): SqlFilter {
  const { from, to } = instantRange(f, src.zone)
  return commonFilter(src, f)
    .when(f.type, 'type = ?', f.type)
    .and(MERCHANT_ENTRIES)
    .when(f.txnId, 'txn_id = ?', f.txnId)
    .when(f.remark || undefined, "remark like ? escape '\\'", `%${f.remark?.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    .when(from, 'created_at >= ?', from)
    .when(to, 'created_at <= ?', to)
}

/**
 * The settlement report's stored rows (db/schema/reports.ts) count and sum the same entries per
 * business day, contract, merchant, currency and type, kept in the posting's transaction: counts,
 * totals and deep-page seeks read them unless a filter needs the entries themselves (a transaction
 * or remark, or a date bound inside a day). Without a merchant or contract filter they read the
 * per-day totals (one row per day and currency).
 */
interface Summary {
  /** The table (and index) to read. */
  from: string
  /** The stored view and filters; business days are added by the caller. */
  where: SqlFilter
  /** The entries' sum and count in one stored row: one type's columns, or the net and count of all. */
  amount: string
  count: string
}

function summaryOf(src: ReadSource, f: EntryFilters): Summary {
  const from =
    f.contractId !== undefined
      ? 'settlement_daily_rows indexed by settlement_rows_contract'
      : f.merchantId !== undefined
        ? 'settlement_daily_rows indexed by settlement_rows_merchant'
        : `settlement_daily_totals indexed by settlement_totals_${f.currency !== undefined ? 'currency' : 'list'}`
  const amount = f.type !== undefined ? settlementSqlColumn(f.type as EntryType) : 'net'
  return { from, where: viewFilter(src, f), amount, count: f.type !== undefined ? `${amount}_count` : 'entry_count' }
}

/**
 * The business days the filters cover, when the summaries can answer them: no filter they lack,
 * and date bounds (if any) on whole days, `yyyy-mm-dd 00:00:00` to `yyyy-mm-dd 23:59:59`. Null
 * when the entries must be read. Business days are the days of created_at in the tenant's zone,
 * which no procedure changes once entries exist.
 */
function summarizedDays(src: ReadSource, f: EntryFilters): { from?: number; to?: number } | null {
  if (f.txnId !== undefined || f.remark) return null
  const { from, to } = instantRange(f, src.zone)
  const dayOf = businessDayFn(src.zone)
  const days: { from?: number; to?: number } = {}
  if (from !== undefined) {
    days.from = dayOf(from)
    if (dayStartMs(isoDay(days.from), src.zone) !== from) return null
  }
  if (to !== undefined) {
    days.to = dayOf(to)
    if (dayStartMs(isoDay(days.to), src.zone, 1) - 1 !== to) return null
  }
  return days
}

function summaryRange(src: ReadSource, f: EntryFilters, days: { from?: number; to?: number }): Summary {
  const summary = summaryOf(src, f)
  summary.where.when(days.from, 'business_day >= ?', days.from).when(days.to, 'business_day <= ?', days.to)
  return summary
}

function totalsOf(src: ReadSource, f: EntryFilters): EntryTotal[] {
  const days = summarizedDays(src, f)
  let rows: { currency: string; amount: bigint; count: bigint }[]
  if (days) {
    const s = summaryRange(src, f, days)
    rows = statement(src.sqlite, `select currency, sum(${s.amount}) as amount, sum(${s.count}) as count from ${s.from} where ${s.where.sql} group by currency having count > 0 order by currency`, true).all(...s.where.params) as typeof rows
  } else {
    const where = entryFilter(src, f)
    rows = statement(src.sqlite, `select currency, sum(amount) as amount, count(*) as count from ledger_entries indexed by ${indexFor(f)} where ${where.sql} group by currency order by currency`, true).all(...where.params) as typeof rows
  }
  return rows.map((r) => ({ currency: r.currency, amount: fromMinor(r.amount, r.currency), count: Number(r.count) }))
}

function countOf(src: ReadSource, f: EntryFilters): number {
  const days = summarizedDays(src, f)
  if (days) {
    const s = summaryRange(src, f, days)
    return Number((statement(src.sqlite, `select coalesce(sum(${s.count}), 0) as n from ${s.from} where ${s.where.sql}`, true).get(...s.where.params) as { n: bigint }).n)
  }
  const where = entryFilter(src, f)
  return Number((statement(src.sqlite, `select count(*) as n from ledger_entries indexed by ${indexFor(f)} where ${where.sql}`, true).get(...where.params) as { n: bigint }).n)
}

/** The columns of an entry row, read as an array (no object per row from SQLite) in this order. */
const ENTRY_COLUMNS = 'tenant_id, id, contract_id, merchant_id, txn_id, type, currency, amount, remark, created_at'
type EntryRow = [tenantId: number, id: number, contractId: number, merchantId: number, txnId: number, type: number, currency: string, amount: number, remark: string, createdAt: number]

function entryItem(r: EntryRow, zone: string): AccountDetailRow {
  const currency = r[6]
  return { tenantId: r[0], id: r[1], contractId: r[2], merchantId: r[3], txnId: r[4], type: r[5], currency, remark: r[8], amount: fromMinor(r[7], currency), dateCreated: wallClockText(r[9], zone) }
}

/** Offsets from which a page seeks through the daily summaries rather than stepping over the index. */
export const SEEK_FROM_OFFSET = 2_000

/**
 * Where a deep page starts: entries with created_at ≤ `before` (and inside the date bounds), after
 * skipping `skip` of them. Null when the summaries cannot place it (a transaction or remark filter,
 * which the summaries do not carry, or a day whose entries do not match its summary), and the page
 * steps over its offset instead.
 */
export function seekPoint(src: ReadSource, f: EntryFilters, offset: number): { before: number; skip: number } | null {
  if (f.txnId !== undefined || f.remark) return null
  const { from, to } = instantRange(f, src.zone)
  const dayOf = businessDayFn(src.zone)
  const dayEnd = (day: number) => dayStartMs(isoDay(day), src.zone, 1) - 1
  const countBetween = (low: number | undefined, high: number) => {
    const where = entryFilter(src, { ...f, dateStart: undefined, dateEnd: undefined }).when(low, 'created_at >= ?', low).and('created_at <= ?', high)
    return Number((statement(src.sqlite, `select count(*) as n from ledger_entries indexed by ${indexFor(f)} where ${where.sql}`).get(...where.params) as { n: number }).n)
  }
  // The newest day of a dateEnd is partial: its entries are counted in the index (one day at most).
  let passed = 0
  let below: number | undefined
  if (to !== undefined) {
    const lastDay = dayOf(to)
    const partialFrom = Math.max(from ?? -Infinity, dayStartMs(isoDay(lastDay), src.zone))
    passed = countBetween(partialFrom, to)
    if (offset < passed) return { before: to, skip: offset }
    below = lastDay
  }
  const s = summaryOf(src, f)
  s.where.when(below, 'business_day < ?', below).when(from === undefined ? undefined : dayOf(from), 'business_day >= ?', from === undefined ? undefined : dayOf(from))
  const days = statement(src.sqlite, `select business_day as day, sum(${s.count}) as n from ${s.from} where ${s.where.sql} group by business_day order by business_day desc`)
  let found: { day: number; n: number } | null = null
  for (const row of days.iterate(...s.where.params) as Iterable<{ day: number; n: number }>) {
    if (offset < passed + row.n) {
      found = row
      break
    }
    passed += row.n
  }
  if (!found) return null
  // The summaries count by the business day each entry was posted on; the seek reads created_at.
  // They agree while the zone is the one the entries were posted in; if not, step instead.
  if (countBetween(dayStartMs(isoDay(found.day), src.zone), dayEnd(found.day)) !== found.n) return null
  return { before: dayEnd(found.day), skip: offset - passed }
}

const ORDER = 'order by created_at desc, id desc'

/** The page's ids, stepping over `offset` entries inside the filter's index (only the index is read). */
function steppedIds(src: ReadSource, f: EntryFilters, offset: number, limit: number): number[] {
  const where = entryFilter(src, f)
  return statement(src.sqlite, `select id from ledger_entries indexed by ${indexFor(f)} where ${where.sql} ${ORDER} limit ? offset ?`).pluck().all(...where.params, limit, offset) as number[]
}

/** The page's ids from a seek point: at most one day's entries are stepped over. */
function seekIds(src: ReadSource, f: EntryFilters, point: { before: number; skip: number }, limit: number): number[] {
  const where = entryFilter(src, f).and('created_at <= ?', point.before)
  return statement(src.sqlite, `select id from ledger_entries indexed by ${indexFor(f)} where ${where.sql} ${ORDER} limit ? offset ?`).pluck().all(...where.params, limit, point.skip) as number[]
}

/** The ids of the entries at `offset`, `offset + 1`, … (at most `limit`), newest first. */
export function pageIds(src: ReadSource, f: EntryFilters, offset: number, limit: number, seekFrom = SEEK_FROM_OFFSET): number[] {
  const point = offset >= seekFrom ? seekPoint(src, f, offset) : null
  return point ? seekIds(src, f, point, limit) : steppedIds(src, f, offset, limit)
}

/** The entries of these ids, in page order. */
export function entriesOf(src: ReadSource, ids: number[]): AccountDetailRow[] {
  if (ids.length === 0) return []
  const rows = statement(src.sqlite, `select ${ENTRY_COLUMNS} from ledger_entries where id in (${ids.map(() => '?').join(', ')}) ${ORDER}`, false, true).all(...ids) as EntryRow[]
  return rows.map((row) => entryItem(row, src.zone))
}

export function accountDetails(src: ReadSource, f: EntryFilters, request: PageRequest): ReportPage<AccountDetailRow, EntryTotal> {
  const totals = request.withTotals ? totalsOf(src, f) : null
  const total = totals ? totals.reduce((n, t) => n + t.count, 0) : countOf(src, f)
  const offset = pageOffset(request, total)
  if (offset === null) return reportPage(request, total, [], totals)
  return reportPage(request, total, entriesOf(src, pageIds(src, f, offset, request.pageSize)), totals)
}

/** How many entries match (what an export of them will write). */
export const accountDetailCount = (src: ReadSource, f: EntryFilters): number => countOf(src, f)

/**
 * An entry as its export writes it (export/sources.ts): its columns in the file's order, dateCreated
 * as `yyyy-mm-dd hh:mm:ss` and the amount as its exact decimal text.
 */
export type EntryExportRow = [dateCreated: string, id: number, merchantId: number, contractId: number, txnId: number, type: number, currency: string, amount: string, remark: string]

/** The columns SQLite reads for an export row, in its order (created_at and amount are formatted in place). */
const EXPORT_COLUMNS = 'created_at, id, merchant_id, contract_id, txn_id, type, currency, amount, remark'

/** An entry's place in the report's order (newest first): its creation time, then its id. */
export interface EntryKey {
  createdAt: number
  id: number
}

/**
 * A part of the report's order: from `from` (that entry included) down, and above `above` (that
 * entry excluded). Either side open. An export in two parts reads them at once (export/jobs.ts).
 */
export interface EntryRange {
  from?: EntryKey
  above?: EntryKey
}

/**
 * Where to cut the report's order into two parts of about half its `total` entries each: the key
 * of the first entry of the second part (found as a deep page is, through the daily summaries).
 */
export function accountDetailHalf(src: ReadSource, f: EntryFilters, total: number): EntryKey | null {
  const [id] = pageIds(src, f, Math.floor(total / 2), 1)
  if (id === undefined) return null
  const createdAt = statement(src.sqlite, 'select created_at from ledger_entries where id = ?').pluck().get(id) as number
  return { createdAt, id }
}

/**
 * Every matching entry, in the report's order, `batchSize` at a time: keyset iteration on
 * (created_at, id) through the filter's index, so each batch costs its own rows however deep it
 * is (no OFFSET). Synchronous and given only a connection, so it runs wherever the connection is
 * (the main process between event-loop turns, or a worker thread with its own connection).
 * `range` limits it to a part of the order; `timeZone` is the zone dateCreated is written in (the
 * requesting user's display zone; the filters' dates stay in the business zone).
 *
 * An export writes millions of rows, so a row is the array of its columns as SQLite reads them, in
 * the file's column order, with its two formatted cells written into it: no object per row and no
 * second array.
 */
export function* accountDetailBatches(src: ReadSource, f: EntryFilters, batchSize: number, range: EntryRange = {}, timeZone = src.zone): Generator<EntryExportRow[]> {
  let after: EntryKey | null = null
  for (;;) {
    // Once a cursor bounds the top (the part's start, then the last row read), dateEnd is left
    // out: the index range starts at the cursor (with both, SQLite starts at dateEnd and steps
    // down to it).
    const where = entryFilter(src, after || range.from ? { ...f, dateEnd: undefined } : f)
    if (after) where.and('(created_at, id) < (?, ?)', after.createdAt, after.id)
    else if (range.from) where.and('(created_at, id) <= (?, ?)', range.from.createdAt, range.from.id)
    if (range.above) where.and('(created_at, id) > (?, ?)', range.above.createdAt, range.above.id)
    // Each row as SQLite's JSON text of its array, the batch parsed in one call: better-sqlite3
    // (on Node 20) would make each row's array and set its values one by one, which cost more than
    // SQLite's reading them.
    const texts = statement(src.sqlite, `select json_array(${EXPORT_COLUMNS}) from ledger_entries indexed by ${indexFor(f)} where ${where.sql} ${ORDER} limit ?`)
      .pluck()
      .all(...where.params, batchSize) as string[]
    const rows = JSON.parse(`[${texts.join(',')}]`) as unknown[][]
    if (rows.length === 0) return
    const last = rows[rows.length - 1]
    after = { createdAt: last[0] as number, id: last[1] as number }
    for (const row of rows) {
      row[0] = wallClockText(row[0] as number, timeZone, ' ')
      row[7] = fromMinor(row[7] as number, row[6] as string)
    }
    yield rows as EntryExportRow[]
    if (rows.length < batchSize) return
  }
}

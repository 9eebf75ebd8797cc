/**
 * What each report exports: its columns (named in shared/report-columns.ts) and how to count and
 * read its rows in batches (keyset iteration, see account-details.ts and daily.ts).
 */
import type { ExportReport } from '../../../shared/contract/exports'
import type { ReportColumnName } from '../../../shared/report-columns'
import { accountDetailBatches, accountDetailCount, accountDetailHalf, type EntryFilters, type EntryKey, type EntryRange } from '../account-details'
import { dailyBatches, dailyCount, listGrouping, STATISTICS, type DailyFilters, type DailyTable } from '../daily'
import type { ReadSource } from '../../reads/page'
import { SETTLEMENT_TYPE_COLUMNS } from '../settlement'
import { TRANSACTION_COLUMNS } from '../transactions'

/**
 * What a column holds, and the value a source gives for it:
 * - `amount`: an exact decimal with the row currency's digits, as its text (text in CSV, a number
 *   cell with that many decimals in XLSX);
 * - `integer`: ids and counts (a number, or a BigInt from a sum); `text`: as is;
 * - `day`: `yyyy-mm-dd` (or a list row's yyyymmdd); `time`: `yyyy-mm-dd hh:mm:ss`.
 */
export type ColumnKind = 'amount' | 'integer' | 'text' | 'day' | 'time'

export interface ExportColumn {
  key: ReportColumnName
  kind: ColumnKind
}

/**
 * A row as a source gives it: its values in its source's `columns` order. Each batch's rows are
 * fresh arrays that the writer may overwrite with their cells (write.ts), so no second array is
 * made per row.
 */
export type ExportRow = unknown[]

export interface ExportSource {
  columns: readonly ExportColumn[]
  count(src: ReadSource, filters: ReportFilters): number
  /** The rows in the report's order; `range` (entries only) a part of them; `time` columns written in `timeZone`. */
  batches(src: ReadSource, filters: ReportFilters, batchSize: number, range?: EntryRange, timeZone?: string): Generator<ExportRow[]>
  /**
   * Where the rows can be cut into two parts that two threads write at once (export/jobs.ts): the
   * entry list, which has millions. The daily reports (thousands of rows) have none.
   */
  half?(src: ReadSource, filters: ReportFilters, total: number): EntryKey | null
}

export type ReportFilters = EntryFilters | DailyFilters

const col = (kind: ColumnKind, ...keys: ReportColumnName[]): ExportColumn[] => keys.map((key) => ({ key, kind }))

const TRANSACTION_METRICS = [...col('amount', 'transactionAmount', 'settleAmount'), ...col('integer', 'totalCount', 'successCount')]
const SETTLEMENT_METRICS = col('amount', 'orderPay', 'deposit', 'orderFee', 'fixedFee', 'refund', 'refundFee', 'dispute', 'disputeFee', 'drawcash', 'drawcashFee', 'rateDifference', 'manualAdjust')
const STATISTICS_KEYS = [...col('day', 'date'), ...col('text', 'currency')]
const LIST_KEYS = [...col('day', 'date'), ...col('integer', 'merchantId', 'contractId'), ...col('text', 'currency')]

function daily<A extends string, C extends string>(table: DailyTable<A, C>, list: boolean, metrics: ExportColumn[]): ExportSource {
  const grouping = (src: ReadSource) => (list ? listGrouping(src) : STATISTICS)
  const columns = [...(list ? LIST_KEYS : STATISTICS_KEYS), ...metrics]
  // A day, merchant and currency per row (thousands of rows, not millions): the page's items, as arrays.
  function* batches(src: ReadSource, f: ReportFilters, size: number): Generator<ExportRow[]> {
    for (const batch of dailyBatches<A, C, Record<string, unknown>>(src, table, f as DailyFilters, grouping(src), size)) yield batch.map((item) => columns.map((c) => item[c.key]))
  }
  return { columns, count: (src, f) => dailyCount(src, table, f, grouping(src)), batches }
}

export const EXPORT_SOURCES: Record<ExportReport, ExportSource> = {
  accountDetails: {
    columns: [...col('time', 'dateCreated'), ...col('integer', 'id', 'merchantId', 'contractId', 'txnId', 'type'), ...col('text', 'currency'), ...col('amount', 'amount'), ...col('text', 'remark')],
    count: (src, f) => accountDetailCount(src, f as EntryFilters),
    // Rows in these columns' order (account-details.ts).
    batches: (src, f, size, range, timeZone) => accountDetailBatches(src, f as EntryFilters, size, range, timeZone),
    half: (src, f, total) => accountDetailHalf(src, f as EntryFilters, total)
  },
  transactionStatistics: daily(TRANSACTION_COLUMNS, false, TRANSACTION_METRICS),
  transactionList: daily(TRANSACTION_COLUMNS, true, TRANSACTION_METRICS),
  settlementStatistics: daily(SETTLEMENT_TYPE_COLUMNS, false, SETTLEMENT_METRICS),
  settlementList: daily(SETTLEMENT_TYPE_COLUMNS, true, SETTLEMENT_METRICS)
}

/**
 * What each report exports: its columns (named in shared/report-columns.ts) and how to count and
 * read its rows in batches (keyset iteration, see account-details.ts and daily.ts).
 */
import type { ExportReport } from '../../../shared/contract/exports'
import type { ReportColumnName } from '../../../shared/report-columns'
import { accountDetailBatches, accountDetailCount, type EntryFilters } from '../account-details'
import { dailyBatches, dailyCount, listGrouping, STATISTICS, type DailyFilters, type DailyTable } from '../daily'
import type { ReportSource } from '../page'
import { SETTLEMENT_TYPE_COLUMNS } from '../settlement'
import { TRANSACTION_COLUMNS } from '../transactions'

/**
 * - `amount`: an exact decimal with the row currency's digits (text in CSV, a number cell with that
 *   many decimals in XLSX);
 * - `integer`: ids and counts; `text`: as is;
 * - `day`: `yyyy-mm-dd` (a list row's yyyymmdd too); `time`: `yyyy-mm-dd hh:mm:ss`.
 */
export type ColumnKind = 'amount' | 'integer' | 'text' | 'day' | 'time'

export interface ExportColumn {
  key: ReportColumnName
  kind: ColumnKind
}

export type ExportRow = Record<string, unknown> & { currency: string }

export interface ExportSource {
  columns: readonly ExportColumn[]
  count(src: ReportSource, filters: ReportFilters): number
  batches(src: ReportSource, filters: ReportFilters, batchSize: number): Generator<ExportRow[]>
}

export type ReportFilters = EntryFilters | DailyFilters

const col = (kind: ColumnKind, ...keys: ReportColumnName[]): ExportColumn[] => keys.map((key) => ({ key, kind }))

const TRANSACTION_METRICS = [...col('amount', 'transactionAmount', 'settleAmount'), ...col('integer', 'totalCount', 'successCount')]
const SETTLEMENT_METRICS = col('amount', 'orderPay', 'deposit', 'orderFee', 'fixedFee', 'refund', 'refundFee', 'dispute', 'disputeFee', 'drawcash', 'drawcashFee', 'rateDifference', 'manualAdjust')
const STATISTICS_KEYS = [...col('day', 'date'), ...col('text', 'currency')]
const LIST_KEYS = [...col('day', 'date'), ...col('integer', 'merchantId', 'contractId'), ...col('text', 'currency')]

function daily<A extends string, C extends string>(table: DailyTable<A, C>, list: boolean, metrics: ExportColumn[]): ExportSource {
  const grouping = (src: ReportSource) => (list ? listGrouping(src) : STATISTICS)
  return {
    columns: [...(list ? LIST_KEYS : STATISTICS_KEYS), ...metrics],
    count: (src, f) => dailyCount(src, table, f, grouping(src)),
    batches: (src, f, size) => dailyBatches<A, C, ExportRow>(src, table, f, grouping(src), size)
  }
}

export const EXPORT_SOURCES: Record<ExportReport, ExportSource> = {
  accountDetails: {
    columns: [...col('time', 'dateCreated'), ...col('integer', 'id', 'merchantId', 'contractId', 'txnId', 'type'), ...col('text', 'currency'), ...col('amount', 'amount'), ...col('text', 'remark')],
    count: (src, f) => accountDetailCount(src, f as EntryFilters),
    batches: (src, f, size) => accountDetailBatches(src, f as EntryFilters, size)
  },
  transactionStatistics: daily(TRANSACTION_COLUMNS, false, TRANSACTION_METRICS),
  transactionList: daily(TRANSACTION_COLUMNS, true, TRANSACTION_METRICS),
  settlementStatistics: daily(SETTLEMENT_TYPE_COLUMNS, false, SETTLEMENT_METRICS),
  settlementList: daily(SETTLEMENT_TYPE_COLUMNS, true, SETTLEMENT_METRICS)
}

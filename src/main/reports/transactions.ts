/**
 * 交易 汇总/明细 (`/reporttransaction/statistics|list`) over transaction_daily_rows and _totals: orders counted on
 * the business day they were created, deposits and payouts alike (the seed has no direction).
 * transactionAmount sums what the successful orders moved (the paid amount of a deposit);
 * settleAmount what they settled to the merchant: a deposit's amount less its fees, a payout's
 * amount plus its fee. successCount counts the orders that succeeded, on their creation day.
 */
import { dailyList, dailySeries, dailyStatistics, type DailyFilters, type DailyTable } from './daily'
import type { PageRequest, ReadSource } from '../reads/page'

export const TRANSACTION_COLUMNS: DailyTable<'transactionAmount' | 'settleAmount', 'totalCount' | 'successCount'> = {
  rows: 'transaction_daily_rows',
  rowIndexes: 'transaction_rows',
  totals: 'transaction_daily_totals',
  totalIndexes: 'transaction_totals',
  amounts: { transactionAmount: 'transaction_minor', settleAmount: 'settle_minor' },
  counts: { totalCount: 'total_count', successCount: 'success_count' }
}

export const transactionStatistics = (src: ReadSource, f: DailyFilters, request: PageRequest) => dailyStatistics(src, TRANSACTION_COLUMNS, f, request)
export const transactionList = (src: ReadSource, f: DailyFilters, request: PageRequest) => dailyList(src, TRANSACTION_COLUMNS, f, request)
/** The chart: amounts and counts (for the success rate) per day and currency over the whole filtered set. */
export const transactionChart = (src: ReadSource, f: DailyFilters) => dailySeries(src, TRANSACTION_COLUMNS, f)

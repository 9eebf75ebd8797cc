/**
 * 交易 汇总/明细 (`/reporttransaction/statistics|list`) over order_daily_stats: orders counted on
 * the business day they were created, deposits and payouts alike (the seed has no direction).
 * transactionAmount sums what the successful orders moved (the paid amount of a deposit);
 * settleAmount what they settled to the merchant: a deposit's amount less its fees, a payout's
 * amount plus its fee. successCount counts the orders that succeeded, on their creation day.
 */
import { dailyList, dailySeries, dailyStatistics, type DailyFilters, type DailyTable } from './daily'
import type { PageRequest, ReportSource } from './page'

export const TRANSACTION_COLUMNS: DailyTable<'transactionAmount' | 'settleAmount', 'totalCount' | 'successCount'> = {
  table: 'order_daily_stats',
  byCurrency: 'order_daily_currency_totals',
  amounts: { transactionAmount: 'sum(transaction_minor)', settleAmount: 'sum(settle_minor)' },
  counts: { totalCount: 'sum(total_count)', successCount: 'sum(success_count)' }
}

export const transactionStatistics = (src: ReportSource, f: DailyFilters, request: PageRequest) => dailyStatistics(src, TRANSACTION_COLUMNS, f, request)
export const transactionList = (src: ReportSource, f: DailyFilters, request: PageRequest) => dailyList(src, TRANSACTION_COLUMNS, f, request)
/** The chart: amounts and counts (for the success rate) per day and currency over the whole filtered set. */
export const transactionChart = (src: ReportSource, f: DailyFilters) => dailySeries(src, TRANSACTION_COLUMNS, f)

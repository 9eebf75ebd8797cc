/**
 * 结算 汇总/明细 (`/reportsettlement/statistics|list`) over ledger_daily_summaries: per business
 * day, the merchant-account entries summed by type into the seed's columns (SETTLEMENT_COLUMNS),
 * signed as they moved the merchant's available balance: order payments and releases positive,
 * fees, reserve withheld (deposit), refunds, disputes and withdrawals negative.
 */
import { ENTRY_TYPE_CODES, SETTLEMENT_COLUMNS } from '../../shared/ledger'
import { dailyList, dailySeries, dailyStatistics, type DailyFilters, type DailyTable } from './daily'
import type { PageRequest, ReportSource } from './page'

type SettlementColumn = 'orderPay' | 'deposit' | 'orderFee' | 'fixedFee' | 'refund' | 'refundFee' | 'dispute' | 'disputeFee' | 'drawcash' | 'drawcashFee' | 'rateDifference' | 'manualAdjust'

export const SETTLEMENT_TYPE_COLUMNS: DailyTable<SettlementColumn, never> = {
  table: 'ledger_daily_summaries',
  byCurrency: 'ledger_daily_currency_totals',
  amounts: Object.fromEntries(ENTRY_TYPE_CODES.map((type) => [SETTLEMENT_COLUMNS[type], `sum(case when type = ${type} then amount_sum else 0 end)`])) as Record<SettlementColumn, string>,
  counts: {}
}

export const settlementStatistics = (src: ReportSource, f: DailyFilters, request: PageRequest) => dailyStatistics(src, SETTLEMENT_TYPE_COLUMNS, f, request)
export const settlementList = (src: ReportSource, f: DailyFilters, request: PageRequest) => dailyList(src, SETTLEMENT_TYPE_COLUMNS, f, request)

/** The chart's sums: order payments, and the net of every type (the day's change of what merchants are owed). */
export const SETTLEMENT_CHART_COLUMNS: DailyTable<'orderPay' | 'net', never> = {
  table: 'ledger_daily_summaries',
  byCurrency: 'ledger_daily_currency_totals',
  amounts: { orderPay: SETTLEMENT_TYPE_COLUMNS.amounts.orderPay, net: 'sum(amount_sum)' },
  counts: {}
}

export const settlementChart = (src: ReportSource, f: DailyFilters) => dailySeries(src, SETTLEMENT_CHART_COLUMNS, f)

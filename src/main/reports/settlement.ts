/**
 * 结算 汇总/明细 (`/reportsettlement/statistics|list`) over settlement_daily_rows and _totals: per
 * business day, the merchant-account entries summed by type into the seed's columns (SETTLEMENT_COLUMNS),
 * signed as they moved the merchant's available balance: order payments and releases positive,
 * fees, reserve withheld (deposit), refunds, disputes and withdrawals negative.
 */
import { ENTRY_TYPE_CODES, SETTLEMENT_COLUMNS, settlementSqlColumn } from '../../shared/ledger'
import { dailyList, dailySeries, dailyStatistics, type DailyFilters, type DailyTable } from './daily'
import type { PageRequest, ReadSource } from '../reads/page'

type SettlementColumn = 'orderPay' | 'deposit' | 'orderFee' | 'fixedFee' | 'refund' | 'refundFee' | 'dispute' | 'disputeFee' | 'drawcash' | 'drawcashFee' | 'rateDifference' | 'manualAdjust'

const TABLES = { rows: 'settlement_daily_rows', rowIndexes: 'settlement_rows', totals: 'settlement_daily_totals', totalIndexes: 'settlement_totals' } as const

export const SETTLEMENT_TYPE_COLUMNS: DailyTable<SettlementColumn, never> = {
  ...TABLES,
  amounts: Object.fromEntries(ENTRY_TYPE_CODES.map((type) => [SETTLEMENT_COLUMNS[type], settlementSqlColumn(type)])) as Record<SettlementColumn, string>,
  counts: {}
}

export const settlementStatistics = (src: ReadSource, f: DailyFilters, request: PageRequest) => dailyStatistics(src, SETTLEMENT_TYPE_COLUMNS, f, request)
export const settlementList = (src: ReadSource, f: DailyFilters, request: PageRequest) => dailyList(src, SETTLEMENT_TYPE_COLUMNS, f, request)

/** The chart's sums: order payments, and the net of every type (the day's change of what merchants are owed). */
export const SETTLEMENT_CHART_COLUMNS: DailyTable<'orderPay' | 'net', never> = {
  ...TABLES,
  amounts: { orderPay: SETTLEMENT_TYPE_COLUMNS.amounts.orderPay, net: 'net' },
  counts: {}
}

export const settlementChart = (src: ReadSource, f: DailyFilters) => dailySeries(src, SETTLEMENT_CHART_COLUMNS, f)

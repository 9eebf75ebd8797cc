/** The columns the reports share: days, keys, amounts with their currency (right-aligned), counts, and the drill-down links. */
import { Anchor } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { DataTableColumn } from 'mantine-datatable'
import { Link } from 'react-router-dom'
import { formatAmount } from '../../format/amount'
import { dayRange, filtersToParams, listDay, type ReportFilters } from './reportFilters'

/** A column of a report's totals (and of its rows): an amount or a count. */
export interface Metric {
  key: string
  kind: 'amount' | 'count'
}

export const amounts = (...keys: string[]): Metric[] => keys.map((key) => ({ key, kind: 'amount' }))
export const counts = (...keys: string[]): Metric[] => keys.map((key) => ({ key, kind: 'count' }))

export const TRANSACTION_METRICS = [...amounts('transactionAmount', 'settleAmount'), ...counts('totalCount', 'successCount')]
export const SETTLEMENT_METRICS = amounts(
  'orderPay',
  'deposit',
  'orderFee',
  'fixedFee',
  'refund',
  'refundFee',
  'dispute',
  'disputeFee',
  'drawcash',
  'drawcashFee',
  'rateDifference',
  'manualAdjust'
)

type Row = { currency: string } & Record<string, unknown>

export function metricTitle(t: TFunction, key: string): string {
  return key === 'count' ? t('reports.count') : t(`reports.columns.${key as 'amount'}`)
}

/** A metric's cell: an amount with its currency, or a count. */
export function metricText(metric: Metric, row: Row): string {
  const value = String(row[metric.key] ?? '')
  return metric.kind === 'amount' ? formatAmount(value, row.currency) : value
}

export function metricColumns<T extends Row>(t: TFunction, metrics: readonly Metric[]): DataTableColumn<T>[] {
  return metrics.map((metric) => ({
    accessor: metric.key,
    title: metricTitle(t, metric.key),
    textAlign: 'right',
    noWrap: true,
    render: (row: T) => metricText(metric, row)
  }))
}

export function statisticsKeyColumns<T extends { date: string; currency: string }>(t: TFunction): DataTableColumn<T>[] {
  return [
    { accessor: 'date', title: t('reports.columns.date'), noWrap: true },
    { accessor: 'currency', title: t('reports.columns.currency') }
  ]
}

/** A merchant as `#3 Siam Lotus Retail (TH)` when its name is known, else `#3`. */
export type MerchantLabel = (id: number) => string

export function merchantColumn<T extends { merchantId: number }>(t: TFunction, merchant: MerchantLabel): DataTableColumn<T> {
  return { accessor: 'merchantId', title: t('reports.columns.merchantId'), noWrap: true, render: (row) => merchant(row.merchantId) }
}

export function listKeyColumns<T extends { date: number; merchantId: number; contractId: number; currency: string }>(
  t: TFunction,
  merchant: MerchantLabel
): DataTableColumn<T>[] {
  return [
    { accessor: 'date', title: t('reports.columns.date'), noWrap: true, render: (row) => listDay(row.date) },
    merchantColumn<T>(t, merchant),
    { accessor: 'contractId', title: t('reports.columns.contractId') },
    { accessor: 'currency', title: t('reports.columns.currency') }
  ]
}

/** A link to another report filtered to `filters`. */
export function DrillLink({ to, filters, label }: { to: string; filters: Partial<ReportFilters>; label: string }) {
  return (
    <Anchor component={Link} to={`${to}?${filtersToParams(filters)}`} size="sm">
      {label}
    </Anchor>
  )
}

type DayRow = { date: string | number; currency: string }

/** A drill-down column: each row links to another report filtered as `filtersOf(row)` says. */
function drillColumn<T extends DayRow>(t: TFunction, to: string, label: string, filtersOf: (row: T) => Partial<ReportFilters>): DataTableColumn<T> {
  return { accessor: 'drill', title: t('reports.drill.column'), noWrap: true, render: (row) => <DrillLink to={to} label={label} filters={filtersOf(row)} /> }
}

/** From a statistics row to the list rows of its day and currency (the current merchant, contract and test choice kept). */
export function toListColumn<T extends { date: string; currency: string }>(t: TFunction, to: string, current: ReportFilters): DataTableColumn<T> {
  return drillColumn<T>(t, to, t('reports.drill.toList'), (row) => ({
    merchantId: current.merchantId,
    contractId: current.contractId,
    includeTest: current.includeTest,
    currency: row.currency,
    ...dayRange(row.date)
  }))
}

/** From a list row to the ledger entries of its day, merchant, contract and currency. */
export function toEntriesColumn<T extends { date: number; merchantId: number; contractId: number; currency: string }>(
  t: TFunction,
  current: ReportFilters
): DataTableColumn<T> {
  return drillColumn<T>(t, '/reports/account-details', t('reports.drill.toEntries'), (row) => ({
    merchantId: String(row.merchantId),
    contractId: String(row.contractId),
    currency: row.currency,
    includeTest: current.includeTest,
    ...dayRange(listDay(row.date))
  }))
}

/** The five reports (SPEC §8): 交易流水, 交易汇总, 交易明细, 结算汇总, 结算明细. */
import { useTranslation } from 'react-i18next'
import { ENTRY_TYPES } from '../../../../shared/ledger'
import { wallTimeInZone } from '../../../../shared/time-zone'
import { useApiQuery } from '../../api/hooks'
import { formatDateTime, zoned } from '../../format/time'
import {
  amounts,
  counts,
  listKeyColumns,
  merchantColumn,
  metricColumns,
  SETTLEMENT_METRICS,
  statisticsKeyColumns,
  toEntriesColumn,
  toListColumn,
  TRANSACTION_METRICS,
  type Metric
} from './reportColumns'
import { OrderLink } from './OrderLink'
import { ReportPage } from './ReportPage'
import { StatisticsCharts } from './StatisticsCharts'

const ENTRY_NAMES = new Map(Object.entries(ENTRY_TYPES).map(([name, code]) => [code as number, name as keyof typeof ENTRY_TYPES]))

export function AccountDetailsPage() {
  const { t } = useTranslation()
  // The report API writes an entry's time on the business zone's clock; the screen shows it in the user's display zone, like every other time.
  const businessZone = useApiQuery('system.info', {}, { staleTime: Infinity }).data?.timeZone
  const shownTime = (text: string) => {
    const at = businessZone ? wallTimeInZone(text, businessZone) : undefined
    return at === undefined ? text.replace('T', ' ') : formatDateTime(at)
  }
  const typeName = (type: number) => {
    const name = ENTRY_NAMES.get(type)
    return name ? `${type} · ${t(`orders.entryTypes.${name}`)}` : String(type)
  }
  return (
    <ReportPage
      procedure="reports.accountDetails"
      item="accountDetails"
      idAccessor={(row) => row.id}
      metrics={[...amounts('amount'), ...counts('count')]}
      columns={(_filters, merchant) => [
        { accessor: 'dateCreated', title: zoned(t('reports.columns.dateCreated')), noWrap: true, render: (row) => shownTime(row.dateCreated) },
        { accessor: 'id', title: t('reports.columns.id') },
        merchantColumn(t, merchant),
        { accessor: 'contractId', title: t('reports.columns.contractId') },
        { accessor: 'txnId', title: t('reports.columns.txnId') },
        { accessor: 'type', title: t('reports.columns.type'), noWrap: true, render: (row) => typeName(row.type) },
        ...metricColumns<{ currency: string; amount: string }>(t, amounts('amount')),
        { accessor: 'remark', title: t('reports.columns.remark'), render: (row) => <OrderLink remark={row.remark} /> }
      ]}
    />
  )
}

type StatisticsProcedure = 'reports.transactionStatistics' | 'reports.settlementStatistics'
type ListProcedure = 'reports.transactionList' | 'reports.settlementList'
type StatisticsRow = { date: string; currency: string } & Record<string, unknown>
type ListRow = { date: number; merchantId: number; contractId: number; currency: string } & Record<string, unknown>

/** A summary: one row per day and currency, each linking to the list rows of its day. */
function statisticsPage(procedure: StatisticsProcedure, item: 'transactionSummary' | 'settlementSummary', metrics: readonly Metric[], listPath: string) {
  const chartProcedure = procedure === 'reports.transactionStatistics' ? 'reports.transactionChart' : 'reports.settlementChart'
  return function StatisticsPage() {
    const { t } = useTranslation()
    return (
      <ReportPage<StatisticsProcedure>
        procedure={procedure}
        item={item}
        idAccessor={(row) => `${row.date}/${row.currency}`}
        metrics={metrics}
        chart={(filters) => <StatisticsCharts procedure={chartProcedure} input={filters} />}
        columns={(filters) => [...statisticsKeyColumns<StatisticsRow>(t), ...metricColumns<StatisticsRow>(t, metrics), toListColumn<StatisticsRow>(t, listPath, filters)]}
      />
    )
  }
}

/** A list: one row per day, contract, merchant and currency, each linking to its ledger entries. */
function listPage(procedure: ListProcedure, item: 'transactionDetails' | 'settlementDetails', metrics: readonly Metric[]) {
  return function ListPage() {
    const { t } = useTranslation()
    return (
      <ReportPage<ListProcedure>
        procedure={procedure}
        item={item}
        idAccessor={(row) => `${row.date}/${row.merchantId}/${row.contractId}/${row.currency}`}
        metrics={metrics}
        columns={(filters, merchant) => [...listKeyColumns<ListRow>(t, merchant), ...metricColumns<ListRow>(t, metrics), toEntriesColumn<ListRow>(t, filters)]}
      />
    )
  }
}

export const TransactionSummaryPage = statisticsPage('reports.transactionStatistics', 'transactionSummary', TRANSACTION_METRICS, '/reports/transaction-details')
export const TransactionDetailsPage = listPage('reports.transactionList', 'transactionDetails', TRANSACTION_METRICS)
export const SettlementSummaryPage = statisticsPage('reports.settlementStatistics', 'settlementSummary', SETTLEMENT_METRICS, '/reports/settlement-details')
export const SettlementDetailsPage = listPage('reports.settlementList', 'settlementDetails', SETTLEMENT_METRICS)

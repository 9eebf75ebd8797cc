/**
 * The frame of the five reports: title and saved views, the filter bar, the totals of the whole
 * filtered set, and the server-paged table (pageIndex/pageSize). The filters start from the
 * address (drill-down links name what they fix) over the defaults, the last 7 days of the
 * business time zone.
 */
import { Alert, Stack } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { DataTable, type DataTableColumn } from 'mantine-datatable'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useSearchParams } from 'react-router-dom'
import type { OutputOf } from '../../../../shared/contract'
import type { ExportReport } from '../../../../shared/contract/exports'
import type { REPORT_VIEW_KEYS } from '../../../../shared/contract/preferences'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { pagedTableProps } from '../../components/list/pagedTable'
import { apiErrorMessage } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { useTableText } from '../../components/tableText'
import type { NavItemKey } from '../../layout/navigation'
import { useCan } from '../../session/currentUser'
import type { MerchantLabel, Metric } from './reportColumns'
import { ReportFilterBar } from './ReportFilterBar'
import { businessToday, filtersFromParams, reportInput, type ReportFilters, type ReportProcedure } from './reportFilters'
import { ExportMenu } from './ExportMenu'
import { SavedViewsControl } from '../../components/list/SavedViewsControl'
import { filtersOfView, viewFiltersOf } from '../../components/list/savedViews'
import { TotalsTable } from './TotalsTable'

export type ReportRow<N extends ReportProcedure> = OutputOf<N>['items'][number]

export interface ReportPageProps<N extends ReportProcedure> {
  procedure: N
  /** The navigation item: the title, and the saved views' key (`paydesk.reportViews.<report>`). */
  item: Extract<NavItemKey, 'accountDetails' | 'transactionSummary' | 'transactionDetails' | 'settlementSummary' | 'settlementDetails'>
  /** The table's columns; drill-down links carry the current filters along. */
  columns: (filters: ReportFilters, merchant: MerchantLabel) => DataTableColumn<ReportRow<N>>[]
  metrics: readonly Metric[]
  idAccessor: (row: ReportRow<N>) => string | number
  /** Above the table (the statistics' charts), given the applied filters as a procedure's input without its page. */
  chart?: (filters: Record<string, unknown>) => ReactNode
}

const REPORT_KEYS = {
  accountDetails: 'account-details',
  transactionSummary: 'transaction-summary',
  transactionDetails: 'transaction-details',
  settlementSummary: 'settlement-summary',
  settlementDetails: 'settlement-details'
} as const satisfies Record<string, (typeof REPORT_VIEW_KEYS)[number]>

/** Merchants by name for those who may list them (the first 100; others, and for everyone else, by id). */
function useMerchantLabel(): MerchantLabel {
  const canList = useCan(PERMISSIONS.MASTER_DATA_READ)
  const { data } = useApiQuery('merchants.list', { page: 1, pageSize: 100 }, { enabled: canList, staleTime: 60_000 })
  const names = new Map(data?.items.map((m) => [m.id, m.name]))
  return (id) => (names.has(id) ? `#${id} ${names.get(id)}` : `#${id}`)
}

/** A new address (a drill-down into the page already open) starts over from its filters. */
export function ReportPage<N extends ReportProcedure>(props: ReportPageProps<N>) {
  const location = useLocation()
  return <ReportView key={location.search} {...props} />
}

function ReportView<N extends ReportProcedure>({ procedure, item, columns, metrics, idAccessor, chart }: ReportPageProps<N>) {
  const { t } = useTranslation()
  const tableText = useTableText()
  const merchant = useMerchantLabel()
  const [params] = useSearchParams()
  const zone = useApiQuery('system.info', {}, { staleTime: Infinity }).data?.timeZone
  const [filters, setFilters] = useState(() => filtersFromParams(params, businessToday(zone)))
  const [pageIndex, setPageIndex] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [applied] = useDebouncedValue(filters, 300)
  const result = useApiQuery(procedure, reportInput(procedure, applied, { pageIndex, pageSize }), { placeholderData: keepPreviousData })
  const data = result.data as OutputOf<ReportProcedure> | undefined
  const canExport = useCan(PERMISSIONS.REPORT_EXPORT)
  // The export and the charts take every row of the filters applied, not the page.
  const { pageIndex: _page, pageSize: _size, ...wholeSet } = reportInput(procedure, applied, { pageIndex: 1, pageSize: 1 }) as Record<string, unknown>
  const resize = (size: number) => {
    setPageSize(size)
    setPageIndex(1)
  }
  const change = (next: ReportFilters) => {
    setFilters(next)
    setPageIndex(1)
  }

  return (
    <Stack data-testid={`report-${REPORT_KEYS[item]}`}>
      <PageHeader title={t(`nav.items.${item}`)}>
        <SavedViewsControl list={`reports.${REPORT_KEYS[item]}`} filters={viewFiltersOf(filters)} onApply={(view) => change(filtersOfView(filters, view))} />
        {canExport && <ExportMenu report={procedure.slice('reports.'.length) as ExportReport} filters={wholeSet} />}
      </PageHeader>
      <ReportFilterBar filters={filters} onChange={(patch) => change({ ...filters, ...patch })} entries={procedure === 'reports.accountDetails'} />
      {result.error && (
        <Alert color="red" role="alert">
          {apiErrorMessage(result.error)}
        </Alert>
      )}
      {chart?.(wholeSet)}
      <TotalsTable metrics={metrics} totals={data?.totals as ({ currency: string } & Record<string, unknown>)[] | null | undefined} />
      <DataTable<ReportRow<N>>
        withTableBorder
        striped
        minHeight={180}
        w="100%"
        {...pagedTableProps(
          { page: pageIndex, pageSize, setPage: setPageIndex, setPageSize: resize },
          { data: data && { items: data.items as ReportRow<N>[], total: data.totalItemCount }, isFetching: result.isFetching, isPlaceholderData: result.isPlaceholderData }
        )}
        idAccessor={idAccessor}
        {...tableText}
        columns={columns(applied, merchant)}
      />
    </Stack>
  )
}

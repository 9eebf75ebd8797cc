/** One page of a run's breaks, oldest first: the selected one marked; a click selects. */
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import type { BreakRow } from '../../../../../shared/contract/reconciliation'
import { pagedTableProps, type PagedResult } from '../../../components/list/pagedTable'
import type { ListTableState } from '../../../components/list/useListState'
import { useTableText } from '../../../components/tableText'
import { BreakStatusBadge } from '../badges'
import { breakTypeLabel, causeLabel } from '../labels'
import { differenceText, sideMoney } from './breakMoney'

interface BreakTableProps {
  paging: ListTableState
  result: PagedResult<BreakRow>
  selectedId: number | null
  onSelect: (row: BreakRow, index: number) => void
}

export function BreakTable({ paging, result, selectedId, onSelect }: BreakTableProps) {
  const { t } = useTranslation()
  const tableText = useTableText()
  const rows = result.data?.items ?? []
  return (
    <DataTable<BreakRow>
      withTableBorder
      striped
      highlightOnHover
      minHeight={200}
      {...pagedTableProps(paging, result)}
      {...tableText}
      data-testid="break-list"
      onRowClick={({ record }) => onSelect(record, rows.findIndex((r) => r.id === record.id))}
      customRowAttributes={(row) => ({ 'aria-selected': row.id === selectedId, 'data-break-id': row.id })}
      rowStyle={(row) => (row.id === selectedId ? { outline: '2px solid var(--mantine-color-blue-filled)', outlineOffset: -2 } : undefined)}
      columns={[
        { accessor: 'id', title: t('recon.breaks.id'), textAlign: 'right' },
        { accessor: 'type', title: t('recon.breaks.type'), render: (b) => breakTypeLabel(t, b.type) },
        { accessor: 'causeKey', title: t('recon.causeGroups.cause'), render: (b) => causeLabel(t, b.causeKey) },
        { accessor: 'status', title: t('common.status'), render: (b) => <BreakStatusBadge row={b} /> },
        { accessor: 'merchantName', title: t('master.merchant'), render: (b) => b.merchantName ?? '' },
        { accessor: 'theirKeys', title: t('recon.breaks.theirKeys'), render: (b) => [b.theirKeys.orderNo, b.theirKeys.upstreamNo, b.theirKeys.refundNo].filter(Boolean).join(' · ') },
        { accessor: 'orderNo', title: t('recon.breaks.ourOrder'), render: (b) => b.orderNo ?? '' },
        { accessor: 'theirs', title: t('recon.breaks.theirs'), textAlign: 'right', noWrap: true, render: (b) => sideMoney(b.theirs) },
        { accessor: 'ours', title: t('recon.breaks.ours'), textAlign: 'right', noWrap: true, render: (b) => sideMoney(b.ours) },
        { accessor: 'difference', title: t('recon.breaks.difference'), textAlign: 'right', noWrap: true, render: (b) => differenceText(t, b) },
        { accessor: 'ageDays', title: t('recon.breaks.age'), textAlign: 'right', noWrap: true, render: (b) => t('recon.breaks.days', { n: b.ageDays }) },
        { accessor: 'assignedTo', title: t('recon.breaks.assignedTo'), render: (b) => b.assignedTo ?? '' }
      ]}
    />
  )
}

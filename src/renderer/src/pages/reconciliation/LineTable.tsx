/** Statement lines as read: the profile editor's mapped sample and an imported statement's lines. */
import { DataTable, type DataTableColumn } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import type { LineRow } from '../../../../shared/contract/reconciliation'
import type { pagedTableProps } from '../../components/list/pagedTable'
import { useTableText } from '../../components/tableText'
import { groupDigits } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { reconLabel } from './labels'

export type ShownLine = Omit<LineRow, 'id' | 'statementId'> & { id?: number }

const amount = (value: string | null) => (value === null ? '' : groupDigits(value))

/** `paging`: the data table's paging props for a server-paged list (`pagedTableProps`); none for a short static list. */
export function LineTable({ lines, paging, testId }: { lines: ShownLine[]; paging?: ReturnType<typeof pagedTableProps<ShownLine>>; testId: string }) {
  const { t } = useTranslation()
  const tableText = useTableText()
  const columns: DataTableColumn<ShownLine>[] = [
    { accessor: 'lineNo', title: t('recon.line.lineNo'), textAlign: 'right' },
    { accessor: 'kind', title: t('recon.line.kind'), render: (l) => reconLabel(t, 'lineKinds', l.kind) },
    { accessor: 'orderNo', title: t('recon.fields.orderNo') },
    { accessor: 'merchantOrderNo', title: t('recon.fields.merchantOrderNo') },
    { accessor: 'upstreamNo', title: t('recon.fields.upstreamNo') },
    { accessor: 'refundNo', title: t('recon.fields.refundNo') },
    { accessor: 'currency', title: t('recon.fields.currency') },
    { accessor: 'gross', title: t('recon.fields.gross'), textAlign: 'right', noWrap: true, render: (l) => amount(l.gross) },
    { accessor: 'fee', title: t('recon.fields.fee'), textAlign: 'right', noWrap: true, render: (l) => amount(l.fee) },
    { accessor: 'net', title: t('recon.fields.net'), textAlign: 'right', noWrap: true, render: (l) => amount(l.net) },
    { accessor: 'at', title: t('recon.fields.time'), noWrap: true, render: (l) => (l.at === null ? '' : formatDateTime(l.at)) },
    { accessor: 'status', title: t('recon.fields.status'), render: (l) => reconLabel(t, 'lineStatuses', l.status) },
    { accessor: 'counterparty', title: t('recon.fields.counterparty') }
  ]
  const common = { withTableBorder: true, striped: true, minHeight: 120, idAccessor: (l: ShownLine) => l.id ?? l.lineNo, columns, 'data-testid': testId }
  return paging ? <DataTable<ShownLine> {...common} {...tableText} {...paging} records={lines} /> : <DataTable<ShownLine> {...common} noRecordsText={tableText.noRecordsText} records={lines} />
}

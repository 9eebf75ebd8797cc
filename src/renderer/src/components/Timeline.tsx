/**
 * A timeline of what happened to an order or a case, oldest first: when, what (a server text in
 * the reader's language), and who.
 */
import { DataTable, type DataTableColumn } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import type { ServerText } from '../../../shared/server-text'
import { formatDateTime, zoned } from '../format/time'
import { useServerText } from '../i18n/serverText'
import { useTableText } from './tableText'

export interface TimelineEvent {
  id: number
  at: number
  kind?: string
  summary: string
  text: ServerText | null
  actor: string
}

export function Timeline<E extends TimelineEvent>({ events, kindLabel }: { events: E[]; kindLabel?: (kind: string) => string }) {
  const { t } = useTranslation()
  const say = useServerText()
  const tableText = useTableText()
  const columns: DataTableColumn<E>[] = [
    { accessor: 'at', title: zoned(t('timeline.time')), noWrap: true, render: (e) => formatDateTime(e.at) },
    ...(kindLabel ? [{ accessor: 'kind', title: t('timeline.kind'), noWrap: true, render: (e: E) => kindLabel(e.kind ?? '') }] : []),
    { accessor: 'summary', title: t('timeline.what'), render: (e) => say(e.text, e.summary) },
    { accessor: 'actor', title: t('timeline.actor'), noWrap: true }
  ]
  return <DataTable<E> withTableBorder striped minHeight={120} records={events} columns={columns} noRecordsText={tableText.noRecordsText} data-testid="timeline" />
}

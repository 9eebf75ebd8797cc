/**
 * The frame of every master-data and finance list: a title with its actions, a search box and
 * filters, and a server-paged, server-sorted data table; dialogs and drawers go in `children`.
 */
import { Group, Stack, TextInput, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react'
import { DataTable, type DataTableColumn } from 'mantine-datatable'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../PageHeader'
import { TimeZoneNote } from '../TimeZoneNote'
import { useTableText } from '../tableText'
import { pagedTableProps, type PagedResult } from './pagedTable'
import type { SavedViewList } from '../../../../shared/contract/preferences'
import { SavedViewsControl } from './SavedViewsControl'
import type { ListState } from './useListState'

function SortHeader({ label, direction, onClick }: { label: ReactNode; direction: 'asc' | 'desc' | null; onClick: () => void }) {
  const { t } = useTranslation()
  const Icon = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconSelector
  const state = direction === 'asc' ? t('master.sortedAscending') : direction === 'desc' ? t('master.sortedDescending') : t('master.notSorted')
  return (
    <UnstyledButton onClick={onClick} title={state} fw={700} fz="sm">
      <Group gap={4} wrap="nowrap">
        {label}
        <Icon size={14} stroke={1.5} opacity={direction ? 1 : 0.5} aria-hidden />
      </Group>
    </UnstyledButton>
  )
}

export interface ListPageProps<T> {
  title: string
  /** Buttons beside the title (create…), already filtered by permission. */
  actions?: ReactNode
  /** The list's state and its read (`useListState` and the query, or `useEntityPage`). */
  source: { list: ListState; result: PagedResult<T> }
  /** The search box's label and placeholder; no search box without them. */
  search?: { label: string; placeholder: string }
  filters?: ReactNode
  /** The list's saved views are offered beside the actions (the user's own, kept in the database). */
  views?: SavedViewList
  columns: DataTableColumn<T>[]
  idAccessor?: (record: T) => string | number
  /** The list shows times (and filters by business day): the zones they are in, said under the title. */
  zoneNote?: 'times' | 'daysAndTimes'
  children?: ReactNode
}

export function ListPage<T>({ title, actions, source, search, filters, views, columns, idAccessor, zoneNote, children }: ListPageProps<T>) {
  const { list, result } = source
  const tableText = useTableText()
  const { table } = list
  const sort = table.sort
  // The data table's own sort icons carry fixed English labels, so sortable headers are drawn here.
  const shown = columns.map((column) => {
    if (!column.sortable || !sort) return { ...column, sortable: false }
    const accessor = String(column.accessor)
    const active = sort.column === accessor
    return {
      ...column,
      sortable: false,
      title: (
        <SortHeader
          label={column.title ?? accessor}
          direction={active ? sort.direction : null}
          onClick={() => sort.change(accessor, active && sort.direction === 'asc' ? 'desc' : 'asc')}
        />
      )
    }
  })
  return (
    <Stack>
      <PageHeader title={title}>
        {views && <SavedViewsControl list={views} filters={list.view.current} onApply={list.view.apply} />}
        {actions}
      </PageHeader>
      {zoneNote && <TimeZoneNote days={zoneNote === 'daysAndTimes'} />}
      <Group align="flex-end" wrap="wrap">
        {search && (
          <TextInput
            label={search.label}
            placeholder={search.placeholder}
            value={list.search}
            onChange={(event) => list.setSearch(event.currentTarget.value)}
          />
        )}
        {filters}
      </Group>
      <DataTable<T>
        withTableBorder
        striped
        minHeight={180}
        {...pagedTableProps(table, result)}
        idAccessor={idAccessor ?? ('id' as keyof T)}
        // Wide lists scroll sideways; the row actions stay in view.
        pinLastColumn={columns.at(-1)?.accessor === 'actions'}
        {...tableText}
        columns={shown}
      />
      {children}
    </Stack>
  )
}

/**
 * The frame of every master-data and finance list: a title with its actions, a search box and
 * filters, and a server-paged, server-sorted data table; dialogs and drawers go in `children`.
 */
import { Group, Stack, TextInput } from '@mantine/core'
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable'
import type { ReactNode } from 'react'
import { PageHeader } from '../PageHeader'
import { useTableText } from '../tableText'
import type { ListState } from './useListState'

export interface ListPageProps<T> {
  title: string
  /** Buttons beside the title (create…), already filtered by permission. */
  actions?: ReactNode
  /** The list's state and its read (`useListState` and the query, or `useEntityPage`). */
  source: { list: ListState; result: { data?: { items: T[]; total: number }; isFetching: boolean } }
  /** The search box's label and placeholder; no search box without them. */
  search?: { label: string; placeholder: string }
  filters?: ReactNode
  columns: DataTableColumn<T>[]
  idAccessor?: (record: T) => string | number
  children?: ReactNode
}

export function ListPage<T>({ title, actions, source, search, filters, columns, idAccessor, children }: ListPageProps<T>) {
  const { list, result } = source
  const tableText = useTableText()
  const { table } = list
  const sortProps = table.sort
    ? {
        sortStatus: { columnAccessor: table.sort.column, direction: table.sort.direction } as DataTableSortStatus<T>,
        onSortStatusChange: (status: DataTableSortStatus<T>) => table.sort?.change(String(status.columnAccessor), status.direction)
      }
    : {}
  return (
    <Stack>
      <PageHeader title={title}>{actions}</PageHeader>
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
        fetching={result.isFetching}
        records={result.data?.items ?? []}
        totalRecords={result.data?.total ?? 0}
        page={table.page}
        onPageChange={table.setPage}
        recordsPerPage={table.pageSize}
        onRecordsPerPageChange={table.setPageSize}
        idAccessor={idAccessor ?? ('id' as keyof T)}
        {...sortProps}
        {...tableText}
        columns={columns}
      />
      {children}
    </Stack>
  )
}

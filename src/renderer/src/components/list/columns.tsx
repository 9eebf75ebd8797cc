/** Columns every master-data list has: status, created and updated times, and the row actions. */
import type { TFunction } from 'i18next'
import type { DataTableColumn } from 'mantine-datatable'
import { formatDateTime, zoned } from '../../format/time'
import { RowActions } from '../RowActions'
import { StatusBadge } from '../StatusBadge'

export function statusColumn<T extends { status: 'active' | 'disabled' }>(t: TFunction): DataTableColumn<T> {
  return { accessor: 'status', title: t('common.status'), sortable: true, noWrap: true, width: 110, render: (row) => <StatusBadge status={row.status} /> }
}

export function timeColumns<T extends { createdAt: number; updatedAt: number }>(t: TFunction): DataTableColumn<T>[] {
  return [
    { accessor: 'createdAt', title: zoned(t('common.createdAt')), sortable: true, noWrap: true, render: (row) => formatDateTime(row.createdAt) },
    { accessor: 'updatedAt', title: zoned(t('common.updatedAt')), sortable: true, noWrap: true, render: (row) => formatDateTime(row.updatedAt) }
  ]
}

/**
 * Details for everyone; edit and enable/disable only when `toggle` is given (the user may write)
 * and the row is not kept by something else (`keptBy` says by what, in place of the buttons).
 * `dialogs` opens the details drawer and the edit modal (`useEntityDialogs`).
 */
export function actionsColumn<T extends { status: 'active' | 'disabled' }>(
  t: TFunction,
  dialogs: { details: (row: T) => void; edit: (row: T) => void },
  toggle: ((row: T) => void) | false,
  nameOf?: (row: T) => string,
  keptBy?: (row: T) => string | null
): DataTableColumn<T> {
  return {
    accessor: 'actions',
    title: t('common.actions'),
    render: (row) => {
      const kept = keptBy?.(row) ?? null
      const writable = toggle && kept === null
      return (
        <RowActions
          onDetails={() => dialogs.details(row)}
          onEdit={writable ? () => dialogs.edit(row) : undefined}
          status={writable ? { current: row.status, toggle: () => toggle(row), name: nameOf?.(row) } : undefined}
          note={kept}
        />
      )
    }
  }
}

/**
 * What every master-data list page holds: its list state and the paged, sorted read, the dialogs,
 * whether the user may write, and the row actions (details; edit and enable/disable for writers).
 */
import { keepPreviousData } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { InputOf, OutputOf, ProcedureName } from '../../../../shared/contract'
import type { PermissionCode } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { useCan } from '../../session/currentUser'
import { useStatusToggle, type SetStatusProcedure } from '../RowActions'
import { actionsColumn } from './columns'
import { useEntityDialogs } from './EntityDialogs'
import { useListState, type SortState } from './useListState'

export type EntityListProcedure = 'contracts.list' | 'merchants.list' | 'terminals.list' | 'services.list' | 'channels.list' | 'bindings.list'
export type EntityRow<N extends EntityListProcedure> = OutputOf<N>['items'][number]
type SortOf<N extends EntityListProcedure> = NonNullable<InputOf<N>['sortBy']>

export interface EntityPageOptions<N extends EntityListProcedure, F extends object> {
  procedure: N
  sort: SortState<SortOf<N>>
  /** The filters the page offers, all unset to begin with. */
  filters: F
  setStatus: SetStatusProcedure
  /** Reads that show a row's status, refreshed after enable/disable. */
  invalidate: readonly ProcedureName[]
  write: PermissionCode
  /** The row's key as its setStatus takes it. */
  keyOf: (row: EntityRow<N>) => object
  /** How the row is named in messages and titles. */
  nameOf: (row: EntityRow<N>) => string
  /** What keeps a row in step from elsewhere, so it offers no edit or enable/disable here; null for a row of its own. */
  keptBy?: (row: EntityRow<N>) => string | null
}

export function useEntityPage<N extends EntityListProcedure, F extends object>(options: EntityPageOptions<N, F>) {
  const { t } = useTranslation()
  const canWrite = useCan(options.write)
  const list = useListState<SortOf<N>, F>(options.sort, options.filters)
  const result = useApiQuery(options.procedure, list.input as InputOf<N>, { placeholderData: keepPreviousData })
  const dialogs = useEntityDialogs<EntityRow<N>>()
  const setStatus = useStatusToggle(options.setStatus, options.invalidate)
  const toggle = (row: EntityRow<N>) => void setStatus(options.keyOf(row) as never, row.status, options.nameOf(row))
  return {
    canWrite,
    list,
    result: { data: result.data as OutputOf<N> | undefined, isFetching: result.isFetching, isPlaceholderData: result.isPlaceholderData },
    dialogs,
    nameOf: options.nameOf,
    actions: actionsColumn<EntityRow<N>>(t, dialogs, canWrite && toggle, options.nameOf, options.keptBy)
  }
}

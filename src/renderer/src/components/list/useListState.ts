/**
 * The state every server-paged list keeps: page, page size, a debounced search, the sort column
 * and direction, and its filters. Any change but the page itself goes back to page 1. `input`
 * is what the list procedure takes; `table` is what ListPage hands the data table.
 */
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import type { ViewFilters } from '../../../../shared/contract/preferences'
import { filtersOfView, viewFiltersOf } from './savedViews'

export interface SortState<S extends string> {
  sortBy: S
  sortDirection: 'asc' | 'desc'
}

export interface ListTableState {
  page: number
  pageSize: number
  setPage: (page: number) => void
  setPageSize: (size: number) => void
  sort?: { column: string; direction: 'asc' | 'desc'; change: (column: string, direction: 'asc' | 'desc') => void }
}

/** The list's filters, search and sort as a saved view keeps them, and applying a view. */
export interface ListViewState {
  current: ViewFilters
  apply: (view: ViewFilters) => void
}

export interface ListState {
  search: string
  setSearch: (value: string) => void
  table: ListTableState
  view: ListViewState
}

/** A filter left empty: text blank, anything else unset (applying a view starts from these). */
function blankOf<F extends object>(filters: F): F {
  return Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, typeof value === 'string' ? '' : undefined])) as F
}

export function useListState<S extends string, F extends object>(defaultSort: SortState<S> | null, initialFilters: F) {
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [search, setSearchText] = useState('')
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300)
  const [sort, setSort] = useState(defaultSort)
  const [filters, setFilters] = useState(initialFilters)

  const setSearch = (value: string) => {
    setSearchText(value)
    setPage(1)
  }
  const setFilter = <K extends keyof F>(key: K, value: F[K]) => {
    setFilters((current) => ({ ...current, [key]: value }))
    setPage(1)
  }
  const table: ListTableState = {
    page,
    pageSize,
    setPage,
    setPageSize: (size) => {
      setPageSize(size)
      setPage(1)
    },
    sort: sort
      ? {
          column: sort.sortBy,
          direction: sort.sortDirection,
          change: (column, direction) => {
            setSort({ sortBy: column as S, sortDirection: direction })
            setPage(1)
          }
        }
      : undefined
  }

  const view: ListViewState = {
    // The search box and the sort are kept beside the filters, under the names the list procedure
    // takes them by (no list has a filter called `search`, `sortBy` or `sortDirection`).
    current: viewFiltersOf({ ...filters, ...(search.trim() ? { search: search.trim() } : {}), ...(sort ?? {}) }),
    apply: (saved) => {
      const { search: savedSearch, sortBy, sortDirection, ...rest } = saved
      setFilters(filtersOfView(blankOf(initialFilters), rest))
      setSearchText(typeof savedSearch === 'string' ? savedSearch : '')
      // A view saved without a sort (or before views kept one) shows the list's own order.
      const savedSort: SortState<S> | null =
        typeof sortBy === 'string' && (sortDirection === 'asc' || sortDirection === 'desc') ? { sortBy: sortBy as S, sortDirection } : defaultSort
      if (defaultSort) setSort(savedSort)
      setPage(1)
    }
  }

  return {
    search,
    setSearch,
    filters,
    setFilter,
    table,
    view,
    /** Paging, search, sort and filters as the list procedure takes them. */
    input: { page, pageSize, search: debouncedSearch || undefined, sortBy: sort?.sortBy, sortDirection: sort?.sortDirection, ...filters }
  }
}

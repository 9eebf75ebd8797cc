import type { ListTableState } from './useListState'

/** A server-paged read as a list shows it: the current page of rows and the total. */
export interface PagedResult<T> {
  data?: { items: T[]; total: number }
  isFetching: boolean
  /** The rows held are the previous request's (`keepPreviousData`), shown while this one loads. */
  isPlaceholderData?: boolean
}

/**
 * Whether a list lies under its loader: only while the rows it shows are not the answer to what it
 * asks now (its first load; another page, search or filter). A refresh of the same request (a list
 * polled every few seconds, or read again after a write) swaps its rows in when they come: under
 * the loader, the list flashed at every poll and a row clicked meanwhile was a click on the loader.
 */
export function listLoading(result: { data?: unknown; isFetching: boolean; isPlaceholderData?: boolean }): boolean {
  return result.isFetching && (result.data === undefined || result.isPlaceholderData === true)
}

/** The data table's paging props: rows and total from the read, page and page size from the list's state. */
export function pagedTableProps<T>(table: ListTableState, result: PagedResult<T>) {
  return {
    fetching: listLoading(result),
    records: result.data?.items ?? [],
    totalRecords: result.data?.total ?? 0,
    page: table.page,
    onPageChange: table.setPage,
    recordsPerPage: table.pageSize,
    onRecordsPerPageChange: table.setPageSize
  }
}

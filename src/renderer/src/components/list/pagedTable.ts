import type { ListTableState } from './useListState'

/** A server-paged read as a list shows it: the current page of rows and the total. */
export interface PagedResult<T> {
  data?: { items: T[]; total: number }
  isFetching: boolean
}

/** The data table's paging props: rows and total from the read, page and page size from the list's state. */
export function pagedTableProps<T>(table: ListTableState, result: PagedResult<T>) {
  return {
    fetching: result.isFetching,
    records: result.data?.items ?? [],
    totalRecords: result.data?.total ?? 0,
    page: table.page,
    onPageChange: table.setPage,
    recordsPerPage: table.pageSize,
    onRecordsPerPageChange: table.setPageSize
  }
}

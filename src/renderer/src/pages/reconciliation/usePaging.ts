import { useCallback, useState } from 'react'
import type { ListTableState } from '../../components/list/useListState'

/** A server-paged table's page and page size (a new size goes back to page 1), as `pagedTableProps` takes them. */
export function usePaging(initialSize = 20): ListTableState & { reset: () => void } {
  const [page, setPage] = useState(1)
  const [pageSize, setSize] = useState(initialSize)
  const reset = useCallback(() => setPage(1), [])
  const setPageSize = useCallback((size: number) => {
    setSize(size)
    setPage(1)
  }, [])
  return { page, pageSize, setPage, setPageSize, reset }
}

/**
 * Where a clerk is in a run's breaks: the filters, the search, the page, its size and the selected
 * break, kept in the page's address (`#/reconciliation/runs/7?type=amount_over&page=3&break=912`).
 * The way back from an order opened from a break (the browser's Back) returns to the same break of
 * the same list, not to the first open one; a link to a place in the list works too. Only known
 * keys and values are read; anything else in the address is ignored.
 */
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'
import { BREAK_STATUS_VALUES, BREAK_TYPE_VALUES } from '../../../../../shared/contract/reconciliation'
import { filtersFromUrl } from '../../../components/list/urlFilters'
import type { BreakFilter } from './BreakFilters'

/** The list opens on the open breaks; `status=any` is the list without a status filter. */
const ANY = 'any'
const PAGE_SIZES = ['10', '20', '50', '100'] as const

export interface ReviewPlace {
  filter: BreakFilter
  search: string
  page: number
  pageSize: number
  /** The selected break, if the address names one. */
  breakId: number | null
  setFilter: (patch: Partial<BreakFilter>) => void
  setSearch: (search: string) => void
  setPage: (page: number) => void
  setPageSize: (size: number) => void
  select: (breakId: number | null) => void
}

const positive = (text: string | null): number | null => (text !== null && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null)

export function placeOf(params: URLSearchParams, runId: number): Omit<ReviewPlace, `set${string}` | 'select'> {
  const known = filtersFromUrl(params, { type: BREAK_TYPE_VALUES, status: [...BREAK_STATUS_VALUES, ANY], size: PAGE_SIZES })
  const causeKey = params.get('cause')?.slice(0, 60) || undefined
  const merchantId = positive(params.get('merchant')) ?? undefined
  const filter: BreakFilter = {
    runId,
    type: known.type,
    status: known.status === ANY ? undefined : (known.status ?? 'open'),
    causeKey,
    merchantId,
    assignedToMe: params.get('mine') === 'true' || undefined
  }
  return { filter, search: params.get('q')?.slice(0, 64) ?? '', page: positive(params.get('page')) ?? 1, pageSize: Number(known.size ?? 20), breakId: positive(params.get('break')) }
}

/** The address's keys for a filter (the run is the page's own). */
function filterParams(filter: BreakFilter): Record<string, string | undefined> {
  return {
    type: filter.type,
    status: filter.status ?? ANY,
    cause: filter.causeKey,
    merchant: filter.merchantId?.toString(),
    mine: filter.assignedToMe ? 'true' : undefined
  }
}

export function useReviewPlace(runId: number): ReviewPlace {
  const [params, setParams] = useSearchParams()
  const place = useMemo(() => placeOf(params, runId), [params, runId])
  // Each change replaces the address (Back leaves the list rather than undoing a filter).
  const change = useCallback(
    (patch: Record<string, string | undefined>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous)
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key)
            else next.set(key, value)
          }
          return next
        },
        { replace: true }
      ),
    [setParams]
  )
  return {
    ...place,
    // Another filter, search or page size starts the list again: first page, no break selected.
    setFilter: useCallback((patch) => change({ ...filterParams({ ...place.filter, ...patch }), page: undefined, break: undefined }), [change, place.filter]),
    setSearch: useCallback((search) => change({ q: search.trim() || undefined, page: undefined, break: undefined }), [change]),
    setPage: useCallback((page) => change({ page: page > 1 ? String(page) : undefined, break: undefined }), [change]),
    setPageSize: useCallback((size) => change({ size: size === 20 ? undefined : String(size), page: undefined, break: undefined }), [change]),
    select: useCallback((breakId) => change({ break: breakId === null ? undefined : String(breakId) }), [change])
  }
}

/**
 * Saved filter views, kept per user in the database (`views.*`), so they follow the user to any
 * computer and survive the browser host's restarts. A view holds a list's filters as its screen
 * holds them; applying one starts from a blank set of filters, so a filter the view left empty is
 * cleared, not kept from before. Report views saved in this browser before they moved to the
 * database are taken over once, then forgotten here.
 */
import { useEffect, useRef } from 'react'
import type { SavedViewList, ViewFilters } from '../../../../shared/contract/preferences'
import { useApiMutation, useApiQuery } from '../../api/hooks'

/** The filters worth keeping: text, numbers and yes/no (an unset filter is left out). */
export function viewFiltersOf(filters: object): ViewFilters {
  const kept: ViewFilters = {}
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) kept[key] = value
  }
  return kept
}

/** The filters a view gives, over a blank set shaped like `blank` (a key the view lacks keeps the blank's value). */
export function filtersOfView<F extends object>(blank: F, view: ViewFilters): F {
  const applied: Record<string, unknown> = { ...(blank as Record<string, unknown>) }
  for (const [key, value] of Object.entries(view)) {
    if (value === null) continue
    const expected = typeof applied[key]
    // A value of another kind than the blank's (a saved view older than the screen) is left out.
    if (expected === 'undefined' || expected === typeof value) applied[key] = value
  }
  return applied as F
}

/** Views saved in this browser before they were kept in the database (reports only). */
export const localViewsKey = (list: SavedViewList) => (list.startsWith('reports.') ? `paydesk.reportViews.${list.slice('reports.'.length)}` : null)

export function readLocalViews(storage: Pick<Storage, 'getItem'>, key: string): { name: string; filters: ViewFilters }[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return parsed
      .filter((v): v is { name: string; filters: object } => typeof v?.name === 'string' && v.name.trim() !== '' && typeof v.filters === 'object' && v.filters !== null)
      .map((v) => ({ name: v.name.trim().slice(0, 60), filters: viewFiltersOf(v.filters) }))
  } catch {
    return []
  }
}

export function useSavedViews(list: SavedViewList) {
  const views = useApiQuery('views.list', { list }, { staleTime: 60_000 })
  const save = useApiMutation('views.save', { invalidate: ['views.list'] })
  const remove = useApiMutation('views.delete', { invalidate: ['views.list'] })
  const tookOver = useRef(false)

  const stored = views.data?.items
  const { mutateAsync: saveAsync } = save
  useEffect(() => {
    const key = localViewsKey(list)
    if (!stored || !key || tookOver.current) return
    tookOver.current = true
    // A name already kept in the database is the newer view.
    const local = readLocalViews(localStorage, key).filter((v) => !stored.some((s) => s.name === v.name))
    if (local.length === 0) return
    void Promise.all(local.map((view) => saveAsync({ list, ...view }).catch(() => null))).then(() => {
      try {
        localStorage.removeItem(key)
      } catch {
        // Storage unavailable: the views are in the database now either way.
      }
    })
  }, [stored, list, saveAsync])

  return { views: stored ?? [], save, remove }
}

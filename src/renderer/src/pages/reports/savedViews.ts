/**
 * Saved filter views: named sets of a report's filters, kept on this computer in localStorage
 * under `paydesk.reportViews.<report>` (one list per report), newest name last.
 */
import { useState } from 'react'
import type { ReportFilters } from './reportFilters'

export interface SavedView {
  name: string
  filters: ReportFilters
}

export const viewsKey = (report: string) => `paydesk.reportViews.${report}`

function isView(value: unknown): value is SavedView {
  const view = value as SavedView | null
  return typeof view?.name === 'string' && typeof view.filters === 'object' && view.filters !== null
}

export function readViews(storage: Pick<Storage, 'getItem'>, report: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(viewsKey(report)) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isView) : []
  } catch {
    return []
  }
}

/** Saving under a name that exists replaces that view. */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  return [...views.filter((v) => v.name !== view.name), view]
}

export function withoutView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((v) => v.name !== name)
}

/** A report's saved views, read once and written back on every change. */
export function useSavedViews(report: string) {
  const [views, setViews] = useState(() => readViews(localStorage, report))
  const store = (next: SavedView[]) => {
    setViews(next)
    try {
      localStorage.setItem(viewsKey(report), JSON.stringify(next))
    } catch {
      // Storage can be full or unavailable; the views then last for this page only.
    }
  }
  return {
    views,
    save: (view: SavedView) => store(withView(views, view)),
    remove: (name: string) => store(withoutView(views, name))
  }
}

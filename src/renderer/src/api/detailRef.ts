/**
 * A detail page's `:id`: the app's own links carry the internal id; people paste the number they
 * see (`#/orders/P202611220000042`, `#/finance/adjustments/A…`). Digits only is an id; anything
 * else is a number for the host to find (shared/schemas.ts `idOrNo`), within what the user may see.
 */
import { useParams } from 'react-router-dom'

export type DetailRef = { id: number } | { no: string }

export function detailRef(param: string | undefined): DetailRef {
  const text = (param ?? '').trim()
  return /^\d+$/.test(text) ? { id: Number(text) } : { no: text }
}

/** The route's `:id` as a detail read's input. */
export function useDetailRef(): DetailRef {
  return detailRef(useParams().id)
}

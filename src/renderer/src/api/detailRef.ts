/**
 * A detail page's `:id`: the app's own links carry the internal id; people paste the number they
 * see (`#/orders/P202611220000042`, `#/orders/202611220000042`, a waybill's tracking number). How
 * the text is read, id or number, is one rule (shared/schemas.ts `refOfText`); the host finds a
 * number within what the user may see, as it does an id.
 */
import { useEffect, useState } from 'react'
import { useParams } from 'react-router-dom'
import type { InputOf, ProcedureName } from '../../../shared/contract'
import { refOfText } from '../../../shared/schemas'
import { useApiQuery, type ApiQueryOptions } from './hooks'

export type DetailRef = { id: number } | { no: string }

export function detailRef(param: string | undefined): DetailRef {
  return refOfText(param ?? '')
}

/** The detail reads that take an id or a number (shared/schemas.ts `idOrNo`). */
export type DetailRead = { [N in ProcedureName]: { no: string } extends InputOf<N> ? ({ id: number } extends InputOf<N> ? N : never) : never }[ProcedureName]

/**
 * The row `text` names: read as `refOfText` says; digits read as an id that no row the user may
 * see has are then tried as the number (a tracking number of digits only). Never the other way
 * round: the id wins, so a link the app made opens its own row (see `refOfText`).
 */
export function useRefQuery<N extends DetailRead>(name: N, text: string, options?: ApiQueryOptions<N>) {
  const first = refOfText(text)
  const typed = text.trim()
  const [noSuchId, setNoSuchId] = useState<string | null>(null)
  const asId = 'id' in first && noSuchId !== typed
  const byId = useApiQuery(name, first as InputOf<N>, { ...options, enabled: asId && options?.enabled !== false })
  const missing = asId && byId.error?.code === 'not_found'
  useEffect(() => {
    if (missing) setNoSuchId(typed)
  }, [missing, typed])
  const byNo = useApiQuery(name, { no: typed } as InputOf<N>, { ...options, enabled: !asId && options?.enabled !== false })
  return asId && !missing ? byId : byNo
}

/** The route's `:id` (or another parameter) as a detail read. */
export function useDetailQuery<N extends DetailRead>(name: N, options?: ApiQueryOptions<N>, param = 'id') {
  return useRefQuery(name, useParams()[param] ?? '', options)
}

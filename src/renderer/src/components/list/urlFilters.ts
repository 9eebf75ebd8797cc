/**
 * A list's filters given in its address (`#/orders?status=unknown&direction=payout`), so a link
 * (Home's attention list) opens the list already filtered. Only the listed keys, and only values
 * the filter offers, are taken; anything else in the address is ignored, never sent to the host.
 */
import { useSearchParams } from 'react-router-dom'

type Allowed = Record<string, readonly string[]>
type Picked<A extends Allowed> = { [K in keyof A]?: A[K][number] }

export function filtersFromUrl<const A extends Allowed>(params: URLSearchParams, allowed: A): Picked<A> {
  const picked: Record<string, string> = {}
  for (const [key, values] of Object.entries(allowed)) {
    const value = params.get(key)
    if (value !== null && values.includes(value)) picked[key] = value
  }
  return picked as Picked<A>
}

/** The filters of the page's address, read when the page opens (the list's own state takes over from there). */
export function useUrlFilters<const A extends Allowed>(allowed: A): Picked<A> {
  const [params] = useSearchParams()
  return filtersFromUrl(params, allowed)
}

/**
 * A detail read names its subject by id or by the number people see (shared/schemas.ts `idOrNo`).
 * The number is only turned into the id here; the caller then loads the row by id, so the tenant
 * and merchant-scope checks are the very ones an id goes through.
 */
import { AppError } from './errors'

export interface IdOrNo {
  id?: number
  no?: string
}

/**
 * The forms a number may be stored under. A number shown with a letter in front (`D`/`P` orders,
 * `W` withdrawals, `A` adjustments, then the 15-digit transaction number) is also pasted as its
 * digits alone (the order page's transaction no., a report's transaction ID): digits only are
 * looked up with each of the kind's `prefixes` too. A kind whose numbers have no such form
 * (refunds, disputes: `R…-1`) passes none.
 */
export function numberForms(no: string, prefixes: readonly string[] = []): string[] {
  return /^\d+$/.test(no) ? [no, ...prefixes.map((p) => `${p}${no}`)] : [no]
}

/**
 * The id asked for, or the one of the row with that number (`byNo`, within the caller's tenant).
 * No such number: refused as not found, like an id that does not exist or may not be seen.
 */
export function idOf(ref: IdOrNo, byNo: (no: string) => { id: number } | undefined, refusal: (no: string) => AppError): number {
  if (ref.no === undefined) return ref.id!
  const found = byNo(ref.no)
  if (!found) throw refusal(ref.no)
  return found.id
}

/**
 * The row named by `ref`, loaded by id through `load` (which refuses what the user may not see).
 * Asked by number, a refusal names the number asked, never the id found: a row of another merchant
 * reads as a number that does not exist, and its internal id is not told.
 */
export function rowOf<T>(ref: IdOrNo, byNo: (no: string) => { id: number } | undefined, refusal: (no: string) => AppError, load: (id: number) => T): T {
  const id = idOf(ref, byNo, refusal)
  if (ref.no === undefined) return load(id)
  try {
    return load(id)
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') throw refusal(ref.no)
    throw error
  }
}

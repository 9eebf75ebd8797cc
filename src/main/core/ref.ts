/**
 * A detail read names its subject by id or by the number people see (shared/schemas.ts `idOrNo`).
 * The number is only turned into the id here; the caller then loads the row by id, so the tenant
 * and merchant-scope checks are the very ones an id goes through.
 */
import type { AppError } from './errors'

export interface IdOrNo {
  id?: number
  no?: string
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

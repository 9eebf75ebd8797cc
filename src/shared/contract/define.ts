/**
 * How a procedure is declared: a name, zod input and output, the permission it needs and one
 * line of doc. Imports nothing but zod and the permission catalog, so both hosts, the preload's
 * allow-list and the renderer's client derive from the same objects.
 */
import type { z } from 'zod'
import type { PermissionCode } from '../permissions'

/**
 * - a permission code: the signed-in user must hold it;
 * - an array of codes: any one of them (the procedure then narrows by scope itself);
 * - `'signedIn'`: any signed-in user;
 * - `'public'`: no session needed (first run, sign-in).
 */
export type Access = PermissionCode | readonly PermissionCode[] | 'signedIn' | 'public'

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  access: Access
  /** Writes are audited in the same transaction; reads are cached by the renderer. */
  kind: 'query' | 'mutation'
  doc: string
  /** HTTP only: a larger request body than the host's default (uploads). */
  maxBodyBytes?: number
  /**
   * Top-level input fields holding a file's own text, read and answered about but never stored,
   * logged or signed: the registry leaves control characters in them to the file's reader.
   */
  fileFields?: readonly string[]
}

export function query<I extends z.ZodType, O extends z.ZodType>(def: Omit<ProcedureDef<I, O>, 'kind'>): ProcedureDef<I, O> {
  return { ...def, kind: 'query' }
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(
  def: Omit<ProcedureDef<I, O>, 'kind'>
): ProcedureDef<I, O> {
  return { ...def, kind: 'mutation' }
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/** Merges domain contracts, refusing a procedure name declared twice. */
export function mergeContracts<T extends Record<string, ProcedureDef>[]>(...parts: T): UnionToIntersection<T[number]> {
  const merged: Record<string, ProcedureDef> = {}
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (name in merged) throw new Error(`Procedure ${name} is declared twice in the contract`)
      merged[name] = def
    }
  }
  return merged as UnionToIntersection<T[number]>
}

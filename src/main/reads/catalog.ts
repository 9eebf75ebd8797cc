/**
 * Off-thread reads by name. A domain declares its reads as plain functions of one connection (its
 * `reads.ts`: the reports, the orders and outbox lists, the audit log); the composition root
 * assembles them into one catalog that the worker threads and the in-process pool run. Procedures
 * name a read by its handle, which carries its filter and result types, so the port that runs
 * them (core/ports.ts) knows no domain.
 */
import type Database from 'better-sqlite3'
import type { PageRequest, ReadSource } from './page'

/** A pure read of one connection, given where it reads, its (already scoped) filters and the page. */
export type ReadFn<F, R> = (src: ReadSource, filters: F, request: PageRequest) => R

export type ReadCatalog = Record<string, ReadFn<never, unknown>>

/** A read as a procedure names it: its name in the catalog, carrying its filter and result types. */
export interface OffThreadRead<F, R> {
  readonly name: string
  /** Types only: never set. */
  readonly types?: { filters: F; result: R }
}

export type ReadHandles<C> = { [K in keyof C & string]: C[K] extends ReadFn<infer F, infer R> ? OffThreadRead<F, R> : never }

/** The handles of a domain's reads, by name. */
export function readHandles<C extends ReadCatalog>(catalog: C): ReadHandles<C> {
  return Object.fromEntries(Object.keys(catalog).map((name) => [name, { name }])) as ReadHandles<C>
}

/** Where a read happens, minus the connection: the pool supplies its own. */
export type ReadScope = Omit<ReadSource, 'sqlite'>

/**
 * One read on one connection, inside one read transaction: the count, the totals and the page
 * come from the same snapshot even while the ledger keeps posting.
 */
export function runRead<F, R>(sqlite: Database.Database, catalog: ReadCatalog, handle: OffThreadRead<F, R>, scope: ReadScope, filters: F, request: PageRequest): R {
  const read = catalog[handle.name] as ReadFn<F, R> | undefined
  if (!read) throw new Error(`No off-thread read is named ${handle.name}`)
  return sqlite.transaction(() => read({ ...scope, sqlite }, filters, request)).deferred()
}

/**
 * Queries prepared once per database handle. Every call through the registry reads the session,
 * the tenant's limits and zone, and the user's permissions: built with drizzle's query builder
 * each time, those four reads cost more than the rest of a small call (≈ 230 KB of garbage and
 * half a millisecond, profiled on report calls). A handle kept for the process's life (the core's
 * `db`) prepares them once; a transaction's handle prepares them once for that transaction.
 */
import type { Db } from './open'
import type { Tx } from './transaction'

export function preparedQueries<Q>(prepare: (db: Db | Tx) => Q): (db: Db | Tx) => Q {
  const prepared = new WeakMap<Db | Tx, Q>()
  return (db) => {
    let queries = prepared.get(db)
    if (!queries) prepared.set(db, (queries = prepare(db)))
    return queries
  }
}

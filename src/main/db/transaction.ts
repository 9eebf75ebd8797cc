/**
 * Every write goes through `transact`. It refuses async functions before running anything:
 * drizzle's better-sqlite3 driver would roll back the part before the first `await` and commit
 * the part after it on its own, which is how a debit disappears while its credit stays.
 * The ESLint rule `no-restricted-syntax` (eslint.config.mjs) catches the same mistake statically.
 */
import type { Db } from './open'

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

export class AsyncTransactionError extends Error {
  constructor() {
    super('An async function was passed to a transaction; transactions must be synchronous.')
  }
}

export function transact<T>(db: Db, work: (tx: Tx) => T, behavior: 'deferred' | 'immediate' = 'immediate'): T {
  if (work.constructor.name === 'AsyncFunction') throw new AsyncTransactionError()
  return db.transaction((tx) => {
    const result = work(tx)
    if (result instanceof Promise) {
      // A function returning a promise without `async`: the same hazard, caught after the fact.
      throw new AsyncTransactionError()
    }
    return result
  }, { behavior })
}

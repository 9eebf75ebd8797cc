/**
 * Every write goes through `transact`. It refuses async functions before running anything:
 * drizzle's better-sqlite3 driver would roll back the part before the first `await` and commit
 * the part after it on its own, which is how a debit disappears while its credit stays.
 * The ESLint rule `no-restricted-syntax` (eslint.config.mjs) catches the same mistake statically.
 */
import type Database from 'better-sqlite3'
import type { Db } from './open'
import { waitingForTheLock } from './write-turns'

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

export class AsyncTransactionError extends Error {
  constructor() {
    super('An async function was passed to a transaction; transactions must be synchronous.')
  }
}

export function transact<T>(db: Db, work: (tx: Tx) => T, behavior: 'deferred' | 'immediate' = 'immediate'): T {
  if (work.constructor.name === 'AsyncFunction') throw new AsyncTransactionError()
  const checked = (tx: Tx) => {
    const result = work(tx)
    if (result instanceof Promise) {
      // A function returning a promise without `async`: the same hazard, caught after the fact.
      throw new AsyncTransactionError()
    }
    return result
  }
  if (behavior === 'deferred') return db.transaction(checked, { behavior })
  return withWriteLock(db.$client, (began) =>
    db.transaction((tx) => {
      began()
      return checked(tx)
    }, { behavior })
  )
}

/** A millisecond's sleep of this thread (SQLite's own busy handler sleeps the same way). */
const sleeper = new Int32Array(new SharedArrayBuffer(4))
const POLL_MS = 1

const busyTimeouts = new WeakMap<Database.Database, { get: Database.Statement; none: Database.Statement; restore: Map<number, Database.Statement> }>()

/**
 * Runs `begin` — a transaction that starts `BEGIN IMMEDIATE` and calls `began()` first thing inside
 * — waiting for another connection's write lock in steps of a millisecond, up to the connection's
 * busy timeout. SQLite's own busy handler sleeps 1, 2, 5, 10, 15… ms between tries, so a write
 * that came while a reconciliation job held the lock for 9 ms waited 18 ms, on the thread that
 * serves the window; and the job wrote on, taking the lock again as soon as it let go. Once the
 * lock is found taken, the job threads give way until this write is done (write-turns.ts). Only
 * the `BEGIN` is retried: nothing of the work has run then. Inside a transaction already, `begin`
 * runs as it is (a savepoint needs no lock of its own).
 */
export function withWriteLock<T>(sqlite: Database.Database, begin: (began: () => void) => T): T {
  if (sqlite.inTransaction) return begin(() => {})
  let held = busyTimeouts.get(sqlite)
  if (!held) busyTimeouts.set(sqlite, (held = { get: sqlite.prepare('pragma busy_timeout').pluck(), none: sqlite.prepare('pragma busy_timeout = 0'), restore: new Map() }))
  const timeoutMs = held.get.get() as number
  if (timeoutMs === 0) return begin(() => {})
  let restoring = held.restore.get(timeoutMs)
  if (!restoring) held.restore.set(timeoutMs, (restoring = sqlite.prepare(`pragma busy_timeout = ${Math.trunc(timeoutMs)}`)))
  const restore = () => restoring.run()
  const deadline = performance.now() + timeoutMs
  // Once the lock was found taken, job threads give way until this write is done (write-turns.ts).
  let waiting: (() => void) | null = null
  try {
    for (;;) {
      let started = false
      held.none.run()
      try {
        return begin(() => {
          started = true
          restore()
        })
      } catch (error) {
        if (started || (error as { code?: string }).code !== 'SQLITE_BUSY' || performance.now() >= deadline) throw error
      } finally {
        if (!started) restore()
      }
      waiting ??= waitingForTheLock()
      Atomics.wait(sleeper, 0, 0, POLL_MS)
    }
  } finally {
    waiting?.()
  }
}

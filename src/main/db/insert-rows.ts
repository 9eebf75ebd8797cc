/**
 * Many rows into one table, several to an INSERT statement: a million one-row inserts spent about
 * a third of their time crossing into SQLite (binding, stepping, resetting). The values go straight
 * into one reused array of parameters (a row's own array, or a slice of rows flattened, made as much
 * garbage again as the rows).
 */
import type Database from 'better-sqlite3'

/**
 * Rows per write transaction of a job in a worker thread (a statement's lines, a run's matches):
 * the main thread's own writes (an audit, a callback, a session's last-seen time) wait, its event
 * loop held, while a batch holds the write lock (at most one batch: db/write-turns.ts). 500 rows
 * hold it a few milliseconds; 2,000 held it up to 25 ms on a busy machine.
 */
export const JOB_WRITE_BATCH = 500

/** Rows per statement (SQLite allows 32,766 values to one: 50 rows of up to 18 columns is far below). */
export const ROWS_PER_INSERT = 50

export interface RowsInserter {
  /** One row's values after the fixed ones, in the columns' order; written once `ROWS_PER_INSERT` are held. */
  add(values: ArrayLike<unknown>): void
  /** Writes the rows still held; answers how many rows were inserted since the last `flush`. */
  flush(): number
}

/**
 * `head` is `insert into t (a, b, …)` with `columns` columns, `tail` what follows the values (an
 * `on conflict … do nothing` makes some rows not inserted: `flush` counts those that were), and
 * `fixed` the values every row starts with (its statement, its run). Call it inside the caller's
 * transaction.
 */
export function rowsInserter(sqlite: Database.Database, head: string, columns: number, tail = '', fixed: readonly unknown[] = []): RowsInserter {
  const row = `(${Array(columns).fill('?').join(', ')})`
  const one = sqlite.prepare(`${head} values ${row} ${tail}`)
  const many = sqlite.prepare(`${head} values ${Array(ROWS_PER_INSERT).fill(row).join(', ')} ${tail}`)
  // Packed (filled), so V8 stores into it without checking for holes.
  const params = new Array<unknown>(ROWS_PER_INSERT * columns).fill(null)
  const own = columns - fixed.length
  let held = 0
  let inserted = 0
  return {
    add(values) {
      if (values.length !== own) throw new Error(`${head}: ${fixed.length} + ${values.length} values for ${columns} columns`)
      let at = held * columns
      for (let c = 0; c < fixed.length; c++) params[at++] = fixed[c]
      for (let c = 0; c < own; c++) params[at++] = values[c]
      held++
      if (held === ROWS_PER_INSERT) {
        inserted += many.run(params).changes
        held = 0
      }
    },
    flush() {
      for (let r = 0; r < held; r++) inserted += one.run(params.slice(r * columns, (r + 1) * columns)).changes
      held = 0
      const count = inserted
      inserted = 0
      return count
    }
  }
}

/**
 * What every worker thread of the main process shares (the read pool's, an export job's): its own
 * read-only connection to the database file (WAL: it reads while the main thread writes), and an
 * error carried back to the main thread as a value (an Error does not survive postMessage whole).
 * An in-memory database exists in its own connection only: no other thread can open it, so there
 * (tests, tools) the work runs on the caller's connection instead.
 */
import Database from 'better-sqlite3'

export interface ThreadDatabase {
  dbPath: string
  nativeBinding?: string
  busyTimeoutMs: number
}

export const isInMemory = (dbPath: string) => dbPath === ':memory:' || dbPath === ''

export function openReadOnly(config: ThreadDatabase): Database.Database {
  const sqlite = new Database(config.dbPath, { readonly: true, fileMustExist: true, ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) })
  sqlite.pragma(`busy_timeout = ${Math.trunc(config.busyTimeoutMs)}`)
  return sqlite
}

export interface SerializedError {
  name: string
  message: string
  stack?: string
}

export function serializeError(error: unknown): SerializedError {
  const e = error instanceof Error ? error : new Error(String(error))
  return { name: e.name, message: e.message, stack: e.stack }
}

/** The error again on the main thread, its stack saying which thread threw it. */
export function threadError(error: SerializedError, where: string): Error {
  return Object.assign(new Error(error.message), { name: error.name, stack: `${error.name}: ${error.message} (in the ${where})\n${error.stack ?? ''}` })
}

/**
 * The one way to open PayDesk's database. Nothing opens a database at import time: hosts and
 * tests call `openDatabase` and get a ready handle with the migrations applied.
 */
import { closeSync, existsSync, openSync } from 'node:fs'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema/index'
import { assertAppliedMigrationsUnchanged, findMigrationsFolder } from './migrations'
import { keepPrivate, PRIVATE_FILE_MODE } from '../paths'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export interface OpenDatabaseOptions {
  /** A file path, or `:memory:` for tests. */
  path: string
  migrationsFolder?: string
  /** A better-sqlite3 `.node` build for another ABI (the desktop app's Electron build). */
  nativeBinding?: string
  busyTimeoutMs?: number
  /**
   * Leave WAL checkpoints to the host's maintenance loop instead of the commit that crosses the
   * threshold: an acknowledged posting then never waits for a checkpoint's fsync. Whoever sets
   * this must checkpoint (`checkpoint`), as the order engine's loop does.
   */
  checkpointInBackground?: boolean
}

/**
 * The database file, readable by its owner only (0600) before SQLite opens it: SQLite creates the
 * `-wal` and `-shm` files with the main file's mode, so they are private too. A new file is
 * created here with that mode; an existing one with a looser mode (an older PayDesk, a restored
 * copy) is tightened, and so are a WAL and a shared-memory file left from its last run.
 */
function privateDatabaseFile(path: string): void {
  if (path === ':memory:' || path === '' || process.platform === 'win32') return
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE))
  for (const file of [path, `${path}-wal`, `${path}-shm`]) keepPrivate(file, PRIVATE_FILE_MODE)
}

export function openDatabase(options: OpenDatabaseOptions): Db {
  privateDatabaseFile(options.path)
  const sqlite = new Database(options.path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    // WAL for concurrent readers; FULL so an acknowledged posting survives a power cut.
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    if (options.checkpointInBackground) sqlite.pragma('wal_autocheckpoint = 0')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`)
    const db = drizzle(sqlite, { schema }) as Db
    const migrationsFolder = options.migrationsFolder ?? findMigrationsFolder()
    assertAppliedMigrationsUnchanged(sqlite, migrationsFolder)
    migrate(db, { migrationsFolder })
    return db
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/** Copies the WAL into the database without blocking writers (PASSIVE); cheap when there is nothing to do. */
export function checkpoint(db: Db): void {
  db.$client.pragma('wal_checkpoint(PASSIVE)')
}

/**
 * A second connection that writes, for a worker thread of the main process (a statement import,
 * a reconciliation run): the database is already open and migrated by the main thread. It writes
 * in small transactions (`jobTransaction`), so the main thread's writes wait at most one of them (write-turns.ts).
 * FULL here too, for the main thread's sake: each commit flushes its own pages of the WAL. Under
 * NORMAL a job's writes stayed in the operating system's cache, and the main thread's next commit
 * (FULL: an fsync of the whole WAL file) flushed them: up to 35 ms of a job's pages at once on this
 * machine's disk, against 8 ms with the job flushing its own, at no cost to the job's time.
 */
export function openWorkerWriter(options: { path: string; nativeBinding?: string; busyTimeoutMs?: number }): Database.Database {
  const sqlite = new Database(options.path, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`)
  return sqlite
}

/**
 * A backup's worker thread (built as out/main/backup-worker.js; started by service.ts): its own
 * read-only connection to the live database copies every page in one step of SQLite's online
 * backup, so the copy is the snapshot of one read transaction while the main connection goes on
 * writing (WAL lets it), and the copy's final write and fsync, which take seconds on a large
 * database, hold this thread rather than the window's.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { runInBackground } from '../core/background-thread'
import { makeSelfContained } from './copy'

const data = workerData as { dbPath: string; nativeBinding?: string; target: string }
const port = parentPort
if (!port) throw new Error('safety/backup-worker.ts runs as a worker thread')

/** The most pages better-sqlite3 takes in one step: the whole database at once. */
const ALL_PAGES = 0x7fffffff

async function main(): Promise<void> {
  runInBackground()
  const source = new Database(data.dbPath, { readonly: true, fileMustExist: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) })
  try {
    // In steps, each would see the main connection's writes since the last and start over.
    await source.backup(data.target, { progress: () => ALL_PAGES })
  } finally {
    source.close()
  }
  makeSelfContained(data.target, data.nativeBinding)
  port!.postMessage({ type: 'done' })
}

main().catch((error: unknown) => port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }))

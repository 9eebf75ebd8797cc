/**
 * A reconciliation job's worker thread (built as out/main/recon-worker.js; started by jobs.ts): a
 * connection of its own that writes in small transactions, the task, its progress, and a stop
 * when the main thread asks.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openWorkerWriter } from '../db/open'
import { failureOf, performTask, type ReconTask, type WorkerMessage } from './jobs'

const data = workerData as { dbPath: string; nativeBinding?: string; task: ReconTask }
const port = parentPort
if (!port) throw new Error('recon/worker.ts runs as a worker thread')
const controller = new AbortController()
port.on('message', (message) => {
  if (message === 'cancel') controller.abort()
})

async function main(): Promise<void> {
  const sqlite = openWorkerWriter({ path: data.dbPath, nativeBinding: data.nativeBinding })
  // A million-line import or run writes hundreds of MiB into indexes: a page cache that keeps
  // their pages (SQLite's default is 2 MiB), and a checkpoint every 40 MiB of WAL instead of every
  // 4 MiB (each waits for the disk twice). Measured on the benchmark's million-line import: a
  // quarter of its time.
  sqlite.pragma('cache_size = -65536')
  sqlite.pragma('wal_autocheckpoint = 10000')
  let last = 0
  try {
    const result = await performTask(sqlite, data.task, controller.signal, (done, total) => {
      // At most a few progress messages a second.
      if (Date.now() - last < 100) return
      last = Date.now()
      port!.postMessage({ type: 'progress', done, total } satisfies WorkerMessage)
    })
    port!.postMessage({ type: 'done', result } satisfies WorkerMessage)
  } finally {
    sqlite.close()
  }
}

main()
  .catch((error: unknown) => port.postMessage({ type: 'failed', error: failureOf(error) } satisfies WorkerMessage))
  .finally(() => port.close())

/**
 * A reconciliation job's worker thread (built as out/main/recon-worker.js; started by jobs.ts): a
 * connection of its own that writes in small transactions, the task, its progress, and a stop
 * when the main thread asks. The same entry reads a large statement file for an import's thread
 * (task `read_lines`, started by read-lines.ts), with no database.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runInBackground } from '../core/background-thread'
import { openWorkerWriter } from '../db/open'
import { useWriteTurns } from '../db/write-turns'
import { failureOf, performTask, type ReconTask, type WorkerMessage } from './jobs'
import { serveReadLines, type ReadLinesInput } from './read-lines'

const data = workerData as { dbPath: string; nativeBinding?: string; task: ReconTask; writeTurns?: SharedArrayBuffer } | { task: { kind: 'read_lines'; input: ReadLinesInput } }
const port = parentPort
if (!port) throw new Error('recon/worker.ts runs as a worker thread')
const controller = new AbortController()
port.on('message', (message) => {
  if (message === 'cancel') controller.abort()
})

/**
 * Statement files this large (as uploaded: a zip counts by its own size) are read in a thread of
 * their own while the job's thread writes their lines; below it a second thread costs more than it
 * saves (it starts in tens of milliseconds).
 */
const READ_IN_THREAD_FROM = 1024 * 1024

async function main(): Promise<void> {
  runInBackground()
  if (data.task.kind === 'read_lines') return serveReadLines(port!, data.task.input)
  const { dbPath, nativeBinding, task, writeTurns } = data as { dbPath: string; nativeBinding?: string; task: ReconTask; writeTurns?: SharedArrayBuffer }
  useWriteTurns(writeTurns)
  const sqlite = openWorkerWriter({ path: dbPath, nativeBinding })
  // A million-line import writes hundreds of MiB into indexes: a page cache that keeps their pages
  // (SQLite's default is 2 MiB), and a checkpoint every 40 MiB of WAL instead of every 4 MiB (each
  // waits for the disk twice). Measured on the benchmark's million-line import: a quarter of its
  // time. A run reads by index probes and appends its results: 8 MiB served it as fast (the
  // operating system's cache holds the rest), and its memory is the run's peak.
  sqlite.pragma(task.kind === 'run' ? 'cache_size = -8192' : 'cache_size = -65536')
  sqlite.pragma('wal_autocheckpoint = 10000')
  let last = 0
  try {
    const progress = (done: number, total: number) => {
      // At most a few progress messages a second.
      if (Date.now() - last < 100) return
      last = Date.now()
      port!.postMessage({ type: 'progress', done, total } satisfies WorkerMessage)
    }
    const result = await performTask(sqlite, task, controller.signal, progress, { readInThreadFrom: READ_IN_THREAD_FROM })
    port!.postMessage({ type: 'done', result } satisfies WorkerMessage)
  } finally {
    sqlite.close()
  }
}

main()
  .catch((error: unknown) => port.postMessage({ type: 'failed', error: failureOf(error) } satisfies WorkerMessage))
  .finally(() => port.close())

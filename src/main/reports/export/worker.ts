/**
 * An export job's worker thread (built as out/main/export-worker.js; started by jobs.ts). It opens
 * its own read-only connection to the database file (WAL: it reads while the main thread writes),
 * counts the filtered set, then reads, formats and writes the whole file, or one of its two parts
 * (a large CSV export: see jobs.ts). The main thread only started it: it follows the rows written
 * and asks for a stop through shared memory (`state`), so neither side waits on the other between
 * batches.
 *
 * Nothing here checks access: the procedure has checked the permission and applied the merchant
 * scope to the filters before the job was started.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runInBackground } from '../../core/background-thread'
import { openReadOnly, serializeError, type SerializedError, type ThreadDatabase } from '../../reads/thread'
import type { EntryKey } from '../account-details'
import type { ReadScope } from '../../reads/catalog'
import { exportToFile, type ExportRequest } from './write'

export interface ExportWorkerData extends ThreadDatabase {
  /** The file to write (the main thread deletes it if the job does not finish). */
  file: string
  request: ExportRequest
  scope: ReadScope
  batchSize: number
  pauseMs?: number
  /** Int32 slots shared with the main thread: see EXPORT_STATE. */
  state: SharedArrayBuffer
  /** A job's first part: cut the export in two from this many rows on (see exportToFile). */
  splitFromRows?: number
  /** A job's second part: its rows from this key down (see exportToFile). */
  part?: { from: EntryKey }
}

export type ExportWorkerMessage =
  | { type: 'counted'; totalRows: number }
  | { type: 'split'; from: EntryKey }
  | { type: 'ended'; rows: number; cancelled: boolean }
  | { type: 'failed'; error: SerializedError }

const data = workerData as ExportWorkerData
const port = parentPort
if (!port) throw new Error('reports/export/worker.ts runs as a worker thread')
const state = new Int32Array(data.state)

async function run(): Promise<void> {
  runInBackground()
  const sqlite = openReadOnly(data)
  try {
    const outcome = await exportToFile({ ...data.scope, sqlite }, data.request, data.file, {
      batchSize: data.batchSize,
      pauseMs: data.pauseMs,
      state,
      onCounted: (totalRows) => port!.postMessage({ type: 'counted', totalRows } satisfies ExportWorkerMessage),
      split: data.splitFromRows === undefined ? undefined : { fromRows: data.splitFromRows, onSplit: (from) => port!.postMessage({ type: 'split', from } satisfies ExportWorkerMessage) },
      part: data.part
    })
    port!.postMessage({ type: 'ended', rows: outcome.rows, cancelled: outcome.cancelled } satisfies ExportWorkerMessage)
  } finally {
    sqlite.close()
  }
}

run().catch((error: unknown) => port.postMessage({ type: 'failed', error: serializeError(error) } satisfies ExportWorkerMessage))

/**
 * A report worker thread (built as out/main/report-worker.js; see reports/reader.ts). It opens its
 * own read-only connection to the database file (WAL lets it read while the main thread writes)
 * and answers one report read per message. Nothing here checks access: the registry has done that
 * on the main thread before the read is sent, and checks the answer when it comes back.
 *
 * It also runs the WAL checkpoints the order engine's loop asks for (a checkpoint copies committed
 * pages into the database file and waits for the disk: tens of ms after a burst of writes, too long
 * for the main thread). A read-only connection cannot checkpoint, so the first request opens a
 * second connection that only ever runs PASSIVE checkpoints: they never block the main thread's
 * writer nor any reader, and never write a row.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { runReport, type ReportName, type ReportScope } from './catalog'
import type { PageRequest } from './page'

export interface WorkerConfig {
  dbPath: string
  nativeBinding?: string
  busyTimeoutMs: number
}

export interface ReadRequest {
  id: number
  kind?: 'read'
  name: ReportName
  scope: ReportScope
  filters: never
  request: PageRequest
}

export interface CheckpointRequest {
  id: number
  kind: 'checkpoint'
}

export type WorkerRequest = ReadRequest | CheckpointRequest

export type ReadAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { name: string; message: string; stack?: string } }

const config = workerData as WorkerConfig
const port = parentPort
if (!port) throw new Error('reports/worker.ts runs as a worker thread')

const binding = config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}
const sqlite = new Database(config.dbPath, { readonly: true, fileMustExist: true, ...binding })
sqlite.pragma(`busy_timeout = ${Math.trunc(config.busyTimeoutMs)}`)
let checkpointer: Database.Database | null = null

function checkpoint(): unknown {
  if (!checkpointer) {
    checkpointer = new Database(config.dbPath, { fileMustExist: true, ...binding })
    checkpointer.pragma(`busy_timeout = ${Math.trunc(config.busyTimeoutMs)}`)
  }
  return checkpointer.pragma('wal_checkpoint(PASSIVE)')
}

port.on('message', (message: WorkerRequest | 'close') => {
  if (message === 'close') {
    sqlite.close()
    checkpointer?.close()
    port.close()
    return
  }
  let answer: ReadAnswer
  try {
    const result = message.kind === 'checkpoint' ? checkpoint() : runReport(sqlite, message.name, message.scope, message.filters, message.request)
    answer = { id: message.id, ok: true, result }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error))
    answer = { id: message.id, ok: false, error: { name: e.name, message: e.message, stack: e.stack } }
  }
  port.postMessage(answer)
})

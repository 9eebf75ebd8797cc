/**
 * A report worker thread (built as out/main/report-worker.js; see reports/reader.ts). It opens its
 * own read-only connection to the database file (WAL lets it read while the main thread writes)
 * and answers one report read per message. Nothing here checks access: the registry has done that
 * on the main thread before the read is sent, and checks the answer when it comes back.
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
  name: ReportName
  scope: ReportScope
  filters: never
  request: PageRequest
}

export type ReadAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { name: string; message: string; stack?: string } }

const config = workerData as WorkerConfig
const port = parentPort
if (!port) throw new Error('reports/worker.ts runs as a worker thread')

const sqlite = new Database(config.dbPath, { readonly: true, fileMustExist: true, ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) })
sqlite.pragma(`busy_timeout = ${Math.trunc(config.busyTimeoutMs)}`)

port.on('message', (message: ReadRequest | 'close') => {
  if (message === 'close') {
    sqlite.close()
    port.close()
    return
  }
  let answer: ReadAnswer
  try {
    answer = { id: message.id, ok: true, result: runReport(sqlite, message.name, message.scope, message.filters, message.request) }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error))
    answer = { id: message.id, ok: false, error: { name: e.name, message: e.message, stack: e.stack } }
  }
  port.postMessage(answer)
})

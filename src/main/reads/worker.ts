/**
 * The read pool's worker thread: the loop that answers one read per message on its own read-only
 * connection. The thread's entry (app/read-worker.ts) hands it the catalog of reads. Nothing here
 * checks access: the registry has done that on the main thread before the read is sent, and
 * checks the answer when it comes back.
 *
 * It also runs the WAL checkpoints the job loop asks for (a checkpoint copies committed pages into
 * the database file and waits for the disk: tens of ms after a burst of writes, too long for the
 * main thread). A read-only connection cannot checkpoint, so the first request opens a second
 * connection that only ever runs PASSIVE checkpoints: they never block the main thread's writer
 * nor any reader, and never write a row.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { runRead, type ReadCatalog, type ReadScope } from './catalog'
import type { PageRequest } from './page'
import { openReadOnly, serializeError, type SerializedError, type ThreadDatabase } from './thread'

export interface ReadRequest {
  id: number
  kind?: 'read'
  name: string
  scope: ReadScope
  filters: unknown
  request: PageRequest
}

export interface CheckpointRequest {
  id: number
  kind: 'checkpoint'
}

export type WorkerRequest = ReadRequest | CheckpointRequest

export type ReadAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError }

export function serveReads(catalog: ReadCatalog): void {
  const config = workerData as ThreadDatabase
  const port = parentPort
  if (!port) throw new Error('the read worker runs as a worker thread')
  const sqlite = openReadOnly(config)
  let checkpointer: Database.Database | null = null

  function checkpoint(): unknown {
    if (!checkpointer) {
      checkpointer = new Database(config.dbPath, { fileMustExist: true, ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) })
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
      const result = message.kind === 'checkpoint' ? checkpoint() : runRead(sqlite, catalog, { name: message.name }, message.scope, message.filters, message.request)
      answer = { id: message.id, ok: true, result }
    } catch (error) {
      answer = { id: message.id, ok: false, error: serializeError(error) }
    }
    port.postMessage(answer)
  })
}

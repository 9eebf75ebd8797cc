/**
 * Where off-thread reads run (the reports, the orders, outbox and audit lists: reads that can scan
 * many index entries). On a database file they go to a small pool of worker threads, each with its
 * own read-only connection (WAL: readers never wait for the writer, nor it for them). The main
 * thread, which serves the window's IPC and the HTTP host, only checks the call and the answer.
 * On an in-memory database (tests, tools) they run on the caller's connection (reads/thread.ts).
 *
 * The worker's code is its own build entry (`read-worker`, electron.vite.config.ts: app/read-worker.ts
 * with the assembled catalog), found beside the bundle that loads this module (worker-entry.ts).
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'
import { runRead, type OffThreadRead, type ReadCatalog, type ReadScope } from './catalog'
import type { PageRequest } from './page'
import { isInMemory, threadError, type ThreadDatabase } from './thread'
import type { ReadAnswer, WorkerRequest } from './worker'
import { workerEntry } from './worker-entry'

export interface ReadPool {
  /** 'workers' on a database file, 'inline' on an in-memory database. */
  readonly mode: 'workers' | 'inline'
  read<F, R>(read: OffThreadRead<F, R>, scope: ReadScope, filters: F, request: PageRequest): Promise<R>
  /**
   * A PASSIVE WAL checkpoint of the database file, run in a worker thread (on the caller's connection
   * when inline): the job loop asks for one every few seconds.
   */
  checkpoint(): Promise<void>
  /** How many requests (reads and checkpoints) each worker thread has answered, by thread id (empty when inline). */
  served(): ReadonlyMap<number, number>
  close(): Promise<void>
}

export interface ReadPoolOptions {
  dbPath: string
  /** The connection of the caller: used for an in-memory database. */
  sqlite: Database.Database
  nativeBinding?: string
  /** Every read by name (app/reads.ts): the inline pool runs it here, the worker threads their own copy. */
  catalog: ReadCatalog
  /** The worker thread's build entry and, for a run from source, its .ts file (app/read-worker.ts). */
  worker: { entry: string; source: string }
  /** Worker threads (all started on the first read). Default: 2, or 1 on a single core. */
  size?: number
  busyTimeoutMs?: number
}

export function createReadPool(options: ReadPoolOptions): ReadPool {
  if (isInMemory(options.dbPath)) return inlinePool(options.sqlite, options.catalog)
  const config = { dbPath: options.dbPath, nativeBinding: options.nativeBinding, busyTimeoutMs: options.busyTimeoutMs ?? 5000 }
  return workerPool(config, options.worker, options.size ?? Math.min(2, availableParallelism()))
}

function inlinePool(sqlite: Database.Database, catalog: ReadCatalog): ReadPool {
  return {
    mode: 'inline',
    read: async <F, R>(read: OffThreadRead<F, R>, scope: ReadScope, filters: F, request: PageRequest) => runRead(sqlite, catalog, read, scope, filters, request),
    checkpoint: async () => {
      sqlite.pragma('wal_checkpoint(PASSIVE)')
    },
    served: () => new Map(),
    close: async () => {}
  }
}

/** A request without its id (the pool numbers them as it sends them). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never

interface Job {
  message: Unnumbered<WorkerRequest>
  resolve(result: unknown): void
  reject(error: Error): void
}

interface Slot {
  worker: Worker
  job: Job | null
  served: number
}

function workerPool(config: ThreadDatabase, script: ReadPoolOptions['worker'], size: number): ReadPool {
  const slots: Slot[] = []
  const queue: Job[] = []
  let nextId = 1
  let closed = false

  function start(): Slot {
    const entry = workerEntry(script.entry, script.source)
    const worker = new Worker(entry.script, { eval: entry.eval, workerData: config })
    const slot: Slot = { worker, job: null, served: 0 }
    const fail = (error: Error) => {
      slots.splice(slots.indexOf(slot), 1)
      slot.job?.reject(error)
      slot.job = null
      pump()
    }
    worker.on('message', (answer: ReadAnswer) => {
      const job = slot.job
      slot.job = null
      slot.served++
      worker.unref()
      if (job) {
        if (answer.ok) job.resolve(answer.result)
        else job.reject(threadError(answer.error, 'read worker'))
      }
      pump()
    })
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(new Error(`The read worker stopped (exit code ${code})`))
    })
    worker.unref()
    slots.push(slot)
    return slot
  }

  function pump(): void {
    // All the threads at once, on the first read: a thread started when the others are busy (a
    // checkpoint, a long report) made the read that needed it wait for its start (tens of
    // milliseconds; the breaks list's slowest pages were these).
    if (queue.length > 0 && slots.length === 0) while (slots.length < size) start()
    while (queue.length > 0 && !closed) {
      const slot = slots.find((s) => s.job === null) ?? (slots.length < size ? start() : null)
      if (!slot) return
      const job = queue.shift()!
      slot.job = job
      slot.worker.ref()
      slot.worker.postMessage({ id: nextId++, ...job.message } satisfies WorkerRequest)
    }
  }

  return {
    mode: 'workers',
    read<F, R>(read: OffThreadRead<F, R>, scope: ReadScope, filters: F, request: PageRequest) {
      if (closed) return Promise.reject(new Error('The read pool is closed'))
      return new Promise<R>((resolve, reject) => {
        queue.push({ message: { name: read.name, scope, filters, request }, resolve: resolve as (r: unknown) => void, reject })
        pump()
      })
    },
    checkpoint() {
      if (closed) return Promise.reject(new Error('The read pool is closed'))
      return new Promise<void>((resolve, reject) => {
        queue.push({ message: { kind: 'checkpoint' }, resolve: () => resolve(), reject })
        pump()
      })
    },
    served: () => new Map(slots.map((s) => [s.worker.threadId, s.served])),
    async close() {
      closed = true
      for (const job of queue.splice(0)) job.reject(new Error('The read pool is closed'))
      const stopping = slots.splice(0).map((slot) => {
        slot.job?.reject(new Error('The read pool is closed'))
        return slot.worker.terminate()
      })
      await Promise.all(stopping)
    }
  }
}


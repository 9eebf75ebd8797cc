/**
 * Where report reads run. A report can scan many index entries (a deep page, a wide date range, a
 * remark search), so on a database file the reads go to a small pool of worker threads, each with
 * its own read-only connection (WAL: readers never wait for the writer, nor it for them). The main
 * thread, which serves the window's IPC and the HTTP host, only checks the call and the answer.
 *
 * An in-memory database exists in its own connection only, so no other thread can open it: there
 * (tests, tools) the reads run on the caller's connection instead.
 *
 * The worker's code is its own build entry (`report-worker`, electron.vite.config.ts), found beside
 * the bundle that loads this module (worker-entry.ts). Run from source (vitest, `npm run bench`
 * under tsx), the worker loads reports/worker.ts through tsx's require hook.
 */
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'
import { runReport, type ReportFilters, type ReportName, type ReportResult, type ReportScope } from './catalog'
import type { PageRequest } from './page'
import type { ReadAnswer, WorkerConfig, WorkerRequest } from './worker'
import { workerEntry } from './worker-entry'

export interface ReportReader {
  /** 'workers' on a database file, 'inline' on an in-memory database. */
  readonly mode: 'workers' | 'inline'
  read<N extends ReportName>(name: N, scope: ReportScope, filters: ReportFilters<N>, request: PageRequest): Promise<ReportResult<N>>
  /**
   * A PASSIVE WAL checkpoint of the database file, run in a worker thread (on the caller's connection
   * when inline): the order engine's loop asks for one every few seconds.
   */
  checkpoint(): Promise<void>
  /** How many requests (reads and checkpoints) each worker thread has answered, by thread id (empty when inline). */
  served(): ReadonlyMap<number, number>
  close(): Promise<void>
}

export interface ReaderOptions {
  dbPath: string
  /** The connection of the caller: used for an in-memory database. */
  sqlite: Database.Database
  nativeBinding?: string
  /** Worker threads (started on the first read). Default: 2, or 1 on a single core. */
  size?: number
  busyTimeoutMs?: number
}

export function createReportReader(options: ReaderOptions): ReportReader {
  if (options.dbPath === ':memory:' || options.dbPath === '') return inlineReader(options.sqlite)
  return workerPool({ dbPath: options.dbPath, nativeBinding: options.nativeBinding, busyTimeoutMs: options.busyTimeoutMs ?? 5000 }, options.size ?? Math.min(2, availableParallelism()))
}

function inlineReader(sqlite: Database.Database): ReportReader {
  return {
    mode: 'inline',
    read: async (name, scope, filters, request) => runReport(sqlite, name, scope, filters, request),
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

function workerPool(config: WorkerConfig, size: number): ReportReader {
  const slots: Slot[] = []
  const queue: Job[] = []
  let nextId = 1
  let closed = false

  function start(): Slot {
    const entry = workerEntry('report-worker', join(__dirname, 'worker.ts'))
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
        else job.reject(Object.assign(new Error(answer.error.message), { name: answer.error.name, stack: `${answer.error.name}: ${answer.error.message} (in the report worker)\n${answer.error.stack ?? ''}` }))
      }
      pump()
    })
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(new Error(`The report worker stopped (exit code ${code})`))
    })
    worker.unref()
    slots.push(slot)
    return slot
  }

  function pump(): void {
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
    read(name, scope, filters, request) {
      if (closed) return Promise.reject(new Error('The report reader is closed'))
      return new Promise((resolve, reject) => {
        queue.push({ message: { name, scope, filters: filters as never, request }, resolve: resolve as (r: unknown) => void, reject })
        pump()
      })
    },
    checkpoint() {
      if (closed) return Promise.reject(new Error('The report reader is closed'))
      return new Promise<void>((resolve, reject) => {
        queue.push({ message: { kind: 'checkpoint' }, resolve: () => resolve(), reject })
        pump()
      })
    },
    served: () => new Map(slots.map((s) => [s.worker.threadId, s.served])),
    async close() {
      closed = true
      for (const job of queue.splice(0)) job.reject(new Error('The report reader is closed'))
      const stopping = slots.splice(0).map((slot) => {
        slot.job?.reject(new Error('The report reader is closed'))
        return slot.worker.terminate()
      })
      await Promise.all(stopping)
    }
  }
}

export type { ReportResult }

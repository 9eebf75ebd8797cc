/**
 * Reconciliation's long work as jobs: a dry run or a commit of a statement import, and a run.
 * Each runs in a worker thread of its own (recon/worker.ts) with its own connection to the
 * database file, so a million-line file never holds the main thread; the main thread relays its
 * progress, asks it to stop on a cancel, and hears its result. On an in-memory database (tests)
 * the same work runs on the caller's connection, between turns of the event loop.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'
import { say } from '../../shared/server-text'
import { notFound } from '../core/errors'
import type { ReconJob, ReconJobsPort } from '../core/ports'
import { writeTurnsBuffer } from '../db/write-turns'
import { isInMemory, serializeError, threadError, type SerializedError } from '../reads/thread'
import { workerEntry } from '../reads/worker-entry'
import { writeReconExport, type ReconExportRequest } from './export'
import { StatementReadError } from './formats'
import { commitImport, dryRunImport, ImportRefused, type ImportHooks, type ImportInput } from './import'
import { executeRun, type RunScope, type RunSettings } from './run'

export type ReconTask =
  | { kind: 'dry_run'; input: ImportInput }
  | { kind: 'import'; input: ImportInput }
  | { kind: 'run'; runId: number; tenantId: number; scope: RunScope; settings: RunSettings; now: number }
  | { kind: 'export'; request: ReconExportRequest }

export type ReconJobView = ReconJob

export type WorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: unknown } | { type: 'failed'; error: SerializedError & { code?: string; detail?: unknown } }

export interface ReconDatabase {
  dbPath: string
  sqlite: Database.Database
  nativeBinding?: string
}

export interface ReconJobs extends ReconJobsPort {
  start(task: ReconTask, userId: number, onEnd: (job: ReconJobView) => void): ReconJobView
  /** Stops every running job and waits for them (the host stopping). */
  stopAll(): Promise<void>
}

/** What a task does, on a connection that may write; shared by the worker thread and the inline mode. */
export async function performTask(sqlite: Database.Database, task: ReconTask, signal: AbortSignal, progress: (done: number, total: number) => void, options: Pick<ImportHooks, 'readInThreadFrom'> = {}): Promise<unknown> {
  if (task.kind === 'dry_run') return dryRunImport(sqlite, task.input, { signal, onProgress: progress, ...options })
  if (task.kind === 'import') return commitImport(sqlite, task.input, { signal, onProgress: progress, ...options })
  if (task.kind === 'export') return writeReconExport(sqlite, task.request, signal, progress)
  return executeRun(sqlite, task.runId, task.tenantId, task.scope, task.settings, task.now, () => signal.aborted)
}

/** A refusal the user can act on (a file already imported, bad lines, a header that changed) keeps its code and detail; anything else is a failure. */
export function failureOf(error: unknown): SerializedError & { code?: string; detail?: unknown } {
  if (error instanceof ImportRefused) return { ...serializeError(error), code: error.code, detail: error.report }
  if (error instanceof StatementReadError) return { ...serializeError(error), code: `recon.${error.code}`, detail: error.text ? { ...error.details, text: error.text } : error.details }
  return serializeError(error)
}

/** Whether a job's failure is the user's to fix (logged as nothing wrong with PayDesk). */
export const expectedFailure = (error: unknown) => error instanceof ImportRefused || error instanceof StatementReadError

export function createReconJobs(database: ReconDatabase, folder: string, log: (error: unknown) => void): ReconJobs {
  const jobs = new Map<string, { view: ReconJobView; userId: number; stop(): void; ended: Promise<void> }>()
  const inline = isInMemory(database.dbPath)

  function own(id: string, userId: number) {
    const job = jobs.get(id)
    if (!job || job.userId !== userId) throw notFound(say('thing.reconJob', { id }))
    return job
  }

  function runInWorker(task: ReconTask, view: ReconJobView, end: (outcome: { ok: true; result: unknown } | { ok: false; error: ReconJobView['error'] }) => void): () => void {
    const entry = workerEntry('recon-worker', join(__dirname, 'worker.ts'))
    const worker = new Worker(entry.script, { eval: entry.eval, workerData: { dbPath: database.dbPath, nativeBinding: database.nativeBinding, task, writeTurns: writeTurnsBuffer() } })
    let outcome: Parameters<typeof end>[0] | null = null
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') Object.assign(view, { done: message.done, total: message.total })
      else if (message.type === 'done') outcome = { ok: true, result: message.result }
      else {
        if (!message.error.code?.startsWith('recon.')) log(threadError(message.error, 'reconciliation worker'))
        outcome = { ok: false, error: { code: message.error.code ?? 'recon.failed', message: message.error.message, detail: message.error.detail } }
      }
    })
    worker.on('error', (error) => {
      log(error)
      outcome ??= { ok: false, error: { code: 'recon.failed', message: error.message } }
    })
    worker.on('exit', () => end(outcome ?? { ok: false, error: { code: 'recon.failed', message: 'The reconciliation worker stopped' } }))
    return () => worker.postMessage('cancel')
  }

  function runInline(task: ReconTask, view: ReconJobView, end: (outcome: { ok: true; result: unknown } | { ok: false; error: ReconJobView['error'] }) => void): () => void {
    const controller = new AbortController()
    setImmediate(() => {
      performTask(database.sqlite, task, controller.signal, (done, total) => Object.assign(view, { done, total }))
        .then((result) => end({ ok: true, result }))
        .catch((error: unknown) => {
          const failure = failureOf(error)
          if (!expectedFailure(error)) log(error)
          end({ ok: false, error: { code: failure.code ?? 'recon.failed', message: failure.message, detail: failure.detail } })
        })
    })
    return () => controller.abort()
  }

  return {
    folder,
    start(task, userId, onEnd) {
      const view: ReconJobView = { id: randomUUID(), kind: task.kind, state: 'running', done: 0, total: 0, result: null, error: null, startedAt: Date.now(), finishedAt: null }
      let cancelled = false
      let resolveEnded!: () => void
      const ended = new Promise<void>((resolve) => (resolveEnded = resolve))
      const end = (outcome: { ok: true; result: unknown } | { ok: false; error: ReconJobView['error'] }) => {
        if (view.state !== 'running') return
        // A task asked to stop answers null (or fails on its way out): either way it was cancelled.
        const stopped = cancelled && (!outcome.ok || outcome.result === null)
        Object.assign(view, stopped ? { state: 'cancelled' } : outcome.ok ? { state: 'finished', result: outcome.result } : { state: 'failed', error: outcome.error }, { finishedAt: Date.now() })
        try {
          onEnd(view)
        } catch (error) {
          log(error)
        }
        resolveEnded()
      }
      const stop = (inline ? runInline : runInWorker)(task, view, end)
      jobs.set(view.id, {
        view,
        userId,
        ended,
        stop() {
          cancelled = true
          stop()
        }
      })
      return view
    },
    status: (id, userId) => ({ ...own(id, userId).view }),
    cancel(id, userId) {
      const job = own(id, userId)
      if (job.view.state === 'running') job.stop()
      return { ...job.view }
    },
    settled: (id) => jobs.get(id)?.ended ?? Promise.resolve(),
    async stopAll() {
      for (const job of jobs.values()) if (job.view.state === 'running') job.stop()
      await Promise.all([...jobs.values()].map((j) => j.ended))
    }
  }
}

export { serializeError }

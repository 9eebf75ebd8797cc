/**
 * Export jobs: each export runs as a job that the caller follows by id (start → status → done |
 * cancelled | failed). A job belongs to the user who started it; nobody else can see, cancel or
 * download it. A cancelled or failed job's partial file is deleted, and so is a running job's when
 * the app quits (the hosts stop every job before the database closes).
 *
 * On a database file the job's work (counting the rows, reading, formatting, writing the file)
 * runs in a worker thread of its own (export/worker.ts) with its own read-only connection: the
 * main thread, which serves the window's IPC and the HTTP host, only starts it, reads its progress
 * and sets its cancel flag (shared memory), and deletes the file if it does not finish. An
 * in-memory database exists in its own connection only, so there (tests, tools) the job runs on
 * the caller's connection, one batch per turn of the event loop.
 *
 * Where the file goes is the host's business (ExportTarget): the desktop app asks with a save
 * dialog, the headless host writes into its data folder's `exports/` and serves the file.
 */
import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'
import type { ExportJob } from '../../../shared/contract/exports'
import { say } from '../../../shared/server-text'
import { notFound } from '../../core/errors'
import { privateFolder } from '../../paths'
import type { EntryKey } from '../account-details'
import type { ReadScope } from '../../reads/catalog'
import { isInMemory, threadError } from '../../reads/thread'
import { workerEntry } from '../../reads/worker-entry'
import type { ExportWorkerData, ExportWorkerMessage } from './worker'
import { EXPORT_STATE, exportToFile, type ExportOutcome, type ExportRequest } from './write'

export interface ExportDestination {
  path: string
  /** True when the host serves the file for download (browser mode); false when the user chose a path. */
  download: boolean
}

export interface ExportTarget {
  /** Where to write a file named like `fileName`; null when the user dismissed the save dialog. */
  choose(fileName: string): Promise<ExportDestination | null>
}

/** How long a downloadable export stays in the host's exports folder. */
export const EXPORT_KEEP_MS = 24 * 60 * 60 * 1000

/**
 * Browser mode (and tests): a fresh file in `dir`, served for download. Files older than
 * `keepMs` are deleted when the next export starts, so the folder does not keep every export.
 * The folder is its owner's only (0700), as the files written in it are (write.ts).
 */
export function folderTarget(dir: string, keepMs = EXPORT_KEEP_MS): ExportTarget {
  return {
    async choose(fileName) {
      privateFolder(dir)
      const cutoff = Date.now() - keepMs
      for (const name of readdirSync(dir)) {
        const file = join(dir, name)
        if (statSync(file).mtimeMs < cutoff) rmSync(file, { force: true })
      }
      return { path: join(dir, `${randomUUID()}-${fileName}`), download: true }
    }
  }
}

/** Where jobs read: a database file (worker threads) or, for `:memory:`, the caller's connection. */
export interface ExportDatabase {
  dbPath: string
  /** The connection of the caller: used for an in-memory database. */
  sqlite: Database.Database
  nativeBinding?: string
  busyTimeoutMs?: number
}

export interface ExportJobsOptions {
  /** Rows per read: 1,000 in a worker thread, 250 on the caller's connection. */
  batchSize?: number
  /** A pause after each batch in the worker (tests that cancel a running export; see write.ts). */
  pauseMs?: number
  /** From how many rows an export is written in two parts (default EXPORT_SPLIT_FROM_ROWS; tests use a few). */
  splitFromRows?: number
}

export interface ExportStart {
  userId: number
  request: ExportRequest
  /** The tenant and its business time zone. */
  scope: ReadScope
  /** The file name offered (the save dialog's default, the download's name). */
  fileName: string
  /** Called once the job has counted its rows (or failed to), before onEnd: the audit event of its start. */
  onStart(job: ExportJob): void
  /** Called once when the job ends, whatever the outcome (the audit event of its result). */
  onEnd(job: ExportJob): void
}

interface Job {
  view: ExportJob
  userId: number
  path: string
  /** Shared with the job's worker: its cancel flag and the rows it has written (EXPORT_STATE). */
  state: Int32Array
  finished: Promise<void>
}

export interface ExportJobs {
  /** 'workers' on a database file, 'inline' on an in-memory database. */
  readonly mode: 'workers' | 'inline'
  /** Resolves once the job has counted its rows (or failed); null when the user dismissed the save dialog. */
  start(start: ExportStart): Promise<ExportJob | null>
  status(id: string, userId: number): ExportJob
  cancel(id: string, userId: number): ExportJob
  /**
   * The finished file of a downloadable job (browser mode). The caller has already been answered
   * `reports.exportStatus` for it, which checks the session, the permission and the owner.
   */
  downloadable(id: string): { path: string; fileName: string } | null
  /** Resolves when the job has ended (tests, shutdown). */
  settled(id: string): Promise<void>
  /**
   * Shutdown: cancels every running job and resolves once all have ended, each partial file
   * deleted and each end audited (the hosts call it before the database closes).
   */
  stopAll(): Promise<void>
}

/** What a job's work needs: where it writes, its shared state, and whom to tell its count. */
interface Work {
  file: string
  request: ExportRequest
  scope: ReadScope
  state: Int32Array
  onCounted(totalRows: number): void
}

/**
 * The export worker's young generation (V8's default is 48 MB here). A batch in flight (its rows,
 * their CSV text) survives each scavenge and is copied; twice the room halves the scavenges, which
 * took a tenth of a 1 M-row export (`npm run bench -- export`), and the space is full within the
 * first batches, so memory stays flat.
 */
const EXPORT_YOUNG_GENERATION_MB = 96

/**
 * From how many rows a CSV export of entries is written in two parts at once (two threads): under
 * a second of work is not worth a second thread.
 */
export const EXPORT_SPLIT_FROM_ROWS = 200_000

/** Asks a job's threads to stop at their next batch (a cancel, a quit, or a failed part). */
function requestStop(state: Int32Array): void {
  Atomics.store(state, EXPORT_STATE.cancel, 1)
  Atomics.notify(state, EXPORT_STATE.cancel)
}

/** A second part's file: beside the job's file, joined to it at the end. */
const partFile = (file: string) => `${file}.part2`

/**
 * One worker thread of a job: the job's first part (counts the rows, may ask for a second part
 * through `onSplit`) or its second part. Settles when the thread has exited (its file and
 * connection closed).
 */
function exportWorker(database: ExportDatabase, options: ExportJobsOptions, work: Work, role: { splitFromRows?: number; onSplit?(from: EntryKey): void; part?: { from: EntryKey; file: string } }): Promise<ExportOutcome> {
  const data: ExportWorkerData = {
    dbPath: database.dbPath,
    nativeBinding: database.nativeBinding,
    busyTimeoutMs: database.busyTimeoutMs ?? 5000,
    file: role.part?.file ?? work.file,
    request: work.request,
    scope: work.scope,
    batchSize: options.batchSize ?? 1000,
    pauseMs: options.pauseMs,
    state: work.state.buffer as SharedArrayBuffer,
    splitFromRows: role.splitFromRows,
    part: role.part && { from: role.part.from }
  }
  return new Promise((resolve, reject) => {
    // Inside the promise: a worker that cannot start fails the job, it does not throw at the caller.
    const entry = workerEntry('export-worker', join(__dirname, 'worker.ts'))
    const worker = new Worker(entry.script, { eval: entry.eval, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: EXPORT_YOUNG_GENERATION_MB } })
    let outcome: ExportOutcome | null = null
    let failure: Error | null = null
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'counted') work.onCounted(message.totalRows)
      else if (message.type === 'split') role.onSplit?.(message.from)
      else if (message.type === 'ended') outcome = { rows: message.rows, cancelled: message.cancelled }
      else failure = threadError(message.error, 'export worker')
    })
    worker.on('error', (error) => (failure ??= error))
    worker.on('exit', (code) => {
      if (outcome && !failure) resolve(outcome)
      else reject(failure ?? new Error(`The export worker stopped (exit code ${code})`))
    })
  })
}

/**
 * The job's work in worker threads. A CSV of at least `splitFromRows` entries (a year's can be
 * millions) is written in two parts at once, by two threads on the machine's two cores or more:
 * the first counts, finds the entry at the middle of the report's order and writes the header and
 * the rows above it; the second writes that entry and the rows below it into a file beside the
 * job's, which is then joined to it. Either part failing stops the other. Settles when every
 * thread has exited and the file is whole (or the parts are deleted).
 */
async function inWorkers(database: ExportDatabase, options: ExportJobsOptions, work: Work): Promise<ExportOutcome> {
  const parts: { second?: Promise<ExportOutcome> } = {}
  const first = exportWorker(database, options, work, {
    splitFromRows: availableParallelism() > 1 ? (options.splitFromRows ?? EXPORT_SPLIT_FROM_ROWS) : undefined,
    onSplit(from) {
      parts.second = exportWorker(database, options, work, { part: { from, file: partFile(work.file) } })
      parts.second.catch(() => requestStop(work.state))
    }
  })
  first.catch(() => requestStop(work.state))
  const head = await settled(first)
  // The second part, if any, was asked for before the first part wrote its first row.
  const tail = parts.second ? await settled(parts.second) : null
  try {
    if (!head.ok) throw head.error
    if (!tail) return head.value
    if (!tail.ok) throw tail.error
    const outcome = { rows: head.value.rows + tail.value.rows, cancelled: head.value.cancelled || tail.value.cancelled }
    if (!outcome.cancelled) await pipeline(createReadStream(partFile(work.file)), createWriteStream(work.file, { flags: 'a' }))
    return outcome
  } finally {
    await rm(partFile(work.file), { force: true })
  }
}

/** A promise's outcome as a value, so that both parts are waited for whatever each does. */
const settled = <T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error })
  )

export function createExportJobs(target: ExportTarget, database: ExportDatabase, log: (error: unknown) => void, options: ExportJobsOptions = {}): ExportJobs {
  const jobs = new Map<string, Job>()
  const mode = isInMemory(database.dbPath) ? 'inline' : 'workers'

  function own(id: string, userId: number): Job {
    const job = jobs.get(id)
    if (!job || job.userId !== userId) throw notFound(say('thing.exportJob', { id }))
    return job
  }

  const written = (job: Job) => Atomics.load(job.state, EXPORT_STATE.rowsWritten) + Atomics.load(job.state, EXPORT_STATE.partRowsWritten)
  const view = (job: Job): ExportJob => ({ ...job.view, rowsWritten: job.view.state === 'running' ? written(job) : job.view.rowsWritten })

  async function run(job: Job, start: ExportStart, counted: () => void): Promise<void> {
    const work: Work = {
      file: job.path,
      request: start.request,
      scope: start.scope,
      state: job.state,
      onCounted: (totalRows) => {
        job.view.totalRows = totalRows
        counted()
      }
    }
    try {
      const outcome =
        mode === 'workers' ? await inWorkers(database, options, work) : await exportToFile({ ...start.scope, sqlite: database.sqlite }, start.request, job.path, { ...work, batchSize: options.batchSize ?? 250 })
      job.view.rowsWritten = outcome.rows
      if (outcome.cancelled) {
        await rm(job.path, { force: true })
        job.view.state = 'cancelled'
      } else {
        job.view.state = 'done'
        if (job.view.savedTo === null) job.view.downloadPath = `/exports/${job.view.id}/file`
      }
    } catch (error) {
      log(error)
      await rm(job.path, { force: true }).catch(log)
      job.view.rowsWritten = written(job)
      job.view.state = 'failed'
      job.view.error = error instanceof Error ? error.message : String(error)
    }
    // A job that failed before counting has not been started for its caller yet.
    counted()
    try {
      start.onEnd({ ...job.view })
    } catch (error) {
      log(error)
    }
  }

  return {
    mode,
    async start(start) {
      const destination = await target.choose(start.fileName)
      if (!destination) return null
      const id = randomUUID()
      const job: Job = {
        view: {
          id,
          report: start.request.report,
          format: start.request.format,
          state: 'running',
          rowsWritten: 0,
          totalRows: 0,
          fileName: start.fileName,
          savedTo: destination.download ? null : destination.path,
          downloadPath: null,
          error: null
        },
        userId: start.userId,
        path: destination.path,
        state: new Int32Array(new SharedArrayBuffer(EXPORT_STATE.size * Int32Array.BYTES_PER_ELEMENT)),
        finished: Promise.resolve()
      }
      jobs.set(id, job)
      let started: ExportJob | null = null
      const ready = new Promise<ExportJob>((resolve) => {
        job.finished = run(job, start, () => {
          if (started) return
          started = view(job)
          try {
            start.onStart(started)
          } catch (error) {
            log(error)
          }
          resolve(started)
        })
      })
      return ready
    },
    status: (id, userId) => view(own(id, userId)),
    cancel(id, userId) {
      const job = own(id, userId)
      if (job.view.state === 'running') requestStop(job.state)
      return view(job)
    },
    downloadable(id) {
      const job = jobs.get(id)
      return job && job.view.state === 'done' && job.view.downloadPath && existsSync(job.path) ? { path: job.path, fileName: job.view.fileName } : null
    },
    settled: (id) => jobs.get(id)?.finished ?? Promise.resolve(),
    async stopAll() {
      const running = [...jobs.values()].filter((job) => job.view.state === 'running')
      for (const job of running) requestStop(job.state)
      await Promise.all(running.map((job) => job.finished))
    }
  }
}

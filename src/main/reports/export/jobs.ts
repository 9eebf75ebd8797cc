/**
 * Export jobs: each export runs in the main process as a job that the caller follows by id
 * (start → status → done | cancelled | failed). A job belongs to the user who started it; nobody
 * else can see, cancel or download it. A cancelled or failed job's partial file is deleted.
 *
 * Where the file goes is the host's business (ExportTarget): the desktop app asks with a save
 * dialog, the headless host writes into its data folder's `exports/` and serves the file.
 */
import { randomUUID } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ExportJob } from '../../../shared/contract/exports'
import { notFound } from '../../core/errors'
import type { ReportSource } from '../page'
import { writeReportExport, type ExportRequest } from './write'

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
 */
export function folderTarget(dir: string, keepMs = EXPORT_KEEP_MS): ExportTarget {
  return {
    async choose(fileName) {
      mkdirSync(dir, { recursive: true })
      const cutoff = Date.now() - keepMs
      for (const name of readdirSync(dir)) {
        const file = join(dir, name)
        if (statSync(file).mtimeMs < cutoff) rmSync(file, { force: true })
      }
      return { path: join(dir, `${randomUUID()}-${fileName}`), download: true }
    }
  }
}

export interface ExportStart {
  userId: number
  request: ExportRequest
  source: ReportSource
  totalRows: number
  /** The file name offered (the save dialog's default, the download's name). */
  fileName: string
  /** Called once when the job ends, whatever the outcome (the audit event of its result). */
  onEnd(job: ExportJob): void
}

interface Job {
  view: ExportJob
  userId: number
  path: string
  cancelRequested: boolean
  finished: Promise<void>
}

export interface ExportJobs {
  /** Null when the user dismissed the save dialog. */
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
}

const CONTENT_NAME = /[^\p{L}\p{N}._-]+/gu

/** `settlementList-20261120-101500.xlsx`: safe as a file name everywhere. */
export function exportFileName(report: string, extension: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  return `${report}-${stamp}.${extension}`.replace(CONTENT_NAME, '_')
}

export function createExportJobs(target: ExportTarget, log: (error: unknown) => void, options: { batchSize?: number } = {}): ExportJobs {
  const jobs = new Map<string, Job>()

  function own(id: string, userId: number): Job {
    const job = jobs.get(id)
    if (!job || job.userId !== userId) throw notFound(`Export job ${id}`)
    return job
  }

  async function run(job: Job, start: ExportStart): Promise<void> {
    const view = job.view
    try {
      const out = createWriteStream(job.path)
      const outcome = await writeReportExport(start.source, start.request, out, {
        batchSize: options.batchSize,
        onProgress: (rows) => (view.rowsWritten = rows),
        cancelled: () => job.cancelRequested
      })
      view.rowsWritten = outcome.rows
      if (outcome.cancelled) {
        await rm(job.path, { force: true })
        view.state = 'cancelled'
      } else {
        view.state = 'done'
        if (view.savedTo === null) view.downloadPath = `/exports/${view.id}/file`
      }
    } catch (error) {
      log(error)
      await rm(job.path, { force: true }).catch(log)
      view.state = 'failed'
      view.error = error instanceof Error ? error.message : String(error)
    }
    try {
      start.onEnd({ ...view })
    } catch (error) {
      log(error)
    }
  }

  return {
    async start(start) {
      const destination = await target.choose(start.fileName)
      if (!destination) return null
      const id = randomUUID()
      const view: ExportJob = {
        id,
        report: start.request.report,
        format: start.request.format,
        state: 'running',
        rowsWritten: 0,
        totalRows: start.totalRows,
        fileName: start.fileName,
        savedTo: destination.download ? null : destination.path,
        downloadPath: null,
        error: null
      }
      const job: Job = { view, userId: start.userId, path: destination.path, cancelRequested: false, finished: Promise.resolve() }
      jobs.set(id, job)
      job.finished = run(job, start)
      return { ...view }
    },
    status: (id, userId) => ({ ...own(id, userId).view }),
    cancel(id, userId) {
      const job = own(id, userId)
      if (job.view.state === 'running') job.cancelRequested = true
      return { ...job.view }
    },
    downloadable(id) {
      const job = jobs.get(id)
      return job && job.view.state === 'done' && job.view.downloadPath && existsSync(job.path) ? { path: job.path, fileName: job.view.fileName } : null
    },
    settled: (id) => jobs.get(id)?.finished ?? Promise.resolve()
  }
}

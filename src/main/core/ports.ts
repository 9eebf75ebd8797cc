/**
 * The ports procedures reach through their context (core/context.ts): declared here, implemented
 * by the domains and wired by the composition root (app/core.ts), so nothing in core/ knows a
 * domain. The ledger's port is core/ledger-port.ts; the read pool's, reads/pool.ts.
 */
import type { ExportJob } from '../../shared/contract/exports'
import type { ReadScope } from '../reads/catalog'

/** Sending to providers now (the orders domain, through the outbox). */
export interface Sending {
  /** Sends a just-created order at once (it stays in the outbox when the provider is unreachable). */
  sendNow(orderId: number): Promise<void>
  /** Asks the provider for an order's status now and applies the answer. */
  queryNow(orderId: number): Promise<void>
  /** Runs one pending outbox row now (a refund just requested); false when it was not pending. */
  runOutboxItem(id: number): Promise<boolean>
}

/** The provider callback listener (http/callback-listener.ts). */
export interface CallbackListener {
  /** Where it listens, or null while it does not. */
  listeningAt(): string | null
  /** Listens again at the address and port of the settings (after they changed). */
  restart(): Promise<void>
}

/** Starting an export job (reports/export/jobs.ts); `request` is the reports domain's to read. */
export interface ExportStart {
  userId: number
  request: unknown
  /** The tenant and its business time zone. */
  scope: ReadScope
  /** The file name offered (the save dialog's default, the download's name). */
  fileName: string
  /** Called once the job has counted its rows (or failed to), before onEnd: the audit event of its start. */
  onStart(job: ExportJob): void
  /** Called once when the job ends, whatever the outcome (the audit event of its result). */
  onEnd(job: ExportJob): void
}

/** Report exports running in this process. */
export interface ExportJobsPort {
  /** Resolves once the job has counted its rows (or failed); null when the user dismissed the save dialog. */
  start(start: ExportStart): Promise<ExportJob | null>
  status(id: string, userId: number): ExportJob
  cancel(id: string, userId: number): ExportJob
}

/** A reconciliation job as its caller sees it: progress, and once ended its result or its error. */
export interface ReconJob {
  id: string
  kind: 'dry_run' | 'import' | 'run' | 'export'
  state: 'running' | 'finished' | 'failed' | 'cancelled'
  done: number
  total: number
  result: unknown
  error: { code: string; message: string; detail?: unknown } | null
  startedAt: number
  finishedAt: number | null
}

/** Reconciliation's long work (recon/jobs.ts): imports, runs and exports in worker threads. `task` is the recon domain's to read. */
export interface ReconJobsPort {
  /** Starts the task; `onEnd` runs on the main thread once it ends, whatever the outcome. */
  start(task: unknown, userId: number, onEnd: (job: ReconJob) => void): ReconJob
  status(id: string, userId: number): ReconJob
  cancel(id: string, userId: number): ReconJob
  /** Resolves once the job has ended (tests, shutdown). */
  settled(id: string): Promise<void>
  /** Where uploaded statement files and exported lists are kept, owner-only. */
  folder: string
}

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

/** A behaviour rule of the provider simulator (simulator/types.ts), as the port carries it. */
export interface SimulatorRule {
  merchantNo?: string
  amountPattern?: string
  appliesTo?: 'orders' | 'queries'
  behaviour: string
  delayMs?: number
  partialPercent?: number
}

/** One protocol request the simulator received. */
export interface SimulatorRequest {
  at: number
  path: string
  merchantNo: string | null
  orderNo: string | null
  amount: string | null
  /** The currency the request named (a status query names none). */
  currency: string | null
  signatureValid: boolean
  outcome: string
}

/** One attempt to deliver a callback. */
export interface SimulatorCallback {
  at: number
  orderNo: string
  merchantNo: string
  eventId: string
  attempt: number
  status: string
  signed: boolean
  httpStatus: number | null
  acknowledged: boolean
  error: string | null
}

/** An order the simulator holds. */
export interface SimulatorOrder {
  merchantNo: string
  orderNo: string
  direction: 'deposit' | 'payout'
  upstreamNo: string
  amount: string
  currency: string
  status: string
  paidAmount: string | null
  createRequests: number
  createdAt: number
}

export interface SimulatorStart {
  /** 0 picks a free port; it always binds 127.0.0.1. */
  port: number
  /** Deposits are paid this long after they are created; null: only when paid from the panel. */
  autoPayAfterMs: number | null
  /** How long a payout (or a refund) stays pending. */
  payoutDelayMs: number
  merchants: { merchantNo: string; signKey: string }[]
  startedBy: 'user' | 'demo'
}

/** The simulator running in this process, while it runs. */
export interface RunningSimulatorHandle {
  url: string
  port: number
  startedAt: number
  startedBy: 'user' | 'demo'
  autoPayAfterMs: number | null
  payoutDelayMs: number
  /** Registers (or re-keys) a merchant. */
  addMerchant(merchant: { merchantNo: string; signKey: string }): void
  merchants(): string[]
  /** Sets or replaces a rule (same target, merchant and pattern); its id stays. */
  setBehaviour(rule: SimulatorRule): { id: number }
  rules(): { id: number; rule: SimulatorRule }[]
  /** One rule by id (false when none), or every rule. */
  clearBehaviours(id?: number): boolean
  /** The payer pays a pending deposit (the whole amount unless given). */
  pay(orderNo: string, amount?: string, merchantNo?: string): Promise<SimulatorOrder>
  orders(): SimulatorOrder[]
  requests(): SimulatorRequest[]
  callbacks(): SimulatorCallback[]
}

/**
 * The built-in provider simulator, started and stopped from the app (simulator/host.ts): at most
 * one per process, on 127.0.0.1 only, never started unless asked, stopped with the engine.
 */
export interface SimulatorHost {
  running(): RunningSimulatorHandle | null
  /** Throws SimulatorRunningError when one runs, and the listen error (EADDRINUSE) when the port is taken. */
  start(options: SimulatorStart): Promise<RunningSimulatorHandle>
  /** Resolves once it has stopped (at once when none runs). */
  stop(): Promise<void>
}

/** Field test runs executing in the background (fieldtest/runs/runner.ts). */
export interface FieldTestRunsPort {
  /** Drives a run's remaining steps in the background (nothing when it is already driven). */
  drive(runId: number): void
  /** Stops watching a run at once (the caller has ended it). */
  abort(runId: number): void
  /** Resolves once the run's background work has ended (tests, shutdown). */
  settled(runId: number): Promise<void>
}

/** Backups, restore and the ledger check (safety/service.ts); results are the safety domain's to read. */
export interface SafetyPort {
  /** Makes a backup now; `userId` null: the schedule. Refused while one is being made. */
  backupNow(userId: number | null): Promise<{ file: { name: string; bytes: number; madeAt: number; ours: boolean }; pruned: string[] }>
  /** Whether a backup is being made. */
  backingUp(): boolean
  /** Runs the ledger check on the live database, or on a backup file of the folder; records and returns the check's id. */
  check(target: { live: true } | { backup: string }, userId: number | null): Promise<number>
  /** Copies a backup beside the database to replace it at the next start, then tells the host. */
  stageRestore(name: string): void
  /** The live database file; null: an in-memory database. */
  dbPath: string | null
}

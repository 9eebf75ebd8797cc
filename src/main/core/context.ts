/**
 * What a procedure receives besides its input: the database, the clock, who is calling, and the
 * ports to what runs beside the procedures (core/ports.ts), implemented by the domains.
 */
import type { Db } from '../db/open'
import type { Tx } from '../db/transaction'
import type { ReadPool } from '../reads/pool'
import type { ServerText } from '../../shared/server-text'
import type { Ledger } from './ledger-port'
import type { CallbackListener, ExportJobsPort, FieldTestRunsPort, ReconJobsPort, SafetyPort, Sending, SimulatorHost } from './ports'
import type { SecretBox } from './secrets'

export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

export interface Actor {
  userId: number
  username: string
  displayName: string
  /** Null for platform staff; set for a merchant-bound user (merchant scope applies). */
  merchantId: number | null
  permissions: ReadonlySet<number>
  sessionId: string
}

export interface AuditInput {
  targetType: string
  targetId?: string | number | null
  merchantId?: number | null
  /** What happened, as a catalog text: stored with its English rendering, translated on screen. */
  summary: ServerText
  before?: unknown
  after?: unknown
  /** Sign-in only: the user who just proved who they are (the call itself carries no session). */
  actingUser?: { userId: number; username: string }
}

export type HostMode = 'desktop' | 'browser'

export interface HostInfo {
  mode: HostMode
  version: string
  /** Browser mode only: the one-time code printed on the console that the first-run page asks for. */
  setupCode: string | null
}

/** What the composition root hands every context: the shared machinery and the domains' ports. */
export interface Ports {
  /** The ledger core: every money movement goes through it. */
  ledger: Ledger
  /** Encrypts credentials and signing secrets at rest. */
  secrets: SecretBox
  /** Sending to providers now: an order just created, a status query, an outbox row. */
  sending: Sending
  /** The provider callback listener. */
  callbacks: CallbackListener
  /** Reads off the main thread (worker threads with their own read-only connections). */
  reads: ReadPool
  /** Report exports running in this process. */
  exports: ExportJobsPort
  /** Where dispute evidence files are kept (the data folder's `evidence/`). */
  evidenceDir: string
  /** Statement imports, reconciliation runs and their exports, in worker threads. */
  recon: ReconJobsPort
  /** The built-in provider simulator (field testing, the demo). */
  simulator: SimulatorHost
  /** Field test runs executing in the background. */
  fieldTests: FieldTestRunsPort
  /** Backups, restore and the ledger check. */
  safety: SafetyPort
  /** The desktop app's operating-system notifications; null in the browser host. */
  notify: ((notice: { title: string; body: string }) => void) | null
}

export interface Ctx extends Ports {
  db: Db
  clock: Clock
  tenantId: number
  host: HostInfo
  procedure: string
  transport: 'ipc' | 'http'
  /** Null only in public procedures. */
  actor: Actor | null
  /** Records an audit event in the caller's transaction. */
  audit(tx: Tx, event: AuditInput): void
  /** Says a write changed nothing (a preference saved as it was): there is nothing to audit. */
  unchanged(): void
}

/** The signed-in actor; procedures that are not public can rely on it. */
export function actorOf(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error(`${ctx.procedure} needs a signed-in user`)
  return ctx.actor
}

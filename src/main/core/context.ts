/** What a procedure receives besides its input: the database, the clock and who is calling. */
import type { Db } from '../db/open'
import type { Tx } from '../db/transaction'
import type { Ledger } from '../ledger/ledger'
import type { SecretBox } from './secrets'
import type { DemoResult } from '../demo'
import type { OrderEngine } from '../orders/runtime'
import type { ReportReader } from '../reports/reader'
import type { ExportJobs } from '../reports/export/jobs'
import type { ServerText } from '../../shared/server-text'

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

export interface Ctx {
  db: Db
  clock: Clock
  /** The ledger core: every money movement goes through it. */
  ledger: Ledger
  /** Encrypts credentials and signing secrets at rest. */
  secrets: SecretBox
  /** The order engine: sending, querying, the callback listener. */
  orders: OrderEngine
  /** Runs report reads off the main thread (worker threads with their own read-only connections). */
  reports: ReportReader
  /** Report exports running in this process. */
  exports: ExportJobs
  /** Where dispute evidence files are kept (the data folder's `evidence/`). */
  evidenceDir: string
  /** Loads the demo data set as the given user (the demo goes through the procedures itself). */
  loadDemo(who: { userId: number | null; username: string }): Promise<DemoResult>
  tenantId: number
  host: HostInfo
  procedure: string
  transport: 'ipc' | 'http'
  /** Null only in public procedures. */
  actor: Actor | null
  /** Records an audit event in the caller's transaction. */
  audit(tx: Tx, event: AuditInput): void
}

/** The signed-in actor; procedures that are not public can rely on it. */
export function actorOf(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error(`${ctx.procedure} needs a signed-in user`)
  return ctx.actor
}

/**
 * The composition root: the one place that knows every domain. It opens the database, builds the
 * ledger, the read pool, the order engine and its outbox, the callback listener, the export jobs
 * and the job loop, hands the domains' ports to the registry of procedures, and gives the hosts
 * (the desktop shell, the headless host) one object to start and stop. No knowledge of Electron
 * or HTTP beyond the callback listener it wires.
 */
import { randomInt, randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { eq } from 'drizzle-orm'
import { contract } from '../../shared/contract'
import { createFirstAdministrator } from '../auth/first-administrator'
import { resolveSession } from '../auth/session-store'
import { userCount } from '../auth/users-store'
import { refundOutboxHandlers } from '../aftersales/refund-sending'
import { writeAuditEvent } from '../core/audit'
import { systemClock, type Clock, type HostMode } from '../core/context'
import { createRegistry, type Registry } from '../core/registry'
import type { SecretBox } from '../core/secrets'
import { openDatabase, type Db } from '../db/open'
import { tenants } from '../db/schema'
import { loadDemo, type DemoResult } from '../demo'
import { createReserveReleaser } from '../finance/reserve'
import { createCallbackListener } from '../http/callback-listener'
import { createJobLoop, everyOnClock } from '../jobs/loop'
import { createOutboxRunner } from '../jobs/outbox'
import { createLedger, type Ledger } from '../ledger/ledger'
import { maskClearCallbackBodies } from '../orders/callback-bodies'
import type { CallbackInbox } from '../orders/callbacks'
import { sealClearOrderFields } from '../orders/card-numbers'
import { createOrderEngine, fetchPoster, type HttpPoster } from '../orders/engine'
import { genericAdapterFactory, type AdapterFactory } from '../orders/sending'
import { createReadPool, type ReadPool } from '../reads/pool'
import { createReconJobs, type ReconJobs } from '../recon/jobs'
import { recoverReconciliation } from '../recon/recover'
import { createExportJobs, folderTarget, type ExportJobs, type ExportJobsOptions, type ExportTarget } from '../reports/export/jobs'
import type { SimulatorHost } from '../core/ports'
import { createSimulatorHost } from '../simulator/host'
import { createFieldTestRunner, type FieldTestRunner } from '../fieldtest/runs/runner'
import { rehearsalChannels } from '../fieldtest/runs/rehearsal'
import { paymentLinkOf } from '../orders/payment-link'
import { applyPendingRestore } from '../safety/files'
import { createSafety, type Safety } from '../safety/service'
import { bootstrapTenant, TENANT_ID } from './bootstrap'
import { procedureImplementations } from './procedures'
import { READ_WORKER, READS } from './reads'

/** WAL checkpoints run between requests, never inside a commit (see openDatabase), in a read worker. */
const CHECKPOINT_EVERY_MS = 5000
/** Reserve releases fall due by the day: looking once a minute (and at start) is plenty. */
const RESERVE_EVERY_MS = 60_000

export interface CoreOptions {
  /** A database file, or `:memory:`. */
  dbPath: string
  /** Where dispute evidence files go: by default `evidence/` beside the database (a temporary folder for `:memory:`). */
  evidenceDir?: string
  mode: HostMode
  version?: string
  clock?: Clock
  nativeBinding?: string
  migrationsFolder?: string
  /** Encryption at rest for credentials and signing secrets (safeStorage or a key file). */
  secrets: SecretBox
  /** How a channel's protocol settings become an adapter (the generic adapter by default). */
  adapterFactory?: AdapterFactory
  /** How merchant notifications are posted (fetch by default). */
  post?: HttpPoster
  log?: (error: unknown) => void
  /**
   * Where report exports are written: the desktop app's save dialog; by default (the headless host,
   * tests) the `exports` folder beside the database, or a temporary folder for `:memory:`.
   */
  exportTarget?: ExportTarget
  /** Export jobs' batch size and pace (tests); see reports/export/jobs.ts. */
  exportOptions?: ExportJobsOptions
  /** A restore from a backup was staged (safety/): the desktop app relaunches to apply it. */
  onRestoreStaged?: () => void
  /** The desktop app's operating-system notifications (desktop.notify); none in the browser host. */
  notify?: (notice: { title: string; body: string }) => void
}

/** What runs beside the procedures: hosts start it after the core and stop it before close(). */
export interface Engine {
  /** Starts the callback listener and the job loop; resolves once the listener listens, not after the loop's first pass. */
  start(options?: { tickMs?: number }): Promise<void>
  stop(): Promise<void>
  /** One pass of the job loop now (tests, tools). */
  tick(): Promise<void>
  /** Resolves when the first pass after start (the catch-up) has finished. */
  caughtUp(): Promise<void>
  listeningAt(): string | null
  /** The provider callbacks inbox (the listener's; tests feed it directly). */
  inbox: CallbackInbox
}

export interface Core extends Registry {
  db: Db
  clock: Clock
  ledger: Ledger
  /** The callback listener and the job loop (expiry, callbacks, the outbox, reserve releases, checkpoints). */
  engine: Engine
  /** The off-thread reads' worker threads (in-process on an in-memory database). */
  reads: ReadPool
  /** Report exports (jobs in worker threads; in-process on an in-memory database). */
  exports: ExportJobs
  /** Statement imports, reconciliation runs and their exports (worker threads; in-process on an in-memory database). */
  recon: ReconJobs
  /** The built-in provider simulator: started only when asked (the simulator panel, the demo), stopped with the engine. */
  simulator: SimulatorHost
  /** Field test runs in the background: recovered when the engine starts, left to the next start when it stops. */
  fieldTests: FieldTestRunner
  /** Backups and the ledger check: the port procedures use, and the jobs the loop runs. */
  safety: Safety
  mode: HostMode
  /** Browser mode, empty database: the code the first-run page asks for. */
  setupCode: string | null
  /** Creates the first administrator from PAYDESK_ADMIN_USER / PAYDESK_ADMIN_PASSWORD when none exists. */
  ensureAdminFromEnv(env: NodeJS.ProcessEnv): Promise<'created' | 'exists' | 'not-set'>
  loadDemo(): Promise<DemoResult>
  /** The payment page address a provider returned for the order, if any (the desktop app opens only it in the system browser). */
  paymentLink(orderId: number): string | null
  /**
   * Closes the main connection at once; resolves when the read workers' threads (and their
   * connections) have ended too. A start in the same process that moves the database file (a
   * staged restore) waits for it: a worker's connection still open on the old file raced the move.
   */
  close(): Promise<void>
}

/** Six characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export function newSetupCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
  return Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('')
}

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock
  // A restore staged by the last run replaces the database before it opens (safety/files.ts).
  const replaced = options.dbPath === ':memory:' ? null : applyPendingRestore(options.dbPath, clock.now())
  const db = openDatabase({ path: options.dbPath, nativeBinding: options.nativeBinding, migrationsFolder: options.migrationsFolder, checkpointInBackground: true })
  bootstrapTenant(db, clock.now())
  // Card numbers and callback bodies an older version stored in clear are sealed and masked before
  // anything can read them (migration 0017 cannot: the key is not in the database). In batches;
  // a database already converted costs two empty index reads.
  sealClearOrderFields(db, options.secrets)
  maskClearCallbackBodies(db, options.secrets, options.adapterFactory ?? genericAdapterFactory)
  const host = {
    mode: options.mode,
    version: options.version ?? '0.0.0',
    setupCode: options.mode === 'browser' && userCount(db) === 0 ? newSetupCode() : null
  }
  const timeZoneQuery = db.$client.prepare('select time_zone as zone from tenants where id = ?')
  const ledger = createLedger(db, {
    tenantId: TENANT_ID,
    clock,
    timeZone: () => (timeZoneQuery.get(TENANT_ID) as { zone: string }).zone,
    isRehearsalChannel: rehearsalChannels(db.$client)
  })
  const log = options.log ?? ((error: unknown) => console.error(error))
  if (replaced) log(`Restored from a backup; the database it replaced is kept as ${replaced}`)
  const reads = createReadPool({ dbPath: options.dbPath, sqlite: db.$client, nativeBinding: options.nativeBinding, catalog: READS, worker: READ_WORKER })

  const listenerSettings = () => db.select({ host: tenants.callbackHost, port: tenants.callbackPort, publicUrl: tenants.callbackPublicUrl }).from(tenants).where(eq(tenants.id, TENANT_ID)).get()!
  // The listener hands what it receives to the order engine's inbox; the engine asks it where providers call back.
  const listener = createCallbackListener(listenerSettings, { receive: (channelId, body, contentType) => orders.inbox.receive(channelId, body, contentType) })
  const orders = createOrderEngine({
    db,
    clock,
    ledger,
    secrets: options.secrets,
    tenantId: TENANT_ID,
    adapterFactory: options.adapterFactory ?? genericAdapterFactory,
    post: options.post ?? fetchPoster,
    log,
    callbackBaseUrl: () => listener.baseUrl()
  })
  const outbox = createOutboxRunner({ db, clock, log }, { ...orders.outboxHandlers, ...refundOutboxHandlers(orders.deps) })
  const reserves = createReserveReleaser({ db, ledger, clock, tenantId: TENANT_ID })
  const safety = createSafety({ db, clock, tenantId: TENANT_ID, reads, dbPath: options.dbPath, nativeBinding: options.nativeBinding, onRestoreStaged: options.onRestoreStaged, log })
  const loop = createJobLoop(
    [
      orders.jobs.expiry,
      // In slices with a turn of the event loop between them (see finance/reserve.ts).
      { name: 'reserve releases', run: everyOnClock(() => clock.now(), RESERVE_EVERY_MS, () => reserves.run().then(() => {})) },
      orders.jobs.callbacks,
      { name: 'outbox', run: () => outbox.runDue().then(() => {}) },
      // The copy and its fsync are no work for the main thread: a read worker does it.
      { name: 'WAL checkpoint', everyMs: CHECKPOINT_EVERY_MS, run: () => reads.checkpoint() },
      // Scheduled backups and the daily ledger check start in the background (safety/service.ts).
      ...safety.jobs
    ],
    log
  )

  const exportDir = options.dbPath === ':memory:' ? join(tmpdir(), `paydesk-exports-${process.pid}`) : join(dirname(options.dbPath), 'exports')
  const exports = createExportJobs(options.exportTarget ?? folderTarget(exportDir), { dbPath: options.dbPath, sqlite: db.$client, nativeBinding: options.nativeBinding }, log, options.exportOptions)
  const evidenceDir = options.evidenceDir ?? (options.dbPath === ':memory:' ? join(tmpdir(), `paydesk-evidence-${process.pid}-${randomUUID()}`) : join(dirname(options.dbPath), 'evidence'))
  const reconFolder = options.dbPath === ':memory:' ? join(tmpdir(), `paydesk-recon-${process.pid}-${randomUUID()}`) : join(dirname(options.dbPath), 'reconciliation')
  const recon = createReconJobs({ dbPath: options.dbPath, sqlite: db.$client, nativeBinding: options.nativeBinding }, reconFolder, log)
  // An import or a run a crash interrupted was never visible: what it wrote goes now.
  recoverReconciliation(db.$client, reconFolder, clock.now())
  const simulator = createSimulatorHost()
  // Runs act through the registry's context, as the engineer who started them (bound once the registry exists).
  const fieldTests = createFieldTestRunner({ db, clock, tenantId: TENANT_ID, secrets: options.secrets, log, simulator, contextFor: (actor) => registry.contextFor('fieldtest.runs.start', actor) })
  const ports = { ledger, secrets: options.secrets, sending: orders.sending(outbox.run), callbacks: listener, reads, exports, evidenceDir, recon, simulator, fieldTests, safety: safety.port, notify: options.notify ?? null }
  const demo = (who: { userId: number | null; username: string }) => loadDemo({ db, clock, tenantId: TENANT_ID, registry, ledger, procedures: implementations }, who)
  const implementations = procedureImplementations({ loadDemo: demo })
  const registry: Registry = createRegistry({
    db,
    clock,
    host,
    tenantId: TENANT_ID,
    implementations,
    ports,
    resolveSession: (token, now) => resolveSession(db, TENANT_ID, token, now),
    log
  })
  const engine: Engine = {
    async start(startOptions = {}) {
      await listener.start()
      orders.start()
      outbox.recoverInFlight()
      loop.start(startOptions)
      // After the listener and the outbox: a resumed run sends and waits for callbacks.
      fieldTests.recover()
    },
    async stop() {
      await fieldTests.stopAll()
      orders.stop()
      await recon.stopAll()
      await loop.stop()
      // The scheduled backup and ledger check run beside the loop, not in it.
      await safety.settle()
      await Promise.all([listener.close(), simulator.stop()])
    },
    tick: () => loop.tick(),
    caughtUp: () => loop.caughtUp(),
    listeningAt: () => listener.listeningAt(),
    inbox: orders.inbox
  }
  const systemAudit = (procedure: string) => ({
    db,
    clock,
    tenantId: TENANT_ID,
    audit: (tx: Parameters<typeof writeAuditEvent>[0], event: Parameters<typeof writeAuditEvent>[2]) =>
      writeAuditEvent(tx, { tenantId: TENANT_ID, userId: null, actor: 'system', procedure, at: clock.now() }, event)
  })

  return {
    ...registry,
    db,
    clock,
    ledger,
    engine,
    reads,
    exports,
    recon,
    simulator,
    fieldTests,
    safety,
    mode: options.mode,
    get setupCode() {
      return userCount(db) === 0 ? host.setupCode : null
    },
    async ensureAdminFromEnv(env) {
      const username = env.PAYDESK_ADMIN_USER?.trim().toLowerCase()
      const password = env.PAYDESK_ADMIN_PASSWORD
      if (!username || !password) return 'not-set'
      if (userCount(db) > 0) return 'exists'
      const parsed = contract['auth.setupAdmin'].input.safeParse({ username, displayName: username, password })
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const variable = issue.path[0] === 'password' ? 'PAYDESK_ADMIN_PASSWORD' : 'PAYDESK_ADMIN_USER'
        throw new Error(`${variable}: ${issue.message}`)
      }
      await createFirstAdministrator(systemAudit('system.adminFromEnv'), parsed.data)
      return 'created'
    },
    loadDemo() {
      return demo({ userId: null, username: 'system' })
    },
    paymentLink: (orderId) => paymentLinkOf(db, TENANT_ID, orderId),
    close() {
      // The workers' read-only connections end with their threads; the main connection closes now.
      // A simulator started without the engine (tests, tools) goes too.
      const closing = reads.close()
      void simulator.stop()
      db.$client.close()
      return closing
    }
  }
}


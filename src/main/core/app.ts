/**
 * The PayDesk core: a database, the registry of procedures and the start-up work, with no
 * knowledge of Electron or HTTP. The desktop shell and the headless host each wrap one.
 */
import { randomInt, randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { contract } from '../../shared/contract'
import { openDatabase, type Db } from '../db/open'
import { implementations } from '../procedures'
import { createFirstAdministrator } from '../procedures/auth'
import { userCount } from '../auth/users-store'
import { loadDemo, type DemoResult } from '../demo'
import { writeAuditEvent } from './audit'
import { bootstrapTenant, TENANT_ID } from './bootstrap'
import { systemClock, type Clock, type HostMode } from './context'
import { createRegistry, type Registry } from './registry'
import type { SecretBox } from './secrets'
import { createLedger, type Ledger } from '../ledger/ledger'
import { fetchPoster, type HttpPoster } from '../orders/engine'
import { createOrderEngine, type OrderEngine } from '../orders/runtime'
import { maskClearCallbackBodies } from '../orders/callback-bodies'
import { sealClearOrderFields } from '../orders/card-numbers'
import { genericAdapterFactory, type AdapterFactory } from '../orders/sending'
import { createReportReader, type ReportReader } from '../reports/reader'
import { createExportJobs, folderTarget, type ExportJobs, type ExportJobsOptions, type ExportTarget } from '../reports/export/jobs'

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
}

export interface Core extends Registry {
  db: Db
  clock: Clock
  ledger: Ledger
  /** The order engine; hosts start it (callback listener, job loop) and stop it before close(). */
  orders: OrderEngine
  /** The report reads' worker threads (in-process on an in-memory database). */
  reports: ReportReader
  /** Report exports (jobs in worker threads; in-process on an in-memory database). */
  exports: ExportJobs
  mode: HostMode
  /** Browser mode, empty database: the code the first-run page asks for. */
  setupCode: string | null
  /** Creates the first administrator from PAYDESK_ADMIN_USER / PAYDESK_ADMIN_PASSWORD when none exists. */
  ensureAdminFromEnv(env: NodeJS.ProcessEnv): Promise<'created' | 'exists' | 'not-set'>
  loadDemo(): Promise<DemoResult>
  close(): void
}

/** Six characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export function newSetupCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
  return Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('')
}

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock
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
  const ledger = createLedger(db, { tenantId: TENANT_ID, clock, timeZone: () => (timeZoneQuery.get(TENANT_ID) as { zone: string }).zone })
  const demo = (who: { userId: number | null; username: string }) => loadDemo({ db, clock, tenantId: TENANT_ID, registry, ledger }, who)
  const log = options.log ?? ((error: unknown) => console.error(error))
  const reports = createReportReader({ dbPath: options.dbPath, sqlite: db.$client, nativeBinding: options.nativeBinding })
  const orders = createOrderEngine({
    db,
    clock,
    ledger,
    secrets: options.secrets,
    tenantId: TENANT_ID,
    adapterFactory: options.adapterFactory ?? genericAdapterFactory,
    post: options.post ?? fetchPoster,
    log,
    checkpoint: () => reports.checkpoint()
  })
  const exportDir = options.dbPath === ':memory:' ? join(tmpdir(), `paydesk-exports-${process.pid}`) : join(dirname(options.dbPath), 'exports')
  const exports = createExportJobs(options.exportTarget ?? folderTarget(exportDir), { dbPath: options.dbPath, sqlite: db.$client, nativeBinding: options.nativeBinding }, log, options.exportOptions)
  const evidenceDir = options.evidenceDir ?? (options.dbPath === ':memory:' ? join(tmpdir(), `paydesk-evidence-${process.pid}-${randomUUID()}`) : join(dirname(options.dbPath), 'evidence'))
  const registry: Registry = createRegistry({ db, clock, host, tenantId: TENANT_ID, implementations, ledger, secrets: options.secrets, loadDemo: demo, orders, reports, exports, evidenceDir, log })
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
    orders,
    reports,
    exports,
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
    close() {
      // The workers' read-only connections end with their threads; the main connection closes now.
      void reports.close()
      db.$client.close()
    }
  }
}


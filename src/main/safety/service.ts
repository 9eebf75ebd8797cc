/**
 * Backups and the ledger check as the engine runs them (the SafetyPort): a backup through SQLite's
 * online backup API in a worker thread of its own (backup-worker.ts: one read transaction's snapshot,
 * while the window and the order engine keep going on the main thread), one at a time; the ledger check in a read worker, recorded in ledger_checks;
 * and the two periodic jobs: a backup when the last is older than the schedule, and the daily check.
 */
import { join } from 'node:path'
import { chmodSync, renameSync, rmSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { and, desc, eq } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import type { Clock } from '../core/context'
import { conflict, notFound, validationError } from '../core/errors'
import type { SafetyPort } from '../core/ports'
import type { ReadPool } from '../reads/pool'
import type { Db } from '../db/open'
import { PRIVATE_FILE_MODE } from '../paths'
import { ledgerChecks } from '../db/schema'
import type { PeriodicJob } from '../jobs/loop'
import { backupFileName, BACKUP_NAME, listBackups, pruneBackups, stageRestore } from './files'
import { SAFETY_READS, type CheckOutcome } from './reads'
import { backupFolderOf, backupSettingsOf, ensureWritableFolder } from './settings'
import { workerEntry } from '../reads/worker-entry'

export const DAY_MS = 24 * 60 * 60 * 1000
/** How often the jobs look whether a backup or the daily check is due. */
const LOOK_EVERY_MS = 60_000

export interface SafetyOptions {
  db: Db
  clock: Clock
  tenantId: number
  reads: ReadPool
  /** ':memory:' has nothing to back up. */
  dbPath: string
  /** The native SQLite module the backup's worker thread loads (the desktop app's Electron build). */
  nativeBinding?: string
  /** A restore was staged: the desktop app relaunches; the browser host leaves it to the next start. */
  onRestoreStaged?: () => void
  log: (error: unknown) => void
}

export interface Safety {
  port: SafetyPort
  jobs: PeriodicJob[]
  /**
   * Resolves when the backups and ledger checks under way have ended, the scheduled ones (which
   * the job loop starts and does not wait for) as well as those asked for: the engine's stop awaits
   * it, so the database never closes under a backup that still reads its settings or a check that
   * still records its result.
   */
  settle(): Promise<void>
}

/** When the daily check of the live database runs next: a day after the last, or now. */
export function nextCheckAt(db: Db, tenantId: number, now: number): number {
  const last = db
    .select({ at: ledgerChecks.startedAt })
    .from(ledgerChecks)
    .where(and(eq(ledgerChecks.tenantId, tenantId), eq(ledgerChecks.target, 'live')))
    .orderBy(desc(ledgerChecks.id))
    .limit(1)
    .get()
  return last ? last.at + DAY_MS : now
}

/**
 * Copies the database into `target` in a worker thread (backup-worker.ts). Done on the main thread
 * in steps, the copy's last step (its commit and fsync) held the event loop for as long as writing
 * the whole file out takes: 140–170 ms for 235 MiB, seconds at the benchmark's size.
 */
function copyInWorker(dbPath: string, target: string, nativeBinding: string | undefined): Promise<void> {
  const entry = workerEntry('backup-worker', join(__dirname, 'backup-worker.ts'))
  return new Promise((resolve, reject) => {
    let outcome: { ok: true } | { ok: false; error: Error } | null = null
    const worker = new Worker(entry.script, { eval: entry.eval, workerData: { dbPath, nativeBinding, target } })
    worker.on('message', (message: { type: 'done' } | { type: 'failed'; message: string }) => {
      outcome = message.type === 'done' ? { ok: true } : { ok: false, error: new Error(message.message) }
    })
    worker.on('error', (error) => (outcome ??= { ok: false, error }))
    worker.on('exit', () => {
      const ended = outcome ?? { ok: false, error: new Error('The backup worker stopped') }
      if (ended.ok) resolve()
      else reject(ended.error)
    })
  })
}

export function createSafety(options: SafetyOptions): Safety {
  const { db, clock, tenantId } = options
  const dbPath = options.dbPath === ':memory:' ? null : options.dbPath
  let backingUp = false
  let checking = false
  const underWay = new Set<Promise<unknown>>()
  /** The work, remembered until it ends (its failure is its caller's to handle). */
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    underWay.add(work)
    work.then(
      () => underWay.delete(work),
      () => underWay.delete(work)
    )
    return work
  }

  const folder = () => {
    if (!dbPath) throw conflict(say('error.backup.inMemory'), { code: 'backup.in_memory' })
    return backupFolderOf(backupSettingsOf(db, tenantId), dbPath)
  }

  async function makeBackup(_userId: number | null) {
    if (backingUp) throw conflict(say('error.backup.running'), { code: 'backup.running' })
    const target = folder()
    const problem = ensureWritableFolder(target)
    if (problem) throw conflict(say('error.backup.folderNotWritable', { folder: target, reason: problem }), { code: 'backup.folder_not_writable' })
    backingUp = true
    const name = backupFileName(clock.now())
    const partial = join(target, `${name}.partial`)
    try {
      await copyInWorker(dbPath!, partial, options.nativeBinding)
      // The whole database, card numbers sealed but everything else in clear: its owner's alone.
      chmodSync(partial, PRIVATE_FILE_MODE)
      renameSync(partial, join(target, name))
    } catch (error) {
      rmSync(partial, { force: true })
      throw error
    } finally {
      backingUp = false
    }
    const pruned = pruneBackups(target, backupSettingsOf(db, tenantId).keep)
    const file = listBackups(target).find((f) => f.name === name)!
    return { file, pruned }
  }

  function record(target: { live: true } | { backup: string }, startedAt: number, outcome: CheckOutcome, userId: number | null): number {
    const report = outcome.ok ? outcome.report : null
    const row = db
      .insert(ledgerChecks)
      .values({
        tenantId,
        target: 'live' in target ? 'live' : 'backup',
        file: 'backup' in target ? target.backup : null,
        startedAt,
        finishedAt: clock.now(),
        status: !report ? 'failed' : report.drifts.length > 0 ? 'drift' : 'clean',
        postings: report?.postings ?? 0,
        entries: report?.entries ?? 0,
        accounts: report?.accounts ?? 0,
        driftCount: report?.drifts.length ?? 0,
        drifts: JSON.stringify(report?.drifts ?? []),
        error: outcome.ok ? null : outcome.error,
        requestedBy: userId
      })
      .returning({ id: ledgerChecks.id })
      .get()
    return row.id
  }

  async function runCheck(target: { live: true } | { backup: string }, userId: number | null): Promise<number> {
    if (checking) throw conflict(say('error.ledgerCheck.running'), { code: 'ledger_check.running' })
    let path: string | null = null
    if ('backup' in target) {
      if (!BACKUP_NAME.test(target.backup)) throw validationError('name', say('rule.backup.fileName'))
      const at = folder()
      if (!listBackups(at).some((f) => f.name === target.backup)) throw notFound(say('thing.backup', { name: target.backup }))
      path = join(at, target.backup)
    }
    checking = true
    const startedAt = clock.now()
    try {
      const scope = { tenantId, zone: '+00:00' }
      const request = { pageIndex: 1, pageSize: 1, withTotals: false }
      const outcome = path ? await options.reads.read(SAFETY_READS.ledgerCheckFile, scope, { path }, request) : await options.reads.read(SAFETY_READS.ledgerCheckLive, scope, {}, request)
      return record(target, startedAt, outcome, userId)
    } finally {
      checking = false
    }
  }

  const backupNow = (userId: number | null) => tracked(makeBackup(userId))
  const check = (target: { live: true } | { backup: string }, userId: number | null) => tracked(runCheck(target, userId))

  const port: SafetyPort = {
    dbPath,
    backupNow,
    backingUp: () => backingUp,
    check,
    stageRestore(name) {
      if (!dbPath) throw conflict(say('error.backup.inMemory'), { code: 'backup.in_memory' })
      stageRestore(dbPath, join(folder(), name))
      // After the answer has gone out: the desktop app relaunches to apply it.
      if (options.onRestoreStaged) setTimeout(options.onRestoreStaged, 500)
    }
  }

  const jobs: PeriodicJob[] = dbPath
    ? [
        {
          name: 'scheduled backup',
          everyMs: LOOK_EVERY_MS,
          run() {
            const settings = backupSettingsOf(db, tenantId)
            if (settings.everyHours === 0 || backingUp) return
            const newest = listBackups(backupFolderOf(settings, dbPath)).find((f) => f.ours)
            if (newest && clock.now() - newest.madeAt < settings.everyHours * 60 * 60 * 1000) return
            // In the background: the job loop (expiry, callbacks, the outbox) does not wait for it.
            void backupNow(null).catch(options.log)
          }
        },
        {
          name: 'daily ledger check',
          everyMs: LOOK_EVERY_MS,
          run() {
            if (checking || clock.now() < nextCheckAt(db, tenantId, clock.now())) return
            void check({ live: true }, null).catch(options.log)
          }
        }
      ]
    : []

  async function settle(): Promise<void> {
    while (underWay.size > 0) await Promise.allSettled([...underWay])
  }

  return { port, jobs, settle }
}

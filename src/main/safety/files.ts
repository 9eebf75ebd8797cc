/**
 * The backup folder and the swap of a restored database. Backups are whole SQLite files named
 * `paydesk-backup-<UTC time>.db`; retention deletes only files of that name, never anything else an
 * administrator keeps in the folder. A restore is staged beside the live database and applied at the
 * next start, before the database opens: the database a running app holds is never overwritten.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export const BACKUP_PREFIX = 'paydesk-backup-'
/** The staged restore, beside the live database. */
export const PENDING_RESTORE = 'paydesk.restore-pending.db'
/** A backup file chosen from the folder: a plain name, no path. */
export const BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.db$/

export interface BackupFile {
  name: string
  bytes: number
  /** For PayDesk's own, the time in its name (the app's clock); for another file, its modification time. */
  madeAt: number
  /** Made by PayDesk (named so): retention may delete it. */
  ours: boolean
}

/** `20261206-151700.123Z`: UTC to the millisecond, so two backups never share a name. */
const stamp = (at: number) => new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-')
const STAMPED = /^paydesk-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.(\d{3})Z\.db$/

function timeInName(name: string): number | null {
  const m = STAMPED.exec(name)
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7])) : null
}

/** `paydesk-backup-20261206-151700.123Z.db`: sorts by time, names its zone (UTC). */
export function backupFileName(at: number): string {
  return `${BACKUP_PREFIX}${stamp(at)}.db`
}

/** The SQLite files in the folder, newest first (none when the folder does not exist yet). */
export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => BACKUP_NAME.test(name))
    .map((name) => {
      const stat = statSync(join(folder, name))
      const stamped = timeInName(name)
      return { name, bytes: stat.size, madeAt: stamped ?? Math.floor(stat.mtimeMs), ours: stamped !== null }
    })
    .filter((file) => file.bytes > 0)
    .sort((a, b) => b.madeAt - a.madeAt || b.name.localeCompare(a.name))
}

/** Deletes PayDesk's own backups beyond the newest `keep`; returns the names deleted. */
export function pruneBackups(folder: string, keep: number): string[] {
  const ours = listBackups(folder).filter((f) => f.ours)
  const gone = ours.slice(keep).map((f) => f.name)
  for (const name of gone) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(folder, name + suffix), { force: true })
  return gone
}

/** Copies the chosen backup beside the live database, to be swapped in at the next start. */
export function stageRestore(dbPath: string, backup: string): void {
  const pending = join(dirname(dbPath), PENDING_RESTORE)
  copyFileSync(backup, `${pending}.partial`)
  renameSync(`${pending}.partial`, pending)
}

export function pendingRestore(dbPath: string): string | null {
  const pending = join(dirname(dbPath), PENDING_RESTORE)
  return existsSync(pending) ? pending : null
}

/**
 * At start, before the database opens: a staged restore becomes the database. The database it
 * replaces is kept, with its write-ahead log, as `paydesk.before-restore-<time>.db`, so a restore
 * can itself be undone. Returns the kept file's path, or null when nothing was staged.
 */
export function applyPendingRestore(dbPath: string, now: number): string | null {
  const pending = pendingRestore(dbPath)
  if (!pending) return null
  const kept = join(dirname(dbPath), `${basename(dbPath, '.db')}.before-restore-${stamp(now)}.db`)
  if (existsSync(dbPath)) {
    renameSync(dbPath, kept)
    for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, kept + suffix)
  }
  renameSync(pending, dbPath)
  return kept
}

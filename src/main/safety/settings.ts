/** The tenant's backup settings and the folder they resolve to. */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { tenants } from '../db/schema'
import type { Db } from '../db/open'
import { PRIVATE_DIR_MODE } from '../paths'
import type { Tx } from '../db/transaction'

export interface StoredBackupSettings {
  folder: string
  everyHours: number
  keep: number
}

export function backupSettingsOf(db: Db | Tx, tenantId: number): StoredBackupSettings {
  const row = db.select({ folder: tenants.backupFolder, everyHours: tenants.backupEveryHours, keep: tenants.backupKeep }).from(tenants).where(eq(tenants.id, tenantId)).get()
  if (!row) throw new Error(`tenant ${tenantId} is missing`)
  return row
}

/** The folder in use: the one set, or `backups` beside the database. */
export function backupFolderOf(settings: StoredBackupSettings, dbPath: string): string {
  return settings.folder === '' ? join(dirname(dbPath), 'backups') : settings.folder
}

/**
 * Creates a missing folder one level at a time from its nearest existing parent. (Node's
 * `mkdirSync(…, { recursive: true })` never returns on a parent that answers ENOENT to mkdir,
 * such as a folder under /proc.)
 */
function makeFolder(folder: string): void {
  const missing: string[] = []
  let at = resolve(folder)
  while (!existsSync(at)) {
    missing.unshift(at)
    const parent = dirname(at)
    if (parent === at) break
    at = parent
  }
  // Backups hold the whole database: folders PayDesk makes are its user's alone.
  for (const level of missing) mkdirSync(level, { mode: PRIVATE_DIR_MODE })
}

/** Creates the folder when missing and proves it can be written; the reason in the OS's words otherwise. */
export function ensureWritableFolder(folder: string): string | null {
  try {
    makeFolder(folder)
    accessSync(folder, constants.W_OK)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

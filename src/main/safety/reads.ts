/**
 * The ledger self-check off the main thread (reads/catalog.ts): on the live database through the
 * read pool's own read-only connection, or on a backup file opened read-only in the worker.
 */
import Database from 'better-sqlite3'
import type { PageRequest, ReadSource } from '../reads/page'
import { readHandles } from '../reads/catalog'
import { verifyLedger, type VerifyReport } from '../ledger/verify'

export type CheckOutcome = { ok: true; report: VerifyReport } | { ok: false; error: string }

/** Tables a PayDesk database has, whatever its version since the ledger came. */
const REQUIRED_TABLES = ['__drizzle_migrations', 'tenants', 'ledger_postings', 'ledger_entries', 'ledger_accounts']

function checkFile(path: string): CheckOutcome {
  let db: Database.Database
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
  try {
    const integrity = db.pragma('quick_check', { simple: true })
    if (integrity !== 'ok') return { ok: false, error: `SQLite integrity check: ${String(integrity)}` }
    const present = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name))
    const missing = REQUIRED_TABLES.filter((t) => !present.has(t))
    if (missing.length > 0) return { ok: false, error: `not a PayDesk database (no ${missing.join(', ')})` }
    return { ok: true, report: verifyLedger(db) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  } finally {
    db.close()
  }
}

export const safetyReads = {
  ledgerCheckLive: (src: ReadSource, _filters: Record<string, never>, _request: PageRequest): CheckOutcome => ({ ok: true, report: verifyLedger(src.sqlite) }),
  ledgerCheckFile: (_src: ReadSource, filters: { path: string }, _request: PageRequest): CheckOutcome => checkFile(filters.path)
}

export const SAFETY_READS = readHandles(safetyReads)

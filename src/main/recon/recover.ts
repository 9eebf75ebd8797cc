/**
 * At start, before anything reads reconciliation: an import or a run a crash (or a quit) cut
 * short was never visible, and what it wrote is removed, as are the lines of dry runs nobody
 * committed within a day; uploads kept over a day are deleted.
 */
import type Database from 'better-sqlite3'
import { discardUnfinishedImports } from './import'
import { discardRun } from './run'
import { removeExpiredFiles } from './uploads'

export function recoverReconciliation(sqlite: Database.Database, folder: string, now: number): { imports: number; runs: number; uploads: number } {
  return { imports: discardUnfinishedImports(sqlite, now), runs: failInterruptedRuns(sqlite), uploads: removeExpiredFiles(folder, now) }
}

/** Runs a crash interrupted are failed, their partial results removed. */
function failInterruptedRuns(sqlite: Database.Database): number {
  const interrupted = sqlite.prepare("select id from recon_runs where status = 'running'").pluck().all() as number[]
  for (const id of interrupted) discardRun(sqlite, id, 'failed', 'interrupted: PayDesk stopped during the run')
  return interrupted.length
}

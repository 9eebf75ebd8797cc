/**
 * At start, before anything reads reconciliation: an import or a run a crash (or a quit) cut
 * short was never visible, and what it wrote is removed; uploads kept over a day are deleted.
 */
import type Database from 'better-sqlite3'
import { discardUnfinishedImports } from './import'
import { failInterruptedRuns } from './run'
import { removeExpiredFiles } from './uploads'

export function recoverReconciliation(sqlite: Database.Database, folder: string, now: number): { imports: number; runs: number; uploads: number } {
  return { imports: discardUnfinishedImports(sqlite), runs: failInterruptedRuns(sqlite), uploads: removeExpiredFiles(folder, now) }
}

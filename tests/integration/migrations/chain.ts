/**
 * A database file taken through the migration chain in steps, for the tests of migrations that
 * move data: apply the chain up to the migration before, fill the old shape, then apply the
 * migration under test and the rest. Each step is the app's own `openDatabase` on a copy of
 * `drizzle/` whose journal stops at the step's migration (drizzle applies what its journal lists).
 *
 * The only file of these tests that imports from src/main: when the database code moves, these
 * two imports are the lines to change.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { findMigrationsFolder } from '../../../src/main/db/migrations'
import { openDatabase } from '../../../src/main/db/open'

export interface MigrationSteps {
  /** Applies the migrations up to and including `tag` (the whole chain without one); the caller closes the handle. */
  migrateTo(tag?: string): Database.Database
  /** Removes the database and the journal copies. */
  remove(): void
}

export function migrationSteps(): MigrationSteps {
  const shipped = findMigrationsFolder()
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-migration-'))
  const path = join(dir, 'paydesk.db')

  function folderUpTo(tag: string): string {
    const folder = join(dir, `up-to-${tag}`)
    cpSync(shipped, folder, { recursive: true })
    const journalPath = join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
    const last = journal.entries.findIndex((entry) => entry.tag === tag)
    if (last < 0) throw new Error(`No migration ${tag} in ${shipped}`)
    for (const later of journal.entries.splice(last + 1)) rmSync(join(folder, `${later.tag}.sql`))
    writeFileSync(journalPath, JSON.stringify(journal))
    return folder
  }

  return {
    migrateTo: (tag) => openDatabase({ path, migrationsFolder: tag ? folderUpTo(tag) : shipped }).$client,
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}

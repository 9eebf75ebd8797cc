/**
 * Where the drizzle-kit migrations live, and the guard that refuses to open a database whose
 * applied migrations were edited after they shipped (drizzle only records their hashes).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type Database from 'better-sqlite3'

interface JournalEntry {
  idx: number
  tag: string
  when: number
}

/** Walks up from this file (source or built bundle) to the folder holding `drizzle/meta/_journal.json`. */
export function findMigrationsFolder(start: string = __dirname): string {
  const fromEnv = process.env.PAYDESK_MIGRATIONS_DIR
  if (fromEnv) return resolve(fromEnv)
  let dir = resolve(start)
  for (;;) {
    const candidate = join(dir, 'drizzle')
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`No drizzle/meta/_journal.json found above ${start}`)
    dir = parent
  }
}

export interface MigrationFile {
  tag: string
  createdAt: number
  hash: string
}

/** The migrations of the folder, in order, with the same SHA-256 drizzle records when applying them. */
export function readMigrations(folder: string): MigrationFile[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[]
  }
  return journal.entries.map((entry) => {
    const text = readFileSync(join(folder, `${entry.tag}.sql`), 'utf8')
    return { tag: entry.tag, createdAt: entry.when, hash: createHash('sha256').update(text).digest('hex') }
  })
}

export class MigrationChangedError extends Error {
  constructor(tag: string) {
    super(
      `Migration ${tag} was changed after it was applied to this database. Applied migrations never change: ` +
        'restore the original file and add a new migration instead.'
    )
  }
}

export function assertAppliedMigrationsUnchanged(sqlite: Database.Database, folder: string): void {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get()
  if (!table) return
  const applied = sqlite.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations').all() as {
    hash: string
    createdAt: number
  }[]
  const files = readMigrations(folder)
  for (const row of applied) {
    const file = files.find((f) => f.createdAt === Number(row.createdAt))
    if (file && file.hash !== row.hash) throw new MigrationChangedError(file.tag)
  }
}

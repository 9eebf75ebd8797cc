import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findMigrationsFolder, MigrationChangedError, readMigrations } from './migrations'
import { openDatabase } from './open'

const folder = findMigrationsFolder()
const lockFile = join(__dirname, 'migrations.lock.json')

describe('migrations', () => {
  it('the whole chain applies to an empty database and creates the foundation tables', () => {
    const db = openDatabase({ path: ':memory:' })
    const tables = (db.$client.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name)
    for (const t of ['tenants', 'merchants', 'users', 'roles', 'role_permissions', 'user_roles', 'sessions', 'audit_events']) expect(tables).toContain(t)
    const applied = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
    expect(applied.n).toBe(readMigrations(folder).length)
    db.$client.close()
  })

  it('opens with foreign keys, WAL, synchronous=FULL and a busy timeout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-db-'))
    const db = openDatabase({ path: join(dir, 'p.db') })
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0)
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    db.$client.close()
    // The app's hosts checkpoint in their maintenance loop instead of inside a commit.
    const background = openDatabase({ path: join(dir, 'q.db'), checkpointInBackground: true })
    expect(background.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    background.$client.close()
  })

  it('shipped migrations never change: each file matches the hash recorded when it shipped', () => {
    // A new migration adds a line to migrations.lock.json; an edited one fails here.
    const locked = JSON.parse(readFileSync(lockFile, 'utf8')) as Record<string, string>
    const current = readMigrations(folder)
    for (const [tag, hash] of Object.entries(locked)) {
      const file = current.find((m) => m.tag === tag)
      expect(file, `migration ${tag} was removed`).toBeDefined()
      expect(file!.hash, `migration ${tag} was edited after it shipped`).toBe(hash)
    }
    for (const m of current) expect(locked, `migration ${m.tag} is missing from migrations.lock.json`).toHaveProperty(m.tag)
    expect(readdirSync(folder).filter((f) => f.endsWith('.sql')).length).toBe(current.length)
  })

  it('refuses to open a database whose applied migration was edited afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-mig-'))
    const copy = join(dir, 'drizzle')
    cpSync(folder, copy, { recursive: true })
    const dbPath = join(dir, 'p.db')
    openDatabase({ path: dbPath, migrationsFolder: copy }).$client.close()
    const first = readMigrations(copy)[0]
    const sqlPath = join(copy, `${first.tag}.sql`)
    copyFileSync(sqlPath, `${sqlPath}.orig`)
    writeFileSync(sqlPath, `${readFileSync(sqlPath, 'utf8')}\n-- edited after shipping\n`)
    expect(() => openDatabase({ path: dbPath, migrationsFolder: copy })).toThrow(MigrationChangedError)
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { cachedCount } from './page'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('cachedCount', () => {
  it('counts again once the database changed, by another connection or its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-count-'))
    dirs.push(dir)
    const path = join(dir, 'count.db')
    const writer = new Database(path)
    writer.pragma('journal_mode = wal')
    writer.exec('create table t (x integer)')
    writer.prepare('insert into t values (?)').run(1)
    const reader = new Database(path, { readonly: true })
    const count = (db: Database.Database, min = 0) => cachedCount(db, 'select count(*) from t where x >= ?', [min])
    expect(count(reader)).toBe(1)
    expect(count(reader, 2)).toBe(0)
    writer.prepare('insert into t values (?)').run(2)
    // Another connection's commit: the reader counts again.
    expect(count(reader)).toBe(2)
    expect(count(reader, 2)).toBe(1)
    // The connection's own write (in-memory databases read and write on one).
    expect(count(writer)).toBe(2)
    writer.prepare('insert into t values (?)').run(3)
    expect(count(writer)).toBe(3)
    reader.close()
    writer.close()
  })
})

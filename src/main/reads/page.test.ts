import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { dataVersion } from './page'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('dataVersion', () => {
  it('changes once the database changed, by another connection or its own, and not otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-version-'))
    dirs.push(dir)
    const path = join(dir, 'version.db')
    const writer = new Database(path)
    writer.pragma('journal_mode = wal')
    writer.exec('create table t (x integer)')
    const reader = new Database(path, { readonly: true })
    const before = { reader: dataVersion(reader), writer: dataVersion(writer) }
    reader.prepare('select count(*) from t').get()
    expect(dataVersion(reader)).toBe(before.reader)
    writer.prepare('insert into t values (?)').run(1)
    // Another connection's commit, and the connection's own write (in-memory databases read and write on one).
    expect(dataVersion(reader)).not.toBe(before.reader)
    expect(dataVersion(writer)).not.toBe(before.writer)
    reader.close()
    writer.close()
  })
})

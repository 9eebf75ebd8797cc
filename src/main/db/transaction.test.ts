import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { ESLint } from 'eslint'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from './open'
import { AsyncTransactionError, transact } from './transaction'

function scratchDb() {
  const db = openDatabase({ path: ':memory:' })
  db.run(sql`create table moves (account text not null, amount integer not null)`)
  return db
}
const total = (db: ReturnType<typeof scratchDb>) => (db.$client.prepare('select count(*) as n, coalesce(sum(amount), 0) as s from moves').get() as { n: number; s: number })

describe('no async function in a transaction', () => {
  it('the hazard is real: drizzle rolls back the part before the await and commits the part after it', async () => {
    const db = scratchDb()
    // Deliberately what the rule forbids, through a variable so only this test does it.
    const moveMoney = async (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => {
      tx.run(sql`insert into moves values ('alice', -100)`)
      await Promise.resolve()
      tx.run(sql`insert into moves values ('bob', 100)`)
    }
    await expect((async () => db.transaction(moveMoney))()).rejects.toThrow()
    await new Promise((r) => setTimeout(r, 10))
    // Bob got 100 that Alice never paid: money was created.
    expect(total(db)).toEqual({ n: 1, s: 100 })
  })

  it('transact refuses an async function before running any of it', async () => {
    const db = scratchDb()
    const work = async () => {
      db.run(sql`insert into moves values ('alice', -100)`)
      await Promise.resolve()
      db.run(sql`insert into moves values ('bob', 100)`)
    }
    expect(() => transact(db, work as never)).toThrow(AsyncTransactionError)
    await new Promise((r) => setTimeout(r, 10))
    expect(total(db)).toEqual({ n: 0, s: 0 })
  })

  it('transact rolls back a function that returns a promise without being async', () => {
    const db = scratchDb()
    expect(() =>
      transact(db, (tx) => {
        tx.run(sql`insert into moves values ('alice', -100)`)
        return Promise.resolve() as never
      })
    ).toThrow(AsyncTransactionError)
    expect(total(db)).toEqual({ n: 0, s: 0 })
  })

  it('commits a synchronous transaction and rolls it back whole on an error', () => {
    const db = scratchDb()
    transact(db, (tx) => {
      tx.run(sql`insert into moves values ('alice', -100)`)
      tx.run(sql`insert into moves values ('bob', 100)`)
    })
    expect(() =>
      transact(db, (tx) => {
        tx.run(sql`insert into moves values ('alice', -5)`)
        throw new Error('refused')
      })
    ).toThrow('refused')
    expect(total(db)).toEqual({ n: 2, s: 0 })
  })

  it('the lint rule flags an async function passed to a transaction, in both spellings', async () => {
    const eslint = new ESLint({ cwd: process.cwd() })
    const source = [
      "import { transact } from './transaction'",
      'declare const db: { transaction(f: unknown): void }',
      'db.transaction(',
      '  async () => { await Promise.resolve() })',
      'transact(db as never,',
      '  async function () { await Promise.resolve() })',
      'db.transaction(() => 1)'
    ].join('\n')
    const [result] = await eslint.lintText(source, { filePath: 'src/main/db/lint-probe.ts' })
    const hits = result.messages.filter((m) => m.ruleId === 'no-restricted-syntax')
    expect(hits.map((m) => m.line)).toEqual([4, 6])
    expect(hits[0].message).toContain('Never pass an async function to a transaction')
  })

  it('the lint rule keeps electron out of code the headless host and the tests load', async () => {
    const eslint = new ESLint({ cwd: process.cwd() })
    const probe = "import { app } from 'electron'\nexport const x = app\n"
    const [core] = await eslint.lintText(probe, { filePath: 'src/main/core/probe.ts' })
    const [test] = await eslint.lintText(probe, { filePath: 'tests/integration/probe.ts' })
    const [shell] = await eslint.lintText(probe, { filePath: 'src/main/index.ts' })
    expect(core.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true)
    expect(test.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true)
    expect(shell.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(false)
  })
})

describe("waiting for another connection's write lock", () => {
  /** Another thread takes the write lock of `path` and lets it go after `holdMs`; resolves once it holds it. */
  async function holdLock(path: string, holdMs: number): Promise<Worker> {
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads')
       const Database = require(workerData.module)
       const sqlite = new Database(workerData.path)
       sqlite.exec('begin immediate')
       parentPort.postMessage('held')
       setTimeout(() => { sqlite.exec('commit'); sqlite.close(); parentPort.postMessage('released') }, workerData.holdMs)`,
      { eval: true, workerData: { path, holdMs, module: require.resolve('better-sqlite3') } }
    )
    await new Promise((resolve) => worker.once('message', resolve))
    return worker
  }

  function fileDb(busyTimeoutMs: number) {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-lock-'))
    const db = openDatabase({ path: join(dir, 'lock.db'), busyTimeoutMs })
    db.run(sql`create table moves (account text not null, amount integer not null)`)
    return { db, path: join(dir, 'lock.db'), remove: () => (db.$client.close(), rmSync(dir, { recursive: true, force: true })) }
  }

  it('writes once the other connection commits, running the work once, and keeps the busy timeout', async () => {
    const { db, path, remove } = fileDb(5000)
    try {
      const worker = await holdLock(path, 60)
      let runs = 0
      transact(db, (tx) => {
        runs++
        tx.run(sql`insert into moves values ('alice', 1)`)
      })
      await new Promise((resolve) => worker.once('exit', resolve))
      expect(runs).toBe(1)
      expect(total(db)).toEqual({ n: 1, s: 1 })
      expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000)
    } finally {
      remove()
    }
  })

  it('gives up after the busy timeout with SQLITE_BUSY, having run none of the work', async () => {
    const { db, path, remove } = fileDb(30)
    try {
      const worker = await holdLock(path, 400)
      let runs = 0
      expect(() => transact(db, () => void runs++)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }))
      expect(runs).toBe(0)
      expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(30)
      await new Promise((resolve) => worker.once('exit', resolve))
      transact(db, (tx) => void tx.run(sql`insert into moves values ('bob', 2)`))
      expect(total(db)).toEqual({ n: 1, s: 2 })
    } finally {
      remove()
    }
  })
})

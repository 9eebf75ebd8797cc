/**
 * The order engine's loop checkpoints the WAL in a report worker thread, not on the main thread:
 * after a tick the committed pages are in the database file, and a worker answered the request.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeCore, type TestCore } from '../../support/core'

let t: TestCore | null = null
let dir: string | null = null
afterEach(() => {
  t?.core.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
  t = null
  dir = null
})

describe('WAL checkpoints', () => {
  it('run in a worker thread: after a tick the written pages are in the database file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'paydesk-checkpoint-'))
    const dbPath = join(dir, 'paydesk.db')
    t = await makeCore({ dbPath })
    const sqlite = t.core.db.$client
    // The engine's loop has not run: nothing was checkpointed yet, the writes sit in the WAL.
    sqlite.exec('create table bench_pad (x text)')
    const insert = sqlite.prepare('insert into bench_pad values (?)')
    sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200))
    })()
    const before = statSync(dbPath).size
    expect(statSync(`${dbPath}-wal`).size).toBeGreaterThan(400_000)
    expect(t.core.reads.served().size).toBe(0)

    await t.core.engine.tick()

    // The pages were copied into the database file, by a worker thread.
    expect(statSync(dbPath).size).toBeGreaterThan(before + 400_000)
    expect([...t.core.reads.served().values()].reduce((a, b) => a + b, 0)).toBe(1)
    // The pool's threads all started with its first request: a read that comes while one is busy finds the other ready.
    expect(t.core.reads.served().size).toBe(Math.min(2, availableParallelism()))
    // Nothing is left for the main connection to copy.
    const [state] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]
    expect(state.checkpointed).toBe(state.log)
  })
})

/**
 * A large statement is read in a worker thread of its own while the import's thread writes its
 * lines (read-lines.ts): the same report, the same lines stored, the same refusal of bad lines,
 * and a cancel that leaves nothing, as when the file is read on the import's own thread.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commitImport, dryRunImport, type ImportInput } from '../../../src/main/recon/import'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import { ADMIN, makeCore, type TestCore } from '../../support/core'

let dir: string
let t: TestCore
let input: (sourceId: number, name: string, rows: string[]) => ImportInput
let sources: { id: number }[]

const HEADER = 'date,reference,amount,currency'
const rowsOf = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `2024-05-01 08:${String(i % 60).padStart(2, '0')}:00,REF${from + i},${((from + i) % 997) + 1}.${String(i % 100).padStart(2, '0')},CNY`)
const inThread = { readInThreadFrom: 0 }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paydesk-read-thread-'))
  t = await makeCore({ dbPath: join(dir, 'paydesk.db') })
  const admin = await t.signIn(ADMIN.username, ADMIN.password)
  const profileIdOf = (id: number) => (t.core.db.$client.prepare('select id from recon_profiles where source_id = ?').get(id) as { id: number }).id
  sources = []
  for (const name of ['Inline', 'Threaded', 'Bad']) sources.push(await t.ok('recon.sources.create', { name, kind: 'bank', channelId: null, feeRate: null, feeFixed: null, currency: 'CNY', profile: BUILT_IN_PROFILES.generic_csv }, admin))
  input = (sourceId, name, rows) => {
    const filePath = join(dir, name)
    writeFileSync(filePath, [HEADER, ...rows].join('\n') + '\n')
    return { tenantId: 1, sourceId, profileId: profileIdOf(sourceId), profile: BUILT_IN_PROFILES.generic_csv, sourceCurrency: 'CNY', filePath, fileName: name, userId: null, now: Date.now() }
  }
})

afterAll(() => {
  t.core.close()
  rmSync(dir, { recursive: true, force: true })
})

const sqlite = () => t.core.db.$client
/** Every column the reader fills (the thread hands its lines over packed: packed-rows.ts). */
const storedLines = (statementId: number) =>
  sqlite()
    .prepare(
      'select line_no, row_key, kind, order_no, merchant_order_no, upstream_no, refund_no, currency, gross_minor, fee_text, fee_minor, net_minor, at, status, counterparty, raw from recon_lines where statement_id = ? order by line_no'
    )
    .raw()
    .all(statementId)

describe('reading a statement in a thread of its own', () => {
  it('reports and stores what reading on the import thread does', async () => {
    const rows = rowsOf(5_000)
    const inline = await dryRunImport(sqlite(), input(sources[0].id, 'inline.csv', rows))
    const inlineId = sqlite().prepare("select id from recon_statements where status = 'checked'").pluck().get() as number
    const inlineLines = storedLines(inlineId)
    // The same rows in another file (another hash) of another source, read in a thread.
    const threaded = await dryRunImport(sqlite(), input(sources[1].id, 'threaded.csv', rows), inThread)
    expect({ ...threaded, fileHash: '' }).toEqual({ ...inline, fileHash: '' })
    expect(threaded).toMatchObject({ lineCount: 5_000, problemCount: 0, repeated: 0 })
    const committed = await commitImport(sqlite(), input(sources[1].id, 'threaded.csv', rows), inThread)
    expect(committed).toMatchObject({ stored: 5_000, repeated: 0 })
    expect(storedLines(committed!.statementId)).toEqual(inlineLines)

    // Without its dry run (another file), the commit reads in a thread too; lines seen before are not stored again.
    const more = await commitImport(sqlite(), input(sources[1].id, 'more.csv', rowsOf(3_000, 4_000)), inThread)
    expect(more).toMatchObject({ stored: 2_000, repeated: 1_000 })
  })

  it('refuses bad lines with the same report, stores nothing, and counts the lines seen before past the first bad one', async () => {
    const rows = rowsOf(4_000, 10_000)
    rows[1_500] = '2024-05-01 08:00:00,BAD1,abc,CNY'
    rows[3_000] = '2024-05-01 08:00:00,BAD2,1.00'
    // 500 of the lines past the first bad one were imported before.
    expect(await commitImport(sqlite(), input(sources[2].id, 'earlier.csv', rowsOf(1_000, 13_500)))).toMatchObject({ stored: 1_000 })
    const before = sqlite().prepare('select count(*) from recon_lines').pluck().get()
    const threaded = await dryRunImport(sqlite(), input(sources[2].id, 'bad-threaded.csv', rows), inThread)
    const inline = await dryRunImport(sqlite(), input(sources[2].id, 'bad-inline.csv', rows))
    expect({ ...threaded, fileHash: '' }).toEqual({ ...inline, fileHash: '' })
    expect(threaded).toMatchObject({ lineCount: 3_998, problemCount: 2, repeated: 500 })
    expect(threaded.problems.map((p) => [p.lineNo, p.field ?? null])).toEqual([
      [1_502, 'gross'],
      [3_002, null]
    ])
    await expect(commitImport(sqlite(), input(sources[2].id, 'bad-threaded.csv', rows), inThread)).rejects.toMatchObject({ code: 'recon.bad_lines' })
    expect(sqlite().prepare('select count(*) from recon_lines').pluck().get()).toBe(before)
  })

  it('a cancel stops the reading thread and leaves nothing', async () => {
    const before = sqlite().prepare('select count(*) from recon_statements').pluck().get()
    const controller = new AbortController()
    const outcome = await commitImport(sqlite(), input(sources[0].id, 'cancelled.csv', rowsOf(60_000, 50_000)), {
      ...inThread,
      signal: controller.signal,
      onProgress: () => controller.abort()
    })
    expect(outcome).toBeNull()
    expect(sqlite().prepare('select count(*) from recon_statements').pluck().get()).toBe(before)
    // Cancelled before the reading starts (while the file is hashed): no thread reads any of it.
    const early = new AbortController()
    early.abort()
    let read = 0
    await expect(dryRunImport(sqlite(), input(sources[0].id, 'cancelled-early.csv', rowsOf(100_000, 50_000)), { ...inThread, signal: early.signal, onProgress: (bytes) => (read += bytes) })).rejects.toMatchObject({ code: 'aborted' })
    expect(read).toBe(0)
    expect(sqlite().prepare('select count(*) from recon_statements').pluck().get()).toBe(before)
  })
})

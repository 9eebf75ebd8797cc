/**
 * Backups, restore and the ledger check from the app, on a database file with the demo's ledger:
 * what an administrator sees in Settings, and what the files on disk hold.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, countRows, makeCore, type TestCore } from '../../support/core'
import { verifyLedger } from '../../../src/main/ledger/verify'

const dir = mkdtempSync(join(tmpdir(), 'paydesk-safety-'))
const dbPath = join(dir, 'paydesk.db')
const backups = join(dir, 'backups')
let t: TestCore
let admin: string

const merchantNames = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('select name from merchants order by id').all() as { name: string }[]).map((m) => m.name)
  } finally {
    db.close()
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

beforeAll(async () => {
  t = await makeCore({ dbPath })
  await t.core.loadDemo()
  admin = await t.signIn(ADMIN.username, ADMIN.password)
})
afterAll(() => {
  t.core.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('backups', () => {
  it('are one moment’s copy while writes go on (the copy is made in a worker thread)', async () => {
    let done = false
    const making = t.ok('backups.create', {}, admin).finally(() => (done = true))
    let written = 0
    while (!done) {
      await t.ok('merchants.create', { name: `Written during the backup ${++written}` }, admin)
      await new Promise((resolve) => setImmediate(resolve))
    }
    const made = await making
    expect(written).toBeGreaterThan(0)
    const live = merchantNames(dbPath)
    const copied = merchantNames(join(backups, made.file.name))
    // Every merchant up to the moment of the copy, none after: a prefix of today's list.
    expect(copied).toEqual(live.slice(0, copied.length))
    expect(copied.length).toBeLessThan(live.length)
    const copy = new Database(join(backups, made.file.name), { readonly: true })
    try {
      expect(verifyLedger(copy).drifts).toEqual([])
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    } finally {
      copy.close()
    }
    rmSync(join(backups, made.file.name))
  })

  it('are made into `backups` beside the database by default, listed newest first, and hold the whole ledger', async () => {
    expect(await t.ok('backups.settings', {}, admin)).toEqual({ folder: '', everyHours: 24, keep: 14, folderInUse: backups, available: true })
    const made = await t.ok('backups.create', {}, admin)
    expect(made.file.name).toMatch(/^paydesk-backup-20261122-020000\.000Z\.db$/)
    expect(made.file.bytes).toBeGreaterThan(100_000)
    // The whole database: readable by its owner only, in a folder that is theirs alone.
    if (process.platform !== 'win32') {
      expect(statSync(join(backups, made.file.name)).mode & 0o777).toBe(0o600)
      expect(statSync(backups).mode & 0o777).toBe(0o700)
    }
    const copy = new Database(join(backups, made.file.name), { readonly: true })
    try {
      expect((copy.prepare('select count(*) as n from ledger_entries').get() as { n: number }).n).toBe(countRows(t.core, 'ledger_entries'))
      expect(verifyLedger(copy).drifts).toEqual([])
    } finally {
      copy.close()
    }
    t.clock.advance(1000)
    const second = await t.ok('backups.create', {}, admin)
    const list = await t.ok('backups.list', {}, admin)
    expect(list.items.map((f) => f.name)).toEqual([second.file.name, made.file.name])
    expect(list).toMatchObject({ folder: backups, available: true, running: false })
    // Audited with the file's name.
    const audit = await t.ok('audit.list', { page: 1, pageSize: 5 }, admin)
    expect(JSON.stringify(audit.items)).toContain(second.file.name)
  })

  it('keep only the newest of their own; a file the administrator put in the folder is never deleted', async () => {
    writeFileSync(join(backups, 'copied-by-hand.db'), 'not mine to delete')
    await t.ok('backups.updateSettings', { folder: '', everyHours: 24, keep: 2 }, admin)
    t.clock.advance(1000)
    const made = await t.ok('backups.create', {}, admin)
    expect(made.pruned).toHaveLength(1)
    expect(readdirSync(backups).filter((f) => f.startsWith('paydesk-backup-'))).toHaveLength(2)
    expect(existsSync(join(backups, 'copied-by-hand.db'))).toBe(true)
  })

  it('go to a folder the administrator names, which must be a full path that can be written', async () => {
    const elsewhere = join(dir, 'nas', 'paydesk')
    expect(await t.ok('backups.updateSettings', { folder: elsewhere, everyHours: 6, keep: 5 }, admin)).toMatchObject({ folderInUse: elsewhere })
    expect(existsSync(elsewhere)).toBe(true)
    const refused = await t.call('backups.updateSettings', { folder: '/proc/paydesk-backups', everyHours: 6, keep: 5 }, admin)
    expect(refused).toMatchObject({ status: 409, code: 'backup.folder_not_writable' })
    expect(refused.message).toMatch(/^folder: The backup folder \/proc\/paydesk-backups cannot be written/)
    expect(await t.ok('backups.settings', {}, admin)).toMatchObject({ folder: elsewhere })
    await t.ok('backups.updateSettings', { folder: '', everyHours: 24, keep: 2 }, admin)
  })

  it('are made by the schedule when the newest is older than its hours, in the background; the daily ledger check runs too', async () => {
    await t.ok('backups.updateSettings', { folder: '', everyHours: 1, keep: 10 }, admin)
    const before = (await t.ok('backups.list', {}, admin)).items.length
    expect((await t.ok('ledgerCheck.latest', {}, admin)).live).toBeNull()
    await t.core.engine.tick()
    await until(() => !t.core.safety.port.backingUp(), 'the scheduled backup')
    let daily = (await t.ok('ledgerCheck.latest', {}, admin)).live
    for (let i = 0; i < 500 && !daily; i++) {
      await new Promise((r) => setTimeout(r, 10))
      daily = (await t.ok('ledgerCheck.latest', {}, admin)).live
    }
    expect(daily).toMatchObject({ target: 'live', status: 'clean', requestedBy: null })
    // The newest was made a few seconds ago by the app's clock: not due.
    expect((await t.ok('backups.list', {}, admin)).items.length).toBe(before)
    t.clock.advance(60 * 60 * 1000)
    // An hour on, the session has idled out.
    admin = await t.signIn(ADMIN.username, ADMIN.password)
    // The loop looks once a minute (performance clock): a fresh core's loop would; run the job directly.
    const job = t.core.safety.jobs.find((j) => j.name === 'scheduled backup')!
    await job.run()
    await until(() => !t.core.safety.port.backingUp(), 'the scheduled backup')
    expect((await t.ok('backups.list', {}, admin)).items.length).toBe(before + 1)
  })
})

describe('the ledger check', () => {
  it('runs on the live database from the app, records its result, and names drift made behind the ledger’s back', async () => {
    const clean = await t.ok('ledgerCheck.run', {}, admin)
    expect(clean).toMatchObject({ target: 'live', status: 'clean', driftCount: 0, requestedBy: ADMIN.username })
    expect(clean.entries).toBe(countRows(t.core, 'ledger_entries'))
    // Tampered with outside PayDesk: a balance no entry explains.
    t.core.db.$client.prepare('update ledger_balances set posted_sum = posted_sum + 1 where account_id = (select min(account_id) from ledger_balances)').run()
    const drift = await t.ok('ledgerCheck.run', {}, admin)
    expect(drift).toMatchObject({ status: 'drift', driftCount: 1, drifts: [{ what: 'balance' }] })
    const latest = await t.ok('ledgerCheck.latest', {}, admin)
    expect(latest.live).toMatchObject({ id: drift.id, status: 'drift' })
    expect(latest.dueAt).toBe(drift.startedAt + 24 * 60 * 60 * 1000)
    t.core.db.$client.prepare('update ledger_balances set posted_sum = posted_sum - 1 where account_id = (select min(account_id) from ledger_balances)').run()
  })
})

describe('restore', () => {
  it('checks the backup first and refuses one whose ledger drifts or that is no PayDesk database, staging nothing', async () => {
    const made = await t.ok('backups.create', {}, admin)
    const tampered = join(backups, 'tampered.db')
    const source = new Database(join(backups, made.file.name), { readonly: true })
    await source.backup(tampered)
    source.close()
    const db = new Database(tampered)
    db.prepare('update ledger_balances set posted_sum = posted_sum + 500 where account_id = (select min(account_id) from ledger_balances)').run()
    db.close()
    const refused = await t.call('backups.restore', { name: 'tampered.db' }, admin)
    expect(refused).toMatchObject({ status: 409, code: 'backup.not_restorable' })
    expect(refused.message).toBe('name: Backup tampered.db was not restored: the ledger check found 1 problem(s) in it')
    const other = new Database(join(backups, 'other-app.db'))
    other.exec('create table notes (body text)')
    other.close()
    const foreign = await t.call('backups.restore', { name: 'other-app.db' }, admin)
    expect(foreign).toMatchObject({ status: 409, code: 'backup.not_restorable' })
    expect(foreign.message).toContain('not a PayDesk database')
    expect(await t.call('backups.restore', { name: 'missing.db' }, admin)).toMatchObject({ status: 404 })
    expect(readdirSync(dir)).not.toContain('paydesk.restore-pending.db')
  })

  it('stages a clean backup, which replaces the database at the next start; the replaced one is kept', async () => {
    const made = await t.ok('backups.create', {}, admin)
    await t.ok('merchants.create', { name: 'Created After The Backup' }, admin)
    const restored = await t.ok('backups.restore', { name: made.file.name }, admin)
    expect(restored).toMatchObject({ check: { target: 'backup', file: made.file.name, status: 'clean' }, restartRequired: false })
    // Nothing changes under the running app.
    expect(merchantNames(dbPath)).toContain('Created After The Backup')
    await t.core.engine.stop()
    await t.core.close()

    t = await makeCore({ dbPath, withAdmin: false })
    admin = await t.signIn(ADMIN.username, ADMIN.password)
    expect(merchantNames(dbPath)).not.toContain('Created After The Backup')
    expect((await t.ok('ledgerCheck.run', {}, admin)).status).toBe('clean')
    const kept = readdirSync(dir).filter((f) => /^paydesk\.before-restore-.*\.db$/.test(f))
    expect(kept).toHaveLength(1)
    expect(merchantNames(join(dir, kept[0]))).toContain('Created After The Backup')
    expect(readdirSync(dir)).not.toContain('paydesk.restore-pending.db')
  })
})

describe('on an in-memory database', () => {
  it('there is nothing to back up, and the app says so', async () => {
    const memory = await makeCore()
    const token = await memory.signIn(ADMIN.username, ADMIN.password)
    expect(await memory.ok('backups.list', {}, token)).toEqual({ folder: '', available: false, items: [], running: false })
    expect(await memory.call('backups.create', {}, token)).toMatchObject({ status: 409, code: 'backup.in_memory' })
    memory.core.close()
  })
})

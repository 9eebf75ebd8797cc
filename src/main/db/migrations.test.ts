import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findMigrationsFolder, MigrationChangedError, readMigrations } from './migrations'
import { openDatabase, openWorkerWriter } from './open'

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
    // A job thread's writer flushes its own commits: left to the main thread's next commit, they delayed it.
    const job = openWorkerWriter({ path: join(dir, 'q.db') })
    expect(job.pragma('synchronous', { simple: true })).toBe(2)
    expect(job.pragma('foreign_keys', { simple: true })).toBe(1)
    job.close()
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

  it('0010 moves the daily summaries into the stored report rows: per type, with and without test postings; 0014 counts their list rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-mig-'))
    const before = join(dir, 'drizzle')
    cpSync(folder, before, { recursive: true })
    const journalPath = join(before, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
    const upTo = journal.entries.findIndex((e) => e.tag === '0010_daily_report_rows')
    for (const later of journal.entries.splice(upTo)) rmSync(join(before, `${later.tag}.sql`))
    writeFileSync(journalPath, JSON.stringify(journal))
    const dbPath = join(dir, 'p.db')
    const old = openDatabase({ path: dbPath, migrationsFolder: before }).$client
    const summary = old.prepare('insert into ledger_daily_summaries values (?, 1, ?, 7, ?, ?, ?, ?, ?, 0)')
    summary.run(20261120, 11, 'CNY', 0, 0, 100000, 2)
    summary.run(20261120, 11, 'CNY', 1, 0, -2000, 2)
    summary.run(20261120, 11, 'CNY', 0, 1, 5000, 1)
    summary.run(20261120, 12, 'CNY', 99, 0, -300, 1)
    summary.run(20261121, 11, 'CNY', 0, 0, 7000, 1)
    const stats = old.prepare('insert into order_daily_stats values (?, 1, 11, 7, ?, ?, ?, ?, ?, ?, 0)')
    stats.run(20261120, 'CNY', 0, 3, 2, 105000, 101000)
    stats.run(20261120, 'CNY', 1, 1, 1, 5000, 4900)
    old.close()

    const db = openDatabase({ path: dbPath, migrationsFolder: folder }).$client
    const tables = (db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]).filter((t) => t.includes('daily'))
    expect(tables.sort()).toEqual(['settlement_daily_rows', 'settlement_daily_totals', 'transaction_daily_rows', 'transaction_daily_totals'])
    const rows = db
      .prepare('select include_test as view, business_day as day, contract_id as contract, order_pay as pay, order_pay_count as payN, order_fee as fee, manual_adjust as adjust from settlement_daily_rows order by view, day, contract')
      .all()
    expect(rows).toEqual([
      { view: 0, day: 20261120, contract: 11, pay: 100000, payN: 2, fee: -2000, adjust: 0 },
      { view: 0, day: 20261120, contract: 12, pay: 0, payN: 0, fee: 0, adjust: -300 },
      { view: 0, day: 20261121, contract: 11, pay: 7000, payN: 1, fee: 0, adjust: 0 },
      { view: 1, day: 20261120, contract: 11, pay: 105000, payN: 3, fee: -2000, adjust: 0 },
      { view: 1, day: 20261120, contract: 12, pay: 0, payN: 0, fee: 0, adjust: -300 },
      { view: 1, day: 20261121, contract: 11, pay: 7000, payN: 1, fee: 0, adjust: 0 }
    ])
    // … and 0014 counts each day total's list rows (the 20th has two contracts' rows).
    expect(db.prepare('select include_test as view, business_day as day, order_pay as pay, manual_adjust as adjust, list_rows as listRows from settlement_daily_totals order by view, day').all()).toEqual([
      { view: 0, day: 20261120, pay: 100000, adjust: -300, listRows: 2 },
      { view: 0, day: 20261121, pay: 7000, adjust: 0, listRows: 1 },
      { view: 1, day: 20261120, pay: 105000, adjust: -300, listRows: 2 },
      { view: 1, day: 20261121, pay: 7000, adjust: 0, listRows: 1 }
    ])
    const orderColumns = 'include_test as view, total_count as total, success_count as success, transaction_minor as amount, settle_minor as settle'
    const expectedOrders = [
      { view: 0, total: 3, success: 2, amount: 105000, settle: 101000 },
      { view: 1, total: 4, success: 3, amount: 110000, settle: 105900 }
    ]
    expect(db.prepare(`select ${orderColumns} from transaction_daily_rows order by view`).all()).toEqual(expectedOrders)
    expect(db.prepare(`select ${orderColumns}, list_rows as listRows from transaction_daily_totals order by view`).all()).toEqual(expectedOrders.map((row) => ({ ...row, listRows: 1 })))
    db.close()
  })
})

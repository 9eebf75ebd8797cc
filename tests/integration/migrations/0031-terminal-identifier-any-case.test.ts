/**
 * Migration 0031 makes a merchant's terminal identifiers unique whatever their case. A database may
 * already hold twins (T001 and t001, written when the rule compared raw text): the migration must
 * still apply, keep both (renaming one would break the device that sends it), and from then on
 * refuse a new twin while letting a twin be renamed out of the clash or edited otherwise.
 */
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrationSteps, type MigrationSteps } from './chain'
import { insertMasterData } from './old-shape'

const BEFORE = '0030_ledger_overdrafts'

let steps: MigrationSteps | undefined
afterEach(() => steps?.remove())

const identifiers = (db: Database.Database, merchantId: number) =>
  (db.prepare('select identifier from terminals where merchant_id = ? order by id').all(merchantId) as { identifier: string }[]).map((r) => r.identifier)

describe('0031 terminal identifiers whatever their case', () => {
  it('applies over twins already stored, keeps them, and refuses a new twin by insert or update', () => {
    steps = migrationSteps()
    const old = steps.migrateTo(BEFORE)
    insertMasterData(old)
    const insert = old.prepare("insert into terminals (id, tenant_id, merchant_id, type, identifier, created_at, updated_at) values (?, 1, ?, 'pos', ?, 0, 0)")
    insert.run(1, 11, 'T001')
    insert.run(2, 11, 't001')
    insert.run(3, 11, 'T002')
    insert.run(4, 12, 'T001')
    old.close()

    const db = steps.migrateTo()
    expect(identifiers(db, 11)).toEqual(['T001', 't001', 'T002'])
    const add = db.prepare("insert into terminals (tenant_id, merchant_id, type, identifier, created_at, updated_at) values (1, ?, 'pos', ?, 0, 0)")
    const rename = db.prepare('update terminals set identifier = ? where id = ?')
    expect(() => add.run(11, 'T001')).toThrow(/terminals.identifier_taken/)
    expect(() => add.run(11, 't002')).toThrow(/terminals.identifier_taken/)
    expect(() => add.run(12, 't001')).toThrow(/terminals.identifier_taken/)
    expect(() => rename.run('t002', 1)).toThrow(/terminals.identifier_taken/)
    expect(() => db.prepare('update terminals set merchant_id = 11 where id = 4').run()).toThrow(/terminals.identifier_taken/)
    // A twin keeps its identifier through other edits, and can be renamed out of the clash.
    db.prepare("update terminals set name = 'Front counter', identifier = identifier where id = 2").run()
    rename.run('T001-B', 2)
    add.run(21, 't001')
    expect(identifiers(db, 11)).toEqual(['T001', 'T001-B', 'T002'])
    // The look-up the rule and the procedures make is an index seek, not a walk of the merchant's terminals.
    const plan = db.prepare(`explain query plan select "terminals"."id" from terminals where "terminals"."merchant_id" = 11 and lower("terminals"."identifier") = lower('t001')`).all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/INDEX terminals_merchant_identifier_key \(merchant_id=\? AND <expr>=\?\)/)
    db.close()
  })
})

/**
 * Migration 0035 makes a carrier's tracking number unique within a tenant instead of across all of
 * them. The waybills stored before stay as they were, one tenant may then record a parcel another
 * already has, and a second waybill of one parcel within a tenant is still refused by the database.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { migrationSteps, type MigrationSteps } from './chain'
import { insertMasterData, insertOrder, MERCHANTS } from './old-shape'

const BEFORE = '0034_recon_break_reopened'

let steps: MigrationSteps | undefined
afterEach(() => steps?.remove())

const INSERT = `insert into waybills (tenant_id, order_id, merchant_id, carrier, tracking_no, shipped_at, status, created_at, updated_at)
  values (?, ?, ?, ?, ?, 0, 'in_transit', 0, 0)`

describe('0035 waybill tracking numbers per tenant', () => {
  it("keeps the stored waybills, lets another tenant record the same parcel, and still refuses a tenant's second waybill of it", () => {
    steps = migrationSteps()
    const old = steps.migrateTo(BEFORE)
    insertMasterData(old)
    const [jade, , plum] = MERCHANTS
    const jadeOrder = insertOrder(old, { merchant: jade, day: 20260105, direction: 'deposit', status: 'succeeded', isTest: false })
    const plumOrder = insertOrder(old, { merchant: plum, day: 20260105, direction: 'deposit', status: 'succeeded', isTest: false })
    const insert = old.prepare(INSERT)
    insert.run(1, jadeOrder, jade.id, 'SF Express', 'SF1400000001')
    insert.run(2, plumOrder, plum.id, 'ZTO', '880000111222')
    // Before: the parcel one tenant has is refused to the other.
    expect(() => insert.run(2, plumOrder, plum.id, 'SF Express', 'SF1400000001')).toThrow(/UNIQUE constraint failed: waybills.carrier, waybills.tracking_no/)
    old.close()

    const db = steps.migrateTo()
    const rows = () => db.prepare('select tenant_id as tenant, carrier, tracking_no as no from waybills order by id').all()
    expect(rows()).toEqual([
      { tenant: 1, carrier: 'SF Express', no: 'SF1400000001' },
      { tenant: 2, carrier: 'ZTO', no: '880000111222' }
    ])
    const add = db.prepare(INSERT)
    add.run(2, plumOrder, plum.id, 'SF Express', 'SF1400000001')
    add.run(1, jadeOrder, jade.id, 'ZTO', '880000111222')
    expect(() => add.run(1, jadeOrder, jade.id, 'SF Express', 'SF1400000001')).toThrow(/UNIQUE constraint failed: waybills.tenant_id, waybills.carrier, waybills.tracking_no/)
    expect(() => add.run(2, plumOrder, plum.id, 'ZTO', '880000111222')).toThrow(/UNIQUE constraint failed/)
    expect(rows()).toHaveLength(4)
    const indexes = (db.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'waybills' order by name").all() as { name: string }[]).map((i) => i.name)
    expect(indexes).toContain('waybills_tenant_carrier_tracking')
    expect(indexes).not.toContain('waybills_carrier_tracking')
    db.close()
  })
})

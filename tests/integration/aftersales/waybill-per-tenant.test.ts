/**
 * A parcel's waybill is one per tenant: another tenant having recorded the same carrier and
 * tracking number neither refuses this tenant's waybill nor is named to it; within the tenant the
 * second waybill of a parcel is still refused, whatever the letters' case.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { aftersalesWorld, type AftersalesWorld } from './support'

let w: AftersalesWorld
afterEach(async () => w?.stop())

const HOUR = 3_600_000

describe('waybills of the same parcel in two tenants', () => {
  it("records this tenant's waybill though another tenant has one of the parcel, and refuses a second one here", async () => {
    w = await aftersalesWorld({ realClock: false })
    const theirs = await w.paidDeposit('1000.00')
    const ours = await w.paidDeposit('800.00')
    const record = (orderId: number, carrier: string, trackingNo: string) => w.t.call('waybills.create', { orderId, carrier, trackingNo, shippedAt: w.t.clock.now() - HOUR }, w.admin)
    const other = (await record(theirs.id, 'SF Express', 'SF1400000009')).data as { id: number }
    // That order and its waybill belong to another tenant, as that tenant stored them.
    const sql = w.t.core.db.$client
    sql.prepare("insert into tenants (id, name, created_at) values (2, 'Lotus Collect', 0)").run()
    sql.prepare('update orders set tenant_id = 2 where id = ?').run(theirs.id)
    sql.prepare('update waybills set tenant_id = 2 where id = ?').run(other.id)

    const created = await record(ours.id, 'SF Express', 'sf1400000009')
    expect(created).toMatchObject({ status: 200, data: { orderId: ours.id, carrier: 'SF Express', trackingNo: 'SF1400000009' } })
    expect(await w.t.ok('waybills.get', { no: 'SF1400000009' }, w.admin)).toMatchObject({ id: (created.data as { id: number }).id, orderId: ours.id })

    const again = await record(ours.id, 'sf  express', 'SF1400000009')
    expect(again).toMatchObject({ status: 409, code: 'waybills.duplicate' })
    expect(again.message).toContain('SF Express SF1400000009')
  })
})

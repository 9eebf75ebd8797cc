/**
 * A waybill's page by the number it shows (its tracking number, pasted as `#/aftersales/waybills/…`):
 * found within what the user may see, as by its id; a number at two carriers is not guessed at.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { aftersalesWorld, type AftersalesWorld } from './support'

let w: AftersalesWorld
afterEach(async () => w?.stop())

const HOUR = 3_600_000
const waybill = (orderId: number, carrier: string, trackingNo: string) => w.t.ok('waybills.create', { orderId, carrier, trackingNo, shippedAt: w.t.clock.now() - HOUR }, w.admin)

describe('waybills by tracking number', () => {
  it('are read by the tracking number as typed, digits only too; an unknown number is not found', async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00')
    const sf = await waybill(order.id, 'SF Express', 'SF1400000001')
    const fedex = await waybill(order.id, 'FedEx', '773012345678')

    expect(await w.t.ok('waybills.get', { no: ' sf1400000001 ' }, w.admin)).toMatchObject({ id: sf.id, trackingNo: 'SF1400000001', carrier: 'SF Express' })
    expect(await w.t.ok('waybills.get', { no: '773012345678' }, w.admin)).toMatchObject({ id: fedex.id })
    expect(await w.t.ok('waybills.get', { id: sf.id }, w.admin)).toMatchObject({ id: sf.id })
    const missing = await w.t.call('waybills.get', { no: 'SF9999999999' }, w.admin)
    expect(missing).toMatchObject({ status: 404, code: 'not_found', message: 'Waybill SF9999999999 was not found' })
  })

  it("a merchant-bound user cannot open another merchant's waybill by its number; its own it can", async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00')
    const sf = await waybill(order.id, 'SF Express', 'SF1400000002')
    const other = await w.t.ok('merchants.create', { name: 'Saigon Foods' }, w.admin)
    const outsider = await w.merchantUser('saigon.ops', other.id)
    const own = await w.merchantUser('dragon.ops')

    // Refused as a number that does not exist: the same status, code and words, and no id told.
    const theirs = await w.t.call('waybills.get', { no: 'SF1400000002' }, outsider)
    const nowhere = await w.t.call('waybills.get', { no: 'SF1400000003' }, outsider)
    expect(theirs).toMatchObject({ status: 404, code: 'not_found', message: 'Waybill SF1400000002 was not found' })
    expect(nowhere).toMatchObject({ status: 404, code: 'not_found', message: 'Waybill SF1400000003 was not found' })
    expect(await w.t.call('waybills.get', { id: sf.id }, outsider)).toMatchObject({ status: 404 })
    expect(await w.t.ok('waybills.get', { no: 'SF1400000002' }, own)).toMatchObject({ id: sf.id })
  })

  it('the same tracking number at two carriers is refused, naming them, rather than one of them opened', async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00')
    const a = await waybill(order.id, 'SF Express', '880000111222')
    const b = await waybill(order.id, 'ZTO', '880000111222')
    const both = await w.t.call('waybills.get', { no: '880000111222' }, w.admin)
    expect(both).toMatchObject({ status: 409, code: 'waybills.several_with_no' })
    expect(both.message).toContain('SF Express')
    expect(both.message).toContain('ZTO')
    // Each is still one link away by its id.
    expect(await w.t.ok('waybills.get', { id: a.id }, w.admin)).toMatchObject({ carrier: 'SF Express' })
    expect(await w.t.ok('waybills.get', { id: b.id }, w.admin)).toMatchObject({ carrier: 'ZTO' })
  })
})

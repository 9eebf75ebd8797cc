import { afterEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { countRows } from '../../support/core'
import { ADMIN, aftersalesWorld, type AftersalesWorld } from './support'

let w: AftersalesWorld
afterEach(async () => w?.stop())

const HOUR = 3_600_000
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)])

const open = (orderId: number, amount: string, dueInHours = 72, token = w.admin) =>
  w.t.call('disputes.create', { orderId, kind: 'chargeback', reasonCode: '13.1', amount, evidenceDueAt: w.t.clock.now() + dueInHours * HOUR, note: 'Cardholder says the goods never arrived' }, token)
const waybill = (orderId: number, trackingNo: string, token = w.admin) => w.t.call('waybills.create', { orderId, carrier: 'SF Express', trackingNo, shippedAt: w.t.clock.now() - 48 * HOUR }, token)

describe('disputes on paid deposits', () => {
  it('opening debits amount (6) and fee (7); evidence and a waybill are submitted; winning returns the amount and keeps the fee', async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00')
    expect(await w.available()).toBe('879.00')
    const opened = await open(order.id, '300.00')
    expect(opened).toMatchObject({ status: 200, data: { status: 'open', amount: '300.00', fee: '15.00', deadline: 'none' } })
    const id = opened.data!.id
    expect(await w.available()).toBe('564.00')

    const wb = await waybill(order.id, 'SF1400000001')
    expect(wb.status).toBe(200)
    await w.t.ok('disputes.attachWaybill', { id, waybillId: wb.data!.id }, w.admin)
    const withFile = await w.t.ok('disputes.addEvidence', { id, fileName: 'delivery-proof.pdf', contentBase64: PDF.toString('base64'), note: 'Signed delivery note' }, w.admin)
    expect(withFile.evidence).toEqual([expect.objectContaining({ fileName: 'delivery-proof.pdf', mimeType: 'application/pdf', size: PDF.length })])
    const download = await w.t.ok('disputes.evidenceFile', { id: withFile.evidence[0].id }, w.admin)
    expect(Buffer.from(download.contentBase64, 'base64').equals(PDF)).toBe(true)

    const submitted = await w.t.ok('disputes.submitEvidence', { id }, w.admin)
    expect(submitted.status).toBe('evidence_submitted')
    expect(submitted.waybills).toEqual([expect.objectContaining({ trackingNo: 'SF1400000001' })])
    const won = await w.t.ok('disputes.resolve', { id, outcome: 'won', reason: 'Issuer accepted the delivery proof' }, w.admin)
    expect(won.status).toBe('won')
    expect(await w.available()).toBe('864.00')
    expect(won.timeline.map((e) => e.text.code)).toEqual(['dispute.opened', 'dispute.posted', 'dispute.note', 'dispute.waybillAttached', 'dispute.evidenceAdded', 'dispute.submitted', 'dispute.won'])

    const entries = (await w.t.ok('orders.get', { id: order.id }, w.admin)).ledgerEntries.filter((e) => e.accountKind === 'merchant_available' && (e.type === 6 || e.type === 7))
    expect(entries.map((e) => [e.type, e.amount])).toEqual([
      [6, '-300.00'],
      [7, '-15.00'],
      [6, '300.00']
    ])
    const wbDetail = await w.t.ok('waybills.get', { id: wb.data!.id }, w.admin)
    expect(wbDetail.disputes).toEqual([{ id, disputeNo: won.disputeNo, status: 'won' }])
    expect((await w.t.ok('audit.list', { targetType: 'dispute' }, w.admin)).total).toBe(5)
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('the disputed amount is bounded by what was paid less earlier disputes and refunds', async () => {
    w = await aftersalesWorld({ realClock: false })
    await w.paidDeposit('5000.00')
    const order = await w.paidDeposit('1000.00')
    expect((await open(order.id, '0')).status).toBe(400)
    expect((await open(order.id, '700.00')).status).toBe(200)
    const refused = await open(order.id, '300.01')
    expect(refused).toMatchObject({ status: 422, code: 'disputes.exceeds_paid', field: 'amount' })
    expect(refused.message).toContain('only 300.00 CNY of order')
    expect((await open(order.id, '300.00')).status).toBe(200)
    expect(await w.t.call('refunds.create', { orderId: order.id, amount: '0.01', reason: 'Customer returned the goods' }, w.admin)).toMatchObject({ status: 422, code: 'refunds.exceeds_paid' })
    expect((await w.t.ok('refunds.quote', { orderId: order.id }, w.admin)).remaining).toBe('0.00')
    expect(await open(order.id, '1.00', -1)).toMatchObject({ status: 422 })
  })

  it('lost and accepted keep the amount debited; a resolved dispute cannot change again', async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('2000.00')
    const a = (await open(order.id, '100.00')).data!
    const b = (await open(order.id, '50.00')).data!
    const before = await w.available()
    await w.t.ok('disputes.resolve', { id: a.id, outcome: 'lost', reason: 'Issuer sided with the cardholder' }, w.admin)
    await w.t.ok('disputes.resolve', { id: b.id, outcome: 'accepted', reason: 'Merchant accepts the liability' }, w.admin)
    expect(await w.available()).toBe(before)
    expect(await w.t.call('disputes.resolve', { id: a.id, outcome: 'won', reason: 'Second thoughts here' }, w.admin)).toMatchObject({ status: 409, code: 'disputes.resolved' })
    expect(await w.t.call('disputes.addEvidence', { id: a.id, fileName: 'late.pdf', contentBase64: PDF.toString('base64') }, w.admin)).toMatchObject({ status: 409 })
  })

  it('evidence must be a PDF, PNG or JPEG by content and at most 5 MB; nothing is kept of a refused file', async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00')
    const id = (await open(order.id, '100.00')).data!.id
    const exe = Buffer.from('MZ\x90\x00 pretend executable')
    expect(await w.t.call('disputes.addEvidence', { id, fileName: 'invoice.pdf', contentBase64: exe.toString('base64') }, w.admin)).toMatchObject({ status: 400, field: 'contentBase64', code: 'aftersales.evidence_type' })
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)])
    const tooBig = await w.t.call('disputes.addEvidence', { id, fileName: 'huge.pdf', contentBase64: big.toString('base64') }, w.admin)
    expect(tooBig).toMatchObject({ status: 400, field: 'contentBase64' })
    expect(tooBig.message).toBe('contentBase64: must be at most 5 MB')
    expect(await w.t.call('disputes.addEvidence', { id, fileName: 'x.png', contentBase64: 'not base64!' }, w.admin)).toMatchObject({ status: 400, field: 'contentBase64' })
    expect(countRows(w.t.core, 'dispute_evidence')).toBe(0)
    const ok = await w.t.ok('disputes.addEvidence', { id, fileName: 'photo.png', contentBase64: PNG.toString('base64') }, w.admin)
    expect(ok.evidence[0]).toMatchObject({ mimeType: 'image/png' })
    // Evidence with nothing attached cannot be submitted: here a file is attached, so it can.
    expect((await w.t.ok('disputes.submitEvidence', { id }, w.admin)).status).toBe('evidence_submitted')
  })

  it('deadlines within 48 h are flagged soon, past ones overdue, in the list and the detail', async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00')
    const soon = (await open(order.id, '10.00', 24)).data!
    const later = (await open(order.id, '10.00', 96)).data!
    expect(soon.deadline).toBe('soon')
    expect(later.deadline).toBe('none')
    expect(await w.t.call('disputes.submitEvidence', { id: later.id }, w.admin)).toMatchObject({ status: 409, code: 'disputes.no_evidence' })
    expect((await w.t.ok('disputes.list', { deadline: 'soon' }, w.admin)).items.map((d) => d.id)).toEqual([soon.id])
    expect((await w.t.ok('disputes.list', { search: soon.disputeNo.toLowerCase() }, w.admin)).items.map((d) => d.id)).toEqual([soon.id])
    w.t.clock.advance(60 * HOUR)
    const admin = await w.t.signIn(ADMIN.username, ADMIN.password)
    expect((await w.t.ok('disputes.get', { id: soon.id }, admin)).deadline).toBe('overdue')
    expect((await w.t.ok('disputes.get', { id: later.id }, admin)).deadline).toBe('soon')
    expect((await w.t.ok('disputes.list', { deadline: 'overdue' }, admin)).items.map((d) => d.id)).toEqual([soon.id])
  })

  it('merchant operators read their own disputes, cannot open them, and keep waybills for their own orders only', async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00')
    const other = await w.t.ok('merchants.create', { name: 'Other Merchant' }, w.admin)
    const mine = await w.merchantUser('golden.ops')
    const stranger = await w.merchantUser('other.ops', other.id)
    const d = (await open(order.id, '10.00')).data!
    expect(await open(order.id, '10.00', 72, mine)).toMatchObject({ status: 403 })
    expect((await w.t.ok('disputes.list', {}, mine)).total).toBe(1)
    expect((await w.t.ok('disputes.list', {}, stranger)).total).toBe(0)
    expect(await w.t.call('disputes.get', { id: d.id }, stranger)).toMatchObject({ status: 404 })
    expect((await waybill(order.id, 'YT9000000001', mine)).status).toBe(200)
    expect(await waybill(order.id, 'YT9000000002', stranger)).toMatchObject({ status: 404 })
    expect((await w.t.ok('waybills.list', { search: 'YT9000' }, mine)).total).toBe(1)
    expect((await w.t.ok('waybills.list', { search: 'YT9000' }, stranger)).total).toBe(0)
  })
})

describe('waybills', () => {
  it('are recorded on paid orders, searchable, change status, and only attach to a dispute of the same order', async () => {
    w = await aftersalesWorld({ realClock: false })
    const a = await w.paidDeposit('1000.00')
    const b = await w.paidDeposit('1200.00')
    const first = (await waybill(a.id, 'JD0000111222')).data!
    expect(first.timeline.map((e) => e.summary)).toEqual([`Waybill SF Express JD0000111222 recorded for order ${a.orderNo} (in transit)`])
    expect(await waybill(b.id, 'JD0000111222')).toMatchObject({ status: 409, field: 'trackingNo' })
    // The same parcel typed in other letters' case or spacing is the same parcel (it was recorded again, on another order).
    const retyped = await w.t.call('waybills.create', { orderId: b.id, carrier: 'sf  express', trackingNo: 'jd0000111222', shippedAt: w.t.clock.now() - HOUR }, w.admin)
    expect(retyped).toMatchObject({ status: 409, field: 'trackingNo', message: 'trackingNo: SF Express JD0000111222 is already recorded' })
    const c = await w.paidDeposit('1300.00')
    const lower = (await w.t.call('waybills.create', { orderId: c.id, carrier: 'YTO', trackingNo: 'yt0000999888', shippedAt: w.t.clock.now() - HOUR }, w.admin)).data!
    expect(lower.trackingNo).toBe('YT0000999888')
    // Goods shipped tomorrow are evidence of nothing yet.
    const tomorrow = await w.t.call('waybills.create', { orderId: b.id, carrier: 'SF Express', trackingNo: 'JD0000999000', shippedAt: w.t.clock.now() + 24 * HOUR }, w.admin)
    expect(tomorrow).toMatchObject({ status: 400, field: 'shippedAt', message: 'shippedAt: cannot be later than now' })
    const second = (await waybill(b.id, 'JD0000333444')).data!
    expect((await w.t.ok('waybills.list', { search: '0001112' }, w.admin)).items.map((x) => x.id)).toEqual([first.id])
    expect((await w.t.ok('waybills.list', { search: b.orderNo }, w.admin)).items.map((x) => x.id)).toEqual([second.id])
    // Our numbers typed in small letters, a carrier in any case and spacing: the same ones.
    expect((await w.t.ok('waybills.list', { search: b.orderNo.toLowerCase() }, w.admin)).items.map((x) => x.id)).toEqual([second.id])
    expect((await w.t.ok('waybills.list', { carrier: 'sf  EXPRESS' }, w.admin)).items.map((x) => x.id).sort()).toEqual([first.id, second.id].sort())
    const delivered = await w.t.ok('waybills.updateStatus', { id: first.id, status: 'delivered', note: 'Signed by the customer' }, w.admin)
    expect(delivered.status).toBe('delivered')
    expect((await w.t.ok('waybills.list', { status: 'delivered' }, w.admin)).total).toBe(1)
    const d = (await open(a.id, '10.00')).data!
    expect(await w.t.call('disputes.attachWaybill', { id: d.id, waybillId: second.id }, w.admin)).toMatchObject({ status: 400, field: 'waybillId' })
    await w.t.ok('disputes.attachWaybill', { id: d.id, waybillId: first.id }, w.admin)
    expect(await w.t.call('disputes.attachWaybill', { id: d.id, waybillId: first.id }, w.admin)).toMatchObject({ status: 409 })
    const orderView = await w.t.ok('orders.get', { id: a.id }, w.admin)
    expect(orderView.timeline.map((e) => e.summary)).toContain('Waybill SF Express JD0000111222 added')
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../../support/core'
import { auditOf, rawRows, world, type World } from './support'

let w: World
beforeAll(async () => {
  w = await world()
})

describe('terminals', () => {
  it('create, get, update, setStatus, each audited', async () => {
    const { t, admin, siam } = w
    const term = await t.ok('terminals.create', { merchantId: siam.id, type: 'pos', identifier: 'POS-0001', name: 'Front counter' }, admin)
    expect(term).toMatchObject({ merchantId: siam.id, merchantName: siam.name, type: 'pos', identifier: 'POS-0001', name: 'Front counter', status: 'active' })
    expect(await t.ok('terminals.get', { id: term.id }, admin)).toEqual(term)
    const updated = await t.ok('terminals.update', { id: term.id, type: 'app', identifier: 'APP-0001', name: 'Mobile app' }, admin)
    expect(updated).toMatchObject({ type: 'app', identifier: 'APP-0001', merchantId: siam.id })
    expect(await t.ok('terminals.setStatus', { id: term.id, status: 'disabled' }, admin)).toMatchObject({ status: 'disabled' })
    expect((await auditOf(w, 'terminals.create'))[0]).toMatchObject({ targetType: 'terminal', targetId: String(term.id), merchantId: siam.id, after: { identifier: 'POS-0001' } })
    expect((await auditOf(w, 'terminals.update'))[0]).toMatchObject({ before: { identifier: 'POS-0001', type: 'pos' }, after: { identifier: 'APP-0001', type: 'app' } })
    expect((await auditOf(w, 'terminals.setStatus'))[0]).toMatchObject({ before: { status: 'active' }, after: { status: 'disabled' } })
    expect(await t.call('terminals.get', { id: 9999 }, admin)).toMatchObject({ status: 404 })
  })

  it('the identifier is unique per merchant: 409 on identifier, writing nothing; another merchant may reuse it', async () => {
    const { t, admin, siam, saigon } = w
    const first = await t.ok('terminals.create', { merchantId: siam.id, type: 'web', identifier: 'shop.example' }, admin)
    const before = countRows(t.core, 'terminals')
    expect(await t.call('terminals.create', { merchantId: siam.id, type: 'api', identifier: 'shop.example' }, admin)).toMatchObject({ status: 409, field: 'identifier' })
    expect(countRows(t.core, 'terminals')).toBe(before)
    await t.ok('terminals.create', { merchantId: saigon.id, type: 'web', identifier: 'shop.example' }, admin)
    const other = await t.ok('terminals.create', { merchantId: siam.id, type: 'web', identifier: 'other.example' }, admin)
    expect(await t.call('terminals.update', { id: other.id, type: 'web', identifier: 'shop.example', name: '' }, admin)).toMatchObject({ status: 409, field: 'identifier' })
    expect(await t.ok('terminals.update', { id: first.id, type: 'web', identifier: 'shop.example', name: 'Same id kept' }, admin)).toMatchObject({ name: 'Same id kept' })
  })

  it('the identifier is the same whatever its case: t001 is refused beside T001, naming the stored one; the database refuses it too', async () => {
    const { t, admin, siam, saigon } = w
    const upper = await t.ok('terminals.create', { merchantId: siam.id, type: 'pos', identifier: 'CASE-T001' }, admin)
    const before = countRows(t.core, 'terminals')
    expect(await t.call('terminals.create', { merchantId: siam.id, type: 'pos', identifier: 'case-t001' }, admin)).toMatchObject({
      status: 409,
      field: 'identifier',
      code: 'terminals.identifier_taken',
      message: 'identifier: this merchant already has a terminal "CASE-T001"'
    })
    expect(countRows(t.core, 'terminals')).toBe(before)
    // Another merchant's terminal is no twin; a terminal may change its own identifier's case.
    await t.ok('terminals.create', { merchantId: saigon.id, type: 'pos', identifier: 'case-t001' }, admin)
    const other = await t.ok('terminals.create', { merchantId: siam.id, type: 'pos', identifier: 'CASE-T002' }, admin)
    expect(await t.call('terminals.update', { id: other.id, type: 'pos', identifier: 'Case-T001', name: '' }, admin)).toMatchObject({ status: 409, field: 'identifier', message: 'identifier: this merchant already has a terminal "CASE-T001"' })
    expect(await t.ok('terminals.update', { id: upper.id, type: 'pos', identifier: 'case-t001', name: '' }, admin)).toMatchObject({ identifier: 'case-t001' })
    // A search finds it whatever the case typed.
    expect((await t.ok('terminals.list', { merchantId: siam.id, search: 'CASE-T00' }, admin)).items.map((x) => x.identifier).sort()).toEqual(['CASE-T002', 'case-t001'])
    // A write that skips the procedures meets the same rule in the database.
    const insert = t.core.db.$client.prepare("insert into terminals (tenant_id, merchant_id, type, identifier, created_at, updated_at) values (1, ?, 'pos', ?, 0, 0)")
    expect(() => insert.run(siam.id, 'CASE-t001')).toThrow(/terminals.identifier_taken/)
    expect(() => t.core.db.$client.prepare('update terminals set identifier = ? where id = ?').run('CASE-t002', upper.id)).toThrow(/terminals.identifier_taken/)
    expect(countRows(t.core, 'terminals')).toBe(before + 2)
  })

  it('lists with paging, filters, search and sort; a merchant-bound user sees only its own and writes only for it', async () => {
    const { t, admin, siam, saigon, operator, editor } = w
    const m = await t.ok('merchants.create', { name: 'Terminal Lister' }, admin)
    for (const [type, identifier] of [['pos', 'L-3'], ['pos', 'L-1'], ['web', 'L-2']] as const) await t.ok('terminals.create', { merchantId: m.id, type, identifier, name: `Lane ${identifier}` }, admin)
    const list = (input: Record<string, unknown>) => t.ok('terminals.list', { merchantId: m.id, ...input }, admin)
    expect((await list({ sortBy: 'identifier', sortDirection: 'asc' })).items.map((x) => x.identifier)).toEqual(['L-1', 'L-2', 'L-3'])
    expect((await list({ type: 'pos', sortBy: 'identifier', sortDirection: 'desc' })).items.map((x) => x.identifier)).toEqual(['L-3', 'L-1'])
    expect((await list({ search: 'lane l-2' })).items.map((x) => x.identifier)).toEqual(['L-2'])
    const page = await list({ pageSize: 2, page: 2, sortBy: 'identifier', sortDirection: 'asc' })
    expect(page).toMatchObject({ total: 3, page: 2 })
    expect(page.items.map((x) => x.identifier)).toEqual(['L-3'])

    const own = await t.ok('terminals.create', { merchantId: siam.id, type: 'pos', identifier: 'SIAM-POS' }, admin)
    const foreign = await t.ok('terminals.create', { merchantId: saigon.id, type: 'pos', identifier: 'SAIGON-POS' }, admin)
    const seen = await t.ok('terminals.list', { pageSize: 100 }, operator)
    expect(seen.items.every((x) => x.merchantId === siam.id)).toBe(true)
    expect(seen.items.map((x) => x.id)).toContain(own.id)
    expect(await t.call('terminals.get', { id: foreign.id }, operator)).toMatchObject({ status: 404 })
    expect(await t.call('terminals.list', { merchantId: saigon.id }, operator)).toMatchObject({ status: 403 })
    expect(await t.call('terminals.create', { merchantId: siam.id, type: 'pos', identifier: 'OPS-POS' }, operator)).toMatchObject({ status: 403 })
    expect(await t.call('terminals.create', { merchantId: saigon.id, type: 'pos', identifier: 'EDIT-POS' }, editor)).toMatchObject({ status: 403 })
    expect(await t.call('terminals.update', { id: foreign.id, type: 'web', identifier: 'HIJACK', name: '' }, editor)).toMatchObject({ status: 404 })
    expect(await t.ok('terminals.update', { id: own.id, type: 'web', identifier: 'SIAM-WEB', name: '' }, editor)).toMatchObject({ identifier: 'SIAM-WEB' })
    expect((await t.ok('terminals.get', { id: foreign.id }, admin)).identifier).toBe('SAIGON-POS')
  })
})

describe('services', () => {
  it('create checks the currency against the service type and stores limits as minor units', async () => {
    const { t, admin, siam } = w
    const s = await t.ok('services.create', { merchantId: siam.id, serviceType: 'THAI', direction: 'deposit', currency: 'THB', singleLower: '100', singleUpper: '50000.5', activated: true }, admin)
    expect(s).toMatchObject({ serviceType: 'THAI', direction: 'deposit', currency: 'THB', singleLower: '100.00', singleUpper: '50000.50', activated: true, activatedAt: t.clock.now(), channelCount: 0 })
    expect(rawRows(w, 'services').find((r) => r.id === s.id)).toMatchObject({ single_lower_minor: 10_000, single_upper_minor: 5_000_050 })
    expect(await t.call('services.create', { merchantId: siam.id, serviceType: 'THAI', direction: 'payout', currency: 'VND' }, admin)).toMatchObject({
      status: 400,
      field: 'currency',
      message: 'currency: the THAI service type takes THB only'
    })
    expect(await t.call('services.create', { merchantId: siam.id, serviceType: 'CNY_BANK_CARD', direction: 'deposit', currency: 'CNY', singleLower: '20000', singleUpper: '500' }, admin)).toMatchObject({
      status: 400,
      field: 'singleUpper'
    })
    expect(await t.call('services.create', { merchantId: siam.id, serviceType: 'CNY_BANK_CARD', direction: 'deposit', currency: 'CNY', singleLower: '0.001' }, admin)).toMatchObject({
      message: 'singleLower: CNY has at most 2 decimal places'
    })
    expect((await auditOf(w, 'services.create'))[0]).toMatchObject({ targetType: 'service', targetId: String(s.id), merchantId: siam.id, after: { singleLower: '100.00', activated: true } })
  })

  it('the same type, direction and currency twice for a merchant is a 409 on serviceType; payout of the same type is fine', async () => {
    const { t, admin, saigon } = w
    await t.ok('services.create', { merchantId: saigon.id, serviceType: 'VIETNAMESE', direction: 'deposit', currency: 'VND' }, admin)
    expect(await t.call('services.create', { merchantId: saigon.id, serviceType: 'VIETNAMESE', direction: 'deposit', currency: 'VND' }, admin)).toMatchObject({ status: 409, field: 'serviceType' })
    expect(await t.ok('services.create', { merchantId: saigon.id, serviceType: 'VIETNAMESE', direction: 'payout', currency: 'VND' }, admin)).toMatchObject({ direction: 'payout', activated: false, activatedAt: null })
  })

  it('update changes limits and activation (first activation time kept); setStatus disables; both audited', async () => {
    const { t, admin, siam } = w
    const s = await t.ok('services.create', { merchantId: siam.id, serviceType: 'USDT', direction: 'deposit', currency: 'USDT', singleLower: '10.5' }, admin)
    expect(s).toMatchObject({ singleLower: '10.500000', singleUpper: '0.000000', activated: false })
    t.clock.advance(1000)
    const activated = await t.ok('services.update', { id: s.id, singleLower: '10', singleUpper: '1000.123456', activated: true }, admin)
    expect(activated).toMatchObject({ activated: true, activatedAt: t.clock.now(), singleUpper: '1000.123456' })
    const at = activated.activatedAt
    t.clock.advance(1000)
    expect((await t.ok('services.update', { id: s.id, singleLower: '20', singleUpper: '0', activated: true }, admin)).activatedAt).toBe(at)
    expect(await t.ok('services.update', { id: s.id, singleLower: '20', singleUpper: '0', activated: false }, admin)).toMatchObject({ activated: false, activatedAt: null })
    expect(await t.call('services.update', { id: s.id, singleLower: '20', singleUpper: '10', activated: false }, admin)).toMatchObject({ status: 400, field: 'singleUpper' })
    expect(await t.ok('services.setStatus', { id: s.id, status: 'disabled' }, admin)).toMatchObject({ status: 'disabled' })
    const updates = (await auditOf(w, 'services.update')).filter((e) => e.targetId === String(s.id))
    expect(updates).toHaveLength(3)
    expect(updates.at(-1)).toMatchObject({ before: { activated: false, singleLower: '10.500000' }, after: { activated: true, singleLower: '10.000000' } })
    expect((await auditOf(w, 'services.setStatus'))[0]).toMatchObject({ targetId: String(s.id), after: { status: 'disabled' } })
  })

  it('lists with filters (merchant, type, direction, currency, activated, status), search, sort and paging; scoped for merchant users', async () => {
    const { t, admin, saigon, operator, editor, siam } = w
    const m = await t.ok('merchants.create', { name: 'Service Lister' }, admin)
    const a = await t.ok('services.create', { merchantId: m.id, serviceType: 'INDONESIAN', direction: 'deposit', currency: 'IDR', activated: true }, admin)
    const b = await t.ok('services.create', { merchantId: m.id, serviceType: 'INDONESIAN', direction: 'payout', currency: 'IDR' }, admin)
    const c = await t.ok('services.create', { merchantId: m.id, serviceType: 'BRAZILIAN', direction: 'deposit', currency: 'BRL', activated: true }, admin)
    await t.ok('services.setStatus', { id: c.id, status: 'disabled' }, admin)
    const ids = async (input: Record<string, unknown>) => (await t.ok('services.list', { merchantId: m.id, ...input }, admin)).items.map((x) => x.id)
    expect(await ids({ sortBy: 'id', sortDirection: 'asc' })).toEqual([a.id, b.id, c.id])
    expect(await ids({ serviceType: 'INDONESIAN', sortBy: 'id', sortDirection: 'asc' })).toEqual([a.id, b.id])
    expect(await ids({ direction: 'payout' })).toEqual([b.id])
    expect(await ids({ currency: 'BRL' })).toEqual([c.id])
    expect(await ids({ activated: false })).toEqual([b.id])
    expect(await ids({ status: 'disabled' })).toEqual([c.id])
    expect(await ids({ search: 'brazil' })).toEqual([c.id])
    expect(await ids({ search: '巴西' })).toEqual([c.id])
    expect((await t.ok('services.list', { search: 'Service Lister', sortBy: 'serviceType', sortDirection: 'asc' }, admin)).items.map((x) => x.id)).toEqual([c.id, a.id, b.id])
    expect(await t.ok('services.list', { merchantId: m.id, pageSize: 1, page: 3, sortBy: 'id', sortDirection: 'asc' }, admin)).toMatchObject({ total: 3, items: [{ id: c.id }] })

    const seen = await t.ok('services.list', { pageSize: 100 }, operator)
    expect(seen.items.every((x) => x.merchantId === siam.id)).toBe(true)
    expect(await t.call('services.get', { id: a.id }, operator)).toMatchObject({ status: 404 })
    expect(await t.call('services.create', { merchantId: siam.id, serviceType: 'CNY_ALIPAY_WECHAT', direction: 'deposit', currency: 'CNY' }, operator)).toMatchObject({ status: 403 })
    expect(await t.call('services.create', { merchantId: saigon.id, serviceType: 'CNY_ALIPAY_WECHAT', direction: 'deposit', currency: 'CNY' }, editor)).toMatchObject({ status: 403 })
    expect(await t.call('services.setStatus', { id: a.id, status: 'disabled' }, editor)).toMatchObject({ status: 404 })
    expect((await t.ok('services.get', { id: a.id }, admin)).status).toBe('active')
  })
})

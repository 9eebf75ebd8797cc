import { beforeAll, describe, expect, it } from 'vitest'
import { auditOf, rawRows, world, type World } from './support'

let w: World
beforeAll(async () => {
  w = await world()
})

const terms = {
  name: 'Standard 2026',
  settlementCurrency: 'CNY',
  feeRate: '2.5',
  fixedFee: '1.50',
  refundFee: '3',
  disputeFee: '150.00',
  withdrawalFee: '10',
  reserveRate: '10',
  reserveHoldDays: 90,
  validFrom: '2026-01-01',
  validTo: '2026-12-31'
}

/** Another year: one merchant has one active contract per currency and day. */
const year = (y: number) => ({ validFrom: `${y}-01-01`, validTo: `${y}-12-31` })

describe('contracts', () => {
  it('create stores rates as ppm and fees as minor units, and reads them back as decimal strings', async () => {
    const { t, admin, siam } = w
    const c = await t.ok('contracts.create', { merchantId: siam.id, ...terms }, admin)
    expect(c).toMatchObject({
      merchantId: siam.id,
      merchantName: siam.name,
      settlementCurrency: 'CNY',
      feeRate: '2.5',
      fixedFee: '1.50',
      refundFee: '3.00',
      disputeFee: '150.00',
      withdrawalFee: '10.00',
      reserveRate: '10',
      reserveHoldDays: 90,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      status: 'active'
    })
    const raw = rawRows(w, 'contracts').find((r) => r.id === c.id)!
    expect(raw).toMatchObject({ fee_rate_ppm: 25_000, fixed_fee_minor: 150, refund_fee_minor: 300, dispute_fee_minor: 15_000, reserve_rate_ppm: 100_000 })
    expect(await t.ok('contracts.get', { id: c.id }, admin)).toEqual(c)
    const audit = (await auditOf(w, 'contracts.create')).find((e) => e.targetId === String(c.id))
    expect(audit).toMatchObject({ targetType: 'contract', merchantId: siam.id, after: { feeRate: '2.5', fixedFee: '1.50' } })
  })

  it('defaults to no fees and an open end; VND fees are whole numbers; USDT takes 6 decimals', async () => {
    const { t, admin, saigon } = w
    const bare = await t.ok('contracts.create', { merchantId: saigon.id, name: 'Bare', settlementCurrency: 'VND', validFrom: '2026-03-01' }, admin)
    expect(bare).toMatchObject({ feeRate: '0', fixedFee: '0', validTo: null, reserveHoldDays: 0 })
    expect(await t.call('contracts.create', { merchantId: saigon.id, name: 'Fractional', settlementCurrency: 'VND', validFrom: '2026-03-01', fixedFee: '0.5' }, admin)).toMatchObject({
      status: 400,
      field: 'fixedFee',
      message: 'fixedFee: VND amounts are whole numbers'
    })
    const usdt = await t.ok('contracts.create', { merchantId: saigon.id, name: 'Crypto', settlementCurrency: 'usdt', validFrom: '2026-03-01', fixedFee: '0.000001' }, admin)
    expect(usdt).toMatchObject({ settlementCurrency: 'USDT', fixedFee: '0.000001' })
  })

  it('update changes the terms (not the merchant or currency), rejects extra decimals, and audits before/after', async () => {
    const { t, admin, siam } = w
    const c = await t.ok('contracts.create', { merchantId: siam.id, ...terms, settlementCurrency: 'THB', name: 'To update' }, admin)
    const { settlementCurrency: _c, ...editable } = terms
    const updated = await t.ok('contracts.update', { id: c.id, ...editable, name: 'Updated', feeRate: '1.75', fixedFee: '2', validTo: null }, admin)
    expect(updated).toMatchObject({ name: 'Updated', feeRate: '1.75', fixedFee: '2.00', validTo: null, settlementCurrency: 'THB', merchantId: siam.id })
    const refused = await t.call('contracts.update', { id: c.id, ...editable, disputeFee: '1.005' }, admin)
    expect(refused).toMatchObject({ status: 400, field: 'disputeFee', message: 'disputeFee: THB has at most 2 decimal places' })
    expect((await t.ok('contracts.get', { id: c.id }, admin)).disputeFee).toBe('150.00')
    const audit = (await auditOf(w, 'contracts.update')).find((e) => e.targetId === String(c.id))
    expect(audit).toMatchObject({ before: { name: 'To update', feeRate: '2.5' }, after: { name: 'Updated', feeRate: '1.75' } })
    expect(await t.call('contracts.update', { id: 9999, ...editable }, admin)).toMatchObject({ status: 404 })
  })

  it('a second contract of the same name for the same merchant is a 409 on name', async () => {
    const { t, admin, siam, saigon } = w
    await t.ok('contracts.create', { merchantId: siam.id, ...terms, ...year(2028), name: 'Unique name' }, admin)
    expect(await t.call('contracts.create', { merchantId: siam.id, ...terms, name: 'unique NAME' }, admin)).toMatchObject({ status: 409, field: 'name' })
    await t.ok('contracts.create', { merchantId: saigon.id, ...terms, ...year(2028), name: 'Unique name' }, admin)
  })

  it('one active contract per merchant, currency and day: an overlapping one is refused, naming the one that applies', async () => {
    const { t, admin, siam } = w
    // Standard 2026 (CNY, all of 2026) applies: a second from June would never have been charged.
    const overlap = await t.call('contracts.create', { merchantId: siam.id, ...terms, name: 'From June', validFrom: '2026-06-01', validTo: null }, admin)
    expect(overlap).toMatchObject({ status: 409, code: 'contracts.overlap', field: 'validFrom' })
    expect(overlap.message).toBe(`validFrom: contract "Standard 2026" (2026-01-01 to 2026-12-31) already applies to this merchant's CNY in that period: end it the day before this one starts, or choose days outside it`)
    // Disabled, it may overlap; enabled again, it is refused the same way. The day after the old one ends is free.
    const spare = await t.ok('contracts.create', { merchantId: siam.id, ...terms, name: 'Spare June', validFrom: '2026-06-01', validTo: null, status: 'disabled' }, admin)
    expect(await t.call('contracts.setStatus', { id: spare.id, status: 'active' }, admin)).toMatchObject({ status: 409, code: 'contracts.overlap' })
    expect(await t.ok('contracts.create', { merchantId: siam.id, ...terms, name: 'From 2032', validFrom: '2032-01-01', validTo: null }, admin)).toMatchObject({ status: 'active' })
    expect(await t.call('contracts.create', { merchantId: siam.id, ...terms, name: 'Before 2032 ends', validFrom: '2031-06-01', validTo: '2032-01-01' }, admin)).toMatchObject({ status: 409, code: 'contracts.overlap' })
  })

  it('setStatus disables a contract, audited', async () => {
    const { t, admin, siam } = w
    const c = await t.ok('contracts.create', { merchantId: siam.id, ...terms, ...year(2029), name: 'Toggle' }, admin)
    expect(await t.ok('contracts.setStatus', { id: c.id, status: 'disabled' }, admin)).toMatchObject({ status: 'disabled' })
    expect((await auditOf(w, 'contracts.setStatus'))[0]).toMatchObject({ targetId: String(c.id), merchantId: siam.id, before: { status: 'active' }, after: { status: 'disabled' } })
  })

  it('lists with paging, filters (merchant, status, currency, valid on a day), search and sort', async () => {
    const { t, admin } = w
    const m = await t.ok('merchants.create', { name: 'Contract Lister' }, admin)
    const mk = (name: string, currency: string, validFrom: string, validTo: string | null) =>
      t.ok('contracts.create', { merchantId: m.id, name, settlementCurrency: currency, validFrom, validTo }, admin)
    const a = await mk('Alpha', 'THB', '2025-01-01', '2025-12-31')
    const b = await mk('Bravo', 'THB', '2026-01-01', null)
    const c = await mk('Charlie', 'CNY', '2026-06-01', '2026-06-30')
    await t.ok('contracts.setStatus', { id: c.id, status: 'disabled' }, admin)
    const ids = async (input: Record<string, unknown>) => (await t.ok('contracts.list', { merchantId: m.id, ...input }, admin)).items.map((x) => x.id)

    expect(await ids({ sortBy: 'name', sortDirection: 'asc' })).toEqual([a.id, b.id, c.id])
    expect(await ids({ sortBy: 'validFrom', sortDirection: 'desc' })).toEqual([c.id, b.id, a.id])
    expect(await ids({ currency: 'THB', sortBy: 'name', sortDirection: 'asc' })).toEqual([a.id, b.id])
    expect(await ids({ status: 'disabled' })).toEqual([c.id])
    expect(await ids({ validOn: '2026-06-15', sortBy: 'name', sortDirection: 'asc' })).toEqual([b.id, c.id])
    expect(await ids({ validOn: '2025-12-31' })).toEqual([a.id])
    expect(await ids({ search: 'rav' })).toEqual([b.id])
    expect(await ids({ search: String(a.id) })).toEqual([a.id])
    const page = await t.ok('contracts.list', { merchantId: m.id, pageSize: 2, page: 2, sortBy: 'name', sortDirection: 'asc' }, admin)
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(page.items.map((x) => x.name)).toEqual(['Charlie'])
  })

  it("merchant scope: a merchant-bound user reads only its merchant's contracts and writes only for it", async () => {
    const { t, admin, siam, saigon, operator, editor } = w
    const own = await t.ok('contracts.create', { merchantId: siam.id, ...terms, ...year(2030), name: 'Siam scoped' }, admin)
    const other = await t.ok('contracts.create', { merchantId: saigon.id, ...terms, name: 'Saigon scoped' }, admin)

    const seen = await t.ok('contracts.list', { pageSize: 100 }, operator)
    expect(seen.items.length).toBeGreaterThan(0)
    expect(seen.items.every((c) => c.merchantId === siam.id)).toBe(true)
    expect((await t.ok('contracts.list', { search: 'Saigon scoped' }, operator)).total).toBe(0)
    expect(await t.call('contracts.list', { merchantId: saigon.id }, operator)).toMatchObject({ status: 403 })
    expect(await t.ok('contracts.get', { id: own.id }, operator)).toMatchObject({ id: own.id })
    expect(await t.call('contracts.get', { id: other.id }, operator)).toMatchObject({ status: 404 })

    // The operator role holds no write code; the editor holds CONTRACT_WRITE but only for Siam.
    expect(await t.call('contracts.create', { merchantId: siam.id, ...terms, name: 'By operator' }, operator)).toMatchObject({ status: 403, code: 'permission.missing' })
    expect(await t.call('contracts.setStatus', { id: own.id, status: 'disabled' }, operator)).toMatchObject({ status: 403 })
    expect(await t.call('contracts.create', { merchantId: saigon.id, ...terms, name: 'By editor' }, editor)).toMatchObject({ status: 403, code: 'scope.other_merchant' })
    expect(await t.call('contracts.setStatus', { id: other.id, status: 'disabled' }, editor)).toMatchObject({ status: 404 })
    expect(await t.ok('contracts.create', { merchantId: siam.id, ...terms, ...year(2031), name: 'By editor' }, editor)).toMatchObject({ merchantId: siam.id })
    expect((await t.ok('contracts.get', { id: other.id }, admin)).status).toBe('active')
  })
})

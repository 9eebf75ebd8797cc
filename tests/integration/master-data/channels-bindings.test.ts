import { beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../../support/core'
import { auditOf, rawRows, world, type World } from './support'

let w: World
beforeAll(async () => {
  w = await world()
})

const SECRET_VALUES = ['sk_live_9f8e7d6c5b4a', 'merchant-8841-pass']
const channelInput = {
  name: 'Generic CNY One',
  provider: 'generic',
  supportsDeposit: true,
  supportsPayout: true,
  currency: 'CNY',
  paymentLower: '100',
  paymentUpper: '50000',
  payoutLower: '10',
  payoutUpper: '0',
  credentials: { signKey: SECRET_VALUES[0], password: SECRET_VALUES[1], merchantNo: 'M8841' }
}

function assertNoSecrets(value: unknown): void {
  const text = JSON.stringify(value)
  for (const s of SECRET_VALUES) expect(text).not.toContain(s)
  expect(text).not.toContain('credentialsEnc')
  expect(text).not.toContain('v1:')
}

describe('channels', () => {
  it('credentials are encrypted at rest; reads and audit rows show their names only', async () => {
    const { t, admin } = w
    const ch = await t.ok('channels.create', channelInput, admin)
    expect(ch).toMatchObject({ paymentLower: '100.00', paymentUpper: '50000.00', payoutLower: '10.00', payoutUpper: '0.00', credentialKeys: ['merchantNo', 'password', 'signKey'] })
    expect(ch.balance).toEqual({ posted: '0.00', available: '0.00' })
    const raw = rawRows(w, 'channels').find((r) => r.id === ch.id)!
    expect(String(raw.credentials_enc)).toMatch(/^v1:/)
    for (const s of SECRET_VALUES) expect(String(raw.credentials_enc)).not.toContain(s)
    expect(raw).toMatchObject({ payment_lower_minor: 10_000, payment_upper_minor: 5_000_000 })

    assertNoSecrets(ch)
    assertNoSecrets(await t.ok('channels.get', { id: ch.id }, admin))
    assertNoSecrets(await t.ok('channels.list', {}, admin))
    assertNoSecrets(await t.ok('audit.list', { pageSize: 100 }, admin))
    expect((await auditOf(w, 'channels.create'))[0]).toMatchObject({ targetType: 'channel', targetId: String(ch.id), after: { credentialKeys: ['merchantNo', 'password', 'signKey'] } })
  })

  it('update keeps credentials left out and replaces them when given; the currency cannot change', async () => {
    const { t, admin } = w
    const ch = await t.ok('channels.create', { ...channelInput, name: 'Generic CNY Two' }, admin)
    const sealed = () => rawRows(w, 'channels').find((r) => r.id === ch.id)!.credentials_enc
    const original = sealed()
    const { credentials: _c, currency: _cur, ...edit } = channelInput
    const kept = await t.ok('channels.update', { id: ch.id, ...edit, name: 'Generic CNY Two', paymentUpper: '40000', currency: 'THB' }, admin)
    expect(kept).toMatchObject({ paymentUpper: '40000.00', currency: 'CNY', credentialKeys: ['merchantNo', 'password', 'signKey'] })
    expect(sealed()).toBe(original)
    const replaced = await t.ok('channels.update', { id: ch.id, ...edit, name: 'Generic CNY Two', credentials: { apiKey: 'new-key-0001' } }, admin)
    expect(replaced.credentialKeys).toEqual(['apiKey'])
    expect(sealed()).not.toBe(original)
    const cleared = await t.ok('channels.update', { id: ch.id, ...edit, name: 'Generic CNY Two', credentials: {} }, admin)
    expect(cleared.credentialKeys).toEqual([])
    expect(sealed()).toBeNull()
    const audits = (await auditOf(w, 'channels.update')).filter((e) => e.targetId === String(ch.id))
    expect(audits.map((e) => (e.after as { credentialsReplaced: boolean }).credentialsReplaced)).toEqual([true, true, false])
    expect(JSON.stringify(audits)).not.toContain('new-key-0001')
    expect(await t.call('channels.update', { id: ch.id, ...edit, name: 'Generic CNY Two', payoutLower: '100', payoutUpper: '99.99' }, admin)).toMatchObject({ status: 400, field: 'payoutUpper' })
  })

  it('names are unique (409 on name); setStatus disables, audited', async () => {
    const { t, admin } = w
    const ch = await t.ok('channels.create', { name: 'Unique Channel', provider: 'generic', currency: 'THB' }, admin)
    expect(ch).toMatchObject({ supportsDeposit: true, supportsPayout: false, credentialKeys: [] })
    const before = countRows(t.core, 'channels')
    expect(await t.call('channels.create', { name: 'unique channel', provider: 'generic', currency: 'THB' }, admin)).toMatchObject({ status: 409, field: 'name' })
    expect(countRows(t.core, 'channels')).toBe(before)
    expect(await t.ok('channels.setStatus', { id: ch.id, status: 'disabled' }, admin)).toMatchObject({ status: 'disabled' })
    expect((await auditOf(w, 'channels.setStatus'))[0]).toMatchObject({ targetId: String(ch.id), before: { status: 'active' }, after: { status: 'disabled' } })
  })

  it('lists with filters (currency, direction, provider, status, service, merchant), search, sort and paging', async () => {
    const { t, admin, saigon } = w
    const mk = (name: string, currency: string, provider: string, supportsPayout: boolean) => t.ok('channels.create', { name, provider, currency, supportsDeposit: true, supportsPayout }, admin)
    const a = await mk('List VND Alpha', 'VND', 'vnpay', false)
    const b = await mk('List VND Bravo', 'VND', 'generic', true)
    const c = await mk('List IDR Charlie', 'IDR', 'generic', false)
    const names = async (input: Record<string, unknown>) => (await t.ok('channels.list', { search: 'List ', ...input }, admin)).items.map((x) => x.name)
    expect(await names({ sortBy: 'name', sortDirection: 'asc' })).toEqual([c.name, a.name, b.name])
    expect(await names({ currency: 'VND', sortBy: 'name', sortDirection: 'desc' })).toEqual([b.name, a.name])
    expect(await names({ direction: 'payout' })).toEqual([b.name])
    expect(await names({ provider: 'vnpay' })).toEqual([a.name])
    expect(await names({ search: 'vnpay' })).toEqual([a.name])
    expect(await t.ok('channels.list', { search: 'List ', pageSize: 2, page: 2, sortBy: 'name', sortDirection: 'asc' }, admin)).toMatchObject({ total: 3, items: [{ name: b.name }] })
    const service = await t.ok('services.create', { merchantId: saigon.id, serviceType: 'VIETNAMESE', direction: 'payout', currency: 'VND' }, admin)
    await t.ok('bindings.create', { channelId: b.id, serviceId: service.id }, admin)
    expect(await names({ serviceId: service.id })).toEqual([b.name])
    expect(await names({ merchantId: saigon.id })).toEqual([b.name])
    await t.ok('channels.setStatus', { id: c.id, status: 'disabled' }, admin)
    expect(await names({ status: 'disabled' })).toEqual([c.name])
  })

  it("a merchant-bound user sees only channels bound to its merchant's services, without credential names, and cannot write", async () => {
    const { t, admin, siam, saigon, operator, editor } = w
    const mine = await t.ok('channels.create', { ...channelInput, name: 'Scope Mine' }, admin)
    const theirs = await t.ok('channels.create', { ...channelInput, name: 'Scope Theirs' }, admin)
    await t.ok('channels.create', { ...channelInput, name: 'Scope Unbound' }, admin)
    const siamService = await t.ok('services.create', { merchantId: siam.id, serviceType: 'CNY_BANK_CARD', direction: 'deposit', currency: 'CNY' }, admin)
    const saigonService = await t.ok('services.create', { merchantId: saigon.id, serviceType: 'CNY_BANK_CARD', direction: 'deposit', currency: 'CNY' }, admin)
    await t.ok('bindings.create', { channelId: mine.id, serviceId: siamService.id }, admin)
    await t.ok('bindings.create', { channelId: theirs.id, serviceId: saigonService.id }, admin)

    const seen = await t.ok('channels.list', { pageSize: 100 }, operator)
    expect(seen.items.map((c) => c.name)).toEqual(['Scope Mine'])
    expect(seen.items[0].credentialKeys).toEqual([])
    assertNoSecrets(seen)
    expect((await t.ok('channels.get', { id: mine.id }, operator)).credentialKeys).toEqual([])
    expect(await t.call('channels.get', { id: theirs.id }, operator)).toMatchObject({ status: 404 })
    expect(await t.call('channels.list', { merchantId: saigon.id }, operator)).toMatchObject({ status: 403 })
    for (const token of [operator, editor]) {
      expect(await t.call('channels.create', { ...channelInput, name: 'Sneaky' }, token)).toMatchObject({ status: 403 })
      expect(await t.call('channels.setStatus', { id: mine.id, status: 'disabled' }, token)).toMatchObject({ status: 403 })
      expect(await t.call('bindings.create', { channelId: theirs.id, serviceId: siamService.id }, token)).toMatchObject({ status: 403 })
    }
  })
})

describe('bindings', () => {
  it('create needs the same currency and a channel that supports the direction (400 on channelId); duplicates are 409', async () => {
    const { t, admin, siam } = w
    const depositOnly = await t.ok('channels.create', { name: 'Bind THB deposit', provider: 'generic', currency: 'THB' }, admin)
    const cny = await t.ok('channels.create', { name: 'Bind CNY both', provider: 'generic', currency: 'CNY', supportsPayout: true }, admin)
    const thaiPayout = await t.ok('services.create', { merchantId: siam.id, serviceType: 'THAI', direction: 'payout', currency: 'THB' }, admin)
    const before = countRows(t.core, 'channel_service_bindings')
    expect(await t.call('bindings.create', { channelId: cny.id, serviceId: thaiPayout.id }, admin)).toMatchObject({
      status: 400,
      field: 'channelId',
      message: `channelId: channel "Bind CNY both" is in CNY but service ${thaiPayout.id} is in THB`
    })
    expect(await t.call('bindings.create', { channelId: depositOnly.id, serviceId: thaiPayout.id }, admin)).toMatchObject({
      status: 400,
      field: 'channelId',
      message: 'channelId: channel "Bind THB deposit" does not support payouts'
    })
    expect(await t.call('bindings.create', { channelId: depositOnly.id, serviceId: 9999 }, admin)).toMatchObject({ status: 400, field: 'serviceId' })
    expect(countRows(t.core, 'channel_service_bindings')).toBe(before)

    const thaiDeposit = await t.ok('services.create', { merchantId: siam.id, serviceType: 'THAI', direction: 'deposit', currency: 'THB' }, admin)
    const b = await t.ok('bindings.create', { channelId: depositOnly.id, serviceId: thaiDeposit.id, boundLower: '1000', boundUpper: '10000' }, admin)
    expect(b).toMatchObject({ channelName: 'Bind THB deposit', serviceType: 'THAI', direction: 'deposit', merchantId: siam.id, merchantName: siam.name, currency: 'THB', boundLower: '1000.00', boundUpper: '10000.00', status: 'active' })
    expect(await t.call('bindings.create', { channelId: depositOnly.id, serviceId: thaiDeposit.id }, admin)).toMatchObject({ status: 409, field: 'serviceId' })
    expect((await t.ok('services.get', { id: thaiDeposit.id }, admin)).channelCount).toBe(1)
    expect((await auditOf(w, 'bindings.create'))[0]).toMatchObject({ targetType: 'binding', targetId: `${depositOnly.id}:${thaiDeposit.id}`, merchantId: siam.id, after: { boundLower: '1000.00' } })

    // The channel cannot drop a direction its bound services use.
    const { id: _id, ...rest } = depositOnly
    const edit = { id: depositOnly.id, name: rest.name, provider: rest.provider, paymentLower: '0', paymentUpper: '0', payoutLower: '0', payoutUpper: '0' }
    expect(await t.call('channels.update', { ...edit, supportsDeposit: false, supportsPayout: true }, admin)).toMatchObject({
      status: 409,
      field: 'supportsDeposit',
      message: 'supportsDeposit: the channel has 1 active binding(s) to deposit services; disable those bindings first'
    })
    expect(await t.ok('channels.update', { ...edit, supportsDeposit: true, supportsPayout: true }, admin)).toMatchObject({ supportsPayout: true })
    // There is no deleting a binding: disabled, it no longer holds the direction (it did, so the direction could never go).
    await t.ok('bindings.setStatus', { channelId: depositOnly.id, serviceId: thaiDeposit.id, status: 'disabled' }, admin)
    expect(await t.ok('channels.update', { ...edit, supportsDeposit: false, supportsPayout: true }, admin)).toMatchObject({ supportsDeposit: false })
    // Enabled again on a channel without the direction: refused, naming it.
    expect(await t.call('bindings.setStatus', { channelId: depositOnly.id, serviceId: thaiDeposit.id, status: 'active' }, admin)).toMatchObject({
      status: 400,
      field: 'status',
      message: 'status: channel "Bind THB deposit" does not support deposits'
    })
  })

  it('get, update bounds (400 on boundUpper below boundLower) and setStatus, each audited', async () => {
    const { t, admin, saigon } = w
    const ch = await t.ok('channels.create', { name: 'Bind IDR', provider: 'generic', currency: 'IDR' }, admin)
    const s = await t.ok('services.create', { merchantId: saigon.id, serviceType: 'INDONESIAN', direction: 'deposit', currency: 'IDR' }, admin)
    await t.ok('bindings.create', { channelId: ch.id, serviceId: s.id }, admin)
    const key = { channelId: ch.id, serviceId: s.id }
    expect(await t.ok('bindings.get', key, admin)).toMatchObject({ boundLower: '0', boundUpper: '0' })
    expect(await t.ok('bindings.update', { ...key, boundLower: '10000', boundUpper: '0' }, admin)).toMatchObject({ boundLower: '10000', boundUpper: '0' })
    expect(await t.call('bindings.update', { ...key, boundLower: '10000', boundUpper: '9999' }, admin)).toMatchObject({ status: 400, field: 'boundUpper' })
    expect(await t.call('bindings.update', { ...key, boundLower: '0.5', boundUpper: '0' }, admin)).toMatchObject({ status: 400, message: 'boundLower: IDR amounts are whole numbers' })
    expect(await t.ok('bindings.setStatus', { ...key, status: 'disabled' }, admin)).toMatchObject({ status: 'disabled' })
    expect((await auditOf(w, 'bindings.update'))[0]).toMatchObject({ before: { boundLower: '0' }, after: { boundLower: '10000' } })
    expect((await auditOf(w, 'bindings.setStatus'))[0]).toMatchObject({ targetId: `${ch.id}:${s.id}`, after: { status: 'disabled' } })
    expect(await t.call('bindings.get', { channelId: ch.id, serviceId: 9999 }, admin)).toMatchObject({ status: 404 })
  })

  it("lists with filters, search, sort and paging; a merchant-bound user sees only its merchant's bindings", async () => {
    const { t, admin, siam, saigon, operator } = w
    const m = await t.ok('merchants.create', { name: 'Binding Lister' }, admin)
    const ch1 = await t.ok('channels.create', { name: 'BL BRL One', provider: 'generic', currency: 'BRL', supportsPayout: true }, admin)
    const ch2 = await t.ok('channels.create', { name: 'BL BRL Two', provider: 'generic', currency: 'BRL' }, admin)
    const dep = await t.ok('services.create', { merchantId: m.id, serviceType: 'BRAZILIAN', direction: 'deposit', currency: 'BRL' }, admin)
    const pay = await t.ok('services.create', { merchantId: m.id, serviceType: 'BRAZILIAN', direction: 'payout', currency: 'BRL' }, admin)
    await t.ok('bindings.create', { channelId: ch1.id, serviceId: dep.id }, admin)
    await t.ok('bindings.create', { channelId: ch2.id, serviceId: dep.id }, admin)
    await t.ok('bindings.create', { channelId: ch1.id, serviceId: pay.id, status: 'disabled' }, admin)
    const keys = async (input: Record<string, unknown>) =>
      (await t.ok('bindings.list', { merchantId: m.id, ...input }, admin)).items.map((b) => `${b.channelName}/${b.direction}`)
    expect(await keys({ sortBy: 'channelName', sortDirection: 'asc' })).toEqual(['BL BRL One/deposit', 'BL BRL One/payout', 'BL BRL Two/deposit'])
    expect(await keys({ sortBy: 'channelName', sortDirection: 'desc' })).toEqual(['BL BRL Two/deposit', 'BL BRL One/deposit', 'BL BRL One/payout'])
    expect(await keys({ direction: 'payout' })).toEqual(['BL BRL One/payout'])
    expect(await keys({ status: 'disabled' })).toEqual(['BL BRL One/payout'])
    expect(await keys({ channelId: ch2.id })).toEqual(['BL BRL Two/deposit'])
    expect(await keys({ serviceId: pay.id })).toEqual(['BL BRL One/payout'])
    expect(await keys({ search: 'two' })).toEqual(['BL BRL Two/deposit'])
    expect(await keys({ currency: 'CNY' })).toEqual([])
    expect(await keys({ serviceType: 'BRAZILIAN', pageSize: 2, page: 2, sortBy: 'channelName', sortDirection: 'asc' })).toEqual(['BL BRL Two/deposit'])
    expect((await t.ok('bindings.list', { search: 'Binding Lister' }, admin)).total).toBe(3)

    const seen = await t.ok('bindings.list', { pageSize: 100 }, operator)
    expect(seen.items.every((b) => b.merchantId === siam.id)).toBe(true)
    expect(await t.call('bindings.get', { channelId: ch1.id, serviceId: dep.id }, operator)).toMatchObject({ status: 404 })
    expect(await t.call('bindings.list', { merchantId: saigon.id }, operator)).toMatchObject({ status: 403 })
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { auditOf, rawRows, world, type World } from './support'

let w: World
beforeAll(async () => {
  w = await world()
})

describe('merchants', () => {
  it('create returns the signing secret once; it is stored encrypted and never read back nor audited', async () => {
    const { t, admin } = w
    const created = await t.ok(
      'merchants.create',
      { name: 'Jakarta Kopi', contactName: 'Dewi', contactEmail: 'ops@kopi.example', contactPhone: '+62 21 555 0100', notifyUrl: 'https://kopi.example/notify' },
      admin
    )
    expect(created.signingSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(created).toMatchObject({ contactName: 'Dewi', notifyUrl: 'https://kopi.example/notify', hasSigningSecret: true, status: 'active' })

    const stored = rawRows(w, 'merchants').find((m) => m.id === created.id)!
    expect(String(stored.signing_secret_enc)).toMatch(/^v1:/)
    expect(String(stored.signing_secret_enc)).not.toContain(created.signingSecret)

    const detail = await t.ok('merchants.get', { id: created.id }, admin)
    const list = await t.ok('merchants.list', { search: 'Jakarta' }, admin)
    const audit = await auditOf(w, 'merchants.create')
    for (const output of [detail, list, audit]) {
      expect(JSON.stringify(output)).not.toContain(created.signingSecret)
      expect(JSON.stringify(output)).not.toContain(String(stored.signing_secret_enc))
      expect(JSON.stringify(output)).not.toMatch(/signingSecret"/)
    }
    expect(audit.find((e) => e.targetId === String(created.id))).toMatchObject({ targetType: 'merchant', merchantId: created.id, after: { name: 'Jakarta Kopi', contactEmail: 'ops@kopi.example' } })
  })

  it('rotateSecret returns a new secret, replaces the stored one and audits without it', async () => {
    const { t, admin } = w
    const created = await t.ok('merchants.create', { name: 'Rotate Me Ltd' }, admin)
    const storedBefore = rawRows(w, 'merchants').find((m) => m.id === created.id)!.signing_secret_enc
    t.clock.advance(60_000)
    const rotated = await t.ok('merchants.rotateSecret', { id: created.id }, admin)
    expect(rotated.signingSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(rotated.signingSecret).not.toBe(created.signingSecret)
    expect(rotated.signingSecretRotatedAt).toBe(t.clock.now())
    expect(rawRows(w, 'merchants').find((m) => m.id === created.id)!.signing_secret_enc).not.toBe(storedBefore)
    const audit = await auditOf(w, 'merchants.rotateSecret')
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit)).not.toContain(rotated.signingSecret)
    expect(await t.call('merchants.rotateSecret', { id: created.id }, w.operator)).toMatchObject({ status: 403 })
    expect(await t.call('merchants.rotateSecret', { id: 9999 }, admin)).toMatchObject({ status: 404 })
  })

  it('update keeps contact fields left out, changes given ones, and refuses a duplicate name with 409', async () => {
    const { t, admin } = w
    const m = await t.ok('merchants.create', { name: 'Bangkok Noodles', contactName: 'Somchai', notifyUrl: 'http://noodles.example/cb' }, admin)
    const renamed = await t.ok('merchants.update', { id: m.id, name: 'Bangkok Noodle House', status: 'active' }, admin)
    expect(renamed).toMatchObject({ name: 'Bangkok Noodle House', contactName: 'Somchai', notifyUrl: 'http://noodles.example/cb' })
    const changed = await t.ok('merchants.update', { id: m.id, name: 'Bangkok Noodle House', status: 'active', notifyUrl: '', contactPhone: '02-555-0199' }, admin)
    expect(changed).toMatchObject({ notifyUrl: '', contactPhone: '02-555-0199', contactName: 'Somchai' })
    expect(await t.call('merchants.update', { id: m.id, name: 'saigon foods', status: 'active' }, admin)).toMatchObject({ status: 409, field: 'name' })
    const audit = (await auditOf(w, 'merchants.update')).find((e) => e.targetId === String(m.id) && (e.after as { notifyUrl: string }).notifyUrl === '')
    expect(audit).toMatchObject({ before: { notifyUrl: 'http://noodles.example/cb' }, after: { notifyUrl: '', contactPhone: '02-555-0199' } })
  })

  it('setStatus disables and enables, audited with before and after', async () => {
    const { t, admin } = w
    const m = await t.ok('merchants.create', { name: 'Status Toggle Co' }, admin)
    expect(await t.ok('merchants.setStatus', { id: m.id, status: 'disabled' }, admin)).toMatchObject({ status: 'disabled' })
    expect((await t.ok('merchants.list', { status: 'disabled' }, admin)).items.map((x) => x.id)).toContain(m.id)
    expect((await auditOf(w, 'merchants.setStatus'))[0]).toMatchObject({ targetId: String(m.id), before: { status: 'active' }, after: { status: 'disabled' } })
    expect(await t.call('merchants.setStatus', { id: m.id, status: 'active' }, w.operator)).toMatchObject({ status: 403 })
  })

  it('lists with paging, search and sort', async () => {
    const { t, admin } = w
    for (const name of ['Paging A1', 'Paging B2', 'Paging C3']) await t.ok('merchants.create', { name }, admin)
    const page1 = await t.ok('merchants.list', { search: 'Paging', pageSize: 2, sortBy: 'name', sortDirection: 'desc' }, admin)
    expect(page1.total).toBe(3)
    expect(page1.items.map((m) => m.name)).toEqual(['Paging C3', 'Paging B2'])
    const page2 = await t.ok('merchants.list', { search: 'Paging', pageSize: 2, page: 2, sortBy: 'name', sortDirection: 'desc' }, admin)
    expect(page2.items.map((m) => m.name)).toEqual(['Paging A1'])
    expect((await t.ok('merchants.list', { search: 'Paging', sortBy: 'name' }, admin)).items.map((m) => m.name)).toEqual(['Paging A1', 'Paging B2', 'Paging C3'])
    expect((await t.ok('merchants.list', { search: '100%_x' }, admin)).total).toBe(0)
  })

  it('get shows balances per currency from the ledger; a merchant-bound user sees only its own merchant', async () => {
    const { t, admin, siam, saigon } = w
    const contract = await t.ok('contracts.create', { merchantId: siam.id, name: 'Balances', settlementCurrency: 'CNY', validFrom: '2026-01-01' }, admin)
    const channel = await t.ok('channels.create', { name: 'Balance Channel', provider: 'generic', currency: 'CNY', supportsPayout: true }, admin)
    const base = { merchantId: siam.id, contractId: contract.id }
    const merchant = (delta: number, type: 0 | 1 | 3 | 8) => ({ account: { kind: 'merchant_available' as const, merchantId: siam.id, currency: 'CNY' }, delta, type })
    t.core.ledger.post({
      ...base,
      idempotencyKey: 'bal-1',
      description: 'deposit',
      entries: [{ account: { kind: 'channel', channelId: channel.id, currency: 'CNY' }, delta: 1_000_000 }, merchant(1_000_000, 0), merchant(-25_000, 1), { account: { kind: 'platform_fee', currency: 'CNY' }, delta: 25_000 }]
    })
    t.core.ledger.post({ ...base, idempotencyKey: 'bal-2', description: 'reserve', entries: [merchant(-50_000, 3), { account: { kind: 'merchant_reserve', merchantId: siam.id, currency: 'CNY' }, delta: 50_000, type: 3 }] })
    t.core.ledger.hold({ ...base, idempotencyKey: 'bal-3', description: 'payout', entries: [merchant(-200_000, 8), { account: { kind: 'channel', channelId: channel.id, currency: 'CNY' }, delta: -200_000 }] })

    const detail = await t.ok('merchants.get', { id: siam.id }, admin)
    expect(detail.balances).toEqual([{ currency: 'CNY', balance: '9250.00', available: '7250.00', held: '2000.00', reserve: '500.00' }])
    expect((await t.ok('merchants.get', { id: saigon.id }, admin)).balances).toEqual([])

    expect((await t.ok('merchants.get', { id: siam.id }, w.operator)).balances[0].available).toBe('7250.00')
    expect(await t.call('merchants.get', { id: saigon.id }, w.operator)).toMatchObject({ status: 404 })
    const visible = await t.ok('merchants.list', {}, w.operator)
    expect(visible.items.map((m) => m.id)).toEqual([siam.id])
    expect(await t.call('merchants.create', { name: 'Sneaky Merchant' }, w.operator)).toMatchObject({ status: 403 })
    expect(await t.call('merchants.update', { id: siam.id, name: 'Renamed', status: 'active' }, w.editor)).toMatchObject({ status: 403 })

    const channelRow = await t.ok('channels.get', { id: channel.id }, admin)
    expect(channelRow.balance).toEqual({ posted: '10000.00', available: '8000.00' })
  })
})

import { describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/main/demo'
import { DEMO_CHANNELS, DEMO_MERCHANTS } from '../../src/main/demo/master-data'
import { BUILT_IN_ROLE_NAMES } from '../../src/main/app/bootstrap'
import { verifyLedger } from '../../src/main/ledger/verify'
import { SERVICE_TYPE_CODES } from '../../src/shared/reference'
import { countRows, makeCore } from '../support/core'

describe('demo data', { timeout: 120_000 }, () => {
  it('creates a user for each built-in role, alongside the PAYDESK_ADMIN_USER administrator', async () => {
    const t = await makeCore({ withAdmin: false })
    expect(await t.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: 'boss', PAYDESK_ADMIN_PASSWORD: 'Boss-password-1' })).toBe('created')
    const result = await t.core.loadDemo()
    expect(result.created).toBe(true)
    expect(new Set(result.users.map((u) => u.role))).toEqual(new Set(Object.keys(BUILT_IN_ROLE_NAMES)))
    for (const u of DEMO_USERS) {
      const me = await t.ok('auth.me', {}, await t.signIn(u.username, u.password))
      expect(me.roles).toEqual([BUILT_IN_ROLE_NAMES[u.role].name])
      expect(me.merchantName).toBe(DEMO_MERCHANTS.find((m) => m.key === u.market)?.name ?? null)
      expect(me.mustChangePassword).toBe(false)
    }
    expect(await t.signIn('boss', 'Boss-password-1')).toBeTruthy()
  })

  it('covers every market, every service type, funded channels and the seed’s three limit examples', async () => {
    const t = await makeCore()
    await t.core.loadDemo()
    const admin = await t.signIn('demo.admin', 'Demo-admin-2026')
    const merchants = await t.ok('merchants.list', { pageSize: 100 }, admin)
    expect(merchants.items.map((m) => m.name).sort()).toEqual(DEMO_MERCHANTS.map((m) => m.name).sort())
    expect(merchants.items.every((m) => m.hasSigningSecret)).toBe(true)
    const services = await t.ok('services.list', { pageSize: 100 }, admin)
    expect(new Set(services.items.map((s) => s.serviceType))).toEqual(new Set(SERVICE_TYPE_CODES))
    const contracts = await t.ok('contracts.list', { pageSize: 100 }, admin)
    expect(contracts.items).toHaveLength(DEMO_MERCHANTS.length)

    const channel = async (name: string) => (await t.ok('channels.list', { search: name }, admin)).items[0]
    const thb = await t.ok('channels.get', { id: (await channel('TH KBank QR')).id }, admin)
    // The opening float plus 90 days of paid deposits less payouts.
    expect(Number(thb.balance?.posted)).toBeGreaterThan(1_000_000)

    const cardIn = services.items.find((s) => s.serviceType === 'CNY_BANK_CARD' && s.direction === 'deposit')!
    const walletIn = services.items.find((s) => s.serviceType === 'CNY_ALIPAY_WECHAT' && s.direction === 'deposit')!
    const range = async (channelName: string, serviceId: number) => t.ok('limits.availableRange', { serviceId, channelId: (await channel(channelName)).id }, admin)
    expect(await range('CN UnionPay Direct A', cardIn.id)).toMatchObject({ usable: true, lower: '500.00', upper: '20000.00' })
    expect(await range('CN Wallet Gateway B', cardIn.id)).toMatchObject({ usable: true, lower: '500.00', upper: '20000.00' })
    expect(await range('CN Large-ticket Gateway', walletIn.id)).toMatchObject({ usable: false })
    expect(DEMO_CHANNELS.length).toBeGreaterThanOrEqual(6)

    // 90 days of orders in every market: mostly successful, some failed, some closed unpaid.
    const statuses = t.core.db.$client.prepare('select status, count(*) as n, min(created_at) as first from orders group by status').all() as { status: string; n: number; first: number }[]
    const count = (s: string) => statuses.find((r) => r.status === s)?.n ?? 0
    expect(count('succeeded')).toBeGreaterThan(300)
    expect(count('failed')).toBeGreaterThan(10)
    expect(count('closed')).toBeGreaterThan(5)
    expect(Math.min(...statuses.map((r) => r.first))).toBeLessThan(t.clock.now() - 85 * 86_400_000)
    const markets = t.core.db.$client.prepare('select count(distinct currency) as n from orders').get() as { n: number }
    expect(markets.n).toBe(6)
    expect(verifyLedger(t.core.db.$client).drifts).toEqual([])
    // History is written in the past: nothing is dated after the moment the demo was loaded (next week's FX rate included).
    expect(t.core.db.$client.prepare('select procedure, at from audit_events where at > ?').all(t.clock.now())).toEqual([])
  })

  it('includes refunds (full, partial, failed), waybills and disputes in every state across the months, so entry types 4–7 occur', async () => {
    const t = await makeCore()
    await t.core.loadDemo()
    const admin = await t.signIn('demo.admin', 'Demo-admin-2026')
    const db = t.core.db.$client
    const types = (db.prepare("select distinct type from ledger_entries where account_kind = 'merchant_available'").all() as { type: number }[]).map((r) => r.type)
    expect(types).toEqual(expect.arrayContaining([4, 5, 6, 7]))
    const refunds = db.prepare('select r.status, r.amount_minor = o.paid_minor as full, r.created_at as at from refunds r join orders o on o.id = r.order_id').all() as { status: string; full: number; at: number }[]
    expect(new Set(refunds.map((r) => r.status))).toEqual(new Set(['succeeded', 'failed']))
    expect(new Set(refunds.map((r) => r.full))).toEqual(new Set([0, 1]))
    const months = (rows: { at: number }[]) => new Set(rows.map((r) => new Date(r.at).toISOString().slice(0, 7))).size
    expect(months(refunds)).toBeGreaterThanOrEqual(3)
    const disputes = db.prepare('select status, created_at as at from disputes').all() as { status: string; at: number }[]
    expect(new Set(disputes.map((d) => d.status))).toEqual(new Set(['open', 'evidence_submitted', 'won', 'lost', 'accepted']))
    expect(months(disputes)).toBeGreaterThanOrEqual(3)
    expect(countRows(t.core, 'dispute_waybills')).toBeGreaterThan(0)
    const listed = await t.ok('disputes.list', { status: 'won' }, admin)
    expect((await t.ok('disputes.get', { id: listed.items[0].id }, admin)).waybills).toHaveLength(1)
    expect(verifyLedger(db).drifts).toEqual([])
  })

  it('loading it again changes nothing', async () => {
    const t = await makeCore()
    await t.core.loadDemo()
    const tables = ['users', 'merchants', 'contracts', 'terminals', 'services', 'channels', 'channel_service_bindings', 'ledger_postings', 'ledger_entries']
    const counts = tables.map((name) => countRows(t.core, name))
    const again = await t.core.loadDemo()
    expect(again.created).toBe(false)
    expect(tables.map((name) => countRows(t.core, name))).toEqual(counts)
  })

  it('an interrupted run is completed by the next one without duplicates', async () => {
    const t = await makeCore()
    await t.core.loadDemo()
    // Forget that it finished and drop one part, as a crash half-way would leave it.
    t.core.db.$client.prepare("delete from system_facts where key = 'demo.v1.complete'").run()
    t.core.db.$client.prepare("delete from channel_service_bindings where channel_id = (select id from channels where name = 'BR PIX Gateway')").run()
    const bindings = countRows(t.core, 'channel_service_bindings')
    const postings = countRows(t.core, 'ledger_postings')
    expect((await t.core.loadDemo()).created).toBe(true)
    expect(countRows(t.core, 'channel_service_bindings')).toBe(bindings + 2)
    expect(countRows(t.core, 'ledger_postings')).toBe(postings)
  })
})

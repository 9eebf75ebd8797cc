/**
 * Home as an operator meets it on the demo data: the attention list's counts are exactly what each
 * link's list shows, a user's own requests are not theirs to review, a merchant-bound user sees only
 * their merchant, and the day figures and channel balances agree with the orders and the ledger.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { AttentionItem } from '../../../src/shared/contract/home'
import type { ProcedureName } from '../../../src/shared/contract'
import { demoCoreOnFile, type TestCore } from '../../support/core'

let t: TestCore
let root: string
demoCoreOnFile('paydesk-home-', (core, token) => {
  t = core
  root = token
})

const db = () => t.core.db.$client
const one = <T>(sql: string, ...params: unknown[]) => db().prepare(sql).get(...params) as T
const merchantId = (name: string) => one<{ id: number }>('select id from merchants where name = ?', name).id
const items = async (token: string) => (await t.ok('home.attention', {}, token)).items
const byKind = (list: AttentionItem[]) => Object.fromEntries(list.map((i) => [i.kind, i]))

/** The list procedure and filters a link opens (the pages read these filters from their address). */
function listOf(link: string): { name: ProcedureName; input: Record<string, unknown> } {
  const [path, query = ''] = link.split('?')
  const input: Record<string, unknown> = Object.fromEntries(new URLSearchParams(query))
  if (input.overdue) input.overdue = input.overdue === 'true'
  const run = /^\/reconciliation\/runs\/(\d+)$/.exec(path)
  if (run) return { name: 'recon.breaks.list', input: { runId: Number(run[1]), status: 'open' } }
  const names: Record<string, ProcedureName> = {
    '/orders': 'orders.list',
    '/orders/outbox': 'outbox.list',
    '/aftersales/disputes': 'disputes.list',
    '/finance/withdrawals': 'withdrawals.list',
    '/finance/adjustments': 'adjustments.list'
  }
  return { name: names[path], input }
}

async function listed(link: string, token: string) {
  const { name, input } = listOf(link)
  return (await t.ok(name, input, token)) as { total: number; items: Record<string, unknown>[] }
}

describe('Home on the demo data', { timeout: 120_000 }, () => {
  let admin: string
  beforeAll(async () => {
    admin = await t.signIn('demo.admin', 'Demo-admin-2026')
  })

  it('lists each kind of waiting work the demo holds, each count exactly what its link lists', async () => {
    const list = await items(root)
    expect(list.map((i) => i.kind)).toEqual(['payoutsUnknown', 'outboxGaveUp', 'disputesEvidenceDue', 'withdrawalsToReview', 'adjustmentsToReview', 'reconBreaks'])
    for (const item of list) {
      const target = await listed(item.link, root)
      expect(target.total, item.link).toBe(item.count)
      expect(item.count).toBeGreaterThan(0)
    }
    const kinds = byKind(list)
    expect(kinds.payoutsUnknown).toMatchObject({ id: 'payoutsUnknown', count: 1, link: '/orders?status=unknown&direction=payout' })
    // Disputes carry their nearest evidence deadline: the earliest of the listed ones.
    const open = await listed(kinds.disputesEvidenceDue.link, root)
    expect(kinds.disputesEvidenceDue.deadline).toBe(Math.min(...open.items.map((d) => d.evidenceDueAt as number)))
    // Reconciliation: the run's open breaks, by age, adding up to the count.
    const recon = kinds.reconBreaks
    expect(recon.id).toBe(`reconBreaks:${recon.runId}`)
    const ages = recon.ages!
    expect(ages.underOne + ages.oneToThree + ages.threeToSeven + ages.overSeven).toBe(recon.count)
  })

  it('does not offer a user their own requests to review', async () => {
    const requestedByAdmin = one<{ n: number }>("select count(*) as n from adjustment_requests a join users u on u.id = a.requested_by where a.status = 'pending' and u.username = 'demo.admin'").n
    expect(requestedByAdmin).toBeGreaterThan(0)
    expect(byKind(await items(root)).adjustmentsToReview.count).toBe(requestedByAdmin)
    expect(byKind(await items(admin)).adjustmentsToReview).toBeUndefined()
    // The line's link, opened by the requester, lists none of their own: the list filters as Home counts.
    const link = byKind(await items(root)).adjustmentsToReview.link
    expect(link).toBe('/finance/adjustments?status=pending&requestedBy=others')
    expect((await listed(link, admin)).total).toBe(0)
    expect((await listed('/finance/adjustments?status=pending&requestedBy=me', admin)).total).toBe(requestedByAdmin)
    // The finance user reviews withdrawals others requested: all the pending ones here.
    const finance = await t.signIn('demo.finance', 'Demo-finance-2026')
    const pending = one<{ n: number }>("select count(*) as n from withdrawals where status = 'pending_review'").n
    expect(byKind(await items(finance)).withdrawalsToReview.count).toBe(pending)
  })

  it('shows a merchant-bound user their merchant’s work only, and nothing they may not act on', async () => {
    const merchant = await t.signIn('demo.merchant', 'Demo-merchant-2026')
    // The unknown payout, the given-up notification and the open dispute are the CN merchant's; reviews and reconciliation need permissions a merchant operator lacks.
    expect(await items(merchant)).toEqual([])
    // A CN merchant operator (the same built-in role) sees the CN merchant's work, as its lists show it.
    const cn = merchantId('Golden Dragon Trading (CN)')
    const roleId = one<{ id: number }>("select ur.role_id as id from user_roles ur join users u on u.id = ur.user_id where u.username = 'demo.merchant'").id
    await t.ok('users.create', { username: 'cn.operator', displayName: 'CN operator', password: 'Operator-pass-1', merchantId: cn, roleIds: [roleId] }, root)
    const reviewer = await t.signIn('cn.operator', 'Operator-pass-1')
    const list = await items(reviewer)
    const cnDisputes = one<{ n: number }>("select count(*) as n from disputes where status = 'open' and merchant_id = ?", cn).n
    expect(list.map((i) => i.kind)).toEqual(cnDisputes > 0 ? ['payoutsUnknown', 'disputesEvidenceDue'] : ['payoutsUnknown'])
    for (const item of list) expect((await listed(item.link, reviewer)).total, item.link).toBe(item.count)
    const summary = await t.ok('home.summary', {}, reviewer)
    expect(summary.channels).toBeNull()
    expect(summary.balances).toBeNull()
    const currencies = (db().prepare('select distinct currency from orders where merchant_id = ? and is_test = 0').all(cn) as { currency: string }[]).map((r) => r.currency)
    for (const c of summary.currencies!) expect(currencies).toContain(c.currency)
  })

  it('shows today’s and yesterday’s figures per currency and per channel, days cut in the business zone', async () => {
    const s = await t.ok('home.summary', {}, root)
    expect(s.zone).toBe('+08:00')
    // The test clock is 2026-11-22 02:00 UTC: 10:00 on the 22nd in +08:00.
    expect([s.today, s.yesterday]).toEqual(['2026-11-22', '2026-11-21'])
    const day = (text: string) => Number(text.replaceAll('-', ''))
    for (const [when, text] of [['today', s.today], ['yesterday', s.yesterday]] as const) {
      const rows = db().prepare("select currency, count(*) as n, sum(status = 'succeeded') as ok from orders where business_day = ? and is_test = 0 group by currency").all(day(text)) as { currency: string; n: number; ok: number }[]
      for (const r of rows) {
        const shown = s.currencies!.find((c) => c.currency === r.currency)!
        expect(shown[when], `${when} ${r.currency}`).toMatchObject({ orders: r.n, succeeded: r.ok })
        // The channels of a currency add up to its figures.
        const channels = s.channels!.filter((c) => c.currency === r.currency)
        expect(channels.reduce((sum, c) => sum + c[when].orders, 0)).toBe(r.n)
      }
    }
    expect(s.currencies!.some((c) => c.yesterday.orders > 0)).toBe(true)
  })

  it('shows every active channel’s balance as the ledger has it, flagging those that cannot pay their largest payout', async () => {
    const s = await t.ok('home.summary', {}, root)
    const ledger = await t.ok('ledger.balances', { kind: 'channel', pageSize: 100 }, root)
    expect(s.balances!.length).toBe(ledger.items.length)
    for (const b of s.balances!) {
      const row = ledger.items.find((r) => r.channelId === b.channelId && r.currency === b.currency)!
      expect(b.available).toBe(row.available)
      const low = b.lowBelow !== null && Number(b.available) < Number(b.lowBelow)
      expect(b.low).toBe(low || Number(b.available) < 0)
      // A deposit-only channel states no payout limit: money only flows into it.
      if (!b.payout) expect(b.lowBelow).toBeNull()
    }
    // Raising a payout channel's upper limit above its balance makes it low.
    const channel = s.balances!.find((b) => b.lowBelow !== null && !b.low)!
    const detail = await t.ok('channels.get', { id: channel.channelId }, root)
    const above = String(Math.ceil(Number(channel.available)) + 1000)
    const { id: _id, balance: _b, credentialKeys: _k, hasCredentials: _h, adapterConfig: _a, createdAt: _c, updatedAt: _u, status: _s, ...rest } = detail as Record<string, unknown>
    await t.ok('channels.update', { id: channel.channelId, ...rest, payoutUpper: above } as never, root)
    const after = (await t.ok('home.summary', {}, root)).balances!.find((b) => b.channelId === channel.channelId && b.currency === channel.currency)!
    expect(after).toMatchObject({ low: true })
  })

  it('lists deposits past their expiry that the job loop has not closed', async () => {
    expect(byKind(await items(root)).depositsOverdue).toBeUndefined()
    const cn = merchantId('Golden Dragon Trading (CN)')
    const options = await t.ok('orders.options', { direction: 'deposit', merchantId: cn }, root)
    const service = options.services.find((o) => o.serviceType === 'CNY_ALIPAY_WECHAT')!
    const channel = service.channels.find((c) => c.usable)!
    const created = await t.ok('orders.createDeposit', { merchantId: cn, serviceId: service.serviceId, channelId: channel.channelId, amount: '300.00', fields: { payerName: 'Li Wei' } }, root)
    // No provider answers here (the order fails to send): it is put back as one the provider accepted and the payer never paid.
    db().prepare("update orders set status = 'pending', status_reason = null, status_reason_text = null, finalized_at = null where id = ?").run(created.id)
    const order = one<{ expiresAt: number }>('select expires_at as expiresAt from orders where id = ?', created.id)
    t.clock.advance(order.expiresAt - t.clock.now() + 60_000)
    root = await t.signIn('root', 'Root-password-1')
    const overdue = byKind(await items(root)).depositsOverdue
    expect(overdue).toMatchObject({ id: 'depositsOverdue', count: 1, link: '/orders?overdue=true' })
    expect((await listed(overdue.link, root)).total).toBe(1)
  })
})

/**
 * A channel's rehearsal copy (its twin, made by the first rehearsal) in master data: listed as the
 * rehearsal copy of its channel, left out of the pickers that start new work, and refused to
 * every write that the next rehearsal would undo (edit, status, bindings, balance, simulator
 * settings and faults, plans, statement sources), in both languages, with nothing audited. And
 * every other list that names channels (the simulator panel, the ledger's balances, Home's
 * per-channel figures, statement sources) names it by its live channel, never by its stored name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import type { ErrorEnvelope } from '../../../src/shared/envelope'
import { textIn } from '../../../src/main/fieldtest/report/text'
import { deposit, expectEnded, fieldWorld, planOf, rehearse, withServices, type FieldWorld } from './support'

let w: FieldWorld
let twinId = 0
let liveName = ''

beforeAll(async () => {
  w = await fieldWorld()
  // Paid: the copy's channel account is booked (and reversed), so the ledger lists it.
  const plan = await planOf(w, withServices(w, [deposit('500.00', { outcome: 'paid', callbackWithinSeconds: 5 })]))
  expectEnded(await rehearse(w, plan.id))
  twinId = (w.t.core.db.$client.prepare('select twin_channel_id as id from fieldtest_rehearsal_channels where channel_id = ?').get(w.channelId) as { id: number }).id
  liveName = (await w.t.ok('channels.get', { id: w.channelId }, w.admin)).name
}, 60_000)
afterAll(() => w.stop())

const auditCount = () => (w.t.core.db.$client.prepare('select count(*) as n from audit_events').get() as { n: number }).n

/** The refusal a write on the twin gets: a conflict naming the live channel, in English and Chinese (after the field at fault, if any). */
function expectKeptInStep(envelope: { status: number }, english: RegExp, chinese: RegExp): void {
  const refused = envelope as ErrorEnvelope
  expect(refused).toMatchObject({ status: 409, code: 'channels.rehearsal_copy' })
  expect(refused.message).toMatch(english)
  expect(textIn('zh-CN', refused.text!)).toMatch(chinese)
}

describe('a rehearsal copy of a channel', () => {
  it('is listed as the rehearsal copy of its channel; the pickers for new work can leave it out', async () => {
    const all = (await w.t.ok('channels.list', { pageSize: 100 }, w.admin)).items
    expect(all.find((c) => c.id === twinId)).toMatchObject({ rehearsalOf: { id: w.channelId, name: liveName } })
    expect(all.find((c) => c.id === w.channelId)).toMatchObject({ rehearsalOf: null })
    expect((await w.t.ok('channels.get', { id: twinId }, w.admin)).rehearsalOf).toEqual({ id: w.channelId, name: liveName })
    const live = (await w.t.ok('channels.list', { pageSize: 100, rehearsalCopies: false }, w.admin)).items.map((c) => c.id)
    expect(live).toContain(w.channelId)
    expect(live).not.toContain(twinId)
    expect((await w.t.ok('channels.list', { pageSize: 100, rehearsalCopies: true }, w.admin)).items.map((c) => c.id)).toEqual([twinId])
    const bindings = (await w.t.ok('bindings.list', { pageSize: 100, channelId: twinId }, w.admin)).items
    expect(bindings.length).toBe(2)
    for (const b of bindings) expect(b.rehearsalOf).toEqual({ id: w.channelId, name: liveName })
    // Its balance is the simulator's (reversed as it is booked): never a low balance on Home.
    const home = await w.t.ok('home.summary', {}, w.admin)
    expect(home.balances!.map((b) => b.channelId)).not.toContain(twinId)
  })

  it('is named as the rehearsal copy of its channel on the simulator panel, the ledger balances, Home and statement sources', async () => {
    const stored = (await w.t.ok('channels.get', { id: twinId }, w.admin)).name
    expect(stored).toBe(`${liveName} · rehearsal`)
    const copy = { id: twinId, name: stored, rehearsalOf: liveName }

    // The simulator panel: the copy is pointed at it, holds the rehearsal's order, made its requests.
    const panel = await w.t.ok('simulator.status', {}, w.admin)
    expect(panel.channels.find((c) => c.id === twinId)).toMatchObject(copy)
    expect(panel.orders.map((o) => o.channel)).toContainEqual(copy)
    expect(panel.requests.length).toBeGreaterThan(0)
    for (const r of panel.requests) expect(r.channels).toEqual([copy])
    for (const c of panel.callbacks) expect(c.channels).toEqual([copy])

    // The ledger's balances: the copy's channel account (every rehearsal posting reversed).
    const accounts = (await w.t.ok('ledger.balances', { kind: 'channel', pageSize: 100 }, w.admin)).items
    expect(accounts.find((a) => a.channelId === twinId)).toMatchObject({ channelName: stored, rehearsalOf: liveName, balance: '0.00' })
    expect(accounts.find((a) => a.channelId === w.channelId)).toMatchObject({ rehearsalOf: null })

    // Home's per-channel figures leave test orders out; an order sent to the copy before only a
    // rehearsal's could be would show there, named by its live channel.
    const db = w.t.core.db.$client
    db.prepare('update orders set is_test = 0 where channel_id = ?').run(twinId)
    try {
      const home = await w.t.ok('home.summary', {}, w.admin)
      expect(home.channels!.find((c) => c.channelId === twinId)).toMatchObject({ channelName: stored, rehearsalOf: liveName, today: { orders: 1 } })
      expect(home.channels!.find((c) => c.channelId === w.channelId)?.rehearsalOf ?? null).toBeNull()
    } finally {
      db.prepare('update orders set is_test = 1 where channel_id = ?').run(twinId)
    }

    // A statement source stored on the copy before copies were refused to sources.
    const source = await w.t.ok('recon.sources.create', { name: 'Bills of the copy', kind: 'channel', channelId: w.channelId, profile: BUILT_IN_PROFILES.simulator }, w.admin)
    db.prepare('update recon_sources set channel_id = ? where id = ?').run(twinId, source.id)
    const listed = await w.t.ok('recon.sources.list', {}, w.admin)
    expect(listed.find((x) => x.id === source.id)).toMatchObject({ channelId: twinId, channelName: stored, rehearsalOf: liveName })
    expect(listed.filter((x) => x.id !== source.id).every((x) => x.rehearsalOf === null)).toBe(true)
  })

  it('refuses every master-data write on it, naming the channel to change instead, and audits none', async () => {
    const twin = await w.t.ok('channels.get', { id: twinId }, w.admin)
    const before = auditCount()
    const { id, provider, supportsDeposit, supportsPayout, paymentLower, payoutLower, payoutUpper } = twin
    const english = new RegExp(`(^|: )channel ${twinId} is the rehearsal copy of "${liveName}" and is kept in step with it by the field test at every rehearsal: change "${liveName}" instead$`)
    const chinese = new RegExp(`^通道 ${twinId} 是“${liveName}”的演练副本.*请改为修改“${liveName}”$`)
    expectKeptInStep(await w.t.call('channels.update', { id, name: 'Renamed twin', provider, supportsDeposit, supportsPayout, paymentLower, paymentUpper: '100', payoutLower, payoutUpper }, w.admin), english, chinese)
    expectKeptInStep(await w.t.call('channels.setStatus', { id, status: 'disabled' }, w.admin), english, chinese)
    expectKeptInStep(await w.t.call('bindings.update', { channelId: id, serviceId: w.depositServiceId, boundLower: '0', boundUpper: '600' }, w.admin), english, chinese)
    expectKeptInStep(await w.t.call('bindings.setStatus', { channelId: id, serviceId: w.depositServiceId, status: 'disabled' }, w.admin), english, chinese)
    const other = await w.t.ok('services.create', { merchantId: w.merchantId, serviceType: 'CNY_ALIPAY_WECHAT', direction: 'deposit', currency: 'CNY', singleLower: '1', singleUpper: '5000', activated: true }, w.admin)
    expectKeptInStep(await w.t.call('bindings.create', { channelId: id, serviceId: other.id }, w.admin), english, chinese)
    expectKeptInStep(await w.t.call('channels.adjustBalance', { channelId: id, kind: 'top_up', amount: '1000', reason: 'Top up the rehearsal copy', requestKey: 'twin-float-1' }, w.admin), english, chinese)
    expectKeptInStep(await w.t.call('simulator.connectChannel', { channelId: id }, w.admin), english, chinese)
    expectKeptInStep(await w.t.call('simulator.setBehaviour', { channelId: id, behaviour: 'decline', appliesTo: 'orders' }, w.admin), /(^|: )Channel \d+ is the rehearsal copy of .*choose them when you start the rehearsal$/, /^渠道 \d+ 是.*的演练副本：.*请在开始演练时选择$/)
    expectKeptInStep(await w.t.call('fieldtest.plans.generate', { channelId: id }, w.admin), /(^|: )Channel \d+ is the rehearsal copy of .*: plan ".*" itself, and rehearse it on the simulator$/, /^渠道 \d+ 是.*的演练副本：请为.*本身制定测试计划/)
    expectKeptInStep(
      await w.t.call('recon.sources.create', { name: 'Twin bills', kind: 'channel', channelId: id, profile: BUILT_IN_PROFILES.simulator }, w.admin),
      /(^|: )channel \d+ is the field test’s rehearsal copy of .*: a rehearsal moves no money, so it has no statement to reconcile; choose ".*"$/,
      /^渠道 \d+ 是.*的现场测试演练副本：演练不动用资金/
    )
    // Nothing changed, nothing was written to the audit log (the service made above aside).
    expect(await w.t.ok('channels.get', { id: twinId }, w.admin)).toMatchObject({ name: twin.name, status: 'active', paymentUpper: twin.paymentUpper, balance: twin.balance })
    expect((await w.t.ok('bindings.list', { pageSize: 100, channelId: twinId }, w.admin)).items.map((b) => [b.serviceId, b.status, b.boundUpper]).sort()).toEqual(
      [
        [w.depositServiceId, 'active', '0.00'],
        [w.payoutServiceId, 'active', '0.00']
      ].sort()
    )
    expect(auditCount()).toBe(before + 1)
  })

  it('leaves the live channel as writable as ever', async () => {
    expect((await w.t.ok('channels.setStatus', { id: w.channelId, status: 'active' }, w.admin)).status).toBe('active')
    const binding = await w.t.ok('bindings.update', { channelId: w.channelId, serviceId: w.depositServiceId, boundLower: '0', boundUpper: '0' }, w.admin)
    expect(binding.rehearsalOf).toBeNull()
  })
})

/**
 * Generated test plans, through `fieldtest.plans.generate`: for every service type, the boundary
 * values around the available range in the currency's minor unit and the type's required fields
 * filled with valid values (bank codes from the bank lists); the seed's three limit examples; and
 * an engineer's edit saved as a new version, refused when someone saved in between.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanDetail } from '../../../src/shared/contract/fieldtest'
import { checkOrderFields, requiredFields } from '../../../src/shared/order-fields'
import { BANKS, SERVICE_TYPES } from '../../../src/shared/reference'
import { ADMIN, makeCore, type TestCore } from '../../support/core'

let t: TestCore
afterEach(() => t?.core.close())

async function world(): Promise<{ admin: string; merchantId: number }> {
  t = await makeCore()
  const admin = await t.signIn(ADMIN.username, ADMIN.password)
  const merchant = await t.ok('merchants.create', { name: 'Golden Dragon Trading' }, admin)
  return { admin, merchantId: merchant.id }
}

/** A channel of the currency with its deposit and payout limits, and services bound to it. */
async function channelWith(admin: string, merchantId: number, currency: string, limits: { channel: [string, string]; services: { type: string; direction: 'deposit' | 'payout'; lower: string; upper: string }[] }): Promise<number> {
  const [lower, upper] = limits.channel
  const channel = await t.ok('channels.create', { name: `Channel ${currency} ${Math.random().toString(36).slice(2, 6)}`, provider: 'generic', currency, supportsDeposit: true, supportsPayout: true, paymentLower: lower, paymentUpper: upper, payoutLower: lower, payoutUpper: upper }, admin)
  for (const s of limits.services) {
    const service = await t.ok('services.create', { merchantId, serviceType: s.type, direction: s.direction, currency, singleLower: s.lower, singleUpper: s.upper, activated: true }, admin)
    await t.ok('bindings.create', { channelId: channel.id, serviceId: service.id }, admin)
  }
  return channel.id
}

const byService = (plan: PlanDetail, serviceId: number) => plan.steps.filter((s) => s.serviceId === serviceId)
const amountsOf = (steps: PlanDetail['steps'], purposes: string[]) => purposes.map((p) => steps.find((s) => s.purpose === p)?.amount ?? null)

/** Lower 100 and upper 5,000 written in each currency's minor unit, one unit either side. */
const EDGES: Record<string, string[]> = {
  CNY: ['99.99', '100.00', '5000.00', '5000.01'],
  THB: ['99.99', '100.00', '5000.00', '5000.01'],
  VND: ['99', '100', '5000', '5001'],
  IDR: ['99', '100', '5000', '5001'],
  BRL: ['99.99', '100.00', '5000.00', '5000.01'],
  USDT: ['99.999999', '100.000000', '5000.000000', '5000.000001']
}

describe('a generated plan', () => {
  it('has, for every service type and direction, the boundary values in the minor unit and valid required fields', async () => {
    const { admin, merchantId } = await world()
    const currencies = [...new Set(SERVICE_TYPES.map((s) => s.currencies[0]))]
    expect(currencies.sort()).toEqual(Object.keys(EDGES).sort())
    for (const currency of currencies) {
      const types = SERVICE_TYPES.filter((s) => s.currencies[0] === currency)
      const services = types.flatMap((type) => (['deposit', 'payout'] as const).map((direction) => ({ type: type.code, direction, lower: '100', upper: '5000' })))
      const channelId = await channelWith(admin, merchantId, currency, { channel: ['0', '0'], services })
      const plan = await t.ok('fieldtest.plans.generate', { channelId }, admin)
      expect(plan.version).toBe(1)
      // Deposits first: their payments fund the payouts.
      const firstPayout = plan.steps.findIndex((s) => s.action === 'payout')
      expect(plan.steps.slice(firstPayout).every((s) => s.action === 'payout'), currency).toBe(true)
      for (const service of plan.services) {
        const label = `${service.serviceType} ${service.direction}`
        expect(service, label).toMatchObject({ usable: true, currency })
        const steps = byService(plan, service.id)
        expect(amountsOf(steps, ['below_lower', 'at_lower', 'at_upper', 'above_upper']), label).toEqual(EDGES[currency])
        expect(steps.filter((s) => s.purpose.endsWith('_lower') || s.purpose.endsWith('_upper')).map((s) => s.expect.outcome), label).toEqual(['refused_locally', 'accepted', 'accepted', 'refused_locally'])
        const type = SERVICE_TYPES.find((s) => s.code === service.serviceType)!
        for (const step of steps) {
          // Exactly the type's required fields, each valid as the order form checks it.
          expect(Object.keys(step.fields ?? {}).sort(), label).toEqual([...requiredFields(type.code, service.direction)].sort())
          expect(checkOrderFields(type.code, service.direction, step.fields ?? {}).problems, label).toEqual([])
          if (step.fields?.bankCode) expect(BANKS[type.bankList!].map((b) => b.code), label).toContain(step.fields.bankCode)
        }
        if (service.direction === 'payout') {
          expect(steps.find((s) => s.purpose === 'payout_hold'), label).toMatchObject({ amount: EDGES[currency][1], expect: { outcome: 'paid', amountExact: true, feeExact: true } })
        } else {
          const paid = steps.find((s) => s.purpose === 'fields')!
          const index = plan.steps.indexOf(paid)
          expect(paid, label).toMatchObject({ amount: EDGES[currency][1], expect: { outcome: 'paid', signatureValid: true, amountExact: true, feeExact: true } })
          // The follow-ups act on that order: its callback, a status query, a partial refund of half.
          const followUps = plan.steps.filter((s) => s.target === index)
          expect(followUps.map((s) => [s.action, s.purpose]), label).toEqual([
            ['callback_check', 'callback'],
            ['query', 'status_query'],
            ['refund', 'partial_refund']
          ])
          expect(followUps[2], label).toMatchObject({ refund: 'partial', amount: { CNY: '50.00', THB: '50.00', VND: '50', IDR: '50', BRL: '50.00', USDT: '50.000000' }[currency] })
        }
      }
    }
  })

  it('follows the seed’s three limit examples: 100–50,000 ∩ 500–20,000, 100–0 ∩ 500–20,000, 10,000–50,000 ∩ 100–5,000', async () => {
    const { admin } = await world()
    const deposit = (lower: string, upper: string) => [{ type: 'CNY_BANK_CARD', direction: 'deposit' as const, lower, upper }]
    // A merchant per example: a merchant has one service of a type and direction.
    let merchants = 0
    const merchant = async () => (await t.ok('merchants.create', { name: `Example Merchant ${++merchants}` }, admin)).id
    const cases: [[string, string], [string, string], (string | null)[]][] = [
      [['100', '50000'], ['500', '20000'], ['499.99', '500.00', '20000.00', '20000.01']],
      [['100', '0'], ['500', '20000'], ['499.99', '500.00', '20000.00', '20000.01']]
    ]
    for (const [channel, service, edges] of cases) {
      const channelId = await channelWith(admin, await merchant(), 'CNY', { channel, services: deposit(...service) })
      const plan = await t.ok('fieldtest.plans.generate', { channelId }, admin)
      expect(plan.services[0], channel.join('–')).toMatchObject({ usable: true, lower: '500.00', upper: '20000.00' })
      expect(amountsOf(plan.steps, ['below_lower', 'at_lower', 'at_upper', 'above_upper']), channel.join('–')).toEqual(edges)
    }
    // No range: the pair is shown as unusable, and the plan holds one step expecting the refusal that says why.
    const channelId = await channelWith(admin, await merchant(), 'CNY', { channel: ['10000', '50000'], services: deposit('100', '5000') })
    const plan = await t.ok('fieldtest.plans.generate', { channelId }, admin)
    expect(plan.services[0]).toMatchObject({ usable: false, lower: '10000.00', upper: '5000.00' })
    expect(plan.services[0].reason).not.toBeNull()
    expect(plan.steps).toHaveLength(1)
    expect(plan.steps[0]).toMatchObject({ action: 'deposit', purpose: 'unusable', expect: { outcome: 'refused_locally' } })
    expect(plan.steps[0].title).toContain('unusable on this channel')
  })

  it('writes the steps and the note in the language asked for', async () => {
    const { admin, merchantId } = await world()
    const channelId = await channelWith(admin, merchantId, 'CNY', { channel: ['100', '50000'], services: [{ type: 'CNY_BANK_CARD', direction: 'deposit', lower: '500', upper: '20000' }] })
    const en = await t.ok('fieldtest.plans.generate', { channelId }, admin)
    const zh = await t.ok('fieldtest.plans.generate', { channelId, language: 'zh-CN' }, admin)
    expect(zh.steps.map((s) => [s.purpose, s.amount])).toEqual(en.steps.map((s) => [s.purpose, s.amount]))
    expect(en.steps.find((s) => s.purpose === 'below_lower')?.title).toBe('Deposit CNY bank card 499.99 CNY: one minor unit below the lower bound, refused')
    expect(zh.steps.find((s) => s.purpose === 'below_lower')?.title).toBe('人民币银行卡代收 499.99 CNY：比下限少一个最小单位，应被拒绝')
    // No English word is left in a Chinese title (amounts and their currency code are data).
    for (const step of zh.steps) expect(step.title.replace(/CNY/g, ''), step.title).not.toMatch(/[A-Za-z]{2,}/)
    expect(zh.versions[0].note).toBe('由渠道的全部 1 个服务生成：人民币银行卡代收')
  })

  it('is edited into a new version; a save on a version someone replaced meanwhile is refused', async () => {
    const { admin, merchantId } = await world()
    const channelId = await channelWith(admin, merchantId, 'CNY', { channel: ['100', '50000'], services: [{ type: 'CNY_BANK_CARD', direction: 'deposit', lower: '500', upper: '20000' }] })
    const plan = await t.ok('fieldtest.plans.generate', { channelId }, admin)
    const edited = plan.steps.filter((s) => s.purpose !== 'below_lower').map((s) => (s.target === undefined ? s : { ...s, target: s.target - 1 }))
    edited.push({ title: 'Wait for the provider', action: 'wait', purpose: 'custom', seconds: 5, expect: {} })
    const saved = await t.ok('fieldtest.plans.save', { id: plan.id, baseVersion: 1, steps: edited, note: 'No below-range probe' }, admin)
    expect(saved).toMatchObject({ version: 2, stepCount: plan.steps.length, note: 'No below-range probe' })
    expect(saved.versions.map((v) => v.version)).toEqual([2, 1])
    expect((await t.ok('fieldtest.plans.get', { id: plan.id, version: 1 }, admin)).steps).toEqual(plan.steps)
    expect(await t.call('fieldtest.plans.save', { id: plan.id, baseVersion: 1, steps: plan.steps }, admin)).toMatchObject({ status: 409 })
  })

  it('keeps an amount PayDesk must refuse (zero, too many decimals) only in a step that expects the refusal', async () => {
    const { admin, merchantId } = await world()
    const channelId = await channelWith(admin, merchantId, 'CNY', { channel: ['100', '50000'], services: [{ type: 'CNY_BANK_CARD', direction: 'deposit', lower: '500', upper: '20000' }] })
    const plan = await t.ok('fieldtest.plans.generate', { channelId }, admin)
    const accepted = plan.steps.find((s) => s.action === 'deposit' && s.expect.outcome !== 'refused_locally')!
    const probes = ['0', '500.123'].map((amount) => ({ ...accepted, title: `Deposit ${amount}, refused`, purpose: 'custom' as const, amount, expect: { outcome: 'refused_locally' as const } }))
    const saved = await t.ok('fieldtest.plans.save', { id: plan.id, baseVersion: 1, steps: [...plan.steps, ...probes] }, admin)
    expect(saved.steps.slice(-2).map((s) => s.amount)).toEqual(['0', '500.123'])
    const wrong = await t.call('fieldtest.plans.save', { id: plan.id, baseVersion: 2, steps: [...plan.steps, { ...probes[1], expect: { outcome: 'accepted' } }] }, admin)
    expect(wrong).toMatchObject({ status: 400, field: `steps.${plan.steps.length}.amount` })
  })
})

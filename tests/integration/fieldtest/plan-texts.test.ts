/**
 * How a generated plan reads: services told apart by direction and type, the note counting what
 * the plan was generated from, and each step's title kept as a catalog text so every reader reads
 * it in their language (a title the engineer rewrote stays their own words).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { textIn } from '../../../src/main/fieldtest/report/text'
import { isServerText } from '../../../src/shared/server-text'
import { ADMIN, makeCore, type TestCore } from '../../support/core'

let t: TestCore
afterEach(() => t?.core.close())

/** A CNY channel with a deposit and a payout service of the same type, both bound to it. */
async function channelWithBoth(): Promise<{ admin: string; channelId: number; depositId: number; payoutId: number }> {
  t = await makeCore()
  const admin = await t.signIn(ADMIN.username, ADMIN.password)
  const merchant = await t.ok('merchants.create', { name: 'Golden Dragon Trading' }, admin)
  const channel = await t.ok('channels.create', { name: 'Dragon Direct', provider: 'generic', currency: 'CNY', supportsDeposit: true, supportsPayout: true, paymentLower: '0', paymentUpper: '0', payoutLower: '0', payoutUpper: '0' }, admin)
  const ids: number[] = []
  for (const direction of ['deposit', 'payout'] as const) {
    const service = await t.ok('services.create', { merchantId: merchant.id, serviceType: 'CNY_BANK_CARD', direction, currency: 'CNY', singleLower: '100', singleUpper: '60000', activated: true }, admin)
    await t.ok('bindings.create', { channelId: channel.id, serviceId: service.id }, admin)
    ids.push(service.id)
  }
  return { admin, channelId: channel.id, depositId: ids[0], payoutId: ids[1] }
}

describe('a plan generated from a channel with a deposit and a payout of the same type', () => {
  it('tells the two apart by direction and counts the services it was generated from', async () => {
    const { admin, channelId, depositId } = await channelWithBoth()
    const all = await t.ok('fieldtest.plans.generate', { channelId }, admin)
    expect(all.versions[0].note).toBe('Generated from every service of the channel (2): Deposit CNY bank card, Payout CNY bank card')
    const titles = all.steps.filter((s) => s.purpose === 'at_lower').map((s) => s.title)
    expect(titles).toEqual(['Deposit CNY bank card 100.00 CNY: at the lower bound, accepted', 'Payout CNY bank card 100.00 CNY: at the lower bound, accepted'])
    // One of the two chosen: the note says one of two, and which.
    const one = await t.ok('fieldtest.plans.generate', { channelId, serviceIds: [depositId], language: 'zh-CN' }, admin)
    expect(one.versions[0].note).toBe('由渠道 2 个服务中的 1 个生成：人民币银行卡代收')
    expect(one.serviceIds).toEqual([depositId])
  })

  it('keeps each generated title as a catalog text, read in either language; a rewritten title is the engineer’s own', async () => {
    const { admin, channelId } = await channelWithBoth()
    const plan = await t.ok('fieldtest.plans.generate', { channelId, language: 'zh-CN' }, admin)
    for (const step of plan.steps) {
      expect(isServerText(step.text), step.title).toBe(true)
      expect(textIn('zh-CN', step.text!)).toBe(step.title)
    }
    const payout = plan.steps.find((s) => s.action === 'payout' && s.purpose === 'at_upper')!
    expect(textIn('en', payout.text!)).toBe('Payout CNY bank card 60,000.00 CNY: at the upper bound, accepted')

    // Saved back from an English screen: the title shown (English) keeps its text; one rewritten loses it.
    const steps = plan.steps.map((s, i) => (i === 0 ? { ...s, title: 'My own probe below the range' } : { ...s, title: textIn('en', s.text!) }))
    const saved = await t.ok('fieldtest.plans.save', { id: plan.id, baseVersion: 1, steps, note: 'edited' }, admin)
    expect(saved.steps[0].text).toBeUndefined()
    expect(saved.steps[0].title).toBe('My own probe below the range')
    expect(saved.steps.slice(1).every((s) => isServerText(s.text))).toBe(true)
    // A text that is not a generated title is not kept, even when the title matches it.
    const forged = await t.ok('fieldtest.plans.save', { id: plan.id, baseVersion: 2, steps: [{ ...steps[1], title: 'Deposit', text: { code: 'value.direction.deposit' } }], note: 'forged' }, admin)
    expect(forged.steps[0].text).toBeUndefined()
  })

  it('reads the generated note in the reader’s language; a typed note stays as written', async () => {
    const { admin, channelId, depositId } = await channelWithBoth()
    const all = await t.ok('fieldtest.plans.generate', { channelId, language: 'zh-CN' }, admin)
    expect(all.note).toBe('由渠道的全部 2 个服务生成：人民币银行卡代收、人民币银行卡代付')
    expect(textIn('en', all.noteText!)).toBe('Generated from every service of the channel (2): Deposit CNY bank card, Payout CNY bank card')
    const one = await t.ok('fieldtest.plans.generate', { channelId, serviceIds: [depositId] }, admin)
    expect(textIn('zh-CN', one.noteText!)).toBe('由渠道 2 个服务中的 1 个生成：人民币银行卡代收')
    expect(textIn('zh-CN', one.versions[0].noteText!)).toBe('由渠道 2 个服务中的 1 个生成：人民币银行卡代收')
    const typed = await t.ok('fieldtest.plans.save', { id: one.id, baseVersion: 1, steps: one.steps, note: 'Generated from the deposit only, 由我检查' }, admin)
    expect(typed).toMatchObject({ note: 'Generated from the deposit only, 由我检查', noteText: null })
    expect(typed.versions.map((v) => v.noteText === null)).toEqual([true, false])
  })

  it('renumbers a title naming another step when the steps were reordered', async () => {
    const { admin, channelId } = await channelWithBoth()
    const plan = await t.ok('fieldtest.plans.generate', { channelId }, admin)
    const paid = plan.steps.findIndex((s) => s.purpose === 'fields')
    expect(plan.steps.find((s) => s.purpose === 'callback')?.title).toBe(`Callback of step ${paid + 1}: signature valid, sent once`)
    // The paid deposit moved to the top, as the editor's arrows leave it: the targets follow it.
    const order = [paid, ...plan.steps.keys()].filter((i, at, all) => all.indexOf(i) === at)
    const moved = order.map((i) => plan.steps[i]).map((s) => (s.target === undefined ? s : { ...s, target: order.indexOf(s.target) }))
    const saved = await t.ok('fieldtest.plans.save', { id: plan.id, baseVersion: 1, steps: moved, note: '' }, admin)
    const titles = saved.steps.filter((s) => s.target === 0).map((s) => s.title)
    expect(titles).toEqual(['Callback of step 1: signature valid, sent once', 'Status query of step 1: the provider says paid', 'Partial refund of step 1: 50.00 CNY'])
    expect(saved.steps.filter((s) => s.target === 0).map((s) => textIn('zh-CN', s.text!))).toEqual(['第 1 步的回调：签名有效，只发送一次', '第 1 步的状态查询：上游返回已支付', '第 1 步的部分退款：50.00 CNY'])
  })
})

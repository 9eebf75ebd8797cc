/**
 * A field test's evidence read in Chinese has no English of PayDesk's own in it: a provider's
 * HTTP 500, a field refused before sending, a payout that cannot be sent for lack of funds, the
 * rehearsal copy of the channel on the timeline and in the order list, and the report's page
 * (since renderer 3: the evidence's codes in the page's language), which still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { textIn } from '../../../src/main/fieldtest/report/text'
import { verifyReportText } from '../../../src/main/fieldtest/report/verify'
import { cardFields } from '../orders/support'
import { CAPS, deposit, expectEnded, fieldWorld, payout, planOf, rehearse, settle, statuses, withServices, type FieldWorld } from './support'

let w: FieldWorld
beforeAll(async () => {
  w = await fieldWorld()
}, 30_000)
afterAll(() => w.stop())

describe('field test evidence in Chinese', () => {
  it('a rehearsal: the provider’s HTTP 500, the field at fault and the rehearsal copy are said in Chinese, on the step, the timeline, the order list and the report', async () => {
    const { cardNumber: _c, ...withoutCard } = cardFields
    const plan = await planOf(w, withServices(w, [deposit('500.00', { outcome: 'paid', callbackWithinSeconds: 3 }), deposit('600.00', { outcome: 'refused_locally' }, { fields: withoutCard }), deposit('700.00', { outcome: 'paid', callbackWithinSeconds: 3 })]))
    const run = await rehearse(w, plan.id, [{ behaviour: 'server_error', amountPattern: '^500\\.00$' }])
    expectEnded(run)
    expect(statuses(run)).toEqual(['failed upstream.server_error', 'passed validation', 'passed ok'])
    expect(inEnglish(run.steps[0].cause!)).toBe('The provider did not answer (server error): the provider answered HTTP 500')
    expect(textIn('zh-CN', run.steps[0].cause!)).toBe('上游未应答（服务器错误）：上游返回 HTTP 500')
    expect(inEnglish(run.steps[1].cause!)).toMatch(/^Refused before sending, as expected: Card number is required for /)
    expect(textIn('zh-CN', run.steps[1].cause!)).toMatch(/^发送前被拒绝，符合预期：卡号：/)

    const timeline = (await w.t.ok('fieldtest.runs.step', { id: run.id, index: 2 }, w.admin)).evidence!.timeline
    const created = timeline.find((e) => e.kind === 'created')!
    expect(textIn('zh-CN', created.text!)).toBe('已在渠道“CN Direct A（演练副本）”创建代收订单，金额 700.00 CNY（测试订单）')
    expect(created.summary).toBe('Deposit of 700.00 CNY created on channel "CN Direct A (rehearsal copy)" (test order)')

    const listed = await w.t.ok('orders.list', { pageSize: 10, orderNo: run.steps[2].orderNo! }, w.admin)
    expect(listed.items.map((o) => [o.channelName, o.rehearsalOf])).toEqual([['CN Direct A · rehearsal', 'CN Direct A']])

    const report = await w.t.ok('fieldtest.reports.sign', { runId: run.id }, w.admin)
    const zh = (await w.t.ok('fieldtest.reports.export', { id: report.id, language: 'zh-CN' }, w.admin)).html
    expect(zh).toContain('<meta name="paydesk-report-renderer" content="6">')
    const page = zh.slice(0, zh.indexOf('<script'))
    expect(page).not.toContain('http_500')
    expect(page).not.toContain('cardNumber：')
    expect(page).toContain('CN Direct A（演练副本）')
    // The evidence's codes, as the page's language says them (the ledger's remarks are data, as stored).
    expect(page).toContain('<td>创建</td>')
    expect(page).toContain('<td>商户可用余额</td>')
    expect(page).toContain('<td>已应用</td>')
    expect(page).not.toMatch(/<td>(created|merchant_available|applied)<\/td>/)
    expect(verifyReportText(zh)).toMatchObject({ ok: true, problems: [] })
  }, 60_000)

  it('a live payout PayDesk cannot send for lack of funds says why in Chinese, without the field’s code', async () => {
    const plan = await planOf(w, withServices(w, [payout('10.00', { outcome: 'paid' })]))
    const started = await w.t.ok('fieldtest.runs.start', { planId: plan.id, target: 'live', caps: CAPS }, w.admin)
    await settle(w, started.id, (r) => r.status === 'awaiting_confirmation')
    await w.t.ok('fieldtest.runs.confirm', { id: started.id, maxOrders: CAPS.maxOrders, maxAmount: CAPS.maxAmount }, w.admin)
    const run = await settle(w, started.id)
    expect(statuses(run)).toEqual(['blocked ledger.insufficient_funds'])
    expect(inEnglish(run.steps[0].cause!)).toBe("Could not be sent: Insufficient balance: the merchant's available balance 0.00 CNY does not cover the amount plus fee 15.00 CNY")
    expect(textIn('zh-CN', run.steps[0].cause!)).toBe('无法发送：余额不足：商户可用余额 0.00 CNY 不足以支付金额加手续费 15.00 CNY')
  }, 60_000)
})

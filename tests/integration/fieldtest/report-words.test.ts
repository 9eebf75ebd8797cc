/**
 * The report's page (layout 5) in Chinese says a step the way the app does: its inputs as labelled
 * fields (order fields by their names), what it expected by the outcome's name, money with grouping
 * and its currency, no catalog codes in brackets, and a generated title in the page's language;
 * the signed JSON it embeds still holds the keys and codes, and the page verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textIn } from '../../../src/main/fieldtest/report/text'
import { verifyReportText } from '../../../src/main/fieldtest/report/verify'
import { term } from '../../../src/shared/server-text'
import { deposit, expectEnded, fieldWorld, rehearse, withServices, type FieldWorld } from './support'

const PAID = { outcome: 'paid' as const, callbackWithinSeconds: 5, signatureValid: true, amountExact: true, feeExact: true }

let w: FieldWorld
beforeAll(async () => {
  w = await fieldWorld()
}, 30_000)
afterAll(() => w.stop())

describe('the report’s page in Chinese', () => {
  it('writes inputs as labelled fields, outcomes by their names and money as the app does, and still verifies', async () => {
    const generated = await w.t.ok('fieldtest.plans.generate', { channelId: w.channelId, name: 'Words' }, w.admin)
    const atLower = generated.steps.find((s) => s.action === 'deposit' && s.purpose === 'at_lower')!
    const steps = [atLower, ...withServices(w, [deposit('1500.00', PAID), deposit('0.001', { outcome: 'refused_locally' })])]
    const plan = await w.t.ok('fieldtest.plans.save', { id: generated.id, baseVersion: 1, steps, note: 'words' }, w.admin)
    const run = await rehearse(w, plan.id)
    expectEnded(run)
    const report = await w.t.ok('fieldtest.reports.sign', { runId: run.id }, w.admin)
    const zh = (await w.t.ok('fieldtest.reports.export', { id: report.id, language: 'zh-CN' }, w.admin)).html
    expect(zh).toContain('<meta name="paydesk-report-renderer" content="6">')
    const page = zh.slice(0, zh.indexOf('<script'))

    // Inputs: labelled, each order field by its name, the amount as money.
    expect(page).toContain(`服务：人民币银行卡（服务 ${w.depositServiceId}）；金额：1,500.00 CNY；${textIn('zh-CN', { code: 'value.orderField.cardNumber' })}：622202*********3445`)
    expect(page).toContain(`${textIn('zh-CN', { code: 'value.orderField.payerName' })}：Li Wei`)
    // Each step's inputs and expectations (the requests' bodies below them are the provider's data, as sent).
    const said = [...page.matchAll(/<dt>输入<\/dt><dd>([^<]*)<\/dd><dt>预期<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => `${m[1]} | ${m[2]}`)
    expect(said).toHaveLength(3)
    for (const line of said) expect(line).not.toMatch(/[{}]|serviceId|payerName|outcome|refused_locally|amountExact/)
    // Expectations: the outcome by its name, the checks in words.
    expect(page).toContain(`结果：${textIn('zh-CN', term('stepOutcome', 'refused_locally'))}`)
    expect(page).toContain(`结果：${textIn('zh-CN', term('stepOutcome', 'paid'))}；5 秒内回调；签名有效；金额一致；手续费一致`)
    // Money as the app writes it, never "CNY 1500.00"; no catalog codes in brackets.
    expect(page).toContain('1,500.00 CNY')
    expect(page).not.toMatch(/CNY \d/)
    expect(page).not.toMatch(/<span class="mono">\([a-z_.]+\)<\/span>/)
    // The generated step's title in Chinese, though it was generated in English.
    expect(atLower.title).toMatch(/^Deposit /)
    expect(page).toContain(`<p><b>${textIn('zh-CN', atLower.text!)}</b></p>`)
    expect(page).not.toContain(atLower.title)

    // The signed content keeps the keys and codes; the page verifies, and an edit of it does not.
    expect(zh).toContain('"outcome": "refused_locally"')
    expect(verifyReportText(zh)).toMatchObject({ ok: true, problems: [] })
    expect(verifyReportText(zh.replace('1,500.00 CNY', '1,600.00 CNY')).problems.map((p) => p.code)).toEqual(['html_altered'])
  }, 60_000)
})

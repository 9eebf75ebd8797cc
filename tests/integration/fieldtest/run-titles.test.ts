/**
 * A run of a plan saved before generated titles were kept as catalog texts (its steps hold only
 * the title, in the language it was generated in, maybe in an older wording): each generated
 * title is found again from the step's purpose and inputs and read in the reader's language, on
 * the run, its steps and its report; a title the engineer wrote is shown as written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textIn } from '../../../src/main/fieldtest/report/text'
import { deposit, expectEnded, fieldWorld, planOf, rehearse, withServices, type FieldWorld } from './support'

const PAID = { outcome: 'paid' as const, callbackWithinSeconds: 3, signatureValid: true, amountExact: true, feeExact: true }

describe('a run of a plan whose steps have no catalog text', () => {
  let w: FieldWorld
  beforeAll(async () => {
    w = await fieldWorld()
  })
  afterAll(() => w.stop())

  it('reads each generated title in the reader’s language, and the engineer’s own as written', async () => {
    const plan = await planOf(
      w,
      withServices(w, [
        deposit('499.99', { outcome: 'refused_locally' }, { purpose: 'below_lower', title: 'Deposit CNY_BANK_CARD 499.99: one minor unit below the lower bound, refused' }),
        deposit('500.00', PAID, { purpose: 'fields', title: "Deposit CNY_BANK_CARD 500.00 with the service type's fields: paid, amounts and fees exact" }),
        { title: 'Callback of step 2: signature valid, sent once', action: 'callback_check', purpose: 'callback', target: 1, seconds: 2, expect: { signatureValid: true, noDuplicates: true } },
        deposit('500.00', { outcome: 'accepted' }, { purpose: 'at_lower', title: 'My own probe of the smallest deposit' })
      ])
    )
    expect(plan.steps.every((s) => s.text === undefined)).toBe(true)
    const run = await rehearse(w, plan.id)
    expectEnded(run)
    const zh = run.steps.map((s) => (s.titleText ? textIn('zh-CN', s.titleText) : s.title))
    expect(zh).toEqual(['人民币银行卡代收 499.99 CNY：比下限少一个最小单位，应被拒绝', '人民币银行卡代收 500.00 CNY（含服务类型字段）：已支付，金额与手续费准确', '第 2 步的回调：签名有效，只发送一次', 'My own probe of the smallest deposit'])
    expect(run.steps[3].titleText).toBeNull()
    const step = await w.t.ok('fieldtest.runs.step', { id: run.id, index: 0 }, w.admin)
    expect(textIn('en', step.step.titleText!)).toBe('Deposit CNY bank card 499.99 CNY: one minor unit below the lower bound, refused')

    // The report of the run writes them in the page's language too.
    const report = await w.t.ok('fieldtest.reports.sign', { runId: run.id }, w.admin)
    const exported = await w.t.ok('fieldtest.reports.export', { id: report.id, language: 'zh-CN' }, w.admin)
    expect(exported.html).toContain('人民币银行卡代收 499.99 CNY：比下限少一个最小单位，应被拒绝')
  })
})

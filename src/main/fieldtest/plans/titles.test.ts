import { describe, expect, it } from 'vitest'
import type { PlanStep } from '../../../shared/contract/fieldtest'
import { textIn } from '../report/text'
import { ownTitles, regeneratedTitle } from './titles'

const card = { serviceType: 'CNY_BANK_CARD', direction: 'deposit' as const, currency: 'CNY' }
const step = (s: Partial<PlanStep>): PlanStep => ({ title: '', action: 'deposit', purpose: 'custom', expect: {}, ...s }) as PlanStep

describe('a generated title that names another step', () => {
  it('is renumbered after its target when the steps were reordered before the save', () => {
    const text = { code: 'fieldtest.gen.callback' as const, params: { n: 3 } }
    // The paid deposit moved from step 3 to step 1: the callback check's target followed it.
    const [saved] = ownTitles([step({ action: 'callback_check', purpose: 'callback', title: textIn('zh-CN', text), text, target: 0, seconds: 5 })])
    expect(saved.title).toBe('第 1 步的回调：签名有效，只发送一次')
    expect(textIn('en', saved.text!)).toBe('Callback of step 1: signature valid, sent once')
  })
})

describe('a step saved before generated titles were kept as catalog texts', () => {
  it('finds its text again from its purpose and inputs, whichever way the title was written then', () => {
    const below = step({ purpose: 'below_lower', serviceId: 1, amount: '499.99', title: 'Deposit CNY_BANK_CARD 499.99: one minor unit below the lower bound, refused' })
    expect(textIn('zh-CN', regeneratedTitle(below, card)!)).toBe('人民币银行卡代收 499.99 CNY：比下限少一个最小单位，应被拒绝')
    const fields = step({ purpose: 'fields', serviceId: 1, amount: '500.00', title: "Deposit CNY_BANK_CARD 500.00 with the service type's fields: paid, amounts and fees exact" })
    expect(textIn('en', regeneratedTitle(fields, card)!)).toBe('Deposit CNY bank card 500.00 CNY with the service type’s fields: paid, amounts and fees exact')
    const refund = step({ action: 'refund', purpose: 'partial_refund', target: 2, refund: 'partial', amount: '250.00', title: '第 3 步的部分退款：250.00 CNY' })
    expect(textIn('en', regeneratedTitle(refund, card)!)).toBe('Partial refund of step 3: 250.00 CNY')
  })

  it('keeps a title the engineer wrote (or one it cannot tell) as it is', () => {
    expect(regeneratedTitle(step({ purpose: 'at_lower', serviceId: 1, amount: '500.00', title: 'Smallest deposit, by hand' }), card)).toBeNull()
    expect(regeneratedTitle(step({ purpose: 'custom', serviceId: 1, amount: '500.00', title: 'Deposit CNY_BANK_CARD 500.00: at the lower bound, accepted' }), card)).toBeNull()
    expect(regeneratedTitle(step({ purpose: 'at_lower', serviceId: 1, amount: '500.00', title: 'Deposit CNY_BANK_CARD 500.00: at the lower bound, accepted' }), undefined)).toBeNull()
  })
})

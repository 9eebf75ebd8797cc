import { describe, expect, it } from 'vitest'
import type { PlanDetail, PlanStepInput } from '../../../../shared/contract/fieldtest'
import { fixedTranslators } from '../../i18n/testing'
import { amountsLine, inputText, serviceName, stepTitle, swapSteps, withoutStep } from './stepText'

const deposit = (title: string): PlanStepInput => ({ title, action: 'deposit', serviceId: 1, amount: '10.00' })
const refund = (target: number): PlanStepInput => ({ title: 'refund', action: 'refund', target, refund: 'full' })

describe('editing a plan keeps each step acting on the order it meant', () => {
  it('moves a later target up when an earlier step is removed', () => {
    const steps = withoutStep([deposit('a'), deposit('b'), refund(1)], 0)
    expect(steps.map((s) => s.title)).toEqual(['b', 'refund'])
    expect(steps[1].target).toBe(0)
  })

  it('clears a target whose step was removed, so the save names it', () => {
    expect(withoutStep([deposit('a'), refund(0)], 0)[0].target).toBeUndefined()
  })

  it('makes a target follow its step when two steps swap', () => {
    const steps = swapSteps([deposit('a'), deposit('b'), refund(0)], 0, 1)
    expect(steps.map((s) => s.title)).toEqual(['b', 'a', 'refund'])
    expect(steps[2].target).toBe(1)
  })
})

describe('a step’s inputs in one line', () => {
  it('writes its amount as the other screens write money', () => {
    const services: PlanDetail['services'] = [
      { id: 1, merchantId: 7, merchantName: 'Jade Tea House', serviceType: 'CNY_BANK_CARD', direction: 'deposit', currency: 'CNY', usable: true, lower: '500.00', upper: '20000.00', lowerSource: 'service', upperSource: 'service', reason: null }
    ]
    expect(inputText({ ...deposit('a'), amount: '20000.00' }, services, fixedTranslators().english)).toBe('Jade Tea House · CNY bank card · deposit · CNY · 20,000.00 CNY')
  })

  it('tells a deposit and a payout of one type apart, and names the fields as the order form does, in each language', () => {
    const { english, chinese } = fixedTranslators()
    const both: PlanDetail['services'] = (['deposit', 'payout'] as const).map((direction, i) => ({ id: i + 1, merchantId: 7, merchantName: 'Jade Tea House', serviceType: 'CNY_BANK_CARD', direction, currency: 'CNY', usable: true, lower: '100.00', upper: '60000.00', lowerSource: 'service', upperSource: 'service', reason: null }))
    expect(serviceName(both[0], english)).not.toBe(serviceName(both[1], english))
    expect(serviceName(both[1], chinese)).toBe('Jade Tea House · 人民币银行卡 · 代付 · CNY')
    const payout: PlanStepInput = { title: 'p', action: 'payout', serviceId: 2, amount: '60000.00', fields: { recipientName: 'Li Wei', bankCode: 'ICBC' } }
    expect(inputText(payout, both, english)).toBe('Jade Tea House · CNY bank card · payout · CNY · 60,000.00 CNY · Recipient name: Li Wei · Bank: ICBC')
    expect(inputText(payout, both, chinese)).toBe('Jade Tea House · 人民币银行卡 · 代付 · CNY · 60,000.00 CNY · 收款人姓名：Li Wei · 银行：ICBC')
  })
})

describe('a step’s title', () => {
  const generated: PlanStepInput = {
    title: 'Deposit CNY bank card 100.00 CNY: at the lower bound, accepted',
    text: { code: 'fieldtest.gen.atLower', params: { label: { code: 'fieldtest.gen.label', params: { direction: { code: 'value.direction.deposit' }, type: { code: 'value.serviceType.CNY_BANK_CARD' } } }, amount: '100.00 CNY' } },
    action: 'deposit',
    serviceId: 1,
    amount: '100.00'
  }

  it('reads a generated title in the reader’s language, whatever language it was generated in', () => {
    const { english, chinese } = fixedTranslators()
    expect(stepTitle(generated, chinese)).toBe('人民币银行卡代收 100.00 CNY：等于下限，应被受理')
    expect(stepTitle(generated, english)).toBe(generated.title)
  })

  it('names the step it acts on by where that step is now, after the engineer moved it', () => {
    const { english, chinese } = fixedTranslators()
    const callback: PlanStepInput = { title: 'Callback of step 1: signature valid, sent once', text: { code: 'fieldtest.gen.callback', params: { n: 1 } }, action: 'callback_check', target: 0, seconds: 5 }
    const moved = swapSteps([generated, deposit('b'), callback], 0, 1)
    expect(moved[2].target).toBe(1)
    expect(stepTitle(moved[2], english)).toBe('Callback of step 2: signature valid, sent once')
    expect(stepTitle(moved[2], chinese)).toBe('第 2 步的回调：签名有效，只发送一次')
  })

  it('shows the engineer’s own title as written', () => {
    expect(stepTitle(deposit('Probe the lower edge'), fixedTranslators().chinese)).toBe('Probe the lower edge')
  })
})

describe("a step's amounts in one line", () => {
  it('writes each amount with its currency, a dash for one not stated', () => {
    const amounts = { currency: 'CNY', requested: '50000.00', acceptedUpstream: null, paidInCallback: '49999.99', postedToLedger: null, feeExpected: null, feePosted: null }
    expect(amountsLine({ amounts })).toBe('50,000.00 CNY → — → 49,999.99 CNY → —')
    expect(amountsLine({ amounts: null })).toBe('')
  })
})

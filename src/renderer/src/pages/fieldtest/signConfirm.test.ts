import { describe, expect, it } from 'vitest'
import { fixedTranslators } from '../../i18n/testing'
import { signConfirmText } from './signConfirm'

const run = (totals: Partial<Record<'passed' | 'failed' | 'blocked' | 'skipped' | 'pending', number>>) => {
  const k = { passed: 0, failed: 0, blocked: 0, skipped: 0, pending: 0, ...totals }
  return { id: 7, planName: 'Jade CNY', planVersion: 2, channelName: 'Jade Pay', target: 'live' as const, totals: { ...k, steps: k.passed + k.failed + k.blocked + k.skipped + k.pending, orders: 3, amount: '300.00' } }
}

describe('the confirmation before a report is signed', () => {
  it('names the plan, the channel and the outcome counts, and warns of the failed steps', () => {
    const { english } = fixedTranslators()
    const text = signConfirmText(run({ passed: 5, failed: 2, blocked: 1 }), english)
    expect(text.title).toBe('Sign the report of run 7?')
    expect(text.what).toBe('You sign, with your key, the report of Jade CNY (version 2) on channel Jade Pay, The live channel (real money).')
    expect(text.counts).toBe('8 steps: 5 passed, 2 failed, 1 blocked, 0 skipped, 0 not run.')
    expect(text.warning).toEqual({ level: 'failed', text: expect.stringContaining('2 step(s) failed') })
    expect(text.allPassed).toBeNull()
  })

  it('warns in Chinese of steps without a verdict, and says when all passed', () => {
    const { chinese } = fixedTranslators()
    const text = signConfirmText(run({ passed: 3, skipped: 1 }), chinese)
    expect(text.counts).toBe('共 4 步：通过 3，失败 0，受阻 0，跳过 1，未执行 0。')
    expect(text.warning).toEqual({ level: 'attention', text: expect.stringContaining('有 1 步没有得出结论') })
    expect(signConfirmText(run({ passed: 4 }), chinese)).toMatchObject({ warning: null, allPassed: '所有步骤均已通过。' })
  })
})

import { describe, expect, it } from 'vitest'
import { reason } from './contract/ledger'
import { fourEyesContract } from './contract/four-eyes'
import { financeContract } from './contract/finance'
import { saysWhy } from './reason'

describe('a reason long enough to say why', () => {
  it('takes five letters, or three Chinese characters', () => {
    expect(['typo.', 'charged twice', '重复扣款', '客户撤销', '重复了'].filter((r) => !saysWhy(r))).toEqual([])
    expect(['typo', '    ab   ', '退款', '重复', ''].filter((r) => saysWhy(r))).toEqual([])
  })

  it('is the same rule for every reason a form or the host asks for', () => {
    expect(reason.safeParse('重复扣款').success).toBe(true)
    expect(reason.safeParse('退款').success).toBe(false)
    const reject = (note: string) => ({ id: 1, decision: 'reject', note })
    expect(fourEyesContract['approvals.decide'].input.safeParse(reject('信息不符')).success).toBe(true)
    expect(fourEyesContract['approvals.decide'].input.safeParse(reject('不符')).success).toBe(false)
    expect(financeContract['withdrawals.review'].input.safeParse(reject('账户有误')).success).toBe(true)
    expect(financeContract['adjustments.decide'].input.safeParse(reject('no')).success).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { fixedTranslators } from '../../i18n/testing'
import { manualDoneNotice } from './manualDone'

const { english, chinese } = fixedTranslators()

const waitingFor = (result: string) => [{ id: 1, kind: 'mark_result' as const, result, requestedBy: 'demo.ops', createdAt: 1 }]

describe('the notice after a manual operation', () => {
  it('says a forced result over the four-eyes threshold waits, not that the order is now what it was', () => {
    const after = { orderNo: 'P202612040000001', status: 'succeeded' as const, awaitingApproval: waitingFor('returned') }
    expect(manualDoneNotice(english, 'markReturned', { status: 'succeeded' }, after)).toBe(
      'Requested: marking order P202612040000001 returned by the bank waits for a second user’s approval; nothing has changed yet.'
    )
    expect(manualDoneNotice(chinese, 'markReturned', { status: 'succeeded' }, after)).toBe('已提交申请：将订单 P202612040000001 标记为被银行退回，需另一位用户复核通过后生效；订单暂未变化。')
    expect(manualDoneNotice(english, 'markFailed', { status: 'unknown' }, { ...after, status: 'unknown', awaitingApproval: waitingFor('failed') })).toContain('marking order P202612040000001 failed waits')
  })

  it('says what the order is now when the operation applied', () => {
    expect(manualDoneNotice(english, 'markReturned', { status: 'succeeded' }, { orderNo: 'P1', status: 'returned', awaitingApproval: [] })).toBe('Done: order P1 is now returned.')
    expect(manualDoneNotice(chinese, 'markReturned', { status: 'succeeded' }, { orderNo: 'P1', status: 'returned', awaitingApproval: [] })).toBe('已完成：订单 P1 当前状态为已退回。')
    // A resend on an order with a marking pending is still done.
    expect(manualDoneNotice(english, 'resend', { status: 'succeeded' }, { orderNo: 'P1', status: 'succeeded', awaitingApproval: waitingFor('returned') })).toBe('Done: order P1 is now succeeded.')
  })
})

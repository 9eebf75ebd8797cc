import { describe, expect, it } from 'vitest'
import { isCancellable, manualActionRefusal, type OrderState } from './order-actions'

const order = (over: Partial<OrderState>): OrderState => ({ orderNo: 'D1', direction: 'deposit', status: 'pending', sentAt: 1, ...over })
const code = (o: OrderState, action: Parameters<typeof manualActionRefusal>[1]) => manualActionRefusal(o, action)?.code ?? null

describe('which manual operations an order’s state allows', () => {
  it('a succeeded order cannot be marked again or closed; its notification can be resent', () => {
    const paid = order({ status: 'succeeded' })
    expect(code(paid, 'markSucceeded')).toBe('orders.already_final')
    expect(code(paid, 'markFailed')).toBe('orders.already_final')
    expect(code(paid, 'close')).toBe('orders.not_closable')
    expect(code(paid, 'resend')).toBeNull()
    expect(code(paid, 'requery')).toBeNull()
    expect(manualActionRefusal(paid, 'close')?.text).toEqual({ code: 'error.orders.notClosable', params: { orderNo: 'D1', status: { code: 'value.orderStatus.succeeded' } } })
  })

  it('an open deposit can be closed or marked, but not notified', () => {
    const open = order({})
    expect(code(open, 'close')).toBeNull()
    expect(code(open, 'markSucceeded')).toBeNull()
    expect(code(open, 'resend')).toBe('orders.not_final')
    expect(isCancellable(open)).toBe(true)
  })

  it('a closed deposit may still be marked succeeded (a late payment), not failed', () => {
    const closed = order({ status: 'closed' })
    expect(code(closed, 'markSucceeded')).toBeNull()
    expect(code(closed, 'markFailed')).toBe('orders.already_final')
    expect(isCancellable(closed)).toBe(false)
  })

  it('a payout can be closed only before it is sent', () => {
    expect(code(order({ direction: 'payout', status: 'created', sentAt: null }), 'close')).toBeNull()
    expect(manualActionRefusal(order({ direction: 'payout', status: 'created', sentAt: 5 }), 'close')?.text.code).toBe('error.orders.payoutAlreadySent')
    expect(code(order({ direction: 'payout', status: 'unknown' }), 'markFailed')).toBeNull()
  })

  it('only a succeeded payout can be marked returned, once; a returned one is final and can be notified again', () => {
    const payout = (status: OrderState['status']) => order({ orderNo: 'P1', direction: 'payout', status })
    expect(code(payout('succeeded'), 'markReturned')).toBeNull()
    for (const status of ['created', 'pending', 'unknown', 'failed', 'closed', 'returned'] as const) expect(code(payout(status), 'markReturned')).toBe('orders.not_returnable')
    expect(manualActionRefusal(order({ status: 'succeeded' }), 'markReturned')?.text).toEqual({ code: 'error.orders.returnPayoutOnly', params: { orderNo: 'D1' } })
    const returned = payout('returned')
    expect(code(returned, 'markSucceeded')).toBe('orders.already_final')
    expect(code(returned, 'markFailed')).toBe('orders.already_final')
    expect(code(returned, 'resend')).toBeNull()
  })
})

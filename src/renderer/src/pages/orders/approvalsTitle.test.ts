import { describe, expect, it } from 'vitest'
import { orderApprovalsTitle } from './approvalsTitle'

const row = (status: 'pending' | 'approved' | 'rejected' | 'withdrawn', kind: 'payout' | 'mark_result' = 'payout', at = 1, decidedAt: number | null = status === 'pending' ? null : at + 1) => ({ status, kind, createdAt: at, decidedAt })

describe("an order's approvals title", () => {
  it('waits, with how many, only while a request is pending', () => {
    expect(orderApprovalsTitle([row('pending'), row('rejected', 'mark_result')])).toEqual({ key: 'pending', count: 1 })
  })

  it('says what became of the request once nothing waits: released, rejected, or withdrawn when the order finished first', () => {
    expect(orderApprovalsTitle([row('approved')])).toEqual({ key: 'payoutReleased' })
    expect(orderApprovalsTitle([row('approved', 'mark_result')])).toEqual({ key: 'resultApplied' })
    expect(orderApprovalsTitle([row('rejected')])).toEqual({ key: 'rejected' })
    expect(orderApprovalsTitle([row('withdrawn', 'mark_result')])).toEqual({ key: 'withdrawn' })
  })

  it('names the latest decision when there were several', () => {
    expect(orderApprovalsTitle([row('rejected', 'mark_result', 1), row('approved', 'mark_result', 10)])).toEqual({ key: 'resultApplied' })
    expect(orderApprovalsTitle([row('approved', 'payout', 1), row('withdrawn', 'mark_result', 10)])).toEqual({ key: 'withdrawn' })
  })
})

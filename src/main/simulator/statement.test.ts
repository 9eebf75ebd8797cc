import { describe, expect, it } from 'vitest'
import { statementRow, withDifferences, type Settled } from './statement'

const at = Date.UTC(2026, 11, 2, 4, 0, 0)
const paid = (n: number, over: Partial<Settled> = {}): Settled => ({ kind: 'payment', orderNo: `D${n}`, upstreamNo: `U${n}`, currency: 'CNY', amount: '100.00', at: at + n, ...over })

describe('the provider simulator’s statement', () => {
  it('writes a line per paid thing: money in positive, out negative, its fee charged (returned on a refund)', () => {
    expect(statementRow(paid(1), 6000)).toMatchObject({ kind: 'payment', gross: '100.00', fee: '-0.60', net: '99.40', status: 'succeeded' })
    expect(statementRow(paid(2, { kind: 'payout', amount: '50.00' }), 6000)).toMatchObject({ gross: '-50.00', fee: '-0.30', net: '-50.30' })
    expect(statementRow(paid(3, { kind: 'refund', amount: '20.00', refundNo: 'R3-1' }), 6000)).toMatchObject({ gross: '-20.00', fee: '0.12', net: '-19.88', refundNo: 'R3-1' })
    expect(statementRow(paid(4, { currency: 'VND', amount: '150000' }), 6000)).toMatchObject({ gross: '150000', fee: '-900', net: '149100' })
  })

  it('puts each difference on a line of its own, deterministically, and holds a late line for the next day', () => {
    const rows = [5, 3, 1, 4, 2, 6, 7].map((n) => statementRow(paid(n), 6000))
    const kinds = ['missing', 'amount', 'status', 'duplicate', 'fee', 'late', 'extra'] as const
    const once = withDifferences(rows.map((r) => ({ ...r })), kinds.map((kind) => ({ kind })))
    const again = withDifferences(rows.map((r) => ({ ...r })), kinds.map((kind) => ({ kind })))
    expect(again).toEqual(once)
    expect(once.injected.map((i) => [i.kind, i.orderNo])).toEqual([
      ['missing', 'D1'],
      ['amount', 'D2'],
      ['status', 'D3'],
      ['duplicate', 'D4'],
      ['fee', 'D5'],
      ['late', 'D6'],
      ['extra', 'DX00000001']
    ])
    const byOrder = (no: string) => once.rows.filter((r) => r.orderNo === no)
    expect(byOrder('D1')).toEqual([])
    expect(byOrder('D2')[0]).toMatchObject({ gross: '101.00', net: '100.40' })
    expect(byOrder('D3')[0].status).toBe('failed')
    expect(byOrder('D4').map((r) => r.upstreamNo)).toEqual(['U4', 'U4-2'])
    expect(byOrder('D5')[0]).toMatchObject({ fee: '-0.70', net: '99.30' })
    expect(byOrder('D6')).toEqual([])
    expect(once.late).toEqual([expect.objectContaining({ orderNo: 'D6', at: at + 6 + 86_400_000 })])
    expect(byOrder('D7')).toHaveLength(1)
    expect(() => withDifferences([], [{ kind: 'missing' }])).toThrow('no line left for a missing difference')
  })
})

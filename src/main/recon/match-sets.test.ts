import { describe, expect, it } from 'vitest'
import { Claims, idSetFor } from './match-sets'
import type { Line, OurOrder, OurRefund } from './match-types'

describe('idSetFor', () => {
  it('holds exactly the ids added, counted once, over a dense range and a sparse one', () => {
    for (const ids of [[5, 6, 7, 40, 41, 1_000], [1, 2_000_000_000], [3]]) {
      const set = idSetFor(ids.length, (i) => ids[i])
      for (const id of [ids[0], ids[ids.length - 1], ids[0]]) set.add(id)
      expect(set.size).toBe(ids.length === 1 ? 1 : 2)
      expect(ids.filter((id) => set.has(id))).toEqual(ids.length === 1 ? ids : [ids[0], ids[ids.length - 1]])
      expect(set.has(ids[0] - 1)).toBe(false)
      expect(set.has(ids[ids.length - 1] + 1)).toBe(false)
    }
  })
})

describe('Claims', () => {
  const order = (id: number) => ({ kind: 'order', id }) as OurOrder
  const refund = (id: number) => ({ kind: 'refund', id }) as OurRefund
  const line = (id: number) => ({ id }) as Line

  it('keeps the line, or the lines, of each of ours apart by kind and id', () => {
    const orders = [order(1), order(4), order(9)]
    const refunds = [refund(4)]
    const claims = new Claims(orders, refunds)
    claims.add(orders[1], line(10))
    claims.add(refunds[0], line(11))
    claims.add(refunds[0], line(12))
    expect(claims.get(orders[1])).toEqual(line(10))
    expect(claims.get(refunds[0])).toEqual([line(11), line(12)])
    expect(claims.has(orders[0])).toBe(false)
    expect(claims.has(orders[2])).toBe(false)
  })

  it('refuses one of ours that is not among its lists', () => {
    const claims = new Claims([order(1)], [])
    expect(() => claims.add(order(1), line(1))).toThrow(/order 1 is not among/)
    expect(() => claims.get(refund(1))).toThrow(/refund 1 is not among/)
  })
})

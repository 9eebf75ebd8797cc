import { describe, expect, it } from 'vitest'
import { compareAsText } from './run-hash'

describe('compareAsText', () => {
  it('orders integers as their decimal texts are ordered, as the run input hash has always taken them', () => {
    const ids = [0, 1, 9, 10, 11, 19, 2, 20, 100, 99, 1_000_000, 999_999, 1_234_567, 123, 12, 120, 1_195_000, 119_500, 2 ** 40 + 7, 9_007_199_254_740_991]
    for (const a of ids) for (const b of ids) expect(Math.sign(compareAsText(a, b)), `${a} vs ${b}`).toBe(Math.sign(String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))
  })
})

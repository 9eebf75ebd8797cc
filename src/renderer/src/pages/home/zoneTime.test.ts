import { describe, expect, it } from 'vitest'
import { successRate } from './zoneTime'

describe('Home rates', () => {
  it('gives the success rate of the day, or none without orders', () => {
    expect(successRate(0, 0)).toBeNull()
    expect(successRate(2, 3)).toBe('66.7 %')
    expect(successRate(5, 5)).toBe('100.0 %')
  })
})

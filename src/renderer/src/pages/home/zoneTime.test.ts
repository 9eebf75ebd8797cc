import { describe, expect, it } from 'vitest'
import { formatInZone, successRate } from './zoneTime'

describe('Home times and rates', () => {
  const at = Date.UTC(2026, 10, 21, 17, 5) // 2026-11-21 17:05 UTC
  it('shows a time on the business zone’s clock, across the day line', () => {
    expect(formatInZone(at, '+08:00')).toBe('2026-11-22 01:05')
    expect(formatInZone(at, '-03:30')).toBe('2026-11-21 13:35')
    expect(formatInZone(at, 'Asia/Bangkok')).toBe('2026-11-22 00:05')
  })
  it('gives the success rate of the day, or none without orders', () => {
    expect(successRate(0, 0)).toBeNull()
    expect(successRate(2, 3)).toBe('66.7 %')
    expect(successRate(5, 5)).toBe('100.0 %')
  })
})

import { describe, expect, it } from 'vitest'
import { businessDayFn, isValidTimeZone } from './business-day'

describe('business day', () => {
  it('cuts days in a fixed offset', () => {
    const day = businessDayFn('+08:00')
    expect(day(Date.UTC(2026, 10, 21, 15, 59, 59))).toBe(20261121)
    expect(day(Date.UTC(2026, 10, 21, 16, 0, 0))).toBe(20261122)
    expect(businessDayFn('-03:00')(Date.UTC(2026, 0, 1, 2, 0))).toBe(20251231)
  })

  it('cuts days in an IANA zone, daylight saving included', () => {
    const day = businessDayFn('America/Sao_Paulo')
    expect(day(Date.UTC(2026, 10, 22, 2, 59))).toBe(20261121)
    expect(businessDayFn('Asia/Bangkok')(Date.UTC(2026, 10, 21, 17, 0))).toBe(20261122)
  })

  it('validates zones', () => {
    expect(isValidTimeZone('+08:00')).toBe(true)
    expect(isValidTimeZone('+15:00')).toBe(false)
    expect(isValidTimeZone('Asia/Ho_Chi_Minh')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { computerTimeZone, displayDateTime, displayDayBound, displayTimeZone, formatDateTime, setDisplayZone, zoned } from './time'

afterEach(() => setDisplayZone(computerTimeZone()))

describe('times in the display zone', () => {
  // 2026-11-21 10:41:07 UTC: the same payment read in three zones.
  const paid = Date.UTC(2026, 10, 21, 10, 41, 7)

  it('shows one instant on the clock of the zone the user chose, and says which', () => {
    setDisplayZone('+08:00')
    expect(formatDateTime(paid)).toBe('2026-11-21 18:41:07')
    expect(zoned('Created')).toBe('Created (UTC+08:00)')
    setDisplayZone('+07:00')
    expect(formatDateTime(paid)).toBe('2026-11-21 17:41:07')
    setDisplayZone('America/Sao_Paulo')
    expect(formatDateTime(paid)).toBe('2026-11-21 07:41:07')
    expect(displayTimeZone()).toMatch(/^UTC-0[23]:00 America\/Sao_Paulo$/)
  })

  it('starts as this computer’s zone until the user’s preferences are read', () => {
    const d = new Date(paid)
    const pad = (n: number) => String(n).padStart(2, '0')
    expect(formatDateTime(paid)).toBe(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`)
  })
})

describe('day bounds for a date filter, in the display zone', () => {
  it('covers the whole day of that zone, both ends included', () => {
    setDisplayZone('+08:00')
    const start = displayDayBound('2026-03-01')!
    const end = displayDayBound('2026-03-01', true)!
    expect(start).toBe(Date.UTC(2026, 1, 28, 16, 0, 0))
    expect(formatDateTime(start)).toBe('2026-03-01 00:00:00')
    expect(formatDateTime(end)).toBe('2026-03-01 23:59:59')
    expect(end - start).toBe(24 * 60 * 60 * 1000 - 1)
  })

  it('moves with the zone: the same date is another span of instants elsewhere', () => {
    setDisplayZone('-05:00')
    expect(displayDayBound('2026-03-01')).toBe(Date.UTC(2026, 2, 1, 5, 0, 0))
  })

  it('ignores an empty, partial or impossible date', () => {
    expect(displayDayBound('')).toBeUndefined()
    expect(displayDayBound('2026-3-1')).toBeUndefined()
    expect(displayDayBound('2026-02-30')).toBeUndefined()
  })
})

describe('a date and time typed in', () => {
  it('reads minutes and optional seconds in the display zone, and shows back the same', () => {
    setDisplayZone('Asia/Bangkok')
    expect(displayDateTime('2026-10-01 08:30')).toBe(Date.UTC(2026, 9, 1, 1, 30))
    expect(formatDateTime(displayDateTime('2026-10-01 08:30')!)).toBe('2026-10-01 08:30:00')
    expect(formatDateTime(displayDateTime('2026-10-01T23:59:59')!)).toBe('2026-10-01 23:59:59')
  })

  it('refuses what is not a real date and time', () => {
    expect(displayDateTime('2026-02-30 10:00')).toBeUndefined()
    expect(displayDateTime('2026-10-01 24:00')).toBeUndefined()
    expect(displayDateTime('2026-10-01')).toBeUndefined()
    expect(displayDateTime('')).toBeUndefined()
  })
})

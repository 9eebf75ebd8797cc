import { describe, expect, it } from 'vitest'
import { formatDateTime, localDateTime, localDayBound } from './time'

describe('local day bounds for the audit filter', () => {
  it('covers the whole local day, both ends included', () => {
    const start = localDayBound('2026-03-01')!
    const end = localDayBound('2026-03-01', true)!
    expect(formatDateTime(start)).toBe('2026-03-01 00:00:00')
    expect(formatDateTime(end)).toBe('2026-03-01 23:59:59')
    expect(end - start).toBe(24 * 60 * 60 * 1000 - 1)
  })

  it('ignores an empty or partial date', () => {
    expect(localDayBound('')).toBeUndefined()
    expect(localDayBound('2026-3-1')).toBeUndefined()
  })
})

describe('a local date and time typed in', () => {
  it('reads minutes and optional seconds as local time, and shows back the same', () => {
    expect(formatDateTime(localDateTime('2026-10-01 08:30')!)).toBe('2026-10-01 08:30:00')
    expect(formatDateTime(localDateTime('2026-10-01T23:59:59')!)).toBe('2026-10-01 23:59:59')
  })

  it('refuses what is not a real date and time', () => {
    expect(localDateTime('2026-02-30 10:00')).toBeUndefined()
    expect(localDateTime('2026-10-01 24:00')).toBeUndefined()
    expect(localDateTime('2026-10-01')).toBeUndefined()
    expect(localDateTime('')).toBeUndefined()
  })
})

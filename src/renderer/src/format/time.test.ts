import { describe, expect, it } from 'vitest'
import { formatDateTime, localDayBound } from './time'

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

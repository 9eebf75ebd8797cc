import { describe, expect, it } from 'vitest'
import { dayRange, instantRange, isoDay, wallClockText } from './bounds'

describe('report time bounds', () => {
  it('a bound is a wall time in the business zone; the end covers its whole second', () => {
    expect(instantRange({ dateStart: '2026-11-20 10:00:00', dateEnd: '2026-11-20 10:00:00' }, '+08:00')).toEqual({ from: Date.UTC(2026, 10, 20, 2, 0, 0), to: Date.UTC(2026, 10, 20, 2, 0, 0, 999) })
    expect(instantRange({ dateStart: '2026-11-20', dateEnd: '2026-11-20' }, '+08:00')).toEqual({ from: Date.UTC(2026, 10, 19, 16), to: Date.UTC(2026, 10, 20, 15, 59, 59, 999) })
    expect(instantRange({}, '+08:00')).toEqual({ from: undefined, to: undefined })
    expect(instantRange({ dateStart: '2026-07-01 12:00:00' }, 'America/Sao_Paulo').from).toBe(Date.UTC(2026, 6, 1, 15))
  })

  it('the daily reports take the day a bound falls on', () => {
    expect(dayRange({ dateStart: '2026-11-19 23:59:59', dateEnd: '2026-11-20 00:00:00' })).toEqual({ from: 20261119, to: 20261120 })
    expect(isoDay(20260105)).toBe('2026-01-05')
  })

  it('dateCreated is the wall clock of the zone, to the second', () => {
    expect(wallClockText(Date.UTC(2026, 10, 20, 2, 0, 0, 999), '+08:00')).toBe('2026-11-20T10:00:00')
    expect(wallClockText(Date.UTC(2026, 10, 19, 16, 0, 0), '+08:00')).toBe('2026-11-20T00:00:00')
    expect(wallClockText(Date.UTC(2026, 0, 15, 12), 'America/Sao_Paulo')).toBe('2026-01-15T09:00:00')
  })
})

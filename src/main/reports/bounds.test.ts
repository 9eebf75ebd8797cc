import { describe, expect, it } from 'vitest'
import { zoneOffsetMs } from '../ledger/business-day'
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

  it('an export writes it with a space, in the same minute as a page asked it with a T', () => {
    const at = Date.UTC(2026, 10, 20, 2, 0, 5)
    expect(wallClockText(at, '+08:00', ' ')).toBe('2026-11-20 10:00:05')
    expect(wallClockText(at + 1000, '+08:00')).toBe('2026-11-20T10:00:06')
    expect(wallClockText(at + 2000, '+08:00', ' ')).toBe('2026-11-20 10:00:07')
  })

  it('dateCreated follows daylight saving to the second, in time order or not', () => {
    // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT at 07:00 UTC; 2026-11-01: 02:00 EDT becomes 01:00 EST at 06:00 UTC.
    expect(wallClockText(Date.UTC(2026, 2, 8, 6, 59, 59), 'America/New_York')).toBe('2026-03-08T01:59:59')
    expect(wallClockText(Date.UTC(2026, 2, 8, 7, 0, 0), 'America/New_York')).toBe('2026-03-08T03:00:00')
    expect(wallClockText(Date.UTC(2026, 10, 1, 5, 59, 59), 'America/New_York')).toBe('2026-11-01T01:59:59')
    expect(wallClockText(Date.UTC(2026, 10, 1, 6, 0, 0), 'America/New_York')).toBe('2026-11-01T01:00:00')
    // Every second around both changes, backwards and forwards, in zones with 30- and 45-minute offsets too.
    for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Europe/London', '+08:00']) {
      for (const around of [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 3, 5, 15), Date.UTC(2026, 9, 4, 15), Date.UTC(2026, 2, 29, 1)]) {
        for (const step of [1, -1]) {
          for (let s = -3600; s <= 3600; s += 59) {
            const ms = around + step * s * 1000
            expect(wallClockText(ms, zone)).toBe(new Date(ms + zoneOffsetMs(zone, ms)).toISOString().slice(0, 19))
          }
        }
      }
    }
  })

  it('a zone the host cannot read is an error, not a guess', () => {
    expect(() => wallClockText(Date.UTC(2026, 10, 20), 'Not/AZone')).toThrow(/time zone/i)
  })
})

import { describe, expect, it } from 'vitest'
import { formatInZone, isValidTimeZone, wallTimeInZone, zoneLabel, zoneOffsetMs } from './time-zone'

describe('time zones', () => {
  it('accepts offsets within ±14:00 and zone names Intl knows, nothing else', () => {
    for (const zone of ['+08:00', '-03:30', '+14:00', 'UTC', 'Asia/Shanghai', 'America/Sao_Paulo']) expect(isValidTimeZone(zone), zone).toBe(true)
    for (const zone of ['+15:00', '+08:60', '8:00', '+0800', 'Mars/Olympus', '', ' Asia/Shanghai']) expect(isValidTimeZone(zone), zone).toBe(false)
  })

  it('formats an instant on a zone’s wall clock, across the day line and daylight saving', () => {
    const at = Date.UTC(2026, 10, 21, 17, 5, 9)
    expect(formatInZone(at, '+08:00')).toBe('2026-11-22 01:05:09')
    expect(formatInZone(at, '-03:30')).toBe('2026-11-21 13:35:09')
    expect(formatInZone(at, 'Asia/Bangkok')).toBe('2026-11-22 00:05:09')
    // New York: UTC-4 in July, UTC-5 in January.
    expect(formatInZone(Date.UTC(2026, 6, 1, 12), 'America/New_York')).toBe('2026-07-01 08:00:00')
    expect(formatInZone(Date.UTC(2026, 0, 1, 12), 'America/New_York')).toBe('2026-01-01 07:00:00')
  })

  it('names a zone with its offset at the time', () => {
    expect(zoneLabel('+08:00')).toBe('UTC+08:00')
    expect(zoneLabel('-03:30')).toBe('UTC-03:30')
    expect(zoneLabel('UTC')).toBe('UTC+00:00')
    expect(zoneLabel('America/New_York', Date.UTC(2026, 6, 1))).toBe('UTC-04:00 America/New_York')
    expect(zoneLabel('America/New_York', Date.UTC(2026, 0, 1))).toBe('UTC-05:00 America/New_York')
  })

  it('reads a wall-clock time in a zone back to the instant it names', () => {
    expect(wallTimeInZone('2026-11-22 01:05:09', '+08:00')).toBe(Date.UTC(2026, 10, 21, 17, 5, 9))
    expect(wallTimeInZone('2026-03-01', '+08:00', 1)).toBe(Date.UTC(2026, 2, 1, 16))
    expect(wallTimeInZone('2026-07-01 08:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 12))
    expect(zoneOffsetMs('America/New_York', Date.UTC(2026, 0, 1))).toBe(-5 * 3_600_000)
    expect(wallTimeInZone('2026-02-29', '+08:00')).toBeUndefined()
    expect(wallTimeInZone('2026-10-01 24:00', '+08:00')).toBeUndefined()
  })
})

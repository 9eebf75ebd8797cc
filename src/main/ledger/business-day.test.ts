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

describe('wall-clock times in the business zone', () => {
  it('converts fixed offsets and IANA zones to instants', async () => {
    const { wallTimeMs, dayStartMs } = await import('./business-day')
    expect(wallTimeMs('2026-11-22 08:00:00', '+08:00')).toBe(Date.UTC(2026, 10, 22, 0, 0, 0))
    expect(dayStartMs('2026-11-22', '+08:00', 1)).toBe(Date.UTC(2026, 10, 22, 16, 0, 0))
    expect(wallTimeMs('2026-07-01 12:00:00', 'America/Sao_Paulo')).toBe(Date.UTC(2026, 6, 1, 15, 0, 0))
    expect(wallTimeMs('2026-03-29 12:00:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 10, 0, 0))
  })
})

describe('business days in SQL (a zone change and the ledger check over millions of rows)', () => {
  it('cuts the same days as businessDayFn, for fixed offsets in plain SQL and for named zones through a function', async () => {
    const { default: Database } = await import('better-sqlite3')
    const { businessDaySql } = await import('./business-day')
    const sqlite = new Database(':memory:')
    sqlite.exec('create table t (created_at integer)')
    // Around midnight in each zone, and across Berlin's switch to summer time.
    const instants = [Date.UTC(2026, 10, 21, 15, 59, 59, 999), Date.UTC(2026, 10, 21, 16), Date.UTC(2026, 0, 1, 2, 59), Date.UTC(2026, 0, 1, 3), Date.UTC(2026, 2, 28, 22, 59), Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 2, 29, 22, 0)]
    for (const at of instants) sqlite.prepare('insert into t values (?)').run(at)
    for (const zone of ['+08:00', '-03:00', '+05:30', 'Europe/Berlin', 'America/Sao_Paulo']) {
      const day = businessDaySql(sqlite, zone, 'created_at', 'test_day')
      expect(day.includes('test_day'), zone).toBe(!zone.startsWith('+') && !zone.startsWith('-'))
      const days = sqlite.prepare(`select ${day} as day from t order by rowid`).all() as { day: number }[]
      expect(days.map((r) => r.day), zone).toEqual(instants.map(businessDayFn(zone)))
    }
    sqlite.close()
  })
})

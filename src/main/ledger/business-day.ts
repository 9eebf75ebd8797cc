/**
 * Business days are cut in the tenant's time zone: a fixed offset such as `+08:00` or an IANA
 * name. The day is the number yyyymmdd, as the report API's list rows carry it.
 */
import type Database from 'better-sqlite3'
import { isValidTimeZone, offsetMinutes, zoneOffsetMs } from '../../shared/time-zone'

export { isValidTimeZone, offsetMinutes, zoneOffsetMs }

export type BusinessDayOf = (epochMs: number) => number

export function businessDayFn(zone: string): BusinessDayOf {
  const offset = offsetMinutes(zone)
  if (offset !== null) {
    const shift = offset * 60_000
    return (ms) => {
      const d = new Date(ms + shift)
      return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate()
    }
  }
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
  return (ms) => Number(format.format(ms).replaceAll('-', ''))
}

/**
 * SQL for the business day (yyyymmdd) of the epoch-milliseconds column `column` in `zone`, to
 * compare or set millions of rows at once: plain SQL for a fixed offset (no call into JavaScript
 * per row); for a named zone (daylight saving), a function registered on `sqlite` as `name`.
 */
export function businessDaySql(sqlite: Database.Database, zone: string, column: string, name: string): string {
  const offset = offsetMinutes(zone)
  if (offset !== null) return `cast(strftime('%Y%m%d', (${column} + ${offset * 60_000}) / 1000, 'unixepoch') as integer)`
  const dayOf = businessDayFn(zone)
  sqlite.function(name, { deterministic: true }, (ms: unknown) => dayOf(Number(ms)))
  return `${name}(${column})`
}

/** A business day number (yyyymmdd) as `yyyy-mm-dd`, the form contracts' validity is written in. */
export function dayText(day: number): string {
  const text = String(day)
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
}

/** The instant (UTC ms) a wall-clock time `yyyy-mm-dd[ hh:mm:ss]` in `zone` denotes, plus `addDays`. */
export function wallTimeMs(text: string, zone: string, addDays = 0): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/.exec(text)
  if (!m) throw new Error(`not a date: ${text}`)
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))
  // Two passes settle the offset across a daylight-saving change.
  const first = asUtc - zoneOffsetMs(zone, asUtc)
  return asUtc - zoneOffsetMs(zone, first)
}

/** The first instant of business day `yyyy-mm-dd` (+ `addDays`) in `zone`. */
export function dayStartMs(day: string, zone: string, addDays = 0): number {
  return wallTimeMs(day, zone, addDays)
}

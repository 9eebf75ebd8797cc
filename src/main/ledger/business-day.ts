/**
 * Business days are cut in the tenant's time zone: a fixed offset such as `+08:00` or an IANA
 * name. The day is the number yyyymmdd, as the report API's list rows carry it.
 */
const OFFSET = /^([+-])(\d{2}):(\d{2})$/

export type BusinessDayOf = (epochMs: number) => number

export function offsetMinutes(zone: string): number | null {
  const m = OFFSET.exec(zone)
  if (!m) return null
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return m[1] === '-' ? -minutes : minutes
}

export function isValidTimeZone(zone: string): boolean {
  if (offsetMinutes(zone) !== null) return Math.abs(offsetMinutes(zone)!) <= 14 * 60
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

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

/** A business day number (yyyymmdd) as `yyyy-mm-dd`, the form contracts' validity is written in. */
export function dayText(day: number): string {
  const text = String(day)
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
}

/** The UTC offset of `zone` at `utcMs`, in milliseconds. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const fixed = offsetMinutes(zone)
  if (fixed !== null) return fixed * 60_000
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(utcMs)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(utcMs / 1000) * 1000
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

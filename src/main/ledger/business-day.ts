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

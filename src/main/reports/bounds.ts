/**
 * The reports' time rules (SPEC §8): dateStart and dateEnd are wall-clock times in the tenant's
 * business time zone, both inclusive. Entries are compared on their creation instant, and the end
 * bound covers its whole second, because dateCreated is shown to the second: an entry shown as
 * 10:00:00 is inside `dateEnd=… 10:00:00`. The daily reports keep whole business days, so a bound
 * selects the day it falls on (its date part).
 */
import { fullBound } from '../../shared/report-dates'
import { wallTimeMs, zoneOffsetMs } from '../ledger/business-day'

export interface DateBounds {
  dateStart?: string
  dateEnd?: string
}

/** created_at ≥ from and ≤ to (epoch ms), either side open. */
export function instantRange(bounds: DateBounds, zone: string): { from?: number; to?: number } {
  return {
    from: bounds.dateStart ? wallTimeMs(fullBound(bounds.dateStart, 'start'), zone) : undefined,
    to: bounds.dateEnd ? wallTimeMs(fullBound(bounds.dateEnd, 'end'), zone) + 999 : undefined
  }
}

/** The business day (yyyymmdd) of a `yyyy-mm-dd` date, or of a bound's date part. */
export const dayNumber = (text: string) => Number(text.slice(0, 10).replaceAll('-', ''))

/** business_day ≥ from and ≤ to (yyyymmdd), either side open. */
export function dayRange(bounds: DateBounds): { from?: number; to?: number } {
  return { from: bounds.dateStart ? dayNumber(bounds.dateStart) : undefined, to: bounds.dateEnd ? dayNumber(bounds.dateEnd) : undefined }
}

/** 20261120 → "2026-11-20". */
export function isoDay(day: number): string {
  const text = String(day)
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
}

/**
 * Offsets change (daylight saving, a zone's new rules) only at whole quarter hours of UTC: a
 * zone's offset is found once per quarter hour and holds for every instant inside it. Per zone the
 * last quarter hour asked is kept: rows come in time order, so most rows ask the same one again.
 */
const QUARTER_HOUR_MS = 15 * 60_000
const lastOffsets = new Map<string, { quarter: number; offsetMs: number }>()

/** The UTC offset of `zone` at `epochMs` (zoneOffsetMs, once per quarter hour). */
export function quarterHourOffsetMs(zone: string, epochMs: number): number {
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS)
  const last = lastOffsets.get(zone)
  if (last?.quarter === quarter) return last.offsetMs
  const offsetMs = zoneOffsetMs(zone, quarter * QUARTER_HOUR_MS)
  lastOffsets.set(zone, { quarter, offsetMs })
  return offsetMs
}

const SECONDS = Array.from({ length: 60 }, (_, s) => String(s).padStart(2, '0'))
/** The last wall-clock minute written, `yyyy-mm-ddThh:mm:`: rows in time order share it. */
let lastMinute = { minute: NaN, separator: 'T', prefix: '' }

/**
 * An instant as `yyyy-mm-ddThh:mm:ss` on the wall clock of `zone` (milliseconds dropped), or with
 * a space between date and time (`separator`), as reports show it.
 */
export function wallClockText(epochMs: number, zone: string, separator: 'T' | ' ' = 'T'): string {
  const second = Math.floor((epochMs + quarterHourOffsetMs(zone, epochMs)) / 1000)
  const minute = Math.floor(second / 60)
  if (minute !== lastMinute.minute || separator !== lastMinute.separator) {
    const iso = new Date(minute * 60_000).toISOString()
    lastMinute = { minute, separator, prefix: `${iso.slice(0, 10)}${separator}${iso.slice(11, 17)}` }
  }
  return lastMinute.prefix + SECONDS[second - minute * 60]
}

/**
 * The reports' time rules (SPEC §8): dateStart and dateEnd are wall-clock times in the tenant's
 * business time zone, both inclusive. Entries are compared on their creation instant, and the end
 * bound covers its whole second, because dateCreated is shown to the second: an entry shown as
 * 10:00:00 is inside `dateEnd=… 10:00:00`. The daily reports keep whole business days, so a bound
 * selects the day it falls on (its date part).
 */
import { fullBound } from '../../shared/contract/reports'
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

const dayNumber = (text: string) => Number(text.slice(0, 10).replaceAll('-', ''))

/** business_day ≥ from and ≤ to (yyyymmdd), either side open. */
export function dayRange(bounds: DateBounds): { from?: number; to?: number } {
  return { from: bounds.dateStart ? dayNumber(bounds.dateStart) : undefined, to: bounds.dateEnd ? dayNumber(bounds.dateEnd) : undefined }
}

/** 20261120 → "2026-11-20". */
export function isoDay(day: number): string {
  const text = String(day)
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
}

/** An instant as `yyyy-mm-ddThh:mm:ss` on the wall clock of `zone` (milliseconds dropped). */
export function wallClockText(epochMs: number, zone: string): string {
  return new Date(epochMs + zoneOffsetMs(zone, epochMs)).toISOString().slice(0, 19)
}

/**
 * Every time a screen shows goes through here, in the signed-in user's display zone (their own
 * choice, else the tenant's business zone; docs/desktop.md, *Time zones*). The layout sets the
 * zone once the user's preferences are read (setDisplayZone) and redraws the page when it
 * changes; until then, and on the sign-in pages, it is this computer's zone.
 */
import { formatInZone, wallTimeInZone, zoneLabel } from '../../../shared/time-zone'

/** This computer's zone (an IANA name, or UTC when the browser does not say). */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

let displayZone = computerTimeZone()

export function setDisplayZone(zone: string): void {
  displayZone = zone
}

/** The zone times are shown in (a fixed offset such as `+08:00` or an IANA name). */
export function currentDisplayZone(): string {
  return displayZone
}

/** `yyyy-mm-dd hh:mm:ss` in the display zone. */
export function formatDateTime(epochMs: number): string {
  return formatInZone(epochMs, displayZone)
}

/** The display zone as screens name it beside times: `UTC+08:00`, `UTC+07:00 Asia/Bangkok`. */
export function displayTimeZone(): string {
  return zoneLabel(displayZone)
}

/** A column or field label with the zone its times are in: `Created (UTC+08:00)`. */
export function zoned(label: string): string {
  return `${label} (${displayTimeZone()})`
}

/** A `yyyy-mm-dd` from a date filter as the first (or, with `end`, the last) millisecond of that day in the display zone. */
export function displayDayBound(value: string, end = false): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined
  const start = wallTimeInZone(value, displayZone, end ? 1 : 0)
  return start === undefined ? undefined : end ? start - 1 : start
}

/** A `yyyy-mm-dd hh:mm` (seconds optional) typed or picked as a time in the display zone, or undefined when it is not one. */
export function displayDateTime(value: string): number | undefined {
  return /[ T]\d{2}:\d{2}/.test(value.trim()) ? wallTimeInZone(value, displayZone) : undefined
}

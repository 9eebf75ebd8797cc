/**
 * Time zones as PayDesk names them: a fixed offset such as `+08:00` or an IANA name such as
 * `Asia/Shanghai`. Two kinds are in use (docs/desktop.md, *Time zones*): the tenant's business
 * zone, in which days are cut (reports, daily rows, limits), and each user's display zone, in
 * which times are shown on screens and written in exports. Both main and the renderer format times here, so a
 * time reads the same on a page and in a file.
 */
const OFFSET = /^([+-])(\d{2}):(\d{2})$/

const pad = (n: number) => String(n).padStart(2, '0')

/** A fixed offset's minutes east of UTC, or null when `zone` is not one. */
export function offsetMinutes(zone: string): number | null {
  const m = OFFSET.exec(zone)
  if (!m) return null
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return m[1] === '-' ? -minutes : minutes
}

export function isValidTimeZone(zone: string): boolean {
  const fixed = offsetMinutes(zone)
  if (fixed !== null) return Math.abs(fixed) <= 14 * 60 && Number(zone.slice(4, 6)) < 60
  // Intl accepts any case ("asia/shanghai") and "UTC"; only names it knows pass.
  if (zone.trim() !== zone || zone === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>()

/** The wall-clock fields of `utcMs` in an IANA zone (one formatter per zone, kept). */
function wallParts(zone: string, utcMs: number): number[] {
  let format = partsFormats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    partsFormats.set(zone, format)
  }
  const parts = format.formatToParts(utcMs)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')]
}

/** The UTC offset of `zone` at `utcMs`, in milliseconds. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const fixed = offsetMinutes(zone)
  if (fixed !== null) return fixed * 60_000
  const [year, month, day, hour, minute, second] = wallParts(zone, utcMs)
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(utcMs / 1000) * 1000
}

/** `utcMs` as `yyyy-mm-dd hh:mm:ss` on the wall clock of `zone`. */
export function formatInZone(utcMs: number, zone: string): string {
  const d = new Date(utcMs + zoneOffsetMs(zone, utcMs))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** `+08:00` / `-03:30` / `+00:00` for an offset in milliseconds. */
function offsetText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000)
  return `${ms < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/**
 * What a screen or a file header says a time is in: `UTC+08:00` for a fixed offset, and for an
 * IANA name its offset at `atMs` (now by default) and the name: `UTC+07:00 Asia/Bangkok`.
 */
export function zoneLabel(zone: string, atMs = Date.now()): string {
  const offset = `UTC${offsetText(zoneOffsetMs(zone, atMs))}`
  return offsetMinutes(zone) !== null || zone === 'UTC' ? offset : `${offset} ${zone}`
}

/**
 * The instant (UTC ms) that the wall-clock time `yyyy-mm-dd[ hh:mm[:ss]]` in `zone` denotes, plus
 * `addDays`; undefined when the text is not a real date and time (2026-02-30, 24:00).
 */
export function wallTimeInZone(text: string, zone: string, addDays = 0): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim())
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0))
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined
  const asUtc = Date.UTC(year, month - 1, day + addDays, hour, minute, second)
  // Two passes settle the offset across a daylight-saving change.
  const first = asUtc - zoneOffsetMs(zone, asUtc)
  return asUtc - zoneOffsetMs(zone, first)
}

/**
 * The zones offered in pickers: UTC, the fixed offsets of the markets PayDesk serves, and the
 * IANA names operators there use. Any other valid zone can still be typed in.
 */
export const COMMON_TIME_ZONES = [
  'UTC',
  '+08:00',
  '+07:00',
  '+09:00',
  '+05:30',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Asia/Bangkok',
  'Asia/Ho_Chi_Minh',
  'Asia/Jakarta',
  'Asia/Manila',
  'Asia/Kuala_Lumpur',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Sao_Paulo'
] as const

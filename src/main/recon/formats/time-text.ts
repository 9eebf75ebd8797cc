/**
 * Times as files write them, read strictly into epoch ms. A format is compiled once per read into
 * one regular expression; the zone is applied when the text carries no offset. Channels cut days
 * at 00:00 of their zone (Beijing for Alipay and WeChat), so the zone is part of the value.
 */

const TOKENS = /yyyy|yy|MM|M|dd|d|HH|H|mm|ss|SSS|XXX|'[^']*'|[^A-Za-z']+/g
const OFFSET_ZONE = /^([+-])(\d{2}):(\d{2})$/
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

type Part = 'year' | 'year2' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'ms' | 'offset'

const TOKEN_PATTERNS: Record<string, [string, Part]> = {
  yyyy: ['(\\d{4})', 'year'],
  yy: ['(\\d{2})', 'year2'],
  MM: ['(\\d{2})', 'month'],
  M: ['(\\d{1,2})', 'month'],
  dd: ['(\\d{2})', 'day'],
  d: ['(\\d{1,2})', 'day'],
  HH: ['(\\d{2})', 'hour'],
  H: ['(\\d{1,2})', 'hour'],
  mm: ['(\\d{2})', 'minute'],
  ss: ['(\\d{2})', 'second'],
  SSS: ['(\\d{3})', 'ms'],
  XXX: ['(Z|[+-]\\d{2}:?\\d{2})', 'offset']
}

export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  ms: number
  /** Minutes east of UTC when the text stated it. */
  offsetMinutes: number | null
}

/** A parser for one format: text → wall time, or null when the text does not fit it exactly. */
export function compileDateFormat(format: string): (text: string) => WallTime | null {
  if (format === 'iso') return parseIso
  const parts: Part[] = []
  let source = '^'
  for (const token of format.match(TOKENS) ?? []) {
    const known = TOKEN_PATTERNS[token]
    if (known) {
      source += known[0]
      parts.push(known[1])
    } else {
      const literal = token.startsWith("'") ? token.slice(1, -1) : token
      source += literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+')
    }
  }
  const re = new RegExp(`${source}$`)
  return (text) => {
    const m = re.exec(text.trim())
    if (!m) return null
    const wall: WallTime = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0, offsetMinutes: null }
    parts.forEach((part, i) => {
      const value = m[i + 1]
      if (part === 'offset') wall.offsetMinutes = offsetOf(value)
      else if (part === 'year2') wall.year = 2000 + Number(value)
      else wall[part] = Number(value)
    })
    return valid(wall) ? wall : null
  }
}

function parseIso(text: string): WallTime | null {
  const m = ISO.exec(text.trim())
  if (!m) return null
  const wall: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0,
    offsetMinutes: m[8] ? offsetOf(m[8]) : null
  }
  return valid(wall) ? wall : null
}

function offsetOf(text: string): number {
  if (text === 'Z') return 0
  const digits = text.replace(':', '')
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))
  return digits.startsWith('-') ? -minutes : minutes
}

function valid(w: WallTime): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false
  const leap = w.year % 4 === 0 && (w.year % 100 !== 0 || w.year % 400 === 0)
  return w.day <= (w.month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[w.month - 1])
}

/**
 * Wall time → epoch ms in a zone (`+08:00` or an IANA name). IANA offsets are looked up once per
 * wall-clock hour and kept: a million lines of one day ask Intl a few dozen times.
 */
export function zoneClock(zone: string): (wall: WallTime) => number {
  const fixed = OFFSET_ZONE.exec(zone)
  const toUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms)
  if (fixed) {
    const offsetMs = (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000
    return (w) => toUtc(w) - (w.offsetMinutes !== null ? w.offsetMinutes * 60_000 : offsetMs)
  }
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
  const offsetAt = (utcMs: number) => {
    const parts = format.formatToParts(utcMs)
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(utcMs / 1000) * 1000
  }
  const byHour = new Map<number, number>()
  return (w) => {
    const asUtc = toUtc(w)
    if (w.offsetMinutes !== null) return asUtc - w.offsetMinutes * 60_000
    const hour = Math.floor(asUtc / 3_600_000)
    let offset = byHour.get(hour)
    if (offset === undefined) {
      // Two passes settle the offset across a daylight-saving change.
      offset = offsetAt(asUtc - offsetAt(asUtc))
      if (byHour.size > 10_000) byHour.clear()
      byHour.set(hour, offset)
    }
    return asUtc - offset
  }
}

/** Text → epoch ms with one format and zone; null when the text does not fit. */
export function timeReader(format: string, zone: string): (text: string) => number | null {
  const parse = compileDateFormat(format)
  const clock = zoneClock(zone)
  return (text) => {
    const wall = parse(text)
    return wall ? clock(wall) : null
  }
}

/** A date written as a UTC Date by a spreadsheet library (wall-clock fields in UTC) → wall time. */
export function wallOfUtcDate(date: Date): WallTime {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    ms: date.getUTCMilliseconds(),
    offsetMinutes: null
  }
}

/** Times as the operator's own computer shows them (the audit log stores epoch milliseconds). */

const pad = (n: number) => String(n).padStart(2, '0')

export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** A `yyyy-mm-dd` from a date input as the first (or, with `end`, the last) millisecond of that local day. */
export function localDayBound(value: string, end = false): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return undefined
  const [year, month, day] = match.slice(1).map(Number)
  return end ? new Date(year, month - 1, day + 1).getTime() - 1 : new Date(year, month - 1, day).getTime()
}

/** A `yyyy-mm-dd hh:mm` (seconds optional) typed in as the computer's local time, or undefined when it is not one. */
export function localDateTime(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!match) return undefined
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0))
  const date = new Date(year, month - 1, day, hour, minute, second)
  // 2026-02-30 rolls over into March: not a date anyone meant.
  return date.getMonth() === month - 1 && date.getDate() === day && hour < 24 && minute < 60 && second < 60 ? date.getTime() : undefined
}

/** The zone `formatDateTime` shows times in (this computer's), named so a screen can say it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

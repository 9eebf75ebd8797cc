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

/**
 * Home's times in the tenant's business time zone (a fixed offset such as `+08:00` or an IANA
 * name), the zone its days are cut in, so a deadline and "today" read on the same clock.
 */
const OFFSET = /^([+-])(\d{2}):(\d{2})$/
const pad = (n: number) => String(n).padStart(2, '0')

export function formatInZone(epochMs: number, zone: string): string {
  const offset = OFFSET.exec(zone)
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3])) * (offset[1] === '-' ? -1 : 1)
    const d = new Date(epochMs + minutes * 60_000)
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  }
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(epochMs)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}

/** Succeeded over all orders of the day, as a percentage with one decimal; null when there were none. */
export function successRate(succeeded: number, orders: number): string | null {
  return orders === 0 ? null : `${((100 * succeeded) / orders).toFixed(1)} %`
}

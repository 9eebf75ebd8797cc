/** Wall-clock times in the business time zone, as the finance screens and the CSV import write them. */
import { wallTimeMs as ledgerWallTimeMs } from '../ledger/business-day'
import { wallClockText } from '../reports/bounds'

/** `yyyy-mm-dd[ hh:mm:ss]` in `zone` → epoch ms; NaN when it is not a real date and time. */
export function wallTimeMs(text: string, zone: string, addDays = 0): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(text)
  if (!m) return Number.NaN
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1)
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)))
  if (probe.getUTCFullYear() !== Number(y) || probe.getUTCMonth() !== Number(mo) - 1 || probe.getUTCDate() !== Number(d) || probe.getUTCHours() !== Number(h) || probe.getUTCMinutes() !== Number(mi)) {
    return Number.NaN
  }
  return ledgerWallTimeMs(text, zone, addDays)
}

/** An instant as `yyyy-mm-dd hh:mm:ss` on the wall clock of `zone`. */
export function wallTimeText(ms: number, zone: string): string {
  return wallClockText(ms, zone).replace('T', ' ')
}

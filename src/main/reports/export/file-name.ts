/** The names export files are given. */
import { zoneOffsetMs } from '../../../shared/time-zone'

const CONTENT_NAME = /[^\p{L}\p{N}._+-]+/gu

/**
 * `settlementList-20261120-181500-UTC+0800.xlsx`: made at that time in `zone` (the user's display
 * zone, as the file's times are), the offset said; safe as a file name everywhere.
 */
export function exportFileName(report: string, extension: string, at: Date, zone: string): string {
  const offset = zoneOffsetMs(zone, at.getTime())
  const stamp = new Date(at.getTime() + offset).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  const minutes = Math.abs(offset) / 60_000
  const utc = `UTC${offset < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`
  return `${report}-${stamp}-${utc}.${extension}`.replace(CONTENT_NAME, '_')
}

/**
 * The reports' date bounds as typed (`dateStart`, `dateEnd`: SPEC §8), shared by the contract's
 * input check, the report pages' filters and the reads. Free of zod: the export worker thread,
 * which loads the reads, does not load it.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/

/** `yyyy-mm-dd hh:mm:ss` (or `yyyy-mm-dd`) naming a real calendar moment. */
export function isReportDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text)
  if (!m) return false
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0))
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60
}

/** A bound as a full `yyyy-mm-dd hh:mm:ss`: a bare day starts at 00:00:00 and ends at 23:59:59. */
export function fullBound(text: string, side: 'start' | 'end'): string {
  return text.length === 10 ? `${text} ${side === 'start' ? '00:00:00' : '23:59:59'}` : text
}

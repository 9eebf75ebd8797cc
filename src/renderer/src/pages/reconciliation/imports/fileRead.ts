/**
 * What a dry run (and the profile editor's sample) says about how it read the file: the kind of
 * file (CSV text, an Excel workbook, camt.053, MT940) and, for a text file only, the encoding it
 * was decoded as and how that was found. A workbook has no text encoding a clerk chose, so none
 * is said.
 */
import type { TFunction } from 'i18next'
import type { DryRunReport } from './report'

/** How a file was read: a dry run's report says '' for no encoding, the sample's preview null. */
export type FileRead = Pick<DryRunReport, 'format' | 'encodingSource'> & { encoding: string | null }

export interface FileReadFacts {
  /** The kind of file read; null in a report kept before it was said. */
  format: string | null
  /** The encoding and how it was found; null for a workbook. */
  encoding: string | null
}

export function fileReadFacts(t: TFunction, report: FileRead): FileReadFacts {
  const format = report.format === null ? null : t(`recon.profile.formats.${report.format}`)
  if (report.encoding === null || report.encoding === '' || report.format === 'xlsx') return { format, encoding: null }
  const name = ['utf-8', 'gb18030', 'iso-8859-1'].includes(report.encoding) ? t(`recon.profile.encodings.${report.encoding.replace(/-/g, '') as 'utf8'}`) : report.encoding
  return { format, encoding: report.encodingSource === null ? name : t('recon.report.encodingAs', { encoding: name, source: t(`recon.report.encodingSources.${report.encodingSource}`) }) }
}

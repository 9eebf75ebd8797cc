/**
 * What the sample panel says of how the sample was read, as a dry run's report says it
 * (fileReadFacts): the kind of file; a text file's encoding and how it was found; a CSV's
 * delimiter; a workbook's sheet read. A workbook has no encoding nor delimiter, and a bank
 * format (camt.053, MT940) no delimiter nor header row, so none is said ("Not known yet" was).
 */
import type { TFunction } from 'i18next'
import { fileReadFacts } from '../imports/fileRead'
import type { OutputOf } from '../../../../../shared/contract'

export interface SampleFact {
  label: string
  value: string
  testId: string
}

const DELIMITER_NAMES: Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }

export function sampleFacts(t: TFunction, preview: Pick<OutputOf<'recon.uploads.preview'>, 'format' | 'encoding' | 'encodingSource' | 'delimiter' | 'headerRow' | 'sheet' | 'sheets'>): SampleFact[] {
  const read = fileReadFacts(t, preview)
  const unknown = t('recon.sample.unknown')
  const facts: SampleFact[] = [{ label: t('recon.sample.format'), value: read.format ?? unknown, testId: 'sample-format' }]
  if (preview.format === 'xlsx') {
    if (preview.sheet !== null) facts.push({ label: t('recon.sample.sheet'), value: preview.sheet, testId: 'sample-sheet' })
  } else {
    facts.push({ label: t('recon.sample.encoding'), value: read.encoding ?? unknown, testId: 'sample-encoding' })
  }
  if (preview.format === 'csv') {
    const delimiter = preview.delimiter === null ? null : DELIMITER_NAMES[preview.delimiter]
    facts.push({ label: t('recon.sample.delimiter'), value: delimiter ? t(`recon.profile.delimiters.${delimiter}`) : (preview.delimiter ?? unknown), testId: 'sample-delimiter' })
  }
  if (preview.format === 'csv' || preview.format === 'xlsx') {
    facts.push({ label: t('recon.sample.headerRow'), value: preview.headerRow === null ? t('recon.sample.noHeader') : String(preview.headerRow), testId: 'sample-header-row' })
  }
  if (preview.sheets) facts.push({ label: t('recon.sample.sheets'), value: preview.sheets.join(', '), testId: 'sample-sheets' })
  return facts
}

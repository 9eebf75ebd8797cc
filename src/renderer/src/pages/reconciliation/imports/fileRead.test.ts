import { describe, expect, it } from 'vitest'
import { fixedTranslators } from '../../../i18n/testing'
import { fileReadFacts } from './fileRead'

const { english, chinese } = fixedTranslators()

describe('what a dry run says about the file it read', () => {
  it('names a workbook as one, with no text encoding (it said "utf-8")', () => {
    const workbook = { format: 'xlsx', encoding: '', encodingSource: null } as const
    expect(fileReadFacts(english, workbook)).toEqual({ format: 'Excel workbook (XLSX)', encoding: null })
    expect(fileReadFacts(chinese, workbook)).toEqual({ format: 'Excel 工作簿（XLSX）', encoding: null })
  })

  it('names a text file’s kind, its encoding and how that was found, in both languages', () => {
    expect(fileReadFacts(english, { format: 'csv', encoding: 'gb18030', encodingSource: 'detected' })).toEqual({ format: 'CSV (text)', encoding: 'GBK / GB18030 (detected)' })
    expect(fileReadFacts(chinese, { format: 'csv', encoding: 'gb18030', encodingSource: 'detected' })).toEqual({ format: 'CSV 文本', encoding: 'GBK / GB18030（自动识别）' })
    expect(fileReadFacts(english, { format: 'camt053', encoding: 'utf-8', encodingSource: 'declared' })).toEqual({ format: 'ISO 20022 camt.053 (XML)', encoding: 'UTF-8 (declared in the file)' })
    expect(fileReadFacts(chinese, { format: 'mt940', encoding: 'iso-8859-1', encodingSource: 'profile' })).toEqual({ format: 'SWIFT MT940 报文', encoding: 'ISO-8859-1（模板指定）' })
    expect(fileReadFacts(english, { format: 'csv', encoding: 'utf-8', encodingSource: 'bom' }).encoding).toBe('UTF-8 (byte-order mark)')
  })

  it('shows a report kept before the kind was said as it was', () => {
    expect(fileReadFacts(english, { format: null, encoding: 'gb18030', encodingSource: null })).toEqual({ format: null, encoding: 'GBK / GB18030' })
  })
})

/**
 * The profile editor's sample panel says how the sample was read as the dry run's report says it:
 * a workbook is an Excel workbook, read from a named sheet, with no encoding nor delimiter (it
 * said "Not known yet" for both); a camt.053 and an MT940 have their encoding and how it was
 * found, and neither a delimiter nor a header row; a CSV all of it. In English and Chinese.
 */
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixedTranslators } from '../../../src/renderer/src/i18n/testing'
import { sampleFacts } from '../../../src/renderer/src/pages/reconciliation/profile/sampleFacts'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import { ADMIN, makeCore, type TestCore } from '../../support/core'
import { camtXml, MT940 } from './bank-fixtures'
import { alipayText, gbk } from './fixtures'

let t: TestCore
let admin: string
const { english, chinese } = fixedTranslators()

beforeAll(async () => {
  t = await makeCore()
  admin = await t.signIn(ADMIN.username, ADMIN.password)
})

/** The panel's facts on a sample, as label → value, in English and Chinese. */
async function shown(fileName: string, bytes: Buffer, profile: Record<string, unknown>): Promise<{ en: Record<string, string>; zh: Record<string, string> }> {
  const file = await t.ok('recon.uploads.put', { fileName, contentBase64: bytes.toString('base64') }, admin)
  const preview = await t.ok('recon.uploads.preview', { uploadId: file.uploadId, profile }, admin)
  const as = (facts: { label: string; value: string }[]) => Object.fromEntries(facts.map((f) => [f.label, f.value]))
  return { en: as(sampleFacts(english, preview)), zh: as(sampleFacts(chinese, preview)) }
}

describe('the sample panel says how the sample was read', () => {
  it('names a workbook and the sheet its rows are from, with no encoding nor delimiter', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('Summary').addRow(['Account', '123-4-56789-0'])
    const sheet = book.addWorksheet('Transactions')
    sheet.addRow(['Date', 'Reference', 'Amount'])
    sheet.addRow(['2024-05-01 08:00:00', 'REF-1', 12.5])
    const { en, zh } = await shown('portal.xlsx', Buffer.from(await book.xlsx.writeBuffer()), { format: 'xlsx', sheet: 'Transactions' })
    expect(en).toEqual({ File: 'Excel workbook (XLSX)', 'Sheet read': 'Transactions', 'Header row': '1', Sheets: 'Summary, Transactions' })
    expect(zh).toEqual({ 文件类型: 'Excel 工作簿（XLSX）', 读取的工作表: 'Transactions', 表头行: '1', 工作表: 'Summary, Transactions' })
  })

  it('gives a camt.053 and an MT940 their encoding and how it was found, and no delimiter nor header row', async () => {
    const camt = await shown('camt.xml', Buffer.from(camtXml({ version: '02' })), BUILT_IN_PROFILES.camt053)
    expect(camt.en).toEqual({ File: 'ISO 20022 camt.053 (XML)', Encoding: 'UTF-8 (declared in the file)' })
    expect(camt.zh).toEqual({ 文件类型: 'ISO 20022 camt.053（XML）', 编码: 'UTF-8（文件中声明）' })
    const mt940 = await shown('stmt.sta', Buffer.from(MT940), BUILT_IN_PROFILES.mt940)
    expect(mt940.en).toEqual({ File: 'SWIFT MT940', Encoding: 'UTF-8 (detected)' })
    expect(mt940.zh).toEqual({ 文件类型: 'SWIFT MT940 报文', 编码: 'UTF-8（自动识别）' })
  })

  it('gives a CSV its encoding, delimiter and header row, as the dry run names the encoding', async () => {
    const { en, zh } = await shown('alipay.csv', gbk(alipayText()), BUILT_IN_PROFILES.alipay_trade)
    expect(en).toEqual({ File: 'CSV (text)', Encoding: 'GBK / GB18030 (detected)', Delimiter: 'Comma', 'Header row': '5' })
    expect(zh).toEqual({ 文件类型: 'CSV 文本', 编码: 'GBK / GB18030（自动识别）', 分隔符: '逗号', 表头行: '5' })
  })
})

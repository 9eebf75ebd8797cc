/**
 * XLSX statements (a South-East Asian bank portal's kind): two sheets, the one chosen by name or
 * by tab position, a title above the header, date cells and text dates, number cells read at the
 * 15 digits Excel shows, and a long reference stored as a number refused rather than keyed.
 */
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { previewStatement, readStatement, type StatementReadError } from '../../../src/main/recon/formats'
import { reconProfile } from '../../../src/shared/contract/recon-profile'
import { collect, tempFile } from './fixtures'

async function workbook(): Promise<string> {
  const book = new ExcelJS.Workbook()
  const summary = book.addWorksheet('Summary')
  summary.addRow(['Account', '123-4-56789-0'])
  summary.addRow(['Opening', 1000])
  const sheet = book.addWorksheet('Transactions')
  sheet.addRow(['Statement of account, May 2024'])
  sheet.addRow([])
  sheet.addRow(['Date', 'Reference', 'Order', 'Amount (THB)', 'Fee', 'Remark'])
  sheet.addRow([new Date(Date.UTC(2024, 4, 1, 8, 0, 0)), 'REF-0001', 'PD-1', 1234.5, -12.35, 'paid'])
  sheet.addRow(['2024-05-01 09:00:00', 'REF-0002', 'PD-2', 0.1 + 0.2, 0, 'text date'])
  sheet.addRow([new Date(Date.UTC(2024, 4, 2, 0, 0, 0)), '2019091622001458860515315453', 'PD-3', -50, null, 'long text id'])
  // What Excel does to a 28-digit number typed into a cell: it keeps 15 digits.
  sheet.addRow([new Date(Date.UTC(2024, 4, 2, 0, 0, 0)), Number('2019091622001458860515315453'), 'PD-4', 10, 0, 'id stored as a number'])
  sheet.addRow([new Date(Date.UTC(2024, 4, 3, 0, 0, 0)), 'REF-0005', 'PD-5', 'n/a', 0, 'not an amount'])
  sheet.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm:ss'
  const buffer = Buffer.from(await book.xlsx.writeBuffer())
  return tempFile('statement.xlsx', buffer)
}

const profile = (sheet: string | number | null) =>
  reconProfile.parse({
    format: 'xlsx',
    sheet,
    headerAnchors: ['Date', 'Reference', 'Amount (THB)'],
    columns: { time: 'Date', upstreamNo: 'Reference', orderNo: 'Order', gross: 'Amount (THB)', fee: 'Fee', description: 'Remark' },
    defaultKind: 'settlement',
    currency: 'THB',
    timeZone: 'Asia/Bangkok',
    rowKey: ['upstreamNo']
  })

describe('XLSX statement', () => {
  it('reads the sheet chosen by name: date cells in the zone, amounts as Excel shows them', async () => {
    const path = await workbook()
    const { lines, problems, hooks } = collect()
    const result = await readStatement(path, profile('Transactions'), hooks)
    expect(result.sheet).toEqual({ name: 'Transactions', index: 2 })
    expect(result.headerRow).toBe(3)
    expect(lines.map((l) => [l.lineNo, l.upstreamNo, l.orderNo, l.gross, l.fee, l.currency, l.at])).toEqual([
      [4, 'REF-0001', 'PD-1', '1234.5', '-12.35', 'THB', Date.parse('2024-05-01T01:00:00Z')],
      [5, 'REF-0002', 'PD-2', '0.3', '0', 'THB', Date.parse('2024-05-01T02:00:00Z')],
      [6, '2019091622001458860515315453', 'PD-3', '-50', null, 'THB', Date.parse('2024-05-01T17:00:00Z')]
    ])
    expect(problems.map((p) => [p.lineNo, p.field])).toEqual([
      [7, 'upstreamNo'],
      [8, 'gross']
    ])
    expect(inEnglish(problems[0].reason)).toMatch(/longer than a spreadsheet keeps exactly/)
  })

  it('chooses the same sheet by its tab position, and names the sheets when one is missing', async () => {
    const path = await workbook()
    const byIndex = collect()
    await readStatement(path, profile(2), byIndex.hooks)
    expect(byIndex.lines.map((l) => l.upstreamNo)).toEqual(['REF-0001', 'REF-0002', '2019091622001458860515315453'])
    const error = (await readStatement(path, profile('Daily')).catch((e: unknown) => e)) as StatementReadError
    expect(error.code).toBe('sheet_not_found')
    expect(error.message).toBe('The workbook has no sheet "Daily"; its sheets are "Summary", "Transactions"')
  })

  it('previews the first rows of the sheet with the header found and the mapping applied', async () => {
    const preview = await previewStatement(await workbook(), profile('Transactions'), { rows: 3 })
    expect(preview.sheets).toEqual(['Summary', 'Transactions'])
    expect(preview.headerRow).toBe(3)
    expect(preview.anchorsMissing).toEqual([])
    expect(preview.rows[0].cells).toEqual(['Statement of account, May 2024'])
    expect(preview.lines.map((l) => l.upstreamNo)).toEqual(['REF-0001', 'REF-0002', '2019091622001458860515315453'])
  })

  it('refuses a legacy .xls and a file that is not a workbook', async () => {
    const xls = tempFile('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
    expect(await readStatement(xls, profile(null)).catch((e: StatementReadError) => [e.code, e.message])).toEqual(['malformed', 'This is a legacy .xls workbook, which is not read: save it as .xlsx or .csv'])
    const text = tempFile('fake.xlsx', 'a,b,c\n')
    expect(await readStatement(text, profile(null)).catch((e: StatementReadError) => e.code)).toBe('malformed')
    // A workbook cut short in a download says so (it read "FILE_ENDED", the zip reader's own word).
    const whole = readFileSync(await workbook())
    const cut = tempFile('cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6)))
    expect(await readStatement(cut, profile('Transactions')).catch((e: StatementReadError) => [e.code, e.message])).toEqual([
      'truncated',
      'The XLSX workbook ends early: the file was cut off (a download or copy that did not finish); get the file again'
    ])
  })
})

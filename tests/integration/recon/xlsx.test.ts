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
import { entryName, listEntries, openEntry, openZip } from '../../../src/main/recon/formats/zip'
import { collect, tempFile, zipArchive } from './fixtures'

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

/** The parts of a workbook file, in the order they are stored. */
async function partsOf(path: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await openZip(path)
  try {
    const parts: { name: string; data: Buffer }[] = []
    for (const entry of await listEntries(zip)) {
      const name = entryName(entry as typeof entry & { fileName: Buffer })
      if (name.endsWith('/')) continue
      const chunks: Buffer[] = []
      for await (const chunk of await openEntry(zip, entry, name, { maxUncompressedBytes: 2 ** 30, maxCompressionRatio: 10_000 })) chunks.push(chunk as Buffer)
      parts.push({ name, data: Buffer.concat(chunks) })
    }
    return parts
  } finally {
    zip.close()
  }
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

  it('reads a workbook whatever order its parts are stored in', async () => {
    // The workbook part last and the shared strings before the sheets: exceljs's one-pass reader
    // then met the sheets before it knew the workbook, and failed ("reading 'sheets'").
    const parts = await partsOf(await workbook())
    const last = parts.filter((p) => p.name === 'xl/workbook.xml')
    const first = parts.filter((p) => p.name === 'xl/sharedStrings.xml' || p.name.includes('_rels'))
    const rest = parts.filter((p) => !last.includes(p) && !first.includes(p))
    const shuffled = tempFile('shuffled.xlsx', zipArchive([...first, ...rest, ...last].map((p) => ({ name: p.name, data: p.data, utf8: true }))))
    const { lines, hooks } = collect()
    const result = await readStatement(shuffled, profile('Transactions'), hooks)
    expect(result.sheet).toEqual({ name: 'Transactions', index: 2 })
    expect(lines.map((l) => l.upstreamNo)).toEqual(['REF-0001', 'REF-0002', '2019091622001458860515315453'])
  })

  it('keeps every Chinese character, wherever the inflated XML is cut into chunks', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('流水')
    sheet.addRow(['交易时间', '流水号', '金额', '对方户名'])
    const names = Array.from({ length: 3000 }, (_, i) => `上海浦东新区某某国际贸易有限公司第${i}分公司`)
    names.forEach((name, i) => sheet.addRow(['2024-05-01 08:00:00', `REF-${i}`, 1, name]))
    const path = tempFile('chinese.xlsx', Buffer.from(await book.xlsx.writeBuffer()))
    const chinese = reconProfile.parse({ format: 'xlsx', sheet: '流水', headerAnchors: ['流水号'], columns: { time: '交易时间', upstreamNo: '流水号', gross: '金额', counterparty: '对方户名' }, defaultKind: 'settlement', currency: 'CNY', timeZone: 'Asia/Shanghai', rowKey: ['upstreamNo'] })
    const { lines, problems, hooks } = collect()
    await readStatement(path, chinese, hooks)
    expect(problems).toEqual([])
    // Decoded a chunk at a time, some of these names had a U+FFFD where a character was split.
    expect(lines.map((l) => l.counterparty)).toEqual(names)
  })

  it('refuses a workbook whose sheet expands like a zip bomb', async () => {
    const parts = await partsOf(await workbook())
    const sheet2 = parts.find((p) => p.name === 'xl/worksheets/sheet2.xml')!
    // The same sheet padded with 20 MB of spaces: it deflates about a thousand times.
    sheet2.data = Buffer.concat([sheet2.data.subarray(0, sheet2.data.indexOf('<sheetData>')), Buffer.alloc(20 * 2 ** 20, ' '), sheet2.data.subarray(sheet2.data.indexOf('<sheetData>'))])
    const bomb = tempFile('bomb.xlsx', zipArchive(parts.map((p) => ({ name: p.name, data: p.data, utf8: true }))))
    const error = (await readStatement(bomb, profile('Transactions')).catch((e: unknown) => e)) as StatementReadError
    expect([error.code, error.message]).toEqual(['zip_bomb', expect.stringContaining('xl/worksheets/sheet2.xml')])
  })
})

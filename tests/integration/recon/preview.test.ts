/**
 * The profile editor's preview: from a sample and a draft that maps nothing yet, the first rows
 * as decoded, the encoding, delimiter and header row found; with a whole profile, its lines on
 * those rows (or the header difference that stops it).
 */
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { previewStatement, readStatement } from '../../../src/main/recon/formats'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import { ALIPAY_HEADER, alipayText, alipayZip, gbk, tempFile, WECHAT_HEADER, wechatText, zipArchive } from './fixtures'
import { MT940 } from './bank-fixtures'

describe('previewStatement', () => {
  it('shows a GBK sample decoded, with its header row found by the anchors given so far', async () => {
    const preview = await previewStatement(tempFile('sample.csv', gbk(alipayText())), { format: 'csv', headerAnchors: ['支付宝交易号', '业务类型', '不存在的列'] }, { rows: 3 })
    expect([preview.encoding, preview.encodingSource, preview.replacedCharacters, preview.delimiter]).toEqual(['gb18030', 'detected', false, ','])
    expect(preview.rows[0]).toEqual({ lineNo: 1, cells: ['#支付宝业务明细查询'] })
    // Not every anchor is there: no header row yet, and the editor is told which anchor is missing.
    expect(preview.headerRow).toBeNull()
    expect(preview.anchorsFound).toEqual(['支付宝交易号', '业务类型'])
    expect(preview.anchorsMissing).toEqual(['不存在的列'])
    const found = await previewStatement(tempFile('sample.csv', gbk(alipayText())), { format: 'csv', headerAnchors: ['支付宝交易号', '业务类型'] }, { rows: 3 })
    expect(found.headerRow).toBe(5)
    expect(found.header).toEqual(ALIPAY_HEADER.split(','))
    expect(found.anchorsFound).toEqual(['支付宝交易号', '业务类型'])
    // Enough rows to show the header and three below it.
    expect(found.rows.map((r) => r.lineNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(found.rows[5].cells[0]).toBe('2019091622001458860515315453\t')
    expect(found.lines).toEqual([])
  })

  it('splits a WeChat bill\'s rows as its reader does: a 商品名称 holding a comma stays one cell, without its backtick', async () => {
    const preview = await previewStatement(tempFile('wechat.csv', Buffer.from(wechatText())), BUILT_IN_PROFILES.wechat_trade, { rows: 3 })
    const header = WECHAT_HEADER.split(',')
    expect(preview.headerRow).toBe(1)
    const first = preview.rows[1].cells
    expect(first).toHaveLength(header.length)
    expect(first[header.indexOf('商品名称')]).toBe('套餐A,含税')
    expect(first[0]).toBe('2024-05-01 10:00:00')
  })

  it('says why a sample cannot be opened as its format, instead of failing', async () => {
    const slip = zipArchive([{ name: '../evil.csv', data: Buffer.from('date,reference,amount\n') }])
    const preview = await previewStatement(tempFile('slip.zip', slip), { format: 'csv' })
    expect(preview.error).toMatchObject({ code: 'zip_unsafe' })
    expect(preview.error?.message).toContain('climbs out of its folder')
    expect(preview.rows).toEqual([])
  })

  it('says an Excel workbook read as CSV is a workbook, and which format reads it', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('明细').addRow(['Date', 'Reference', 'Amount'])
    const path = tempFile('statement.xlsx', Buffer.from(await book.xlsx.writeBuffer()))
    const preview = await previewStatement(path, { format: 'csv' })
    expect(preview.error).toMatchObject({ code: 'malformed' })
    // It listed the workbook's parts: "The zip has 11 entries matching a statement; it holds [Content_Types].xml…".
    expect(inEnglish(preview.error!.text!)).toBe('This file is an Excel workbook (XLSX), not a CSV file: choose the XLSX format to read it (or save its sheet as CSV)')
    await expect(readStatement(path, BUILT_IN_PROFILES.generic_csv)).rejects.toMatchObject({ code: 'malformed', message: expect.stringContaining('is an Excel workbook (XLSX)') })
    // A legacy .xls read as CSV is said to be one too, not decoded as text.
    const xls = tempFile('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
    expect((await previewStatement(xls, { format: 'csv' })).error).toMatchObject({ code: 'malformed', message: expect.stringContaining('legacy .xls') })
  })

  it('says when bytes did not decode, instead of refusing the sample', async () => {
    const preview = await previewStatement(tempFile('sample.csv', gbk(alipayText())), { format: 'csv', encoding: 'utf-8' })
    expect(preview.replacedCharacters).toBe(true)
    expect(preview.rows[0].cells[0]).toContain('\uFFFD')
  })

  it('detects a `;` delimiter, and reads a stream sample', async () => {
    const text = 'Conta ;123\r\nData;Descrição;Valor\r\n01/05/2024;Pix;1,00\r\n02/05/2024;Pix;2,00\r\n'
    const preview = await previewStatement(Readable.from([Buffer.from(text)]), { format: 'csv', headerAnchors: ['Data', 'Valor'] })
    expect(preview.delimiter).toBe(';')
    expect(preview.headerRow).toBe(2)
    expect(preview.rows[2].cells).toEqual(['01/05/2024', 'Pix', '1,00'])
  })

  it('applies a whole profile to the first rows, from the zip as downloaded', async () => {
    const preview = await previewStatement(tempFile('bill.zip', alipayZip(gbk(alipayText()))), BUILT_IN_PROFILES.alipay_trade, { rows: 2 })
    expect(preview.zipEntry).toBe('20880000000000000156_20190916_业务明细.csv')
    expect(preview.lines.map((l) => [l.lineNo, l.upstreamNo, l.gross])).toEqual([
      [6, '2019091622001458860515315453', '100.00'],
      [7, '2019091622001458860515315454', '0.01']
    ])
    expect(preview.error).toBeNull()
  })

  it('shows the header difference that would stop an import, with the rows still there to remap', async () => {
    const changed = alipayText({ header: ALIPAY_HEADER.replace('完成时间', '交易完成时间') })
    const preview = await previewStatement(tempFile('changed.csv', gbk(changed)), BUILT_IN_PROFILES.alipay_trade)
    expect(preview.error).toMatchObject({ code: 'header_mismatch', details: { missing: ['完成时间'], unmapped: expect.arrayContaining(['交易完成时间']) } })
    expect(preview.headerRow).toBe(5)
    expect(preview.lines).toEqual([])
  })

  it('shows bank statements as text lines and their first entries', async () => {
    const preview = await previewStatement(tempFile('s.sta', MT940), BUILT_IN_PROFILES.mt940, { rows: 2 })
    expect(preview.rows).toEqual([
      { lineNo: 1, cells: ['{1:F01BANKDEFFAXXX0000000000}{2:O9401200240502BANKDEFFAXXX00000000002405021200N}{4:'] },
      { lineNo: 2, cells: [':20:STMT240501'] }
    ])
    expect(preview.lines.map((l) => l.gross)).toEqual(['1500.00', '-250.5'])
  })
})

/**
 * The Alipay trade bill (业务明细) as downloaded: GBK, `#` preamble and footer, long numbers ending
 * in a TAB, refunds as negative rows keyed by their refund request number, inside a zip whose
 * entry names are GBK. Every amount, key and sign is checked, and the footer's totals.
 */
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { readStatement, StatementReadError } from '../../../src/main/recon/formats'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import { ALIPAY_FOOTER, ALIPAY_HEADER, ALIPAY_ROWS, alipayText, alipayZip, collect, gbk, tempFile } from './fixtures'

const profile = BUILT_IN_PROFILES.alipay_trade
/** Beijing wall time → epoch ms. */
const beijing = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`)

describe('Alipay trade bill', () => {
  it('reads every line exactly: keys without their tabs, signed amounts, refunds by their request number', async () => {
    const { lines, problems, hooks } = collect()
    const result = await readStatement(tempFile('detail.csv', gbk(alipayText())), profile, hooks)
    expect(problems).toEqual([])
    expect(result.encoding).toBe('gb18030')
    expect(result.encodingSource).toBe('detected')
    expect(result.headerRow).toBe(5)
    expect(result.anchorsFound).toEqual(['支付宝交易号', '商户订单号', '业务类型'])
    expect(result.lineCount).toBe(5)
    expect(lines.map((l) => [l.lineNo, l.kind, l.upstreamNo, l.orderNo, l.refundNo, l.gross, l.fee, l.net, l.currency, l.status, l.at])).toEqual([
      [6, 'payment', '2019091622001458860515315453', 'PD20190916000001', null, '100.00', '-0.60', null, 'CNY', 'succeeded', beijing('2019-09-16 10:00:01')],
      [7, 'payment', '2019091622001458860515315454', 'PD20190916000002', null, '0.01', '0.00', null, 'CNY', 'succeeded', beijing('2019-09-16 23:59:59')],
      [8, 'refund', '2019091622001458860515315453', 'PD20190916000001', 'RF2019091600000001', '-30.00', '0.18', null, 'CNY', 'succeeded', beijing('2019-09-16 12:30:00')],
      [9, 'refund', '2019091622001458860515315453', 'PD20190916000001', 'RF2019091600000002', '-20.00', '0.12', null, 'CNY', 'succeeded', beijing('2019-09-16 13:00:00')],
      [10, 'payment', '2019091622001458860515315460', 'PD20190916000003', null, '1280.50', '-7.68', null, 'CNY', 'succeeded', beijing('2019-09-16 00:00:00')]
    ])
    // `#` inside a value is text, not a comment.
    expect(lines[1].description).toBe('套餐#1 加量')
    expect(lines[0].counterparty).toBe('abc***@163.com')
    // The two refunds of one order repeat its numbers but are two lines.
    expect(new Set(lines.map((l) => l.rowKey)).size).toBe(5)
    expect(lines[2].rowKey).toBe(JSON.stringify(['refund', '2019091622001458860515315453', 'RF2019091600000001']))
    expect(lines[0].raw).toHaveLength(25)
    expect(result.period).toEqual({ from: beijing('2019-09-16 00:00:00'), to: beijing('2019-09-17 00:00:00') })
    expect(result.controls).toEqual([
      { name: 'alipay.trades.count', stated: '3', computed: '3', ok: true },
      { name: 'alipay.trades.received', stated: '1380.51', computed: '1380.51', ok: true },
      { name: 'alipay.refunds.count', stated: '2', computed: '2', ok: true },
      { name: 'alipay.refunds.received', stated: '-50.00', computed: '-50.00', ok: true }
    ])
  })

  it('matches half-width headers and LF line ends the same way', async () => {
    const { lines } = collect()
    const text = alipayText({ header: ALIPAY_HEADER.replace(/（/g, '(').replace(/）/g, ')'), eol: '\n' })
    const result = await readStatement(tempFile('detail.csv', gbk(text)), profile, { onLine: (l) => void lines.push(l) })
    expect(result.lineCount).toBe(5)
    expect(lines.map((l) => l.gross)).toEqual(['100.00', '0.01', '-30.00', '-20.00', '1280.50'])
    expect(result.controls.every((c) => c.ok)).toBe(true)
  })

  it('reads the detail out of the downloaded zip (GBK entry names) and removes what it extracted', async () => {
    const tempDir = mkdtempSync(join(tmpdir(), 'recon-alipay-'))
    const { lines, hooks } = collect()
    const result = await readStatement(tempFile('20880000000000000156_20190916.zip', alipayZip(gbk(alipayText()))), profile, hooks, { tempDir })
    expect(result.zipEntry).toBe('20880000000000000156_20190916_业务明细.csv')
    expect(lines).toHaveLength(5)
    expect(result.controls.every((c) => c.ok)).toBe(true)
    expect(readdirSync(tempDir)).toEqual([])
  })

  it('reports a footer total that disagrees, and a row it cannot read, with its line number', async () => {
    const rows = ALIPAY_ROWS.map((r, i) => (i === 1 ? { ...r, amount: '0.O1' } : r))
    const { lines, problems, hooks } = collect()
    const footer = [ALIPAY_FOOTER[0], '#交易合计：3笔，商家实收共1380.52元，商家优惠共0.00元', ALIPAY_FOOTER[2], ALIPAY_FOOTER[3]]
    const result = await readStatement(tempFile('detail.csv', gbk(alipayText({ rows, footer }))), profile, hooks)
    expect(problems).toEqual([expect.objectContaining({ lineNo: 7, field: 'gross', reason: { code: 'recon.row.notAmount', params: { value: '0.O1' } } })])
    expect(inEnglish(problems[0].reason)).toBe('"0.O1" is not an amount')
    expect(lines.map((l) => l.lineNo)).toEqual([6, 8, 9, 10])
    // The bad row is not counted: the footer then disagrees on the count too.
    expect(result.controls.filter((c) => !c.ok).map((c) => [c.name, c.stated, c.computed])).toEqual([
      ['alipay.trades.count', '3', '2'],
      ['alipay.trades.received', '1380.52', '1380.50']
    ])
  })

  it('refuses a file cut before its footer (truncated), after reading what it had', async () => {
    const text = alipayText({ footer: [] })
    const cut = text.slice(0, text.lastIndexOf('\r\n', text.length - 3))
    const error = await readStatement(tempFile('detail.csv', gbk(cut)), profile).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StatementReadError)
    expect((error as StatementReadError).code).toBe('controls_missing')
    expect((error as StatementReadError).message).toMatch(/alipay\.trades.*truncated/)
  })

  it('stops before any line when a column was renamed, listing the difference', async () => {
    const changed = ALIPAY_HEADER.replace('服务费（元）', '手续费金额（元）')
    const { lines, hooks } = collect()
    const error = (await readStatement(tempFile('detail.csv', gbk(alipayText({ header: changed }))), profile, hooks).catch((e: unknown) => e)) as StatementReadError
    expect(error.code).toBe('header_mismatch')
    expect(lines).toEqual([])
    expect(error.details).toMatchObject({ row: 5, missing: ['服务费（元） / 手续费（元） / 服务费'], unmapped: expect.arrayContaining(['手续费金额（元）']) })
    expect((error.details as { found: string[] }).found).toHaveLength(25)
  })

  it('refuses a GBK file read as UTF-8 before any line, and one read as Latin-1 by the anchor check', async () => {
    const path = tempFile('detail.csv', gbk(alipayText()))
    const asUtf8 = (await readStatement(path, { ...profile, encoding: 'utf-8' }).catch((e: unknown) => e)) as StatementReadError
    expect(asUtf8.code).toBe('encoding')
    expect(asUtf8.message).toMatch(/not valid UTF-8/)
    // Latin-1 accepts every byte: only the header anchors tell the decode is wrong.
    const { lines, hooks } = collect()
    const asLatin1 = (await readStatement(path, { ...profile, encoding: 'iso-8859-1' }, hooks).catch((e: unknown) => e)) as StatementReadError
    expect(asLatin1.code).toBe('header_mismatch')
    expect(asLatin1.message).toMatch(/Read as ISO-8859-1: a wrong encoding looks like this too/)
    expect(asLatin1.details).toMatchObject({ row: null, missing: ['支付宝交易号', '商户订单号', '业务类型'] })
    expect(lines).toEqual([])
  })

  it('leaves no temporary folder behind when the zip or its entry is refused', async () => {
    const zip = tempFile('bill.zip', alipayZip(gbk(alipayText())))
    const tempDir = mkdtempSync(join(tmpdir(), 'recon-alipay-'))
    const noEntry = (await readStatement(zip, { ...profile, zipEntry: '资金' }, {}, { tempDir }).catch((e: unknown) => e)) as StatementReadError
    expect(noEntry.code).toBe('zip_entry')
    expect(noEntry.message).toContain('20880000000000000156_20190916_业务明细(汇总).csv')
    // The summary is extracted, then refused by the header check: the folder goes all the same.
    const summary = (await readStatement(zip, { ...profile, zipEntry: '汇总' }, {}, { tempDir }).catch((e: unknown) => e)) as StatementReadError
    expect(summary.code).toBe('header_mismatch')
    expect(readdirSync(tempDir)).toEqual([])
  })
})

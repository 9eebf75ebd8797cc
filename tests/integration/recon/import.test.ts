/**
 * Importing statement files through the procedures: every kind of bad file is refused with a
 * clear error and leaves nothing behind (no statement, no line), a cancel or a crash leaves
 * nothing either, the same file is never imported twice, a line already imported from another
 * file is not stored again, and an overlapping period is said.
 */
import ExcelJS from 'exceljs'
import { beforeEach, describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { recoverReconciliation } from '../../../src/main/recon/recover'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import type { ReconJobView } from '../../../src/shared/contract/reconciliation'
import { ADMIN, countRows, makeCore, type TestCore } from '../../support/core'
import { camtXml, MT940 } from './bank-fixtures'
import { ALIPAY_ROWS, alipayText, alipayZip, gbk, zipArchive } from './fixtures'

let t: TestCore
let admin: string

beforeEach(async () => {
  t = await makeCore()
  admin = await t.signIn(ADMIN.username, ADMIN.password)
})

async function source(name: string, profile: unknown) {
  return t.ok('recon.sources.create', { name, kind: 'bank', channelId: null, feeRate: null, feeFixed: null, currency: 'CNY', profile }, admin)
}

async function upload(fileName: string, bytes: Buffer) {
  return t.ok('recon.uploads.put', { fileName, contentBase64: bytes.toString('base64') }, admin)
}

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

async function check(sourceId: number, bytes: Buffer, name = 'statement.csv') {
  const file = await upload(name, bytes)
  return settled(await t.ok('recon.imports.check', { sourceId, uploadId: file.uploadId }, admin))
}

async function commit(sourceId: number, bytes: Buffer, name = 'statement.csv') {
  const file = await upload(name, bytes)
  return settled(await t.ok('recon.imports.commit', { sourceId, uploadId: file.uploadId }, admin))
}

/** Alipay's footer with its totals (payments, refunds) stated by hand for the rows given. */
const footer = (payments: [string, string], refunds: [string, string], day: string) => [
  '#-----------------------------------------业务明细列表结束------------------------------------',
  `#交易合计：${payments[0]}笔，商家实收共${payments[1]}元，商家优惠共0.00元`,
  `#退款合计：${refunds[0]}笔，商家实收退款共${refunds[1]}元，商家优惠退款共0.00元`,
  `#导出时间：[2019年09月${day}日 05:46:49]`
]

const nothingStored = () => expect([countRows(t.core, 'recon_statements'), countRows(t.core, 'recon_lines')]).toEqual([0, 0])

const GENERIC_HEADER = 'date,reference,amount,currency'
const generic = (rows: string[]) => Buffer.from([GENERIC_HEADER, ...rows].join('\n') + '\n')

describe('importing statement files', () => {
  it('imports an Alipay bill whole, exactly, with its controls and period', async () => {
    const alipay = await source('Alipay', BUILT_IN_PROFILES.alipay_trade)
    const dry = await check(alipay.id, gbk(alipayText()), 'alipay.csv')
    expect(dry.result).toMatchObject({ format: 'csv', encoding: 'gb18030', lineCount: 5, problemCount: 0, repeated: 0, overlaps: [], refused: null })
    expect((dry.result as { controls: { ok: boolean }[] }).controls.every((c) => c.ok)).toBe(true)
    // The dry run's lines wait for the commit where no list or run sees them.
    expect(await t.ok('recon.statements.list', {}, admin)).toMatchObject({ total: 0, items: [] })
    const done = await commit(alipay.id, gbk(alipayText()), 'alipay.csv')
    expect(done).toMatchObject({ state: 'finished', result: { stored: 5, repeated: 0 } })
    // The file was read once, by the dry run: the commit reported no progress through it.
    expect(done.total).toBe(0)
    const statement = (await t.ok('recon.statements.list', {}, admin)).items[0]
    expect(statement).toMatchObject({ fileName: 'alipay.csv', lineCount: 5, encoding: 'gb18030', periodFrom: Date.UTC(2019, 8, 15, 16), periodTo: Date.UTC(2019, 8, 16, 16) })
    const lines = (await t.ok('recon.statements.lines', { statementId: statement.id }, admin)).items
    expect(lines.map((l) => [l.kind, l.gross, l.fee, l.refundNo])).toEqual(
      ALIPAY_ROWS.map((r) => [r.kind === '交易' ? 'payment' : 'refund', r.received, r.fee === '0.00' ? '0.00' : r.fee, r.refundNo || null])
    )
    // Their numbers as they are, the Alipay trailing tab gone.
    expect(lines[0].upstreamNo).toBe(ALIPAY_ROWS[0].tradeNo)
  })

  it('says what kind of file each dry run read, and an encoding only where a text file was decoded', async () => {
    const said = (job: ReconJobView) => {
      const r = job.result as { format: string; encoding: string; encodingSource: string | null; problemCount: number }
      return [r.format, r.encoding, r.encodingSource]
    }
    // A GBK bill with no byte-order mark: its encoding was detected.
    expect(said(await check((await source('Alipay', BUILT_IN_PROFILES.alipay_trade)).id, gbk(alipayText()), 'alipay.csv'))).toEqual(['csv', 'gb18030', 'detected'])
    // A workbook has no text encoding: none is said (it said utf-8).
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Transactions')
    sheet.addRow(['Date', 'Reference', 'Amount'])
    sheet.addRow(['2024-05-01 08:00:00', 'REF-1', 12.5])
    const workbook = { format: 'xlsx', columns: { time: 'Date', upstreamNo: 'Reference', gross: 'Amount' }, defaultKind: 'payment', currency: 'CNY', timeZone: '+08:00', rowKey: ['upstreamNo'] }
    const fromBook = await check((await source('Bank portal', workbook)).id, Buffer.from(await book.xlsx.writeBuffer()), 'portal.xlsx')
    expect(fromBook.result).toMatchObject({ lineCount: 1, problemCount: 0 })
    expect(said(fromBook)).toEqual(['xlsx', '', null])
    // camt.053 says its encoding in its XML declaration; MT940 is text whose encoding is detected.
    expect(said(await check((await source('camt', BUILT_IN_PROFILES.camt053)).id, Buffer.from(camtXml({ version: '02' })), 'camt.xml'))).toEqual(['camt053', 'utf-8', 'declared'])
    expect(said(await check((await source('MT940', BUILT_IN_PROFILES.mt940)).id, Buffer.from(MT940), 'stmt.sta'))).toEqual(['mt940', 'utf-8', 'detected'])
    // A profile that names its encoding: said as the profile's.
    expect(said(await check((await source('Alipay, GBK', { ...BUILT_IN_PROFILES.alipay_trade, encoding: 'gb18030' })).id, gbk(alipayText()), 'alipay-2.csv'))).toEqual(['csv', 'gb18030', 'profile'])
  })

  it('refuses each kind of bad file with a clear error, and stores nothing', async () => {
    const bills = await source('Generic', BUILT_IN_PROFILES.generic_csv)
    const alipay = await source('Alipay', BUILT_IN_PROFILES.alipay_trade)
    const utf8Only = await source('Alipay as UTF-8', { ...BUILT_IN_PROFILES.alipay_trade, encoding: 'utf-8' })
    const refusals: [string, ReconJobView][] = [
      // A GBK file read as UTF-8: the strict decode stops it rather than reading mojibake.
      ['recon.encoding', await commit(utf8Only.id, gbk(alipayText()))],
      // A file whose header is not the profile's, with the difference.
      ['recon.header_mismatch', await commit(alipay.id, generic(['2024-05-01 08:00:00,A1,1.00,CNY']))],
      ['recon.empty', await commit(bills.id, Buffer.from('\uFEFF'))],
      // A non-numeric amount, a row cut off: every bad row by its line, nothing imported.
      ['recon.bad_lines', await commit(bills.id, generic(['2024-05-01 08:00:00,A1,1.00,CNY', '2024-05-01 09:00:00,A2,abc,CNY', '2024-05-01 10:00:00,A3,3.0']))],
      ['recon.zip_unsafe', await commit(alipay.id, zipArchive([{ name: 'x_业务明细.csv', data: gbk(alipayText()) }, { name: '../../evil.sh', data: Buffer.from('#!/bin/sh\n') }]), 'bill.zip')]
    ]
    for (const [code, job] of refusals) {
      expect(job, code).toMatchObject({ state: 'failed', error: { code } })
      expect(job.error!.text, code).toBeDefined()
    }
    const bad = refusals[3][1]
    expect((bad.error!.detail as { problems: { lineNo: number; field?: string }[] }).problems.map((p) => [p.lineNo, p.field ?? null])).toEqual([
      [3, 'gross'],
      [4, null]
    ])
    expect((refusals[1][1].error!.detail as { missing: string[] }).missing.length).toBeGreaterThan(0)
    // What the screen says names the line and what the file was decoded as: a wrong encoding looks just like a changed layout.
    expect(inEnglish(refusals[1][1].error!.text!)).toMatch(/^No header row was found: missing "支付宝交易号", .+ Read as UTF-8: a wrong encoding looks like this too; otherwise the layout changed/)
    nothingStored()
    // The upload's own limit: over 64 MB is refused before anything is kept.
    const big = await t.call('recon.uploads.put', { fileName: 'huge.csv', contentBase64: Buffer.alloc(64 * 1024 * 1024 + 1).toString('base64') }, admin)
    expect(big).toMatchObject({ status: 400, field: 'contentBase64' })
    // An empty file is said to be empty (it read "File: is required", as if none had been chosen).
    const empty = await t.call('recon.uploads.put', { fileName: 'empty.csv', contentBase64: '' }, admin)
    expect(empty).toMatchObject({ status: 400, field: 'contentBase64' })
    expect(empty.message).toContain('the file is empty')
    // Alipay's own zip, with its GBK entry name, is read.
    expect(await commit(alipay.id, alipayZip(gbk(alipayText())), 'bill.zip')).toMatchObject({ state: 'finished', result: { stored: 5 } })
  })

  it('names the columns the profile lets a file leave out, so a fee never checked is said', async () => {
    const bills = await source('Bank bills', BUILT_IN_PROFILES.generic_csv)
    const bare = await check(bills.id, generic(['2024-05-01 08:00:00,A1,1.00,CNY']))
    expect(bare).toMatchObject({ state: 'finished', result: { lineCount: 1, absentColumns: ['orderNo', 'kind', 'fee', 'net', 'status', 'counterparty', 'description'] } })
    const full = Buffer.from('date,reference,order_no,type,amount,fee,net,currency,status,counterparty,description\n2024-05-01 08:00:00,A1,P1,payment,1.00,0.01,0.99,CNY,succeeded,x,y\n')
    expect(await check(bills.id, full)).toMatchObject({ state: 'finished', result: { lineCount: 1, absentColumns: [] } })
  })

  it('never imports the same file twice, nor a line twice; says when periods overlap', async () => {
    const alipay = await source('Alipay', BUILT_IN_PROFILES.alipay_trade)
    const first = gbk(alipayText({ rows: ALIPAY_ROWS.slice(0, 3), footer: footer(['2', '100.01'], ['1', '-30.00'], '17') }))
    expect(await commit(alipay.id, first)).toMatchObject({ state: 'finished', result: { stored: 3 } })
    const same = await check(alipay.id, first)
    expect(same.result).toMatchObject({ refused: { code: 'recon.file_already_imported' } })
    // The next file repeats two lines of the first, over the same period.
    const next = gbk(alipayText({ rows: ALIPAY_ROWS.slice(1), footer: footer(['2', '1280.51'], ['2', '-50.00'], '18') }))
    const dry = await check(alipay.id, next)
    expect(dry.result).toMatchObject({ lineCount: 4, repeated: 2, overlaps: [{ statementId: 1 }] })
    expect(await commit(alipay.id, next)).toMatchObject({ state: 'finished', result: { stored: 2, repeated: 2 } })
    expect(countRows(t.core, 'recon_lines')).toBe(5)
  })

  it("keeps only the latest dry run's lines of a source, reads the file again when they are gone, and drops them after a day", async () => {
    const alipay = await source('Alipay', BUILT_IN_PROFILES.alipay_trade)
    const sqlite = t.core.db.$client
    const checked = () => sqlite.prepare("select file_name as fileName from recon_statements where status = 'checked'").pluck().all()
    const first = gbk(alipayText({ rows: ALIPAY_ROWS.slice(0, 3), footer: footer(['2', '100.01'], ['1', '-30.00'], '17') }))
    const next = gbk(alipayText({ rows: ALIPAY_ROWS.slice(1), footer: footer(['2', '1280.51'], ['2', '-50.00'], '18') }))
    await check(alipay.id, first, 'first.csv')
    expect(checked()).toEqual(['first.csv'])
    // Another file of the source, sharing two lines: the first dry run's lines are no "seen before".
    expect((await check(alipay.id, next, 'next.csv')).result).toMatchObject({ lineCount: 4, repeated: 0 })
    expect(checked()).toEqual(['next.csv'])
    // The first file committed all the same: read again, whole.
    const done = await commit(alipay.id, first, 'first.csv')
    expect(done).toMatchObject({ state: 'finished', result: { stored: 3, repeated: 0 } })
    expect(done.total).toBeGreaterThan(0)
    // The second's dry run lines then repeat two of them: its commit, read again too, stores two.
    expect(await commit(alipay.id, next, 'next.csv')).toMatchObject({ state: 'finished', result: { stored: 2, repeated: 2 } })
    expect(countRows(t.core, 'recon_lines')).toBe(5)
    // A dry run nobody commits is dropped at a start a day later (its upload is gone by then).
    // (A line of its own: a file whose every line was imported before keeps nothing, it has nothing new.)
    const third = gbk(alipayText({ rows: [{ ...ALIPAY_ROWS[0], tradeNo: '2019091622001458860515315499', orderNo: 'PD20190916000009' }], footer: footer(['1', '100.00'], ['0', '0.00'], '19') }))
    await check(alipay.id, third, 'third.csv')
    const checkedAt = sqlite.prepare("select imported_at from recon_statements where status = 'checked'").pluck().get() as number
    expect(recoverReconciliation(sqlite, t.core.recon.folder, checkedAt + 3600_000)).toMatchObject({ imports: 0 })
    expect(checked()).toEqual(['third.csv'])
    expect(recoverReconciliation(sqlite, t.core.recon.folder, checkedAt + 25 * 3600_000)).toMatchObject({ imports: 1 })
    expect(checked()).toEqual([])
    expect(countRows(t.core, 'recon_lines')).toBe(5)
  })

  it('a cancelled import leaves nothing; one a crash cut short is removed at the next start', async () => {
    const bills = await source('Generic', BUILT_IN_PROFILES.generic_csv)
    const rows = Array.from({ length: 40_000 }, (_, i) => `2024-05-01 08:00:00,REF${i},${(i % 997) + 1}.00,CNY`)
    const file = await upload('big.csv', generic(rows))
    const started = await t.ok('recon.imports.commit', { sourceId: bills.id, uploadId: file.uploadId }, admin)
    // Cancelled while it stores (the second half of its progress: the check, then the store).
    let status = started
    while (status.state === 'running' && (status.total === 0 || status.done <= status.total / 2)) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      status = await t.ok('recon.jobs.status', { jobId: started.id }, admin)
    }
    expect(status.state).toBe('running')
    await t.ok('recon.jobs.cancel', { jobId: started.id }, admin)
    expect((await settled(started)).state).toBe('cancelled')
    nothingStored()

    // A crash mid-import: the statement stayed `importing` with some of its lines.
    const sqlite = t.core.db.$client
    const profileId = (sqlite.prepare('select id from recon_profiles where source_id = ?').get(bills.id) as { id: number }).id
    const statementId = Number(
      sqlite
        .prepare("insert into recon_statements (tenant_id, source_id, profile_id, file_name, file_hash, file_size, encoding, line_count, controls, status, imported_at) values (1, ?, ?, 'cut.csv', 'abc', 10, 'utf-8', 3, '[]', 'importing', 0)")
        .run(bills.id, profileId).lastInsertRowid
    )
    sqlite.prepare("insert into recon_lines (statement_id, source_id, line_no, row_key, kind, raw) values (?, ?, 2, 'k1', 'payment', '[]')").run(statementId, bills.id)
    expect(recoverReconciliation(sqlite, t.core.recon.folder, Date.now())).toMatchObject({ imports: 1 })
    nothingStored()
  })
})

/**
 * Report exports against the real headless host (the report scenario of scenario.ts): every row
 * of a filter over all pages lands in the file, read back as a user's tool would (csv-parse,
 * iconv-lite for GBK, exceljs for XLSX); the download route checks the token and the owner;
 * cancelling stops the job and deletes its partial file; merchant scope and permissions apply;
 * each export is audited.
 */
import { mkdtempSync, readdirSync, readFileSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { PassThrough } from 'node:stream'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createExportJobs, folderTarget } from '../../../src/main/reports/export/jobs'
import { writeReportExport } from '../../../src/main/reports/export/write'
import type { ProcedureName } from '../../../src/shared/contract'
import type { ExportJob, ExportReport } from '../../../src/shared/contract/exports'
import { ENTRY_TYPES } from '../../../src/shared/ledger'
import { ENTRY_TYPE_NAMES, REPORT_COLUMN_NAMES, type ReportLanguage } from '../../../src/shared/report-columns'
import { ENTRY_COUNT, reportScenario, type Scenario } from './scenario'

let s: Scenario
let merchantNames: Map<number, string>
beforeAll(async () => {
  s = await reportScenario()
  merchantNames = new Map((await s.w.ok('merchants.list', { pageSize: 100 })).items.map((m) => [m.id, m.name]))
  // Chinese text in a remark, for the GBK file.
  await s.w.at('2026-11-21 09:00:00')
  await s.w.adjust(s.cny, '8.80', '退还手续费：商户投诉（人工调账）')
})
afterAll(async () => s?.w.stop())

type Row = Record<string, unknown>

/** Every row of a report for the filters, walking its pages as the report page does. */
async function reportRows(report: ExportReport, filters: Row, token?: string): Promise<Row[]> {
  const rows: Row[] = []
  for (let pageIndex = 1; ; pageIndex++) {
    const page = (await s.w.ok(`reports.${report}` as ProcedureName, { ...filters, pageIndex, pageSize: 7 }, token)) as { items: Row[]; totalPageCount: number }
    rows.push(...page.items)
    if (pageIndex >= page.totalPageCount) return rows
  }
}

/** A report row as the file should hold it: days as yyyy-mm-dd, times with a space, amounts exactly. */
function asWritten(row: Row, keys: string[], language: ReportLanguage = 'en'): string[] {
  return keys.map((key) => {
    const value = row[key]
    if (key === 'date' && typeof value === 'number') return `${String(value).slice(0, 4)}-${String(value).slice(4, 6)}-${String(value).slice(6)}`
    if (key === 'dateCreated') return String(value).replace('T', ' ')
    // Beside each code, its name: the merchant's as Merchants lists it, the entry type's from the catalog.
    if (key === 'merchantName') return merchantNames.get(row.merchantId as number) ?? 'unknown merchant'
    if (key === 'typeName') return ENTRY_TYPE_NAMES[language][(Object.entries(ENTRY_TYPES).find(([, code]) => code === row.type)?.[0] ?? 'none') as keyof typeof ENTRY_TYPES]
    return String(value)
  })
}

/** The column keys of a header row in that language (the header must name known columns only). */
function keysOf(header: string[], language: ReportLanguage): string[] {
  const byName = new Map(Object.entries(REPORT_COLUMN_NAMES[language]).map(([key, name]) => [name, key]))
  return header.map((name) => {
    // A time column names the zone its times are in: the requesting user's display zone, here the business zone.
    const key = byName.get(name.replace(/ \(UTC\+08:00\)$/, ''))
    if (!key || (key === 'dateCreated') !== name.endsWith(' (UTC+08:00)')) throw new Error(`unknown column "${name}"`)
    return key
  })
}

async function startExport(input: Row, token?: string): Promise<ExportJob> {
  const { job } = await s.w.ok('reports.exportStart', input, token)
  await s.host.core.exports.settled(job!.id)
  return s.w.ok('reports.exportStatus', { jobId: job!.id }, token)
}

async function download(job: ExportJob, token: string | null = s.w.admin): Promise<Response> {
  return fetch(`${s.host.url}${job.downloadPath ?? `/exports/${job.id}/file`}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
}

const CASES: [ExportReport, Row][] = [
  ['accountDetails', {}],
  ['accountDetails', { currency: 'CNY', dateStart: '2026-11-20 00:00:00', dateEnd: '2026-11-20 12:00:03' }],
  ['transactionStatistics', {}],
  ['transactionList', { includeTest: false }],
  ['settlementStatistics', { currency: 'CNY' }],
  ['settlementList', { dateStart: '2026-11-18', dateEnd: '2026-11-20' }]
]

describe('export equals the report over all its pages', () => {
  it.each(CASES)('%s %j as UTF-8 CSV with a byte-order mark, downloaded from the host', async (report, filters) => {
    const expected = await reportRows(report, filters)
    expect(expected.length).toBeGreaterThan(0)
    const job = await startExport({ report, format: 'csv', filters })
    expect(job).toMatchObject({ state: 'done', rowsWritten: expected.length, totalRows: expected.length, savedTo: null, downloadPath: `/exports/${job.id}/file` })
    const response = await download(job)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=UTF-8')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${job.fileName}"`)
    const bytes = Buffer.from(await response.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...records] = parse(bytes.toString('utf8'), { bom: true }) as string[][]
    const keys = keysOf(header, 'en')
    expect(records).toEqual(expected.map((row) => asWritten(row, keys)))
  })

  it('reads in batches by keyset: any batch size writes the same rows in the same order', async () => {
    const src = { sqlite: s.host.core.db.$client, tenantId: 1, zone: '+08:00' }
    const texts: string[] = []
    for (const batchSize of [1, 2, 5, 1000]) {
      for (const report of ['accountDetails', 'settlementList', 'transactionStatistics'] as const) {
        const out = new PassThrough()
        const chunks: Buffer[] = []
        out.on('data', (chunk: Buffer) => chunks.push(chunk))
        const progress: number[] = []
        const outcome = await writeReportExport(src, { report, format: 'csv', language: 'en', filters: { includeTest: true } }, out, { batchSize, onProgress: (n) => progress.push(n) })
        expect(outcome.cancelled).toBe(false)
        expect(progress.at(-1)).toBe(outcome.rows)
        if (batchSize === 1) expect(progress).toEqual(Array.from({ length: outcome.rows }, (_, i) => i + 1))
        texts.push(`${report}:${Buffer.concat(chunks).toString('utf8')}`)
      }
    }
    expect(texts.slice(3)).toEqual([...texts.slice(0, 3), ...texts.slice(0, 3), ...texts.slice(0, 3)])
    expect(texts[0].split('\r\n').filter(Boolean)).toHaveLength(1 + ENTRY_COUNT + 1)
  })

  it('XLSX: the same rows, amounts as number cells with the currency’s decimals', async () => {
    const filters = { includeTest: true }
    const expected = await reportRows('settlementList', filters)
    const job = await startExport({ report: 'settlementList', format: 'xlsx', filters })
    const response = await download(job)
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    const keys = keysOf(values(1).map(String), 'en')
    expect(sheet.rowCount).toBe(1 + expected.length)
    expected.forEach((row, i) => {
      const cells = sheet.getRow(i + 2)
      const written = values(i + 2)
      keys.forEach((key, c) => {
        if (key === 'orderPay' || key === 'deposit' || key === 'orderFee' || key === 'manualAdjust') {
          expect(typeof written[c], key).toBe('number')
          // The number cell shows exactly the report's decimal with the currency's digits.
          expect(cells.getCell(c + 1).numFmt).toBe(row.currency === 'VND' ? '#,##0' : '#,##0.00')
          expect((written[c] as number).toFixed(row.currency === 'VND' ? 0 : 2)).toBe(row[key])
        }
      })
      expect(written[keys.indexOf('merchantId')]).toBe(row.merchantId)
      expect(written[keys.indexOf('date')]).toBe(asWritten(row, ['date'])[0])
    })
  })

  it('GBK on request: Chinese headers and remarks survive the round trip', async () => {
    const filters = { merchantId: s.cny.merchantId, dateStart: '2026-11-21', dateEnd: '2026-11-21' }
    const expected = await reportRows('accountDetails', filters)
    expect(expected.map((r) => r.remark)).toEqual(['退还手续费：商户投诉（人工调账）'])
    const job = await startExport({ report: 'accountDetails', format: 'csv-gbk', language: 'zh-CN', filters })
    const response = await download(job)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=GBK')
    const bytes = Buffer.from(await response.arrayBuffer())
    // GBK, not UTF-8: no byte-order mark, and the bytes are not valid UTF-8 for the Chinese text.
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false)
    expect(bytes.toString('utf8')).not.toContain('退还手续费')
    const [header, ...records] = parse(iconv.decode(bytes, 'gbk')) as string[][]
    expect(header).toEqual(['创建时间 (UTC+08:00)', '流水编号', '商户', '商户名称', '合同', '交易号', '类型', '类型名称', '币种', '金额', '备注'])
    expect(records).toEqual(expected.map((row) => asWritten(row, keysOf(header, 'zh-CN'), 'zh-CN')))
  })

  it('times in the display zone the user chose, named in the header; the filters stay business days', async () => {
    const filters = { currency: 'CNY', dateStart: '2026-11-20 00:00:00', dateEnd: '2026-11-20 12:00:03' }
    const expected = await reportRows('accountDetails', filters)
    await s.w.ok('me.updatePreferences', { timeZone: 'Asia/Bangkok' })
    try {
      const job = await startExport({ report: 'accountDetails', format: 'csv', filters })
      const [header, ...records] = parse(Buffer.from(await (await download(job)).arrayBuffer()).toString('utf8'), { bom: true }) as string[][]
      expect(header[0]).toBe('Created (UTC+07:00 Asia/Bangkok)')
      // The same entries (the business day's), each an hour earlier than the report's +08:00 clock.
      expect(records.map((r) => r[1])).toEqual(expected.map((r) => String(r.id)))
      const hourEarlier = (text: string) => new Date(Date.parse(`${text}Z`) - 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
      expect(records.map((r) => r[0])).toEqual(expected.map((r) => hourEarlier(String(r.dateCreated))))
    } finally {
      await s.w.ok('me.updatePreferences', { timeZone: null })
    }
  })
})

describe('jobs: a worker thread per export on a database file', () => {
  const scope = { tenantId: 1, zone: '+08:00' }
  const entries = { report: 'accountDetails' as const, format: 'csv' as const, language: 'en' as const, filters: { includeTest: true } }
  const database = () => ({ dbPath: s.host.core.db.$client.name, sqlite: s.host.core.db.$client })
  const noop = () => {}

  it('the host’s jobs run in worker threads; an in-memory database’s on the caller’s connection', () => {
    expect(s.host.core.exports.mode).toBe('workers')
    expect(createExportJobs(folderTarget(mkdtempSync(join(tmpdir(), 'paydesk-export-mode-'))), { dbPath: ':memory:', sqlite: s.host.core.db.$client }, noop).mode).toBe('inline')
  })

  it('progress while it runs; cancel stops it between batches and deletes the partial file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-export-cancel-'))
    const errors: unknown[] = []
    // Two rows a batch and a long pause after each (a cancel ends the pause at once).
    const jobs = createExportJobs(folderTarget(dir), database(), (e) => errors.push(e), { batchSize: 2, pauseMs: 60_000 })
    const calls: string[] = []
    const ended: ExportJob[] = []
    const job = (await jobs.start({ userId: 1, request: entries, scope, fileName: 'entries.csv', onStart: (j) => calls.push(`start ${j.state} ${j.totalRows}`), onEnd: (j) => (calls.push(`end ${j.state}`), ended.push(j)) }))!
    // Counted in the worker before start answers.
    expect(job).toMatchObject({ state: 'running', totalRows: ENTRY_COUNT + 1 })
    expect(calls).toEqual([`start running ${ENTRY_COUNT + 1}`])
    await vi.waitFor(() => expect(jobs.status(job.id, 1).rowsWritten).toBe(2), { timeout: 15_000, interval: 10 })
    // The first batch is in the file while the worker waits.
    await vi.waitFor(() => expect(readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8').split('\r\n').filter(Boolean).length)).toEqual([3]), { timeout: 5000, interval: 10 })
    expect(jobs.status(job.id, 1)).toMatchObject({ state: 'running', rowsWritten: 2, totalRows: ENTRY_COUNT + 1 })
    // Another user cannot see or cancel it.
    expect(() => jobs.status(job.id, 2)).toThrow(/was not found/)
    expect(() => jobs.cancel(job.id, 2)).toThrow(/was not found/)
    expect(jobs.cancel(job.id, 1).state).toBe('running')
    await jobs.settled(job.id)
    const after = jobs.status(job.id, 1)
    expect(after).toMatchObject({ state: 'cancelled', rowsWritten: 2 })
    expect(ended).toEqual([after])
    expect(calls).toEqual([`start running ${ENTRY_COUNT + 1}`, 'end cancelled'])
    expect(jobs.downloadable(job.id)).toBeNull()
    expect(readdirSync(dir)).toEqual([])
    expect(errors).toEqual([])
  })

  it('a large CSV is written in two parts at once, by two threads: both show progress, and a cancel deletes both files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-export-parts-'))
    // Two rows a batch and a long pause after each; two parts from two rows on.
    const jobs = createExportJobs(folderTarget(dir), database(), noop, { batchSize: 2, pauseMs: 60_000, splitFromRows: 2 })
    const job = (await jobs.start({ userId: 1, request: entries, scope, fileName: 'entries.csv', onStart: noop, onEnd: noop }))!
    expect(job.totalRows).toBe(ENTRY_COUNT + 1)
    // Each part has written its first batch and waits: the job's file and the second part's beside it
    // (a part counts its rows as it hands them to its file stream, which opens the file a moment later).
    await vi.waitFor(() => expect(jobs.status(job.id, 1).rowsWritten).toBe(4), { timeout: 15_000, interval: 10 })
    await vi.waitFor(() => expect(readdirSync(dir).map((name) => name.replace(/^[\w-]+?-entries/, 'entries')).sort()).toEqual(['entries.csv', 'entries.csv.part2']), { timeout: 5000, interval: 10 })
    jobs.cancel(job.id, 1)
    await jobs.settled(job.id)
    expect(jobs.status(job.id, 1)).toMatchObject({ state: 'cancelled', rowsWritten: 4 })
    expect(readdirSync(dir)).toEqual([])
  })

  it.each([
    ['csv', {}],
    ['csv-gbk', {}],
    ['csv', { currency: 'CNY', dateStart: '2026-11-19 00:00:00', dateEnd: '2026-11-21 08:00:00' }]
  ] as const)('in two parts, %s %j is byte for byte the file one thread writes', async (format, filters) => {
    const files: Buffer[] = []
    for (const splitFromRows of [2, Infinity]) {
      const jobs = createExportJobs(folderTarget(mkdtempSync(join(tmpdir(), 'paydesk-export-joined-'))), database(), noop, { batchSize: 3, splitFromRows })
      const job = (await jobs.start({ userId: 1, request: { ...entries, format, filters: { includeTest: true, ...filters } }, scope, fileName: 'entries.csv', onStart: noop, onEnd: noop }))!
      await jobs.settled(job.id)
      expect(jobs.status(job.id, 1)).toMatchObject({ state: 'done', rowsWritten: job.totalRows })
      files.push(readFileSync(jobs.downloadable(job.id)!.path))
    }
    expect(files[0].length).toBeGreaterThan(0)
    expect(files[0].equals(files[1])).toBe(true)
  })

  it('when the app quits, a running export stops: cancelled, its end reported, its partial file deleted, before stopAll resolves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-export-quit-'))
    const jobs = createExportJobs(folderTarget(dir), database(), noop, { batchSize: 2, pauseMs: 60_000 })
    const ended: ExportJob[] = []
    const job = (await jobs.start({ userId: 1, request: entries, scope, fileName: 'entries.csv', onStart: noop, onEnd: (j) => ended.push(j) }))!
    await vi.waitFor(() => expect(readdirSync(dir)).toHaveLength(1), { timeout: 5000, interval: 10 })
    await vi.waitFor(() => expect(jobs.status(job.id, 1).rowsWritten).toBe(2), { timeout: 15_000, interval: 10 })
    await jobs.stopAll()
    expect(jobs.status(job.id, 1)).toMatchObject({ state: 'cancelled', rowsWritten: 2 })
    expect(ended.map((j) => j.state)).toEqual(['cancelled'])
    expect(readdirSync(dir)).toEqual([])
    // Nothing left to stop: a second call resolves at once.
    await jobs.stopAll()
  })

  it('not cancelled, the worker writes the whole file, byte for byte what the same job writes on the caller’s connection', async () => {
    const files: Buffer[] = []
    for (const dbPath of [database().dbPath, ':memory:']) {
      const jobs = createExportJobs(folderTarget(mkdtempSync(join(tmpdir(), 'paydesk-export-whole-'))), { ...database(), dbPath }, noop, { batchSize: 5 })
      const job = (await jobs.start({ userId: 1, request: { ...entries, format: 'csv-gbk', language: 'zh-CN' }, scope, fileName: 'entries.csv', onStart: noop, onEnd: noop }))!
      await jobs.settled(job.id)
      expect(jobs.status(job.id, 1)).toMatchObject({ state: 'done', rowsWritten: ENTRY_COUNT + 1, totalRows: ENTRY_COUNT + 1 })
      files.push(readFileSync(jobs.downloadable(job.id)!.path))
    }
    expect(files[0].equals(files[1])).toBe(true)
    const [header, ...records] = parse(iconv.decode(files[0], 'gbk')) as string[][]
    const expected = await reportRows('accountDetails', {})
    expect(records).toEqual(expected.map((row) => asWritten(row, keysOf(header, 'zh-CN'), 'zh-CN')))
  })

  it('the exports folder keeps a day of files: the next export deletes older ones, whose jobs have no file any more', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-export-keep-'))
    const jobs = createExportJobs(folderTarget(dir, 60_000), database(), noop)
    const request = { report: 'transactionStatistics' as const, format: 'csv' as const, language: 'en' as const, filters: { includeTest: true } }
    const old = (await jobs.start({ userId: 1, request, scope, fileName: 'a.csv', onStart: noop, onEnd: noop }))!
    await jobs.settled(old.id)
    const oldFile = jobs.downloadable(old.id)!.path
    utimesSync(oldFile, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000))
    const fresh = (await jobs.start({ userId: 1, request, scope, fileName: 'b.csv', onStart: noop, onEnd: noop }))!
    await jobs.settled(fresh.id)
    expect(readdirSync(dir)).toEqual([basename(jobs.downloadable(fresh.id)!.path)])
    expect(jobs.downloadable(old.id)).toBeNull()
  })

  it('a failed export is reported as failed, with its error, and leaves no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-export-failed-'))
    const logged: unknown[] = []
    const jobs = createExportJobs(folderTarget(dir), database(), (e) => logged.push(e))
    const calls: string[] = []
    // A time zone the host cannot read: the worker's count of the entries fails.
    const request = { report: 'accountDetails' as const, format: 'xlsx' as const, language: 'en' as const, filters: { includeTest: true, dateStart: '2026-11-01' } }
    const job = (await jobs.start({ userId: 1, request, scope: { tenantId: 1, zone: 'Not/AZone' }, fileName: 'entries.xlsx', onStart: (j) => calls.push(`start ${j.state}`), onEnd: (j) => calls.push(`end ${j.state}`) }))!
    await jobs.settled(job.id)
    expect(jobs.status(job.id, 1)).toMatchObject({ state: 'failed', rowsWritten: 0, error: expect.stringMatching(/time zone/i) })
    expect(calls).toEqual(['start failed', 'end failed'])
    expect(logged).toHaveLength(1)
    expect(String((logged[0] as Error).stack)).toContain('(in the export worker)')
    expect(readdirSync(dir)).toEqual([])

    // A worker that cannot open the database reports that too.
    const gone = createExportJobs(folderTarget(dir), { ...database(), dbPath: join(dir, 'no-such.db') }, noop)
    const lost = (await gone.start({ userId: 1, request: entries, scope, fileName: 'entries.csv', onStart: noop, onEnd: noop }))!
    await gone.settled(lost.id)
    expect(gone.status(lost.id, 1)).toMatchObject({ state: 'failed', error: expect.stringMatching(/database|no such file|directory/i) })
    expect(readdirSync(dir)).toEqual([])
  })

  it('a finished export cannot be cancelled any more; its file stays', async () => {
    const job = await startExport({ report: 'transactionStatistics', format: 'csv' })
    const cancelled = await s.w.ok('reports.exportCancel', { jobId: job.id })
    expect(cancelled.state).toBe('done')
    expect((await download(job)).status).toBe(200)
  })
})

describe('access', () => {
  it('a merchant-bound user exports its own merchant only; asking for another is refused', async () => {
    const own = await startExport({ report: 'accountDetails', format: 'csv' }, s.vndUser)
    expect(own.rowsWritten).toBe(5)
    const response = await download(own, s.vndUser)
    const [, ...records] = parse(Buffer.from(await response.arrayBuffer()).toString('utf8'), { bom: true }) as string[][]
    expect(new Set(records.map((r) => r[2]))).toEqual(new Set([String(s.vnd.merchantId)]))
    const other = await s.w.core.dispatch('reports.exportStart', { report: 'accountDetails', format: 'csv', filters: { merchantId: s.cny.merchantId } }, { token: s.vndUser, transport: 'http' })
    expect(other).toMatchObject({ status: 403, code: 'scope.other_merchant' })
  })

  it('the file is the owner’s: no token is a 401, another user a 404, a user without REPORT_EXPORT a 403', async () => {
    const job = await startExport({ report: 'settlementStatistics', format: 'xlsx' })
    expect((await download(job, null)).status).toBe(401)
    expect((await download(job, s.vndUser)).status).toBe(404)
    expect((await download(job, s.noReports)).status).toBe(403)
    const refused = await s.w.core.dispatch('reports.exportStart', { report: 'settlementStatistics', format: 'csv' }, { token: s.noReports, transport: 'http' })
    expect(refused).toMatchObject({ status: 403, code: 'permission.missing' })
  })

  it('each export is audited: who, which report, the filters and the rows, at its start and its end', async () => {
    const filters = { currency: 'VND', includeTest: true }
    const job = await startExport({ report: 'settlementList', format: 'csv-gbk', language: 'zh-CN', filters })
    const events = (await s.w.ok('audit.list', { procedure: 'reports.exportStart', pageSize: 100 })).items.filter((e) => (e.after as Row)?.jobId === job.id)
    expect(events.map((e) => e.summary).sort()).toEqual([`Export of the settlement list done: ${job.rowsWritten} rows`, `Export of the settlement list started: CSV-GBK, ${job.rowsWritten} rows`])
    for (const event of events) expect(event).toMatchObject({ actor: 'root', targetType: 'report', targetId: 'settlementList' })
    const started = events.find((e) => e.summary.includes('started'))!
    expect(started.after).toMatchObject({ format: 'csv-gbk', language: 'zh-CN', totalRows: job.rowsWritten, filters: { currency: 'VND', includeTest: true } })
  })
})

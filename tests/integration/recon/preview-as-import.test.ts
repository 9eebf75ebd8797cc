/**
 * The profile editor's "Result on the sample" says what the dry run will say: every line goes
 * through the same checks (its currency, with the source's own when neither a column nor the
 * profile gives one; its amounts' decimals in that currency), so a sample shown clean is a file
 * the dry run takes, and a row the dry run refuses is refused on the sample too.
 */
import ExcelJS from 'exceljs'
import { beforeEach, describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import type { DryRunReport, ReconJobView, RowProblem } from '../../../src/shared/contract/reconciliation'
import { ADMIN, makeCore, type TestCore } from '../../support/core'

let t: TestCore
let admin: string

beforeEach(async () => {
  t = await makeCore()
  admin = await t.signIn(ADMIN.username, ADMIN.password)
})

/** A Thai bank portal's export: sheet 明细, two title rows, the header on row 3, no currency column. */
async function thaiWorkbook(amounts: number[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('概览').addRow(['Account', '123-4-56789-0'])
  const sheet = book.addWorksheet('明细')
  sheet.addRow(['Statement of account'])
  sheet.addRow([])
  sheet.addRow(['Date', 'Reference', 'Amount'])
  amounts.forEach((amount, i) => sheet.addRow([`2024-05-01 0${i + 1}:00:00`, `REF-${i + 1}`, amount]))
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** As the editor saves it: no currency column, no currency of its own. */
const PROFILE = {
  format: 'xlsx',
  sheet: '明细',
  headerRow: 3,
  headerAnchors: [],
  columns: { time: 'Date', upstreamNo: 'Reference', gross: 'Amount' },
  defaultKind: 'settlement',
  timeZone: 'Asia/Bangkok',
  rowKey: ['upstreamNo']
}

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

describe('the preview checks lines as the dry run does', () => {
  it("takes the source's currency for lines that state none, and refuses what the dry run refuses", async () => {
    const source = await t.ok('recon.sources.create', { name: 'Bangkok account', kind: 'bank', channelId: null, feeRate: null, feeFixed: null, currency: 'THB', profile: PROFILE }, admin)
    const file = await t.ok('recon.uploads.put', { fileName: 'thai.xlsx', contentBase64: (await thaiWorkbook([1500.25, 1234567.891, 99])).toString('base64') }, admin)

    const preview = await t.ok('recon.uploads.preview', { uploadId: file.uploadId, profile: PROFILE, sourceId: source.id }, admin)
    const dry = await settled(await t.ok('recon.imports.check', { sourceId: source.id, uploadId: file.uploadId }, admin))
    const report = dry.result as DryRunReport

    // THB, the source's: two lines read, the amount with three decimals refused, in both.
    expect(preview.lines.map((l) => [l.lineNo, l.currency, l.gross])).toEqual([
      [4, 'THB', '1500.25'],
      [6, 'THB', '99']
    ])
    const said = (problems: RowProblem[]) => problems.map((p) => [p.lineNo, p.field, inEnglish(p.reason)])
    expect(said(preview.problems)).toEqual([[5, 'gross', 'THB has at most 2 decimal places']])
    expect(said(report.problems)).toEqual(said(preview.problems))
    expect(report.problemCount).toBe(1)

    // A source not saved yet previews with its form's currency; with none, every line says so, as its dry run would.
    const unsaved = await t.ok('recon.uploads.preview', { uploadId: file.uploadId, profile: PROFILE, currency: 'THB' }, admin)
    expect(said(unsaved.problems)).toEqual(said(preview.problems))
    const noCurrency = await t.ok('recon.uploads.preview', { uploadId: file.uploadId, profile: PROFILE }, admin)
    expect(noCurrency.lines).toEqual([])
    expect(said(noCurrency.problems).map(([lineNo, field]) => [lineNo, field])).toEqual([
      [4, 'currency'],
      [5, 'currency'],
      [6, 'currency']
    ])

    // The clean file: clean on the sample, and imported in THB.
    const clean = await t.ok('recon.uploads.put', { fileName: 'thai-clean.xlsx', contentBase64: (await thaiWorkbook([1500.25, 1234567.89, 99])).toString('base64') }, admin)
    expect((await t.ok('recon.uploads.preview', { uploadId: clean.uploadId, profile: PROFILE, sourceId: source.id }, admin)).problems).toEqual([])
    const imported = await settled(await t.ok('recon.imports.commit', { sourceId: source.id, uploadId: clean.uploadId }, admin))
    expect(imported.result).toMatchObject({ stored: 3 })
    const lines = (await t.ok('recon.statements.lines', { statementId: (imported.result as { statementId: number }).statementId }, admin)).items
    expect(lines.map((l) => [l.currency, l.gross])).toEqual([
      ['THB', '1500.25'],
      ['THB', '1234567.89'],
      ['THB', '99.00']
    ])
  })
})

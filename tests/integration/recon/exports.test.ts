/**
 * A run's exported files as a clerk and an auditor read them, in English and in Simplified
 * Chinese: the breaks and matches with their headers, types, causes, statuses and decisions by
 * name, the columns the decisions import reads headed with their code; a list worked offline in
 * Chinese (CSV and XLSX) and one exported before the headers were named both come back; every cell
 * a spreadsheet would take for a formula is escaped; the run report one readable figure a row,
 * its hashes exactly the run's.
 */
import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { BreakRow, ReconJobView } from '../../../src/shared/contract/reconciliation'
import { TENANT_ID } from '../../../src/main/app/bootstrap'
import { tenantZone } from '../../../src/main/core/tenant'
import { zoneLabel } from '../../../src/shared/time-zone'
import { DEMO_USERS } from '../../../src/main/demo'
import { inEnglish } from '../../../src/main/core/text'
import { demoCoreOnFile, type TestCore } from '../../support/core'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-recon-exports-', (core, token) => {
  t = core
  admin = token
})

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

async function demoRun() {
  const runs = await t.ok('recon.runs.list', {}, admin)
  return t.ok('recon.runs.get', { id: runs.items[runs.items.length - 1].id }, admin)
}

const breaksOf = async (runId: number, filter: Record<string, unknown> = {}): Promise<BreakRow[]> => (await t.ok('recon.breaks.list', { runId, pageSize: 100, ...filter }, admin)).items

async function exported(runId: number, what: 'breaks' | 'matches' | 'report', format: 'csv' | 'xlsx', language?: 'en' | 'zh-CN'): Promise<Buffer> {
  const job = await settled(await t.ok('recon.runs.export', { id: runId, what, format, ...(language ? { language } : {}) }, admin))
  expect(job.state).toBe('finished')
  return Buffer.from((await t.ok('recon.jobs.file', { jobId: job.id }, admin)).contentBase64, 'base64')
}

const csvRows = (bytes: Buffer) => parse(bytes.toString('utf8'), { bom: true }) as string[][]

/** The first sheet's rows, its tab's name first. */
async function sheetRows(bytes: Buffer): Promise<[string, ...unknown[][]]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return [book.worksheets[0].name, ...rows]
}

/** A column by its header as the file writes it, or by the code in its brackets. */
function columnOf(header: readonly unknown[], name: string): number {
  const index = header.findIndex((h) => h === name || String(h).endsWith(`[${name}]`))
  expect(index, name).toBeGreaterThanOrEqual(0)
  return index
}

const upload = (fileName: string, bytes: Buffer) => t.ok('recon.uploads.put', { fileName, contentBase64: bytes.toString('base64') }, admin)
const quoted = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n')

/** The header of the break list as exported before its columns were named. */
const CODES_HEADER = ['id', 'type', 'cause', 'status', 'resolution', 'decision_reason', 'merchant', 'order_no', 'refund_no', 'their_order_no', 'their_upstream_no', 'their_refund_no', 'statement_line', 'their_currency', 'theirs', 'our_currency', 'ours', 'difference', 'at (Asia/Shanghai)', 'assigned_to', 'action', 'reason']

describe("a run's exported files", () => {
  it('writes the breaks in Chinese as the screen names them, the codes in bracketed columns, every formula escaped', async () => {
    const run = await demoRun()
    const all = await breaksOf(run.id)
    // A decision whose reason a spreadsheet would take for a formula.
    const decided = all.find((b) => b.type === 'amount_short')!
    await t.ok('recon.breaks.resolve', { id: decided.id, action: 'write_off', reason: '=1+1 is what the channel charged' }, admin)
    const zone = zoneLabel(tenantZone(t.core.db, TENANT_ID))
    const [header, ...rows] = csvRows(await exported(run.id, 'breaks', 'csv', 'zh-CN'))
    // Before: id,type,cause,status,resolution,… in any language.
    expect(header).toEqual([
      '差异编号 [id]', '差异类型', '可能原因', '状态', '处理结果', '处理时的原因', '商户', '我方订单号', '我方退款单号', '对方订单号', '对方交易号', '对方退款单号', '对账单行号',
      '对方币种', '对方金额', '我方币种', '我方金额', '差额', '对方手续费', '按费率应收手续费', `时间（${zone}）`, '指派给（用户名） [assigned_to]', '本次处理（核销、忽略、备注、指派） [action]', '本次处理原因 [reason]',
      '类型代码 [type]', '原因代码 [cause]', '状态代码 [status]', '处理结果代码 [resolution]'
    ])
    expect(rows).toHaveLength(all.length)
    const row = (id: number) => rows.find((r) => r[0] === String(id))!
    const cell = (r: string[], name: string) => r[columnOf(header, name)]
    const unpaid = all.find((b) => b.causeKey === 'theirs_paid_ours_not')!
    expect(['差异类型', '可能原因', '状态', '处理结果', 'type', 'cause', 'status'].map((n) => cell(row(unpaid.id), n))).toEqual(['状态不符', '对方已付、我方未成功（掉单）', '待处理', '', 'status_mismatch', 'theirs_paid_ours_not', 'open'])
    expect(['差异类型', '状态', '处理结果', '处理时的原因', 'resolution'].map((n) => cell(row(decided.id), n))).toEqual(['金额少', '已处理', '已核销', "'=1+1 is what the channel charged", 'written_off'])
    // Every type reads by its name; a code is only in a column that says it holds one.
    expect(new Set(rows.map((r) => cell(r, '差异类型')))).toEqual(new Set(['我方缺失（平台漏单）', '对方缺失（渠道漏单）', '金额多', '金额少', '手续费不符', '币种不符', '状态不符', '重复', '合计不符']))
    const named = header.flatMap((h, i) => (h.endsWith(']') ? [] : [i]))
    expect(rows.flatMap((r) => named.map((i) => r[i])).filter((c) => /^[a-z]+(_[a-z]+)+$/.test(c))).toEqual([])
    // No cell of any column starts as a formula would (an amount is a number: -1.00).
    expect([header, ...rows].flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c))).toEqual([])

    // In XLSX the same cell is a typed string, never a formula.
    const [tab, sheetHeader, ...sheet] = await sheetRows(await exported(run.id, 'breaks', 'xlsx', 'zh-CN'))
    expect(tab).toBe('差异')
    expect(sheetHeader).toEqual(header)
    const sheetRow = sheet.find((r) => r[0] === decided.id)!
    expect(sheetRow[columnOf(sheetHeader, '处理时的原因')]).toBe('=1+1 is what the channel charged')
    expect(sheetRow[columnOf(sheetHeader, '处理结果')]).toBe('已核销')
  })

  it('reads the headers and names in English too, and by default', async () => {
    const run = await demoRun()
    const unpaid = (await breaksOf(run.id)).find((b) => b.causeKey === 'theirs_paid_ours_not')!
    for (const bytes of [await exported(run.id, 'breaks', 'csv', 'en'), await exported(run.id, 'breaks', 'csv')]) {
      const [header, ...rows] = csvRows(bytes)
      expect(header.slice(0, 5)).toEqual(['Break ID [id]', 'Type', 'Likely cause', 'Status', 'Decision'])
      expect(header.slice(21, 24)).toEqual(['Assigned to (user name) [assigned_to]', 'Your decision (write off, ignore, annotate, assign) [action]', 'Your reason [reason]'])
      const r = rows.find((x) => x[0] === String(unpaid.id))!
      expect(r.slice(1, 4)).toEqual(['Status mismatch', 'Paid on their side, not on ours (lost callback)', 'Open'])
    }
  })

  it('brings back a list worked in Chinese (CSV and XLSX) and one exported before its columns were named', async () => {
    const run = await demoRun()
    const open = await breaksOf(run.id, { status: 'open' })
    const [one, two, three, four] = ['missing_theirs', 'fee_mismatch', 'duplicate', 'currency_mismatch'].map((type) => open.find((b) => b.type === type)!)
    const [header, ...rows] = csvRows(await exported(run.id, 'breaks', 'csv', 'zh-CN'))
    const fill = (id: number, action: string, reason: string) => {
      const r = rows.find((x) => x[0] === String(id))!
      r[columnOf(header, 'action')] = action
      r[columnOf(header, 'reason')] = reason
      return r
    }
    // The clerk writes the decision in their words, or its code; a spreadsheet saved the file as it was.
    const worked = quoted([header, fill(one.id, '忽略', '渠道测试订单，无需处理'), fill(two.id, 'write_off', '手续费差额已与渠道确认')])
    const fromCsv = await t.ok('recon.breaks.importDecisions', { runId: run.id, uploadId: (await upload('处理结果.csv', Buffer.from(`\uFEFF${worked}`))).uploadId }, admin)
    expect(fromCsv.results.map((r) => [r.id, r.ok])).toEqual([
      [one.id, true],
      [two.id, true]
    ])
    expect((await t.ok('recon.breaks.get', { id: one.id }, admin)).resolution).toBe('ignored')
    expect((await t.ok('recon.breaks.get', { id: two.id }, admin)).resolution).toBe('written_off')
    // Brought back twice, with a decision no file can bring: each refusal names its line, and the
    // decisions a file can bring by their words.
    const again = quoted([header, rows.find((x) => x[0] === String(one.id))!, fill(three.id, '批准', '渠道已确认此笔重复')])
    const refused = await t.ok('recon.breaks.importDecisions', { runId: run.id, uploadId: (await upload('处理结果-2.csv', Buffer.from(`\uFEFF${again}`))).uploadId }, admin)
    expect(refused.results.map((r) => [r.lineNo, r.ok, r.error && inEnglish(r.error)])).toEqual([
      [2, false, expect.stringMatching(/^line 2: .*resolved/i)],
      [3, false, 'line 3: "批准" is not a decision a file can bring: write write off, ignore, annotate, assign (or its code: write_off, ignore, annotate, assign)']
    ])

    // The XLSX, worked in a spreadsheet: a note in Chinese.
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await exported(run.id, 'breaks', 'xlsx', 'zh-CN')) as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    const titles = (sheet.getRow(1).values as string[]).slice(1)
    const target = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === three.id)!
    target.getCell(columnOf(titles, 'action') + 1).value = '备注'
    target.getCell(columnOf(titles, 'reason') + 1).value = '已在线下核对渠道账单'
    const fromXlsx = await t.ok('recon.breaks.importDecisions', { runId: run.id, uploadId: (await upload('处理结果.xlsx', Buffer.from(await book.xlsx.writeBuffer()))).uploadId }, admin)
    expect(fromXlsx.results.map((r) => [r.id, r.ok])).toEqual([[three.id, true]])
    expect((await t.ok('recon.breaks.get', { id: three.id }, admin)).history.at(-1)?.summary).toContain('已在线下核对渠道账单')

    // A list exported before: its columns are the codes.
    const old = quoted([CODES_HEADER, CODES_HEADER.map((name) => (name === 'id' ? String(four.id) : name === 'type' ? four.type : name === 'action' ? 'ignore' : name === 'reason' ? 'Checked on the old export' : ''))])
    const fromOld = await t.ok('recon.breaks.importDecisions', { runId: run.id, uploadId: (await upload('old.csv', Buffer.from(old))).uploadId }, admin)
    expect(fromOld.results.map((r) => [r.id, r.ok])).toEqual([[four.id, true]])
    expect((await t.ok('recon.breaks.get', { id: four.id }, admin)).resolution).toBe('ignored')
  })

  it('writes the matches with the pass by name, its code beside it', async () => {
    const run = await demoRun()
    const [header, ...rows] = csvRows(await exported(run.id, 'matches', 'csv', 'zh-CN'))
    expect(header).toEqual(['明细编号 [line_id]', '对账单行号', '匹配方式', '分组', '我方订单号', '我方退款单号', '对方交易号', '商户', '币种', '金额', '匹配方式代码 [pass]'])
    expect(rows).toHaveLength(run.summary!.matched)
    const pairs = new Set(rows.map((r) => `${r[columnOf(header, 'pass')]} ${r[2]}`))
    expect([...pairs].every((p) => ['manual 人工关联', 'key 单号相同', 'window 金额与时间相符', 'group 按日结算汇总'].includes(p))).toBe(true)
    expect(pairs).toContain('key 单号相同')
  })

  it('writes the run report one readable figure a row (an amount a number cell in a workbook), its hashes exactly the run’s, in either language', async () => {
    const run = await demoRun()
    const s = run.summary!
    const statements = (await t.ok('recon.statements.list', { pageSize: 100 }, admin)).items.filter((x) => run.scope.statementIds.includes(x.id))
    expect(statements.length).toBeGreaterThan(0)

    const rows = csvRows(await exported(run.id, 'report', 'csv', 'en'))
    expect(rows[0]).toEqual(['Item', 'Value'])
    const value = (item: string) => rows.find((r) => r[0] === item)?.[1]
    expect([value('Input hash (SHA-256)'), value('Result hash (SHA-256)'), value('Rule version'), value('Status')]).toEqual([run.inputHash, run.resultHash, String(run.ruleVersion), 'Finished'])
    expect(rows.map((r) => r[0])).toContain(`Period from (${zoneLabel(tenantZone(t.core.db, TENANT_ID))})`)
    for (const st of statements) expect(value(`Statement ${st.id}`)).toBe(`${st.fileName}; SHA-256 ${st.fileHash}; profile version ${st.profileVersion}; ${st.lineCount} lines`)
    // The summary: no raw JSON ({"amount_over":31,…}); break types by name, amounts as money with their currency.
    expect(rows.flat().filter((c) => c.includes('{') || c.startsWith('summary:'))).toEqual([])
    expect(value('Lines')).toBe(String(s.lines))
    expect(value('Match rate')).toBe(`${(s.matchRate! * 100).toFixed(1)} %`)
    expect(value('Breaks: Amount over')).toBe(String(s.breaks.amount_over))
    expect(value('Breaks’ amount (added without signs): Amount over')).toBe('1.00 CNY')
    expect(value('Breaks’ amount (added without signs): Missing on our side')).toBe('123.45 CNY')
    expect(value('Pending lines')).toBe(String(s.pending.lines))
    // Break types in the list's order, each once.
    const types = rows.filter((r) => r[0].startsWith('Breaks: ')).map((r) => r[0].slice('Breaks: '.length))
    expect(types).toEqual(['Missing on our side', 'Missing on their side', 'Amount over', 'Amount short', 'Fee mismatch', 'Currency mismatch', 'Status mismatch', 'Duplicate', 'Control total mismatch'])

    const [tab, head, ...sheet] = await sheetRows(await exported(run.id, 'report', 'xlsx', 'zh-CN'))
    expect([tab, head]).toEqual(['对账报告', ['项目', '内容']])
    const cell = (item: string) => sheet.find((r) => r[0] === item)?.[1]
    expect([cell('输入哈希（SHA-256）'), cell('结果哈希（SHA-256）'), cell('状态')]).toEqual([run.inputHash, run.resultHash, '已完成'])
    expect(cell('差异：金额多')).toBe(s.breaks.amount_over)
    // An amount is a number cell a spreadsheet can add up, shown with its currency.
    expect(cell('差异金额（按绝对值相加）：我方缺失（平台漏单）')).toBe(123.45)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await exported(run.id, 'report', 'xlsx', 'zh-CN')) as unknown as ArrayBuffer)
    const amountRow = sheet.findIndex((r) => r[0] === '差异金额（按绝对值相加）：我方缺失（平台漏单）') + 3
    expect(book.worksheets[0].getRow(amountRow).getCell(2).numFmt).toBe('#,##0.00 "CNY"')
    for (const st of statements) expect(cell(`对账单 ${st.id}`)).toBe(`${st.fileName}；SHA-256 ${st.fileHash}；模板版本 ${st.profileVersion}；${st.lineCount} 行`)
  })

  it('gives the reason of accepting theirs once a second user approved it', async () => {
    const run = await demoRun()
    const over = (await breaksOf(run.id, { status: 'open', type: 'amount_over' }))[0]
    const asked = await t.ok('recon.breaks.resolve', { id: over.id, action: 'accept_theirs', reason: '渠道金额正确，我方少记', requestKey: `exports-accept-${over.id}` }, admin)
    expect(asked.status).toBe('awaiting_approval')
    const finance = await t.signIn('demo.finance', DEMO_USERS.find((u) => u.username === 'demo.finance')!.password)
    await t.ok('adjustments.decide', { id: asked.adjustmentId!, decision: 'approve', note: '' }, finance)
    const [header, ...rows] = csvRows(await exported(run.id, 'breaks', 'csv', 'en'))
    const row = rows.find((r) => r[columnOf(header, 'id')] === String(over.id))!
    expect([row[columnOf(header, 'resolution')], row[columnOf(header, 'Decided because')]]).toEqual(['accepted_theirs', '渠道金额正确，我方少记'])
  })

  it('says the breaks open when it is exported, not when the run ended', async () => {
    const run = await demoRun()
    const [first] = await breaksOf(run.id, { status: 'open' })
    await t.ok('recon.breaks.resolve', { id: first.id, action: 'ignore', reason: 'Rounding in the simulator’s totals' }, admin)
    const now = await t.ok('recon.runs.get', { id: run.id }, admin)
    expect(now.summary!.open).toBe(run.summary!.open - 1)
    const rows = csvRows(await exported(run.id, 'report', 'csv', 'en'))
    expect(rows.find((r) => r[0] === 'Open breaks')?.[1]).toBe(String(now.summary!.open))
  })
})

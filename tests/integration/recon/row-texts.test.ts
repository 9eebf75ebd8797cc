/**
 * A dry run's bad rows reach the screens as catalog texts (a code and its parameters), never as
 * English sentences, and every such code reads in English and in Simplified Chinese with each of
 * its parameters put in place.
 */
import i18next from 'i18next'
import { beforeEach, describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import { dryRunReport, type ReconJobView } from '../../../src/shared/contract/reconciliation'
import { serverTextEn } from '../../../src/shared/i18n/server-text.en'
import { serverTextZhCN } from '../../../src/shared/i18n/server-text.zh-CN'
import { SERVER_TEXT_NS, SERVER_TEXT_OPTIONS, translateServerText, type ServerText, type Translate } from '../../../src/shared/server-text'
import { ADMIN, makeCore, type TestCore } from '../../support/core'

function translator(lng: 'en' | 'zh-CN', catalog: Record<string, string>): Translate {
  const instance = i18next.createInstance()
  void instance.init({ lng, resources: { [lng]: { [SERVER_TEXT_NS]: catalog } }, defaultNS: SERVER_TEXT_NS, ...SERVER_TEXT_OPTIONS, initAsync: false })
  return instance.t as unknown as Translate
}
const en = translator('en', serverTextEn)
const zh = translator('zh-CN', serverTextZhCN)

/** The codes a statement's reader and its import give a row, a control or a refusal of the read. */
const ROW_CODES = Object.keys(serverTextEn).filter((code) => /^recon\.(row|control|read)\./.test(code))

let t: TestCore
let admin: string

beforeEach(async () => {
  t = await makeCore()
  admin = await t.signIn(ADMIN.username, ADMIN.password)
})

async function dryRun(rows: string[], profile: unknown = BUILT_IN_PROFILES.generic_csv): Promise<ReconJobView> {
  const source = await t.ok('recon.sources.create', { name: 'Bank CSV', kind: 'bank', channelId: null, feeRate: null, feeFixed: null, currency: 'CNY', profile }, admin)
  const file = await t.ok('recon.uploads.put', { fileName: 'bad.csv', contentBase64: Buffer.from(['date,reference,amount,currency', ...rows].join('\n') + '\n').toString('base64') }, admin)
  const job = await t.ok('recon.imports.check', { sourceId: source.id, uploadId: file.uploadId }, admin)
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

describe('bad rows in the reader’s words, in either language', () => {
  it('the dry run gives each bad row a code and its parameters, not an English sentence', async () => {
    const job = await dryRun([
      '2024-05-01 08:00:00,A1,1.00,CNY',
      '2024-05-01 09:00:00,A2,12.3x,CNY',
      '2024-05-01 10:00:00,A3,1.234,CNY',
      '2024-05-01 11:00:00,A4,5.00,XYZ',
      '2024-05-01 12:00:00,A5,6.00',
      '2024-05-01 08:00:00,A1,1.00,CNY'
    ])
    expect(job.state).toBe('finished')
    const report = dryRunReport.parse(job.result)
    expect(report.problemCount).toBe(4)
    expect(report.problems.map((p) => [p.lineNo, p.field ?? null, p.reason])).toEqual([
      [3, 'gross', { code: 'recon.row.notAmount', params: { value: '12.3x' } }],
      [4, 'gross', { code: 'recon.row.amountPrecision', params: { currency: 'CNY', digits: 2 } }],
      [5, 'currency', { code: 'recon.row.unknownCurrency', params: { value: 'XYZ' } }],
      [6, null, { code: 'recon.row.fieldCount', params: { count: 3, width: 4 } }]
    ])
    // Line 7 repeats line 2: not a bad row (the whole file would be refused and the duplicate never
    // reported), but counted, and kept for the run.
    expect(report.twiceInFile).toBe(1)
    // The screens render them: English for an English clerk, Chinese (the value as written) for a Chinese one.
    const rendered = report.problems.map((p) => [translateServerText(en, p.reason), translateServerText(zh, p.reason)])
    expect(rendered.slice(0, 2)).toEqual([
      ['"12.3x" is not an amount', '"12.3x" 不是金额'],
      ['CNY has at most 2 decimal places', 'CNY 最多有 2 位小数']
    ])
    for (const [english, chinese] of rendered) {
      expect(chinese).not.toBe(english)
      expect(chinese).toMatch(/\p{Script=Han}/u)
      expect(`${english} ${chinese}`).not.toMatch(/\{\{|\}\}/)
    }
  })

  it('a control total the file cannot compute says why as a catalog text, not as an English figure', async () => {
    // The trailer sums a column the file does not have.
    const profile = {
      ...BUILT_IN_PROFILES.generic_csv,
      skipLinePrefixes: ['#'],
      controls: [{ type: 'trailer_line', name: 'bank.total', linePrefix: '#total', pattern: '^#total:(?<sum>[\\d.]+)', sums: [{ group: 'sum', of: { column: 'charges' } }], required: true }]
    }
    const job = await dryRun(['2024-05-01 08:00:00,A1,1.00,CNY', '#total:1.00'], profile)
    expect(job.state).toBe('finished')
    const report = dryRunReport.parse(job.result)
    expect(report.controls).toEqual([{ name: 'bank.total.sum', stated: '1.00', computed: '', ok: false, problem: { code: 'recon.control.columnMissing' } }])
    expect(translateServerText(zh, report.controls[0].problem!)).toBe('（文件中没有该列）')
  })

  it('a file the reader refuses fails its job with the reader’s reason as a catalog text', async () => {
    const source = await t.ok('recon.sources.create', { name: 'Empty', kind: 'bank', channelId: null, feeRate: null, feeFixed: null, currency: 'CNY', profile: BUILT_IN_PROFILES.generic_csv }, admin)
    const file = await t.ok('recon.uploads.put', { fileName: 'empty.csv', contentBase64: Buffer.from('\uFEFF').toString('base64') }, admin)
    const job = await t.ok('recon.imports.check', { sourceId: source.id, uploadId: file.uploadId }, admin)
    await t.core.recon.settled(job.id)
    const failed = await t.ok('recon.jobs.status', { jobId: job.id }, admin)
    expect(failed.error).toMatchObject({ code: 'recon.empty', message: 'The file is empty', text: { code: 'error.recon.readFailed', params: { reason: { code: 'recon.read.empty' } } } })
    expect(translateServerText(zh, failed.error!.text!)).not.toMatch(/[A-Za-z]/)
  })

  it('every row, control and read code reads in both catalogs with its parameters in place', () => {
    expect(ROW_CODES.length).toBeGreaterThan(30)
    for (const code of ROW_CODES) {
      const names = [...serverTextEn[code as keyof typeof serverTextEn].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])
      const text = { code, params: Object.fromEntries(names.map((n) => [n, `<${n}>`])) } as ServerText
      const english = translateServerText(en, text)
      const chinese = translateServerText(zh, text)
      expect(english, code).not.toBe(code)
      expect(chinese, code).not.toBe(code)
      expect(`${english} ${chinese}`, code).not.toMatch(/\{\{|\}\}/)
      for (const n of names) expect(chinese, `${code}: ${n}`).toContain(`<${n}>`)
      expect(chinese, code).toMatch(/\p{Script=Han}/u)
    }
  })
})

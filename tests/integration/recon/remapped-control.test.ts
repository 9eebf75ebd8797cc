/**
 * A channel renames a column a control adds up (WeChat's 手续费 became 交易手续费): the clerk maps
 * the new name to its field in a new profile version, and the summary control follows the field,
 * so 手续费总金额 is checked against the renamed column rather than failing on every later file.
 * Profiles saved before controls could name a field's column (they name 手续费 itself) are carried
 * over when the new version is saved.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { readStatement } from '../../../src/main/recon/formats'
import { BUILT_IN_PROFILES, type ReconProfile } from '../../../src/shared/contract/recon-profile'
import type { DryRunReport, ReconJobView } from '../../../src/shared/contract/reconciliation'
import { ADMIN, makeCore, type TestCore } from '../../support/core'
import { collect, tempFile, wechatText } from './fixtures'

let t: TestCore
let admin: string

beforeEach(async () => {
  t = await makeCore()
  admin = await t.signIn(ADMIN.username, ADMIN.password)
})

const WECHAT = BUILT_IN_PROFILES.wechat_trade
/** The bill after WeChat renamed 手续费 (the summary still states 手续费总金额). */
const renamed = () => wechatText().replace(',手续费,', ',交易手续费,')
const remapped = (profile: ReconProfile): ReconProfile => ({ ...profile, columns: { ...profile.columns, fee: '交易手续费' } })

/** The built-in WeChat profile as sources saved it before: its summary adds up columns named by their header text. */
const savedBefore: ReconProfile = {
  ...WECHAT,
  controls: WECHAT.controls.map((c) =>
    c.type === 'summary_row' ? { ...c, sums: c.sums.map((s) => ('columnOf' in s.of ? { ...s, of: { column: s.of.columnOf === 'fee' ? '手续费' : ['应结订单金额', '总金额'] } } : s)) } : c
  )
}

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

const failing = (controls: { name: string; ok: boolean }[]) => controls.filter((c) => !c.ok).map((c) => c.name)

describe('a control over a remapped column', () => {
  it('the built-in summary adds up the column the fee is mapped to, whatever it is called', async () => {
    const { hooks } = collect()
    const result = await readStatement(tempFile('renamed.csv', renamed()), remapped(WECHAT), hooks)
    expect(result.controls.find((c) => c.name === 'wechat.summary.手续费总金额')).toEqual({ name: 'wechat.summary.手续费总金额', stated: '0.39006', computed: '0.39006', ok: true })
    expect(failing(result.controls)).toEqual([])
  })

  it('a source saved before: the version that maps the renamed column carries the control over', async () => {
    // (A bank-kind source reading WeChat's layout: a channel source would need a channel, and matching is not the point here.)
    const source = await t.ok('recon.sources.create', { name: 'WeChat', kind: 'bank', channelId: null, feeRate: null, feeFixed: null, currency: 'CNY', profile: savedBefore }, admin)
    const file = async (text: string) => (await t.ok('recon.uploads.put', { fileName: 'bill.csv', contentBase64: Buffer.from(text).toString('base64') }, admin)).uploadId
    const check = async () => settled(await t.ok('recon.imports.check', { sourceId: source.id, uploadId: await file(renamed()) }, admin))

    // Version 1 stops at the header: 手续费 is gone.
    expect(await check()).toMatchObject({ state: 'failed', error: { code: 'recon.header_mismatch' } })
    // Version 2, as "Save a new profile version from this file" sends it: the fee mapped anew, the controls as they were.
    const saved = await t.ok('recon.profiles.save', { sourceId: source.id, profile: remapped(savedBefore), note: 'WeChat renamed 手续费' }, admin)
    const summary = saved.profile.controls.find((c) => c.type === 'summary_row')!
    expect(summary.type === 'summary_row' && summary.sums.map((s) => s.of)).toEqual([
      { columnOf: 'gross' },
      { column: '退款金额' },
      { column: '充值券退款金额' },
      { columnOf: 'fee' },
      { column: '订单金额' },
      { column: '申请退款金额' }
    ])
    const report = (await check()).result as DryRunReport
    expect(report.problemCount).toBe(0)
    expect(failing(report.controls)).toEqual([])
    expect(report.controls.find((c) => c.name === 'wechat.summary.手续费总金额')).toMatchObject({ stated: '0.39006', computed: '0.39006', ok: true })
  })
})

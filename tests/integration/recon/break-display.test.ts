/**
 * What a clerk reads of a break, in the list, its detail and the exported list: a fee mismatch's
 * amounts are each side's gross (its fees beside them, their difference its difference), a control
 * total's figures are money in the statement's currency with their difference, accepting theirs
 * is its own step of the history, and the request it makes keeps the clerk's own reason, the
 * break named in the reader's language.
 */
import i18next from 'i18next'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import type { ReconJobView } from '../../../src/shared/contract/reconciliation'
import { serverTextEn } from '../../../src/shared/i18n/server-text.en'
import { serverTextZhCN } from '../../../src/shared/i18n/server-text.zh-CN'
import { fromMinor } from '../../../src/shared/money'
import { SERVER_TEXT_NS, SERVER_TEXT_OPTIONS, translateServerText, type Translate } from '../../../src/shared/server-text'
import { simulatorStatementCsv, type SimulatorStatementRow } from '../../../src/main/recon/formats'
import { demoCoreOnFile, type TestCore } from '../../support/core'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-recon-display-', (core, token) => {
  t = core
  admin = token
})

function translator(lng: 'en' | 'zh-CN', catalog: Record<string, string>): Translate {
  const instance = i18next.createInstance()
  void instance.init({ lng, resources: { [lng]: { [SERVER_TEXT_NS]: catalog } }, defaultNS: SERVER_TEXT_NS, ...SERVER_TEXT_OPTIONS, initAsync: false })
  return instance.t as unknown as Translate
}
const en = translator('en', serverTextEn)
const zh = translator('zh-CN', serverTextZhCN)

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

interface Ours {
  id: number
  orderNo: string
  channelId: number
  amountMinor: number
  at: number
}

/** Succeeded CNY deposits of the demo, alone at their final time (the run's period is that instant). */
const taken = new Set<number>()
function paidOrder(): Ours {
  const rows = t.core.db.$client
    .prepare(
      `select id, order_no as orderNo, channel_id as channelId, coalesce(paid_minor, amount_minor) as amountMinor, coalesce(finalized_at, created_at) as at
       from orders o where direction = 'deposit' and status = 'succeeded' and currency = 'CNY' and is_test = 0 and coalesce(paid_minor, amount_minor) >= 100000
         and (select count(*) from orders x where coalesce(x.finalized_at, x.created_at) = coalesce(o.finalized_at, o.created_at)) = 1
       order by id`
    )
    .all() as Ours[]
  const picked = rows.find((r) => !taken.has(r.id))!
  taken.add(picked.id)
  return picked
}

let sources = 0
async function runOver(o: Ours, line: Partial<SimulatorStatementRow>, options: { feeRate?: string; totals?: { gross?: string; lines?: number } } = {}) {
  const source = await t.ok('recon.sources.create', { name: `Display ${++sources}`, kind: 'channel', channelId: o.channelId, feeRate: options.feeRate ?? null, feeFixed: options.feeRate ? '0.00' : null, currency: 'CNY', profile: BUILT_IN_PROFILES.simulator }, admin)
  const gross = fromMinor(o.amountMinor, 'CNY')
  const row: SimulatorStatementRow = { upstreamNo: `UP-${o.orderNo}`, orderNo: o.orderNo, kind: 'payment', status: 'succeeded', currency: 'CNY', gross, fee: '0.00', net: gross, at: o.at, ...line }
  const csv = simulatorStatementCsv([row], options.totals ? { totals: options.totals } : {})
  const upload = await t.ok('recon.uploads.put', { fileName: `display-${sources}.csv`, contentBase64: Buffer.from(csv, 'utf8').toString('base64') }, admin)
  const imported = await settled(await t.ok('recon.imports.commit', { sourceId: source.id, uploadId: upload.uploadId }, admin))
  expect(imported.state).toBe('finished')
  const statementId = (imported.result as { statementId: number }).statementId
  const started = await t.ok('recon.runs.start', { sourceId: source.id, statementIds: [statementId], from: o.at, to: o.at + 1 }, admin)
  expect((await settled(started.job)).state).toBe('finished')
  const breaks = (await t.ok('recon.breaks.list', { runId: started.run.id, pageSize: 100 }, admin)).items
  return { runId: started.run.id, breaks }
}

async function exportedRows(runId: number): Promise<{ header: string[]; rows: string[][] }> {
  const job = await settled(await t.ok('recon.runs.export', { id: runId, what: 'breaks', format: 'csv', language: 'en' }, admin))
  const bytes = Buffer.from((await t.ok('recon.jobs.file', { jobId: job.id }, admin)).contentBase64, 'base64')
  const [header, ...rows] = parse(bytes.toString('utf8'), { bom: true }) as string[][]
  return { header, rows }
}

describe("a break's money as a clerk reads it", () => {
  it("a fee mismatch: theirs and ours are each side's gross, the fees beside them, the fees' difference the difference (list, detail, export)", async () => {
    const o = paidOrder()
    const gross = fromMinor(o.amountMinor, 'CNY')
    // 0.6 % is due; the channel charged 1.2 % and a cent.
    const due = Math.round((o.amountMinor * 6000) / 1_000_000)
    const charged = Math.round((o.amountMinor * 12_000) / 1_000_000) + 1
    const { runId, breaks } = await runOver(o, { fee: fromMinor(-charged, 'CNY'), net: fromMinor(o.amountMinor - charged, 'CNY') }, { feeRate: '0.6' })
    const fee = breaks.find((b) => b.type === 'fee_mismatch')!
    expect(fee).toMatchObject({ theirs: { currency: 'CNY', amount: gross }, ours: { currency: 'CNY', amount: gross }, difference: fromMinor(charged - due, 'CNY'), fee: { theirs: fromMinor(charged, 'CNY'), ours: fromMinor(due, 'CNY') } })
    const detail = await t.ok('recon.breaks.get', { id: fee.id }, admin)
    expect(detail.fee).toEqual({ theirs: fromMinor(charged, 'CNY'), ours: fromMinor(due, 'CNY') })
    // The run's figures count the fees' difference, as before.
    const run = await t.ok('recon.runs.get', { id: runId }, admin)
    expect(run.summary!.breakAmounts.fee_mismatch).toEqual({ CNY: fromMinor(charged - due, 'CNY') })

    const { header, rows } = await exportedRows(runId)
    const row = rows.find((r) => r[0] === String(fee.id))!
    const cell = (name: string) => row[header.indexOf(name)]
    expect(['Theirs', 'Ours', 'Difference', 'Their fee', 'Fee by the schedule'].map(cell)).toEqual([gross, gross, fromMinor(charged - due, 'CNY'), fromMinor(charged, 'CNY'), fromMinor(due, 'CNY')])
  })

  it("a control total: its figures are money in the statement's currency, and its difference is the break's", async () => {
    const o = paidOrder()
    const stated = fromMinor(o.amountMinor + 1, 'CNY')
    const { runId, breaks } = await runOver(o, {}, { totals: { gross: stated } })
    const control = breaks.find((b) => b.type === 'control_total')!
    expect(control).toMatchObject({ difference: '0.01', theirs: { currency: 'CNY', amount: null } })
    const detail = await t.ok('recon.breaks.get', { id: control.id }, admin)
    expect(detail.detail).toMatchObject({ name: 'simulator.totals.gross', stated, computed: fromMinor(o.amountMinor, 'CNY'), difference: '0.01', currency: 'CNY' })
    const { header, rows } = await exportedRows(runId)
    expect(rows.find((r) => r[0] === String(control.id))![header.indexOf('Difference')]).toBe('0.01')
    // A count is no money: its difference is said in the detail, with no currency, and no amount is.
    const counted = (await runOver(paidOrder(), {}, { totals: { lines: 2 } })).breaks.find((b) => b.type === 'control_total')!
    expect(counted).toMatchObject({ difference: null, theirs: { currency: null, amount: null } })
    const countDetail = (await t.ok('recon.breaks.get', { id: counted.id }, admin)).detail
    expect(countDetail).toMatchObject({ name: 'simulator.totals.count', stated: '2', computed: '1', difference: '1' })
    expect(countDetail).not.toHaveProperty('currency')
  })
})

describe('accepting theirs from a break', () => {
  it("is its own step of the history; the adjustment keeps the clerk's reason and names the break in either language", async () => {
    const o = paidOrder()
    const { breaks } = await runOver(o, { gross: fromMinor(o.amountMinor + 100, 'CNY'), net: fromMinor(o.amountMinor + 100, 'CNY') })
    const over = breaks.find((b) => b.type === 'amount_over')!
    const asked = await t.ok('recon.breaks.resolve', { id: over.id, action: 'accept_theirs', reason: '渠道多结算了一元', requestKey: `display-${over.id}` }, admin)
    expect(asked.status).toBe('awaiting_approval')
    expect(asked.history.map((h) => h.action)).toEqual(['requested'])
    const adjustment = await t.ok('adjustments.get', { id: asked.adjustmentId! }, admin)
    expect(adjustment.reason).toBe('渠道多结算了一元')
    const link = adjustment.timeline.find((e) => e.text.code === 'recon.requestedFromBreak')!
    expect(translateServerText(en, link.text)).toBe(`Asked for to accept theirs on reconciliation break ${over.id} (amount over)`)
    expect(translateServerText(zh, link.text)).toBe(`为对账差异 ${over.id}（金额多）以对方为准而申请`)
    // The approver's list and the adjustment itself say it too, beside the clerk's reason.
    const [listed] = (await t.ok('adjustments.list', { search: adjustment.adjustmentNo }, admin)).items
    expect([listed.reason, translateServerText(en, listed.fromBreak!)]).toEqual(['渠道多结算了一元', `Asked for to accept theirs on reconciliation break ${over.id} (amount over)`])
    expect(adjustment.fromBreak).toEqual(link.text)
  })

  it("marking the order under four eyes: the request keeps the clerk's reason, the order's timeline names the break", async () => {
    const o = paidOrder()
    // Ours failed to see the payment: a deposit still open that theirs paid.
    t.core.db.$client.prepare("update orders set status = 'pending', paid_minor = null, finalized_at = null where id = ?").run(o.id)
    const { breaks } = await runOver(o, {})
    const unpaid = breaks.find((b) => b.causeKey === 'theirs_paid_ours_not')!
    await t.ok('fourEyes.updateSettings', { rules: [{ kind: 'mark_result', currency: 'CNY', threshold: '0.01' }] }, admin)
    try {
      const asked = await t.ok('recon.breaks.resolve', { id: unpaid.id, action: 'accept_theirs', reason: 'Channel statement shows it paid' }, admin)
      expect(asked.status).toBe('awaiting_approval')
      expect(asked.history.map((h) => h.action)).toEqual(['requested'])
      const [request] = (await t.ok('approvals.list', { orderId: o.id }, admin)).items
      expect(request).toMatchObject({ id: asked.approvalId, reason: 'Channel statement shows it paid' })
      // The approver's list names the break beside the clerk's reason.
      expect(translateServerText(en, request.fromBreak!)).toBe(`Asked for to accept theirs on reconciliation break ${unpaid.id} (status mismatch)`)
      const order = await t.ok('orders.get', { id: o.id }, admin)
      const link = order.timeline.find((e) => e.text?.code === 'recon.requestedFromBreak')!
      expect(translateServerText(zh, link.text!)).toBe(`为对账差异 ${unpaid.id}（状态不符）以对方为准而申请`)
    } finally {
      await t.ok('fourEyes.updateSettings', { rules: [] }, admin)
    }
  })
})

/**
 * Reconciliation through its procedures, on a database file (imports, runs and exports in the
 * worker thread, lists in the read workers): the demo's run with a break of every type, each
 * decided through the screens' procedures (the money-moving ones through their maker-checker),
 * bulk decisions with their cap, an export worked offline and brought back, a rerun that proves
 * the same result, the same file refused twice, and the merchant scope.
 */
import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import type { BreakRow, ReconJobView } from '../../../src/shared/contract/reconciliation'
import { simulatorStatementCsv } from '../../../src/main/recon/formats'
import { DEMO_USERS } from '../../../src/main/demo'
import { PERMISSIONS } from '../../../src/shared/permissions'
import { formatAmount } from '../../../src/shared/money-text'
import { TENANT_ID } from '../../../src/main/app/bootstrap'
import { tenantZone } from '../../../src/main/core/tenant'
import { businessDayFn, dayStartMs } from '../../../src/main/ledger/business-day'
import { isoDay } from '../../../src/main/reports/bounds'
import { demoCoreOnFile, skipFirstPasswordChange, type TestCore } from '../../support/core'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-recon-', (core, token) => {
  t = core
  admin = token
})

const user = (name: string) => DEMO_USERS.find((u) => u.username === name)!
const signInDemo = (name: string) => t.signIn(name, user(name).password)

async function settled(job: ReconJobView, token = admin): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, token)
}

async function demoRun() {
  const runs = await t.ok('recon.runs.list', {}, admin)
  return t.ok('recon.runs.get', { id: runs.items[runs.items.length - 1].id }, admin)
}

async function breaksOf(runId: number, filter: Record<string, unknown> = {}, token = admin): Promise<BreakRow[]> {
  return (await t.ok('recon.breaks.list', { runId, pageSize: 100, ...filter }, token)).items
}

/** An exported column by its code in brackets (`Your reason [reason]`). */
function columnOf(header: readonly string[], code: string): number {
  const index = header.findIndex((h) => h.endsWith(`[${code}]`))
  expect(index, code).toBeGreaterThanOrEqual(0)
  return index
}

const upload = (fileName: string, text: string, token = admin) => t.ok('recon.uploads.put', { fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') }, token)

describe('reconciliation procedures', () => {
  it('the demo opens to a finished run with a break of every type, its hashes and its figures', async () => {
    const run = await demoRun()
    expect(run.status).toBe('finished')
    expect(run.resultHash).toMatch(/^[0-9a-f]{64}$/)
    expect(run.inputHash).toMatch(/^[0-9a-f]{64}$/)
    // Its period is whole business days of the tenant's zone, as every day in the app is.
    const zone = tenantZone(t.core.db, TENANT_ID)
    const dayStart = (ms: number) => dayStartMs(isoDay(businessDayFn(zone)(ms)), zone)
    expect([dayStart(run.scope.from), dayStart(run.scope.to)]).toEqual([run.scope.from, run.scope.to])
    expect(Object.keys(run.summary!.breaks).sort()).toEqual(['amount_over', 'amount_short', 'control_total', 'currency_mismatch', 'duplicate', 'fee_mismatch', 'missing_ours', 'missing_theirs', 'status_mismatch'])
    // Amounts cross as decimal text in their currency.
    expect(run.summary!.breakAmounts.amount_over).toEqual({ CNY: '1.00' })
    expect(run.summary!.breakAmounts.missing_ours).toEqual({ CNY: '123.45' })
    expect(run.causes.find((c) => c.causeKey === 'theirs_paid_ours_not')).toMatchObject({ type: 'status_mismatch', open: 1 })
    const list = await breaksOf(run.id)
    expect(list).toHaveLength(run.summary!.open)
    expect(list.every((b) => b.status === 'open')).toBe(true)

    // Its figures tie back to the file: a line a break is about (the duplicate copy, the line in
    // dollars, another amount, …) is not matched, nor its amount in the matched amount.
    const s = run.summary!
    const brokenLines = new Set(list.flatMap((b) => (b.lineId === null ? [] : [b.lineId])))
    expect(s.linesWithBreaks).toBe(brokenLines.size)
    expect(s.matched + s.linesWithBreaks! + s.pending.lines + s.linesNotForMatching!).toBe(s.lines)
    expect(Object.keys(s.matchedAmount)).toEqual(['CNY'])
    const matches = await settled(await t.ok('recon.runs.export', { id: run.id, what: 'matches', format: 'csv' }, admin))
    const [head, ...rows] = parse(Buffer.from((await t.ok('recon.jobs.file', { jobId: matches.id }, admin)).contentBase64, 'base64').toString('utf8'), { bom: true }) as string[][]
    const matchedLines = rows.map((r) => Number(r[columnOf(head, 'line_id')]))
    expect(matchedLines).toHaveLength(s.matched)
    expect(matchedLines.filter((id) => brokenLines.has(id))).toEqual([])
  })

  it("finds breaks by a number exactly: our order's or refund's, or one their line carries", async () => {
    const run = await demoRun()
    const all = await breaksOf(run.id)
    const found = async (search: string) => (await breaksOf(run.id, { search })).map((b) => b.id)
    // Missing on their side: found by our order's number, and by its merchant order no.
    const ours = all.find((b) => b.type === 'missing_theirs' && b.orderId !== null)!
    const order = await t.ok('orders.get', { id: ours.orderId! }, admin)
    expect(await found(order.orderNo)).toContain(ours.id)
    expect(await found(order.merchantOrderNo)).toContain(ours.id)
    // Missing on ours: only their line has numbers.
    const theirs = all.find((b) => b.type === 'missing_ours' && (b.theirKeys.upstreamNo ?? b.theirKeys.orderNo))!
    const theirNumber = (theirs.theirKeys.upstreamNo ?? theirs.theirKeys.orderNo)!
    expect(await found(theirNumber)).toContain(theirs.id)
    // Exact numbers only: a part of one finds nothing.
    expect(await found(theirNumber.slice(0, -1))).not.toContain(theirs.id)
    expect(await found('NO-SUCH-NUMBER-1')).toEqual([])
  })

  it('decides one break of each type; money moves only through the manual operation and an approved adjustment', async () => {
    const run = await demoRun()
    const one = async (type: string, cause?: string) => (await breaksOf(run.id, { type, ...(cause ? { causeKey: cause } : {}) }))[0]
    const finance = await signInDemo('demo.finance')

    // Theirs paid, ours closed: the order is marked succeeded for what they paid, and cannot be undone.
    const unpaid = await one('status_mismatch', 'theirs_paid_ours_not')
    const accepted = await t.ok('recon.breaks.resolve', { id: unpaid.id, action: 'accept_theirs', reason: 'Channel statement shows it paid' }, admin)
    expect(accepted).toMatchObject({ status: 'resolved', resolution: 'accepted_theirs' })
    expect((await t.ok('orders.get', { id: unpaid.orderId! }, admin)).status).toBe('succeeded')
    expect(await t.call('recon.breaks.resolve', { id: unpaid.id, action: 'undo', reason: 'Changed my mind' }, admin)).toMatchObject({ status: 409, code: 'recon.undo_moved_money' })

    // A line nobody booked: accepted through an adjustment that another user approves.
    const stranger = await one('missing_ours')
    const detail = await t.ok('recon.breaks.get', { id: stranger.id }, admin)
    expect(detail.actions).toContain('accept_theirs')
    expect(detail.line?.gross).toBe('123.45')
    const cn = (await t.ok('merchants.list', { search: 'Shanghai' }, admin)).items[0] ?? (await t.ok('merchants.list', {}, admin)).items[0]
    const contract = (await t.ok('contracts.list', { merchantId: cn.id }, admin)).items.find((c) => c.settlementCurrency === 'CNY')!
    const noAccount = await t.call('recon.breaks.resolve', { id: stranger.id, action: 'accept_theirs', reason: 'Channel credited us', requestKey: 'recon-stranger-1' }, admin)
    expect(noAccount).toMatchObject({ status: 400, field: 'merchantId' })
    const waiting = await t.ok('recon.breaks.resolve', { id: stranger.id, action: 'accept_theirs', reason: 'Channel credited us', merchantId: contract.merchantId, contractId: contract.id, requestKey: 'recon-stranger-1' }, admin)
    expect(waiting.status).toBe('awaiting_approval')
    const adjustment = await t.ok('adjustments.get', { id: waiting.adjustmentId! }, admin)
    expect(adjustment).toMatchObject({ amount: '123.45', currency: 'CNY', status: 'pending' })
    // The requester cannot approve their own.
    expect((await t.call('adjustments.decide', { id: adjustment.id, decision: 'approve' }, admin)).status).toBe(403)
    await t.ok('adjustments.decide', { id: adjustment.id, decision: 'approve' }, finance)
    expect(await t.ok('recon.breaks.get', { id: stranger.id }, admin)).toMatchObject({ status: 'resolved', resolution: 'accepted_theirs' })

    // An amount over, accepted by an adjustment the checker rejects: open again, with its history.
    const over = await one('amount_over')
    const asked = await t.ok('recon.breaks.resolve', { id: over.id, action: 'accept_theirs', reason: 'They paid one more yuan', requestKey: 'recon-over-1' }, admin)
    expect((await t.ok('adjustments.get', { id: asked.adjustmentId! }, admin)).amount).toBe('1.00')
    await t.ok('adjustments.decide', { id: asked.adjustmentId!, decision: 'reject', note: 'Not ours to keep' }, finance)
    const reopened = await t.ok('recon.breaks.get', { id: over.id }, admin)
    expect(reopened).toMatchObject({ status: 'open', adjustmentId: null })
    expect(reopened.history.map((h) => h.action)).toEqual(['requested', 'reopened'])

    // Decisions that move nothing: undone and taken again, the history keeps every step.
    const short = await one('amount_short')
    await t.ok('recon.breaks.resolve', { id: short.id, action: 'ignore', reason: 'Rounding at the bank' }, admin)
    await t.ok('recon.breaks.resolve', { id: short.id, action: 'undo', reason: 'Needs a second look' }, admin)
    const shortDone = await t.ok('recon.breaks.resolve', { id: short.id, action: 'write_off', reason: 'Below the write-off limit' }, admin)
    expect(shortDone.history.map((h) => `${h.action}:${h.resolution ?? ''}`)).toEqual(['resolved:ignored', 'undone:', 'resolved:written_off'])

    for (const type of ['missing_theirs', 'currency_mismatch', 'duplicate', 'control_total']) {
      const b = await one(type)
      const done = await t.ok('recon.breaks.resolve', { id: b.id, action: type === 'duplicate' ? 'write_off' : 'ignore', reason: `Checked with the channel: ${type}` }, admin)
      expect(done.status).toBe('resolved')
    }
    // A fee break cannot be accepted as theirs (no money of the merchant's is in question).
    const fee = await one('fee_mismatch')
    expect(await t.call('recon.breaks.resolve', { id: fee.id, action: 'accept_theirs', reason: 'Fee is what it is', requestKey: 'recon-fee-1' }, admin)).toMatchObject({ status: 409, code: 'recon.action_not_allowed' })
    const financeId = (await t.ok('users.list', { search: 'demo.finance' }, admin)).items[0].id
    const assigned = await t.ok('recon.breaks.resolve', { id: fee.id, action: 'assign', reason: 'Fee schedule question', assignTo: financeId }, admin)
    expect(assigned.assignedTo).toBe('demo.finance')
    expect((await breaksOf(run.id, { assignedToMe: true }, finance)).map((b) => b.id)).toEqual([fee.id])

    // Every decision is audited.
    const audit = await t.ok('audit.list', { targetType: 'recon_break', pageSize: 100 }, admin)
    expect(audit.items.length).toBeGreaterThanOrEqual(10)
  })

  it('bulk decisions keep to their cap and answer each break; a rerun proves the same result and carries the decisions', async () => {
    const run = await demoRun()
    const open = await breaksOf(run.id, { status: 'open' })
    expect(open.length).toBeGreaterThan(1)
    const over = await t.call('recon.breaks.bulk', { filter: { runId: run.id }, action: 'ignore', reason: 'Too many at once', cap: 1 }, admin)
    expect(over).toMatchObject({ status: 409, code: 'recon.bulk_over_cap' })
    expect((await breaksOf(run.id, { status: 'open' })).length).toBe(open.length)

    const group = open[0].causeKey
    const inGroup = open.filter((b) => b.causeKey === group)
    const bulk = await t.ok('recon.breaks.bulk', { filter: { runId: run.id, causeKey: group }, action: 'write_off', reason: 'Whole group explained by the channel' }, admin)
    expect(bulk.results.map((r) => r.id).sort()).toEqual(inGroup.map((b) => b.id).sort())
    expect(bulk.results.every((r) => r.ok)).toBe(true)
    // The list read before the decisions is not kept past them (its positions hold while the run's breaks are unchanged).
    const left = await t.ok('recon.breaks.list', { runId: run.id, status: 'open', pageSize: 100 }, admin)
    expect(left.total).toBe(open.length - inGroup.length)
    expect(left.items.some((b) => b.causeKey === group)).toBe(false)

    // An open break given an owner and a note: both follow it into the next run.
    const owned = left.items[0]
    const financeId = (await t.ok('users.list', { search: 'demo.finance' }, admin)).items[0].id
    await t.ok('recon.breaks.resolve', { id: owned.id, action: 'assign', reason: 'Channel ticket', assignTo: financeId }, admin)
    await t.ok('recon.breaks.resolve', { id: owned.id, action: 'annotate', reason: 'Ticket #4471 opened with the channel' }, admin)

    // The same statement run again: the same result hash, and every decision taken carried.
    const before = await t.ok('recon.breaks.list', { runId: run.id, status: 'resolved', pageSize: 100 }, admin)
    const again = await t.ok('recon.runs.start', { sourceId: run.sourceId, statementIds: run.scope.statementIds, from: run.scope.from, to: run.scope.to }, admin)
    expect((await settled(again.job)).state).toBe('finished')
    const rerun = await t.ok('recon.runs.get', { id: again.run.id }, admin)
    // Every break decided before comes back decided (the one whose order was marked paid is no longer a break at all).
    const rerunBreaks = await breaksOf(rerun.id)
    const same = rerunBreaks.find((b) => b.type === owned.type && b.orderId === owned.orderId && b.lineId === owned.lineId)!
    expect(same).toMatchObject({ status: 'open', assignedTo: 'demo.finance' })
    const history = (await t.ok('recon.breaks.get', { id: same.id }, admin)).history
    expect(history.slice(-2).map((h) => [h.action, h.summary])).toEqual([
      ['assigned', 'Assigned to demo.finance by root: Channel ticket'],
      ['annotated', 'Note by root: Ticket #4471 opened with the channel']
    ])
    const carried = rerunBreaks.filter((b) => b.status === 'resolved')
    expect(carried.length).toBe(rerun.summary!.carried)
    expect(carried.length).toBeGreaterThanOrEqual(before.total - 1)
    const third = await t.ok('recon.runs.start', { sourceId: run.sourceId, statementIds: run.scope.statementIds, from: run.scope.from, to: run.scope.to }, admin)
    await settled(third.job)
    expect((await t.ok('recon.runs.get', { id: third.run.id }, admin)).resultHash).toBe(rerun.resultHash)
  })

  it("a bank account's statement is matched against our orders in its currencies only", async () => {
    const demo = await demoRun()
    const { from, to } = demo.scope
    // The demo's day has orders in other currencies than the bank account's.
    const currencies = t.core.db.$client.prepare('select distinct currency from orders where created_at >= ? and created_at < ?').pluck().all(from, to)
    expect(currencies).toContain('CNY')
    expect(currencies.length).toBeGreaterThan(1)
    const source = await t.ok('recon.sources.create', { name: 'CNY bank account', kind: 'bank', channelId: null, feeRate: null, feeFixed: null, currency: 'CNY', profile: BUILT_IN_PROFILES.simulator }, admin)
    const csv = simulatorStatementCsv([{ upstreamNo: 'BANK-CREDIT-1', orderNo: '', kind: 'settlement', status: 'succeeded', currency: 'CNY', gross: '88.88', fee: '0.00', net: '88.88', at: from + 3_600_000 }])
    const imported = await settled(await t.ok('recon.imports.commit', { sourceId: source.id, uploadId: (await upload('bank.csv', csv)).uploadId }, admin))
    const statementId = (imported.result as { statementId: number }).statementId
    const started = await t.ok('recon.runs.start', { sourceId: source.id, statementIds: [statementId], from, to }, admin)
    await settled(started.job)
    const summary = (await t.ok('recon.runs.get', { id: started.run.id }, admin)).summary!
    expect(summary.breaks.missing_theirs).toBeGreaterThan(0)
    expect([...new Set(Object.values(summary.breakAmounts).flatMap((amounts) => Object.keys(amounts)))]).toEqual(['CNY'])

    // Their line matched by hand to an order of ours missing on their side: both halves of the
    // difference are matched, the line's detail shows the order; undone, both are open again.
    const credit = (await breaksOf(started.run.id, { type: 'missing_ours' }))[0]
    const ours = (await breaksOf(started.run.id, { type: 'missing_theirs' }))[0]
    // An order in another currency is another payment: refused, naming the order field.
    const otherCurrency = t.core.db.$client.prepare("select id, order_no as orderNo, currency from orders where currency <> 'CNY' limit 1").get() as { id: number; orderNo: string; currency: string }
    const refused = await t.call('recon.breaks.resolve', { id: credit.id, action: 'match', orderId: otherCurrency.id, reason: 'Bank credit of that payment' }, admin)
    expect(refused).toMatchObject({ status: 400, field: 'orderId' })
    expect(refused.message).toBe(`orderId: ${otherCurrency.orderNo} is in ${otherCurrency.currency} and their line in CNY: another currency is another payment`)
    await t.ok('recon.breaks.resolve', { id: credit.id, action: 'match', orderId: ours.orderId!, reason: 'Bank credit of that payment' }, admin)
    // Another amount is matched, and said: the run reports it as an amount over or short.
    const oursAmount = (await t.ok('orders.get', { id: ours.orderId! }, admin)).amount
    expect((await t.ok('recon.breaks.get', { id: credit.id }, admin)).history.at(-1)?.summary).toBe(
      `Matched by hand to ${ours.orderNo} by root: Bank credit of that payment. Their line is 88.88 CNY, ${ours.orderNo} is ${formatAmount(oursAmount, 'CNY')}: a rerun reports the difference`
    )
    const matched = await t.ok('recon.breaks.get', { id: ours.id }, admin)
    expect(matched).toMatchObject({ status: 'resolved', resolution: 'matched' })
    expect(matched.history.at(-1)?.summary).toBe(`Matched by hand with their line 2 (break ${credit.id}) by root: Bank credit of that payment`)
    expect((await t.ok('recon.breaks.get', { id: credit.id }, admin)).order?.id).toBe(ours.orderId)
    await t.ok('recon.breaks.resolve', { id: credit.id, action: 'undo', reason: 'Wrong payment' }, admin)
    expect(await t.ok('recon.breaks.get', { id: ours.id }, admin)).toMatchObject({ status: 'open', resolution: null })
  })

  it('a generic CSV or bank profile starts in the business zone; the channels’ layouts keep their senders’ zones', async () => {
    const zone = tenantZone(t.core.db, TENANT_ID)
    expect(zone).not.toBe('+00:00')
    const zones = Object.fromEntries((await t.ok('recon.profiles.builtIn', {}, admin)).map((b) => [b.name, b.profile.timeZone]))
    // They started at +00:00: a local file's 10:00 became 18:00, and a bank statement's day began at 08:00, on a UTC+08:00 desk.
    expect(zones).toMatchObject({ generic_csv: zone, camt053: zone, mt940: zone, alipay_trade: '+08:00', wechat_trade: '+08:00' })
  })

  it('a bank line dated without a time of day is never put down to the cut-off', async () => {
    const demo = await demoRun()
    const zone = tenantZone(t.core.db, TENANT_ID)
    const profile = { ...BUILT_IN_PROFILES.generic_csv, dateFormat: 'yyyy-MM-dd', timeZone: zone }
    const source = await t.ok('recon.sources.create', { name: 'CNY bank, dates only', kind: 'bank', channelId: null, feeRate: null, feeFixed: null, currency: 'CNY', profile }, admin)
    const day = isoDay(businessDayFn(zone)(demo.scope.from))
    const csv = `date,reference,amount,currency\n${day},BANK-CHARGE-1,-12.00,CNY\n`
    const imported = await settled(await t.ok('recon.imports.commit', { sourceId: source.id, uploadId: (await upload('dates.csv', csv)).uploadId }, admin))
    const statementId = (imported.result as { statementId: number }).statementId
    const started = await t.ok('recon.runs.start', { sourceId: source.id, statementIds: [statementId], from: demo.scope.from, to: demo.scope.from + 86_400_000 }, admin)
    await settled(started.job)
    const theirs = (await breaksOf(started.run.id)).filter((b) => b.type === 'missing_ours')
    expect(theirs.map((b) => [b.theirKeys.upstreamNo, b.causeKey])).toEqual([['BANK-CHARGE-1', 'missing_ours']])
  })

  it('exports the breaks with formulas escaped, and brings decisions worked offline back', async () => {
    // A source whose file has a line keyed like a spreadsheet formula.
    const channels = (await t.ok('channels.list', {}, admin)).items
    const source = await t.ok('recon.sources.create', { name: 'Hostile bills', kind: 'channel', channelId: channels[0].id, feeRate: null, feeFixed: null, currency: 'CNY', profile: BUILT_IN_PROFILES.simulator }, admin)
    const at = Date.UTC(2026, 9, 1, 3)
    const csv = simulatorStatementCsv([
      { upstreamNo: '=HYPERLINK("http://evil")', orderNo: '', kind: 'payment', status: 'succeeded', currency: 'CNY', gross: '77.70', fee: '0.00', net: '77.70', at },
      { upstreamNo: 'PLAIN-1', orderNo: '', kind: 'payment', status: 'succeeded', currency: 'CNY', gross: '88.80', fee: '0.00', net: '88.80', at: at + 1000 },
      // Numbers a spreadsheet would turn into 4.2E+24 and strip of their zeros.
      { upstreamNo: '4200001999202610130000001', orderNo: '00012345678901234567', kind: 'payment', status: 'succeeded', currency: 'CNY', gross: '99.90', fee: '0.00', net: '99.90', at: at + 2000 }
    ])
    const file = await upload('hostile.csv', csv)
    const check = await settled(await t.ok('recon.imports.check', { sourceId: source.id, uploadId: file.uploadId }, admin))
    expect(check.result).toMatchObject({ lineCount: 3, problemCount: 0, refused: null })
    const imported = await settled(await t.ok('recon.imports.commit', { sourceId: source.id, uploadId: file.uploadId }, admin))
    const statementId = (imported.result as { statementId: number }).statementId
    // The same file again is refused, and nothing of it is stored twice.
    const again = await settled(await t.ok('recon.imports.commit', { sourceId: source.id, uploadId: (await upload('hostile-copy.csv', csv)).uploadId }, admin))
    expect(again).toMatchObject({ state: 'failed', error: { code: 'recon.file_already_imported' } })
    expect((await t.ok('recon.statements.list', { sourceId: source.id }, admin)).total).toBe(1)

    const started = await t.ok('recon.runs.start', { sourceId: source.id, statementIds: [statementId], from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 9, 2) }, admin)
    await settled(started.job)
    const exported = await settled(await t.ok('recon.runs.export', { id: started.run.id, what: 'breaks', format: 'csv' }, admin))
    const back = await t.ok('recon.jobs.file', { jobId: exported.id }, admin)
    const text = Buffer.from(back.contentBase64, 'base64').toString('utf8')
    const rows = parse(text, { bom: true }) as string[][]
    const header = rows[0]
    const upstream = header.indexOf('Their transaction no.')
    // Long numbers end in a TAB, as Alipay writes them, so a spreadsheet keeps them as text; a formula stays escaped.
    expect(rows.slice(1).map((r) => [r[upstream], r[header.indexOf('Their order no.')]]).sort()).toEqual([
      ["'=HYPERLINK(\"http://evil\")", ''],
      ['4200001999202610130000001\t', '00012345678901234567\t'],
      ['PLAIN-1', '']
    ])
    expect(text).toContain(',00012345678901234567\t,4200001999202610130000001\t,')

    // The clerk fills in a decision for two rows (the long numbers' one as a spreadsheet saves it) and leaves one alone.
    const byUpstream = (start: string) => rows.find((r) => r[upstream].startsWith(start))!
    const [first, second, third] = [byUpstream("'="), byUpstream('PLAIN'), byUpstream('42')]
    first[columnOf(header, 'action')] = 'ignore'
    first[columnOf(header, 'reason')] = 'Test payment by the channel'
    second[columnOf(header, 'action')] = 'accept_theirs'
    second[columnOf(header, 'reason')] = 'Not allowed from a file'
    third[columnOf(header, 'action')] = 'write_off'
    third[columnOf(header, 'reason')] = 'Channel test order, long numbers'
    const worked = [header, first, second, third].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n')
    const decisions = await t.ok('recon.breaks.importDecisions', { runId: started.run.id, uploadId: (await upload('worked.csv', worked)).uploadId }, admin)
    expect(decisions.results.map((r) => [r.lineNo, r.id, r.ok])).toEqual([
      [2, Number(first[0]), true],
      [3, Number(second[0]), false],
      [4, Number(third[0]), true]
    ])
    expect((await t.ok('recon.breaks.get', { id: Number(third[0]) }, admin)).resolution).toBe('written_off')
    expect((await t.ok('recon.breaks.get', { id: Number(first[0]) }, admin)).resolution).toBe('ignored')
    // Exported again, the decided row carries its decision's reason; the open one none.
    const reexported = await settled(await t.ok('recon.runs.export', { id: started.run.id, what: 'breaks', format: 'csv' }, admin))
    const [head, ...rowsAgain] = parse(Buffer.from((await t.ok('recon.jobs.file', { jobId: reexported.id }, admin)).contentBase64, 'base64').toString('utf8'), { bom: true }) as string[][]
    const reasonOf = (id: string) => rowsAgain.find((r) => r[0] === id)![head.indexOf('Decided because')]
    expect([reasonOf(first[0]), reasonOf(second[0]), reasonOf(third[0])]).toEqual(['Test payment by the channel', '', 'Channel test order, long numbers'])

    const report = await settled(await t.ok('recon.runs.export', { id: started.run.id, what: 'report', format: 'xlsx' }, admin))
    expect(report.state).toBe('finished')
    // Named as the reports' exports are: its time in the user's zone (the business zone here, Shanghai), the offset said.
    expect((await t.ok('recon.jobs.file', { jobId: report.id }, admin)).fileName).toMatch(new RegExp(`^run-${started.run.id}-report-\\d{8}-\\d{6}-UTC\\+0800\\.xlsx$`))
  })

  it('exports each side of a break in its own currency', async () => {
    await demoRun()
    // Their line in VND (no decimals) for one of our CNY payments (two): a currency mismatch.
    const order = t.core.db.$client
      .prepare("select id, order_no as orderNo, channel_id as channelId, amount_minor as amountMinor, created_at as at from orders where currency = 'CNY' and direction = 'deposit' and status = 'succeeded' limit 1")
      .get() as { id: number; orderNo: string; channelId: number; amountMinor: number; at: number }
    const source = await t.ok('recon.sources.create', { name: 'VND bills of a CNY channel', kind: 'channel', channelId: order.channelId, feeRate: null, feeFixed: null, currency: 'CNY', profile: BUILT_IN_PROFILES.simulator }, admin)
    const csv = simulatorStatementCsv([{ upstreamNo: 'VND-1', orderNo: order.orderNo, kind: 'payment', status: 'succeeded', currency: 'VND', gross: '250000', fee: '0', net: '250000', at: order.at }])
    const imported = await settled(await t.ok('recon.imports.commit', { sourceId: source.id, uploadId: (await upload('vnd.csv', csv)).uploadId }, admin))
    const started = await t.ok('recon.runs.start', { sourceId: source.id, statementIds: [(imported.result as { statementId: number }).statementId], from: order.at - 3_600_000, to: order.at + 3_600_000 }, admin)
    await settled(started.job)
    const mismatch = (await breaksOf(started.run.id, { type: 'currency_mismatch' }))[0]
    expect([mismatch.theirs.currency, mismatch.theirs.amount, mismatch.ours.currency]).toEqual(['VND', '250000', 'CNY'])
    const exported = await settled(await t.ok('recon.runs.export', { id: started.run.id, what: 'breaks', format: 'csv' }, admin))
    const [head, ...rows] = parse(Buffer.from((await t.ok('recon.jobs.file', { jobId: exported.id }, admin)).contentBase64, 'base64').toString('utf8'), { bom: true }) as string[][]
    const row = rows.find((r) => r[0] === String(mismatch.id))!
    const cell = (name: string) => row[head.indexOf(name)]
    // Ours was written in the line's currency, with its decimals (CNY 1,000.00 as "100000").
    expect([cell('Their currency'), cell('Theirs'), cell('Our currency'), cell('Ours')]).toEqual(['VND', '250000', 'CNY', mismatch.ours.amount])
    // In XLSX the numbers show each currency's decimals (they showed as bare numbers).
    const xlsx = await settled(await t.ok('recon.runs.export', { id: started.run.id, what: 'breaks', format: 'xlsx' }, admin))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from((await t.ok('recon.jobs.file', { jobId: xlsx.id }, admin)).contentBase64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    const titles = (sheet.getRow(1).values as string[]).slice(1)
    const sheetRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === mismatch.id)!
    const format = (name: string) => sheetRow.getCell(titles.indexOf(name) + 1).numFmt
    expect([format('Theirs'), format('Ours')]).toEqual(['#,##0', '#,##0.00'])
    expect(sheetRow.getCell(titles.indexOf('Ours') + 1).value).toBe(Number(mismatch.ours.amount))
  })

  it('holds the merchant scope: no sources, statements or lines, and only its own breaks', async () => {
    const run = await demoRun()
    const all = await breaksOf(run.id)
    const cnId = all.find((b) => b.merchantId !== null)!.merchantId!
    const others = (await t.ok('merchants.list', { pageSize: 100 }, admin)).items.filter((m) => m.id !== cnId)
    const role = await t.ok('roles.create', { name: 'Merchant reconciliation', permissions: [PERMISSIONS.RECONCILIATION_READ, PERMISSIONS.ORDER_READ, PERMISSIONS.MASTER_DATA_READ] }, admin)
    // A merchant-bound user may not hold the write code at all: imports, runs and decisions span every merchant.
    const writers = await t.ok('roles.create', { name: 'Merchant recon writers', permissions: [PERMISSIONS.RECONCILIATION_WRITE, PERMISSIONS.RECONCILIATION_READ, PERMISSIONS.MASTER_DATA_READ] }, admin)
    expect(await t.call('users.create', { username: 'cn.writer', displayName: 'W', password: 'Initial-pass-1', merchantId: cnId, roleIds: [writers.id] }, admin)).toMatchObject({ status: 400, field: 'roleIds' })
    const bound = async (username: string, merchantId: number) => {
      const created = await t.ok('users.create', { username, displayName: username, password: 'Initial-pass-1', merchantId, roleIds: [role.id] }, admin)
      skipFirstPasswordChange(t.core, created.id)
      return t.signIn(username, 'Initial-pass-1')
    }
    const cnUser = await bound('cn.recon', cnId)
    const otherUser = await bound('other.recon', others[0].id)

    for (const token of [cnUser, otherUser]) {
      expect(await t.call('recon.sources.list', {}, token)).toMatchObject({ status: 403, code: 'scope.platform_only' })
      expect(await t.call('recon.statements.list', {}, token)).toMatchObject({ status: 403 })
      expect(await t.call('recon.statements.lines', { statementId: run.scope.statementIds[0] }, token)).toMatchObject({ status: 403 })
      expect(await t.call('recon.uploads.put', { fileName: 'x.csv', contentBase64: 'YQ==' }, token)).toMatchObject({ status: 403 })
    }
    // Its own merchant's breaks, every one of them, and nothing of the lines nobody of ours matched.
    const own = await breaksOf(run.id, {}, cnUser)
    expect(own.map((b) => b.id).sort()).toEqual(all.filter((b) => b.merchantId === cnId).map((b) => b.id).sort())
    expect(own.length).toBeGreaterThan(0)
    const unowned = all.find((b) => b.merchantId === null)!
    expect(await t.call('recon.breaks.get', { id: unowned.id }, cnUser)).toMatchObject({ status: 404 })
    expect((await t.ok('recon.breaks.get', { id: own[0].id }, cnUser)).actions).toEqual([])
    expect(await t.call('recon.breaks.resolve', { id: own[0].id, action: 'annotate', reason: 'Looks fine to me' }, cnUser)).toMatchObject({ status: 403 })
    // Another merchant's user sees none of them, and cannot ask for them.
    expect(await breaksOf(run.id, {}, otherUser)).toEqual([])
    expect(await t.call('recon.breaks.get', { id: own[0].id }, otherUser)).toMatchObject({ status: 404 })
    expect(await t.call('recon.breaks.list', { runId: run.id, merchantId: cnId }, otherUser)).toMatchObject({ status: 403 })
    // Nor the run, which holds nothing of its merchant (it was listed, with a 100 % match rate and no open break).
    expect(await t.call('recon.runs.get', { id: run.id }, otherUser)).toMatchObject({ status: 404 })
    expect((await t.ok('recon.runs.list', {}, otherUser)).items.map((r) => r.id)).not.toContain(run.id)
    expect((await t.ok('recon.runs.list', {}, cnUser)).items.map((r) => r.id)).toContain(run.id)
    expect(await t.call('recon.runs.export', { id: run.id, what: 'matches', format: 'csv' }, otherUser)).toMatchObject({ status: 404 })
    // Exports: its own rows only, and never the run's report (every merchant's figures).
    const exported = await settled(await t.ok('recon.runs.export', { id: run.id, what: 'breaks', format: 'csv' }, cnUser), cnUser)
    const text = Buffer.from((await t.ok('recon.jobs.file', { jobId: exported.id }, cnUser)).contentBase64, 'base64').toString('utf8')
    expect(parse(text, { bom: true }).slice(1).map((r: string[]) => Number(r[0])).sort()).toEqual(own.map((b) => b.id).sort())
    expect(await t.call('recon.runs.export', { id: run.id, what: 'report' }, cnUser)).toMatchObject({ status: 403 })
    // Someone else's job is not there at all.
    expect(await t.call('recon.jobs.file', { jobId: exported.id }, otherUser)).toMatchObject({ status: 404 })
  })
})

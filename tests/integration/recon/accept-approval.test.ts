/**
 * Accepting theirs is asked again when a second user approves what it asked for (an adjustment,
 * or marking the order succeeded under four eyes): a break that changed while the request waited
 * (a later file took the payment back or lists it after all, a rerun no longer finds the
 * difference, the same difference was decided in another run) is refused by name and reason,
 * the request withdrawn and the break open again, nothing booked, the ledger balanced.
 */
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILES, type ReconProfileInput } from '../../../src/shared/contract/recon-profile'
import type { BreakRow, ReconJobView } from '../../../src/shared/contract/reconciliation'
import { fromMinor } from '../../../src/shared/money'
import { moneyText } from '../../../src/shared/money-text'
import { simulatorStatementCsv, type SimulatorStatementRow } from '../../../src/main/recon/formats'
import { DEMO_USERS } from '../../../src/main/demo'
import { demoCoreOnFile, type TestCore } from '../../support/core'
import { wechatBill, wechatPaymentRow } from './fixtures'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-recon-accept-approval-', (core, token) => {
  t = core
  admin = token
})

const MINUTE = 60_000
const DAY = 86_400_000
const signInDemo = (name: string) => t.signIn(name, DEMO_USERS.find((u) => u.username === name)!.password)

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

interface Ours {
  id: number
  orderNo: string
  channelId: number
  merchantId: number
  contractId: number
  amountMinor: number
  /** When it became final: the run's period is [at, at + 1), so no other order of ours is in it. */
  at: number
  amount: string
}

/** Orders of the demo (CNY, not test, of a merchant with money to be debited), each used by one case only. */
const taken = new Set<number>()
function orderOf(status: string): Ours {
  const rows = t.core.db.$client
    .prepare(
      `select id, order_no as orderNo, channel_id as channelId, merchant_id as merchantId, contract_id as contractId, coalesce(paid_minor, amount_minor) as amountMinor, coalesce(finalized_at, created_at) as at
       from orders o where direction = 'deposit' and status = ? and currency = 'CNY' and is_test = 0 and coalesce(paid_minor, amount_minor) >= 500
         and (select count(*) from orders x where coalesce(x.finalized_at, x.created_at) = coalesce(o.finalized_at, o.created_at)) = 1
       order by id`
    )
    .all(status) as Omit<Ours, 'amount'>[]
  const picked = rows.find((r) => !taken.has(r.id) && available(r.merchantId) > r.amountMinor + 100_00)!
  taken.add(picked.id)
  return { ...picked, amount: fromMinor(picked.amountMinor, 'CNY') }
}

/** The merchant's available CNY balance, minor units. */
const available = (merchantId: number) => Number(t.core.ledger.balance({ kind: 'merchant_available', merchantId, currency: 'CNY' }).available)

/** Every currency's entries add up to zero. */
const unbalanced = () => t.core.db.$client.prepare('select currency, sum(amount) as total from ledger_entries group by currency having sum(amount) != 0').all()

let sources = 0
async function sourceOf(profile: ReconProfileInput, channelId: number) {
  return t.ok('recon.sources.create', { name: `Accept approval ${++sources}`, kind: 'channel', channelId, feeRate: null, feeFixed: null, currency: 'CNY', profile }, admin)
}

async function importFile(sourceId: number, fileName: string, text: string): Promise<number> {
  const upload = await t.ok('recon.uploads.put', { fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') }, admin)
  const imported = await settled(await t.ok('recon.imports.commit', { sourceId, uploadId: upload.uploadId }, admin))
  expect(imported.state).toBe('finished')
  return (imported.result as { statementId: number }).statementId
}

async function runOf(sourceId: number, statementIds: number[], at: number) {
  const started = await t.ok('recon.runs.start', { sourceId, statementIds, from: at, to: at + 1 }, admin)
  expect((await settled(started.job)).state).toBe('finished')
  const breaks = (await t.ok('recon.breaks.list', { runId: started.run.id, pageSize: 100 }, admin)).items
  return { runId: started.run.id, breaks }
}

const paymentLine = (o: Ours, upstreamNo: string, gross: string, at: number, status: SimulatorStatementRow['status'] = 'succeeded'): SimulatorStatementRow => ({
  upstreamNo,
  orderNo: o.orderNo,
  kind: 'payment',
  status,
  currency: 'CNY',
  gross,
  fee: '0.00',
  net: gross,
  at
})

/** Accepts theirs on the break: an adjustment waits for a second user. */
async function acceptByAdjustment(b: BreakRow, account: { merchantId?: number; contractId?: number } = {}) {
  const asked = await t.ok('recon.breaks.resolve', { id: b.id, action: 'accept_theirs', reason: 'The channel says so', requestKey: `accept-approval-${b.id}`, ...account }, admin)
  expect(asked.status).toBe('awaiting_approval')
  return t.ok('adjustments.get', { id: asked.adjustmentId! }, admin)
}

/** The approval refused by name and reason: withdrawn, the break open again, nothing posted, the refusal audited. */
async function refusedApproval(adjustmentId: number, b: { id: number; runId: number }, why: string, merchantId: number) {
  const before = available(merchantId)
  const refused = await t.call('adjustments.decide', { id: adjustmentId, decision: 'approve', note: '' }, await signInDemo('demo.finance'))
  const adjustment = await t.ok('adjustments.get', { id: adjustmentId }, admin)
  const message = `Adjustment ${adjustment.adjustmentNo} was not approved: it accepts theirs on break ${b.id} of run ${b.runId}, which no longer holds. ${why}. The request is withdrawn and the break is open again; nothing was booked`
  expect(refused).toMatchObject({ status: 409, code: 'recon.accept_no_longer_holds' })
  expect(refused.message).toBe(message)
  expect(adjustment).toMatchObject({ status: 'withdrawn', postingId: null, decidedBy: 'demo.finance' })
  expect(adjustment.timeline.at(-1)?.summary).toBe(`Adjustment ${adjustment.adjustmentNo} withdrawn when demo.finance came to approve it: it accepts theirs on break ${b.id}, which no longer holds: ${why}; nothing posted`)
  expect(available(merchantId)).toBe(before)
  expect(unbalanced()).toEqual([])
  const detail = await t.ok('recon.breaks.get', { id: b.id }, admin)
  expect(detail).toMatchObject({ status: 'open', resolution: null, adjustmentId: null })
  expect(detail.history.at(-1)).toMatchObject({ action: 'reopened', summary: `Adjustment ${adjustment.adjustmentNo} withdrawn when demo.finance came to approve it: ${why}; the break is open again` })
  const audit = (await t.ok('audit.list', { targetType: 'adjustment', pageSize: 20 }, admin)).items
  expect(audit.find((e) => e.summary === message)).toMatchObject({ actor: 'demo.finance', procedure: 'adjustments.decide' })
  // Decided: approving it again is refused as decided, and posts nothing either.
  expect(await t.call('adjustments.decide', { id: adjustmentId, decision: 'approve', note: '' }, await signInDemo('demo.finance'))).toMatchObject({ status: 409, code: 'adjustments.decided' })
  return detail
}

describe('approving what accepts theirs asks the break again', () => {
  it('a payment revoked in a later WeChat bill: the adjustment crediting it is refused and withdrawn, even before a rerun', async () => {
    const order = orderOf('succeeded')
    const source = await sourceOf(BUILT_IN_PROFILES.wechat_trade, order.channelId)
    const wxNo = '4200002961202612070000000001'
    const first = await importFile(
      source.id,
      'wechat-12-07.csv',
      wechatBill([
        wechatPaymentRow({ at: order.at, wxNo: '4200002961202612070000000000', orderNo: order.orderNo, state: 'SUCCESS', amount: order.amount }),
        wechatPaymentRow({ at: order.at + MINUTE, wxNo, orderNo: 'WXNOBODY1207', state: 'SUCCESS', amount: '9.90' })
      ])
    )
    const { runId, breaks } = await runOf(source.id, [first], order.at)
    expect(breaks.map((b) => [b.type, b.theirKeys.lineNo, b.theirs.amount])).toEqual([['missing_ours', 3, '9.90']])
    const adjustment = await acceptByAdjustment(breaks[0], { merchantId: order.merchantId, contractId: order.contractId })
    expect(adjustment).toMatchObject({ amount: '9.90', status: 'pending' })

    // The next day's bill: the payment was revoked. Nobody has run the reconciliation again.
    const second = await importFile(source.id, 'wechat-12-08.csv', wechatBill([wechatPaymentRow({ at: order.at + DAY, wxNo, orderNo: 'WXNOBODY1207', state: 'REVOKED', amount: '9.90' })]))
    const why = `Their line 2 of statement ${second} is reversed: the money went back, so nothing of theirs stayed to accept; write the break off, ignore it or add a note`
    const detail = await refusedApproval(adjustment.id, { id: breaks[0].id, runId }, why, order.merchantId)

    // The break says so, and accepting theirs is neither offered nor taken again.
    expect(detail.actions).not.toContain('accept_theirs')
    expect(detail.acceptRefused).toEqual({ code: 'error.recon.acceptTakenBack', params: { lineNo: { code: 'recon.lineOfStatement', params: { lineNo: 2, statementId: second } }, status: { code: 'value.lineStatus.reversed' } } })
    const again = await t.call('recon.breaks.resolve', { id: breaks[0].id, action: 'accept_theirs', reason: 'The channel says so', requestKey: `accept-approval-again-${breaks[0].id}`, merchantId: order.merchantId, contractId: order.contractId }, admin)
    expect(again).toMatchObject({ status: 409, code: 'recon.accept_refused', message: why })
  })

  it('a payment of ours listed in a later file after all: the adjustment taking it back is refused', async () => {
    const order = orderOf('succeeded')
    const source = await sourceOf(BUILT_IN_PROFILES.simulator, order.channelId)
    const stranger = { ...order, orderNo: 'SIMNOBODY1207' }
    const first = await importFile(source.id, 'missing.csv', simulatorStatementCsv([paymentLine(stranger, 'UP-NOBODY-1207', '3.00', order.at + MINUTE)]))
    const { runId, breaks } = await runOf(source.id, [first], order.at)
    const missing = breaks.find((b) => b.type === 'missing_theirs')!
    expect(missing.orderId).toBe(order.id)
    const adjustment = await acceptByAdjustment(missing)
    expect(adjustment).toMatchObject({ amount: `-${order.amount}`, status: 'pending' })

    const second = await importFile(source.id, 'late.csv', simulatorStatementCsv([paymentLine(order, `UP-${order.orderNo}`, order.amount, order.at + DAY)]))
    await refusedApproval(adjustment.id, { id: missing.id, runId }, `Their line 2 of statement ${second} lists ${order.orderNo} as succeeded: their side has it after all`, order.merchantId)
  })

  it('a rerun over a later file no longer finds the amount short (the rest came on another line): the adjustment is refused', async () => {
    const order = orderOf('succeeded')
    const source = await sourceOf(BUILT_IN_PROFILES.simulator, order.channelId)
    const part = fromMinor(order.amountMinor - 100, 'CNY')
    const first = await importFile(source.id, 'part.csv', simulatorStatementCsv([paymentLine(order, `UP-${order.orderNo}-1`, part, order.at)]))
    const { runId, breaks } = await runOf(source.id, [first], order.at)
    expect(breaks.map((b) => [b.type, b.orderId, b.theirs.amount])).toEqual([['amount_short', order.id, part]])
    const adjustment = await acceptByAdjustment(breaks[0])
    expect(adjustment.amount).toBe('-1.00')

    // The rest of the split payment, in the next file; a rerun over both matches the order whole.
    const second = await importFile(source.id, 'rest.csv', simulatorStatementCsv([paymentLine(order, `UP-${order.orderNo}-2`, '1.00', order.at + DAY)]))
    const rerun = await runOf(source.id, [first, second], order.at)
    expect(rerun.breaks).toEqual([])
    await refusedApproval(adjustment.id, { id: breaks[0].id, runId }, `Run ${rerun.runId}, a later run over the same lines, no longer finds this difference`, order.merchantId)
  })

  it('the same difference written off in another run: the adjustment is refused, never booked beside the write-off', async () => {
    const order = orderOf('succeeded')
    const source = await sourceOf(BUILT_IN_PROFILES.simulator, order.channelId)
    const statement = await importFile(source.id, 'over.csv', simulatorStatementCsv([paymentLine(order, `UP-${order.orderNo}`, fromMinor(order.amountMinor + 100, 'CNY'), order.at)]))
    const older = await runOf(source.id, [statement], order.at)
    const newer = await runOf(source.id, [statement], order.at)
    expect(newer.breaks.map((b) => [b.type, b.orderId])).toEqual([['amount_over', order.id]])
    const adjustment = await acceptByAdjustment(newer.breaks[0])
    expect(adjustment.amount).toBe('1.00')
    await t.ok('recon.breaks.resolve', { id: older.breaks[0].id, action: 'write_off', reason: 'Kept by the channel as a fee' }, admin)

    await refusedApproval(adjustment.id, { id: newer.breaks[0].id, runId: newer.runId }, `The same difference, break ${older.breaks[0].id} of run ${older.runId}, is already decided: Written off`, order.merchantId)
  })

  it('a request the break still stands for is approved as before', async () => {
    const order = orderOf('succeeded')
    const source = await sourceOf(BUILT_IN_PROFILES.simulator, order.channelId)
    const statement = await importFile(source.id, 'over-kept.csv', simulatorStatementCsv([paymentLine(order, `UP-${order.orderNo}`, fromMinor(order.amountMinor + 100, 'CNY'), order.at)]))
    const { breaks } = await runOf(source.id, [statement], order.at)
    // A later file of other payments and a rerun over both: the same difference.
    const other = await importFile(source.id, 'other.csv', simulatorStatementCsv([paymentLine({ ...order, orderNo: 'SIMNOBODY1208' }, 'UP-NOBODY-1208', '2.00', order.at + DAY)]))
    const adjustment = await acceptByAdjustment(breaks[0])
    const rerun = await runOf(source.id, [statement, other], order.at)
    expect(rerun.breaks.find((b) => b.type === 'amount_over')).toMatchObject({ status: 'awaiting_approval', adjustmentId: adjustment.id })
    const before = available(order.merchantId)
    expect(await t.ok('adjustments.decide', { id: adjustment.id, decision: 'approve', note: '' }, await signInDemo('demo.finance'))).toMatchObject({ status: 'approved' })
    expect(available(order.merchantId)).toBe(before + 100)
    expect(await t.ok('recon.breaks.get', { id: breaks[0].id }, admin)).toMatchObject({ status: 'resolved', resolution: 'accepted_theirs' })
    expect(unbalanced()).toEqual([])
  })
})

describe('approving a marking that accepts theirs asks the break again', () => {
  it('a closed deposit theirs paid, then revoked in a later bill and rerun: marking it succeeded is refused and withdrawn', async () => {
    const order = orderOf('closed')
    const source = await sourceOf(BUILT_IN_PROFILES.wechat_trade, order.channelId)
    const wxNo = '4200002961202612070000000002'
    const first = await importFile(source.id, 'wechat-paid.csv', wechatBill([wechatPaymentRow({ at: order.at, wxNo, orderNo: order.orderNo, state: 'SUCCESS', amount: order.amount })]))
    const { runId, breaks } = await runOf(source.id, [first], order.at)
    expect(breaks.map((b) => [b.type, b.causeKey, b.orderId])).toEqual([['status_mismatch', 'theirs_paid_ours_not', order.id]])
    await t.ok('fourEyes.updateSettings', { rules: [{ kind: 'mark_result', currency: 'CNY', threshold: '0.01' }] }, admin)
    const asked = await t.ok('recon.breaks.resolve', { id: breaks[0].id, action: 'accept_theirs', reason: 'Channel statement shows it paid' }, admin)
    expect(asked).toMatchObject({ status: 'awaiting_approval', adjustmentId: null })
    const requestId = asked.approvalId!

    const second = await importFile(source.id, 'wechat-revoked.csv', wechatBill([wechatPaymentRow({ at: order.at + DAY, wxNo, orderNo: order.orderNo, state: 'REVOKED', amount: order.amount })]))
    // The rerun over both: nothing stayed on either side, nothing to reconcile.
    expect((await runOf(source.id, [first, second], order.at)).breaks).toEqual([])

    const refused = await t.call('approvals.decide', { id: requestId, decision: 'approve', note: '' }, await signInDemo('demo.admin'))
    const what = `marking order ${order.orderNo} (${moneyText(order.amountMinor, 'CNY')}) succeeded`
    const why = `Their line 2 of statement ${second} is reversed: the money went back, so nothing of theirs stayed to accept; write the break off, ignore it or add a note`
    const message = `Request ${requestId} (${what}) was not approved: it accepts theirs on break ${breaks[0].id} of run ${runId}, which no longer holds. ${why}. The request is withdrawn and the break is open again; nothing was booked`
    expect(refused).toMatchObject({ status: 409, code: 'recon.accept_no_longer_holds', message })

    const after = await t.ok('orders.get', { id: order.id }, admin)
    expect(after.status).toBe('closed')
    expect(after.timeline.at(-1)?.summary).toBe(`Request ${requestId} (${what}) withdrawn when demo.admin came to approve it: it accepts theirs on reconciliation break ${breaks[0].id}, which no longer holds: ${why}`)
    const [request] = (await t.ok('approvals.list', { orderId: order.id }, admin)).items
    expect(request).toMatchObject({ id: requestId, status: 'withdrawn', decidedBy: 'demo.admin', canDecide: false })
    expect(await t.ok('recon.breaks.get', { id: breaks[0].id }, admin)).toMatchObject({ status: 'open', approvalId: null })
    const audit = (await t.ok('audit.list', { targetType: 'order', pageSize: 20 }, admin)).items
    expect(audit.find((e) => e.summary === message)).toMatchObject({ actor: 'demo.admin', procedure: 'approvals.decide' })
    expect(unbalanced()).toEqual([])
    await t.ok('fourEyes.updateSettings', { rules: [] }, admin)
  })
})

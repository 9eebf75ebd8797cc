/**
 * Money a statement took back, through the procedures, with files built as the channels and banks
 * publish them (found by a QA clerk on the demo at cadde8b): a WeChat payment revoked after
 * success, a payout the bank returned (MT940 RD, camt.053 RvslInd), and lines that paid nothing
 * (revoked, still pending) are never a clean match, a duplicate, or money to accept, and the
 * summary never counts one order's amount twice.
 */
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILES, type ReconProfileInput } from '../../../src/shared/contract/recon-profile'
import type { BreakRow, ReconJobView } from '../../../src/shared/contract/reconciliation'
import { fromMinor } from '../../../src/shared/money'
import { simulatorStatementCsv } from '../../../src/main/recon/formats'
import { DEMO_USERS } from '../../../src/main/demo'
import { demoCoreOnFile, type TestCore } from '../../support/core'
import { camtXml } from './bank-fixtures'
import { wechatBill, wechatPaymentRow, wechatRefundRow } from './fixtures'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-recon-reversals-', (core, token) => {
  t = core
  admin = token
})

const signInDemo = (name: string) => t.signIn(name, DEMO_USERS.find((u) => u.username === name)!.password)

const MINUTE = 60_000
const DAY = 86_400_000

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

interface Ours {
  id: number
  orderNo: string
  channelId: number
  amountMinor: number
  /** When it became final: the run's period is [at, at + 1), so no other order of ours is in it. */
  at: number
  amount: string
}

/** Orders of the demo (CNY, not test), each used by one case only: a decision on one run's break is carried to the next run's. */
const taken = new Set<number>()
function ordersOf(direction: 'deposit' | 'payout', status: string, n: number, channelId?: number): Ours[] {
  const rows = t.core.db.$client
    .prepare(
      `select id, order_no as orderNo, channel_id as channelId, coalesce(paid_minor, amount_minor) as amountMinor, coalesce(finalized_at, created_at) as at
       from orders where direction = ? and status = ? and currency = 'CNY' and is_test = 0 and (? is null or channel_id = ?) order by id`
    )
    .all(direction, status, channelId ?? null, channelId ?? null) as Omit<Ours, 'amount'>[]
  const picked = rows.filter((r) => !taken.has(r.id)).slice(0, n)
  expect(picked).toHaveLength(n)
  for (const o of picked) taken.add(o.id)
  return picked.map((o) => ({ ...o, amount: fromMinor(o.amountMinor, 'CNY') }))
}

let sources = 0
async function sourceOf(profile: ReconProfileInput, channelId: number | null) {
  return t.ok('recon.sources.create', { name: `Reversals ${++sources}`, kind: channelId === null ? 'bank' : 'channel', channelId, feeRate: null, feeFixed: null, currency: 'CNY', profile }, admin)
}

async function importFile(sourceId: number, fileName: string, text: string): Promise<number> {
  const upload = await t.ok('recon.uploads.put', { fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') }, admin)
  const imported = await settled(await t.ok('recon.imports.commit', { sourceId, uploadId: upload.uploadId }, admin))
  expect(imported.state).toBe('finished')
  return (imported.result as { statementId: number }).statementId
}

/** A run over the statements for the period [at, at + 1): only the order of ours at `at` can be missing on their side. */
async function runOf(sourceId: number, statementIds: number[], at: number) {
  const started = await t.ok('recon.runs.start', { sourceId, statementIds, from: at, to: at + 1 }, admin)
  expect((await settled(started.job)).state).toBe('finished')
  const run = await t.ok('recon.runs.get', { id: started.run.id }, admin)
  const breaks = (await t.ok('recon.breaks.list', { runId: run.id, pageSize: 100 }, admin)).items
  return { run, summary: run.summary!, breaks }
}

/** A break as a clerk reads it in the list: its type, likely cause, their line and amount, ours. */
const seen = (b: BreakRow) => ({ type: b.type, cause: b.causeKey, line: b.theirKeys.lineNo, theirs: b.theirs.amount, ours: b.ours.amount, orderId: b.orderId })

/** Accepting theirs is neither offered nor done: the screen says why, the procedure refuses by the line's status. */
async function acceptRefused(b: BreakRow, why: string) {
  const detail = await t.ok('recon.breaks.get', { id: b.id }, admin)
  expect(detail.actions).not.toContain('accept_theirs')
  expect(detail.actions).toContain('write_off')
  const refused = await t.call('recon.breaks.resolve', { id: b.id, action: 'accept_theirs', reason: 'The channel says so', requestKey: `accept-${b.id}`, merchantId: 1, contractId: 1 }, admin)
  expect(refused).toMatchObject({ status: 409, code: 'recon.accept_refused' })
  expect(refused.message).toBe(why)
  expect((await t.ok('recon.breaks.get', { id: b.id }, admin)).status).toBe('open')
  expect(detail.acceptRefused).not.toBeNull()
  return detail.acceptRefused
}

const adjustmentCount = () => (t.core.db.$client.prepare('select count(*) as n from adjustment_requests').get() as { n: number }).n

describe('a payment theirs took back', () => {
  it('WeChat: revoked after success is a status mismatch counted once; a revoked or pending line with no order of ours offers nothing to accept', async () => {
    const [order] = ordersOf('deposit', 'succeeded', 1)
    const source = await sourceOf(BUILT_IN_PROFILES.wechat_trade, order.channelId)
    const T = order.at
    const bill = wechatBill([
      wechatPaymentRow({ at: T, wxNo: '4200002961202610290000000001', orderNo: order.orderNo, state: 'SUCCESS', amount: order.amount }),
      wechatPaymentRow({ at: T + 15 * MINUTE, wxNo: '4200002961202610290000000001', orderNo: order.orderNo, state: 'REVOKED', amount: order.amount }),
      // A payment nobody of ours names, revoked: one break about both lines, 9.90 once.
      wechatPaymentRow({ at: T + MINUTE, wxNo: '4200002961202610290000000002', orderNo: 'WXNOBODY0001', state: 'SUCCESS', amount: '9.90' }),
      wechatPaymentRow({ at: T + 20 * MINUTE, wxNo: '4200002961202610290000000002', orderNo: 'WXNOBODY0001', state: 'REVOKED', amount: '9.90' }),
      // A refund nobody of ours made, still processing (a snapshot: it may never succeed).
      wechatRefundRow({ at: T + 30 * MINUTE, wxNo: '4200002961202610290000000003', orderNo: 'WXNOBODY0002', refundNo: 'RFNOBODY0001', amount: '1.00', state: 'PROCESSING' })
    ])
    const statementId = await importFile(source.id, 'wechat-revoked.csv', bill)
    const { summary, breaks } = await runOf(source.id, [statementId], T)

    const byLine = [...breaks].sort((a, b) => a.theirKeys.lineNo! - b.theirKeys.lineNo!)
    expect(byLine.map(seen)).toEqual([
      // Ours succeeded, theirs revoked it: the money went back. Their REVOKED line is the one shown.
      { type: 'status_mismatch', cause: 'theirs_reversed', line: 3, theirs: order.amount, ours: order.amount, orderId: order.id },
      { type: 'missing_ours', cause: 'taken_back', line: 5, theirs: '9.90', ours: null, orderId: null },
      { type: 'missing_ours', cause: 'missing_ours', line: 6, theirs: '-1.00', ours: null, orderId: null }
    ])
    // Nothing matched, and the order's amount is counted once (it was 2 matched, 100 %, twice the order).
    expect(summary).toMatchObject({ lines: 5, matched: 0, matchedAmount: {}, linesWithBreaks: 5, linesNotForMatching: 0, breaks: { status_mismatch: 1, missing_ours: 2 } })
    expect(summary.breakAmounts.status_mismatch).toEqual({ CNY: order.amount })

    const adjustments = adjustmentCount()
    const [reversed, takenBack, pending] = byLine
    expect(await acceptRefused(reversed, 'Their line 3 is reversed: the payment went back after it succeeded, and a payer’s money goes back by a refund, not by accepting theirs; refund the order if the payer was not refunded through PayDesk, then write the break off, ignore it or add a note')).toEqual({
      code: 'error.recon.acceptReversed',
      params: { lineNo: 3, status: { code: 'value.lineStatus.reversed' } }
    })
    await acceptRefused(takenBack, 'Their line 5 is reversed: the money went back, so nothing of theirs stayed to accept; write the break off, ignore it or add a note')
    await acceptRefused(pending, 'Their line 6 is pending: nothing has moved yet, so theirs cannot be accepted; a later file settles it')
    // Nothing moved: no adjustment asked for, the order as it was.
    expect(adjustmentCount()).toBe(adjustments)
    expect((await t.ok('orders.get', { id: order.id }, admin)).status).toBe('succeeded')
    // Written off, as the screen offers.
    expect(await t.ok('recon.breaks.resolve', { id: reversed.id, action: 'write_off', reason: 'Revoked by the payer, followed up' }, admin)).toMatchObject({ status: 'resolved', resolution: 'written_off' })
  })

  it('WeChat: the success in one day’s bill and the revocation in the next are the same status mismatch, together or the second alone', async () => {
    const [order] = ordersOf('deposit', 'succeeded', 1)
    const source = await sourceOf(BUILT_IN_PROFILES.wechat_trade, order.channelId)
    const wxNo = '4200002961202610290000000011'
    const first = await importFile(source.id, 'wechat-10-29.csv', wechatBill([wechatPaymentRow({ at: order.at, wxNo, orderNo: order.orderNo, state: 'SUCCESS', amount: order.amount })]))
    const second = await importFile(source.id, 'wechat-10-30.csv', wechatBill([wechatPaymentRow({ at: order.at + DAY, wxNo, orderNo: order.orderNo, state: 'REVOKED', amount: order.amount })]))
    const mismatch = { type: 'status_mismatch', cause: 'theirs_reversed', line: 2, theirs: order.amount, ours: order.amount, orderId: order.id }

    const both = await runOf(source.id, [first, second], order.at)
    expect(both.breaks.map(seen)).toEqual([mismatch])
    expect(both.summary).toMatchObject({ lines: 2, matched: 0, matchedAmount: {}, linesWithBreaks: 2, breakAmounts: { status_mismatch: { CNY: order.amount } } })
    const alone = await runOf(source.id, [second], order.at)
    expect(alone.breaks.map(seen)).toEqual([mismatch])
    // The success alone is a clean match of the order's amount.
    const paid = await runOf(source.id, [first], order.at)
    expect(paid.breaks).toEqual([])
    expect(paid.summary).toMatchObject({ lines: 1, matched: 1, matchedAmount: { CNY: order.amount } })
  })

  it('an order ours closed that theirs paid and revoked: nothing stayed on either side, nothing to accept or count', async () => {
    const [order] = ordersOf('deposit', 'closed', 1)
    const source = await sourceOf(BUILT_IN_PROFILES.wechat_trade, order.channelId)
    const wxNo = '4200002961202610290000000021'
    const bill = wechatBill([
      wechatPaymentRow({ at: order.at, wxNo, orderNo: order.orderNo, state: 'SUCCESS', amount: order.amount }),
      wechatPaymentRow({ at: order.at + 5 * MINUTE, wxNo, orderNo: order.orderNo, state: 'REVOKED', amount: order.amount })
    ])
    // It was "theirs paid, ours not" with accepting theirs offered: marking the order paid for money that went back.
    const { summary, breaks } = await runOf(source.id, [await importFile(source.id, 'wechat-closed.csv', bill)], order.at)
    expect(breaks).toEqual([])
    expect(summary).toMatchObject({ lines: 2, matched: 0, matchedAmount: {}, linesWithBreaks: 0, linesNotForMatching: 2 })
  })

  it('a failed attempt before the payment is no second payment: its amount is not counted with the payment’s', async () => {
    const [order] = ordersOf('deposit', 'succeeded', 1)
    const source = await sourceOf(BUILT_IN_PROFILES.simulator, order.channelId)
    const row = { orderNo: order.orderNo, kind: 'payment' as const, currency: 'CNY', gross: order.amount, fee: '0.00', net: order.amount }
    const csv = simulatorStatementCsv([
      { ...row, upstreamNo: 'RETRY-1', status: 'failed', at: order.at - 5 * MINUTE },
      { ...row, upstreamNo: 'RETRY-2', status: 'succeeded', at: order.at }
    ])
    const { summary, breaks } = await runOf(source.id, [await importFile(source.id, 'retry.csv', csv)], order.at)
    expect(breaks).toEqual([])
    expect(summary).toMatchObject({ lines: 2, matched: 1, matchedAmount: { CNY: order.amount }, linesNotForMatching: 1 })
  })
})

describe('a payout the bank returned', () => {
  /** The payout and its return, as a bank states them: debited, then the reversal credited (as booked). */
  const mt940 = (p: Ours, day: string) =>
    [
      ':20:STMT-RETURN-1',
      ':25:CN0000000000000001',
      ':28C:00001/001',
      `:60F:C${day}CNY100000,00`,
      `:61:${day}${day.slice(2)}D${p.amount.replace('.', ',')}NTRF${p.orderNo}//SCB${day}P1`,
      `:86:/EREF/${p.orderNo}/NAME/Payee/REMI/Payout`,
      `:61:${day}${day.slice(2)}RD${p.amount.replace('.', ',')}NTRF${p.orderNo}//SCB${day}R1`,
      `:86:Return of payout ${p.orderNo}`,
      `:62F:C${day}CNY100000,00`,
      '-'
    ].join('\r\n') + '\r\n'
  const yymmdd = (ms: number) => new Date(ms).toISOString().slice(2, 10).replace(/-/g, '')
  const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

  /** Where a case's break was found, for deciding it after. */
  const found = (): { source?: number; statementId?: number; breakId?: number } => ({})
  const merchantOf = (p: Ours) => (t.core.db.$client.prepare('select merchant_id as m from orders where id = ?').get(p.id) as { m: number }).m

  it('MT940 RD and camt.053 RvslInd: a status mismatch “ours succeeded, theirs reversed”; accepting theirs marks the payout returned', async () => {
    const [mtPayout, camtPayout] = ordersOf('payout', 'succeeded', 2)
    const cases = [
      { payout: mtPayout, profile: BUILT_IN_PROFILES.mt940, name: 'return.sta', text: mt940(mtPayout, yymmdd(mtPayout.at)), reversalLine: 7, ...found() },
      {
        payout: camtPayout,
        profile: BUILT_IN_PROFILES.camt053,
        name: 'return.xml',
        text: camtXml({
          version: '02',
          currency: 'CNY',
          closing: '1000.00',
          summary: { count: '2', sum: fromMinor(2 * camtPayout.amountMinor, 'CNY'), credits: ['1', camtPayout.amount], debits: ['1', camtPayout.amount] },
          entries: [
            { amount: camtPayout.amount, direction: 'DBIT', booked: isoDay(camtPayout.at), value: isoDay(camtPayout.at), acctSvcrRef: 'CAMT-P-1', code: ['PMNT', 'ICDT', 'ESCT'], tx: [{ e2e: camtPayout.orderNo, ref: camtPayout.orderNo, party: 'Payee' }] },
            { amount: camtPayout.amount, direction: 'CRDT', reversal: true, booked: isoDay(camtPayout.at + DAY), value: isoDay(camtPayout.at), acctSvcrRef: 'CAMT-P-R1', code: ['PMNT', 'ICDT', 'RRTN'], tx: [{ e2e: camtPayout.orderNo, ref: camtPayout.orderNo, party: 'Payee' }] }
          ]
        }),
        reversalLine: 0,
        ...found()
      }
    ]
    for (const c of cases) {
      const source = await sourceOf(c.profile, null)
      const { summary, breaks } = await runOf(source.id, [await importFile(source.id, c.name, c.text)], c.payout.at)
      // Was: "Duplicate – the same payment twice", kind payout, status succeeded.
      expect(breaks.map((b) => ({ ...seen(b), line: undefined }))).toEqual([{ type: 'status_mismatch', cause: 'theirs_reversed', line: undefined, theirs: c.payout.amount, ours: c.payout.amount, orderId: c.payout.id }])
      expect(summary).toMatchObject({ lines: 2, matched: 0, matchedAmount: {}, linesWithBreaks: 2, breaks: { status_mismatch: 1 }, breakAmounts: { status_mismatch: { CNY: c.payout.amount } } })
      const detail = await t.ok('recon.breaks.get', { id: breaks[0].id }, admin)
      // The return is read as booked: money back in, still a payout, now reversed; the payout itself as debited.
      expect([detail.line?.kind, detail.line?.gross, detail.line?.status]).toEqual(['payout', c.payout.amount, 'reversed'])
      const lines = (await t.ok('recon.statements.lines', { statementId: detail.line!.statementId, pageSize: 10 }, admin)).items
      expect(lines.map((l) => [l.kind, l.gross, l.status])).toEqual([
        ['payout', `-${c.payout.amount}`, 'succeeded'],
        ['payout', c.payout.amount, 'reversed']
      ])
      if (c.reversalLine) expect(detail.line?.lineNo).toBe(c.reversalLine)
      // Accepting theirs is offered: it marks the payout returned, crediting its amount back.
      expect(detail.actions).toContain('accept_theirs')
      expect(detail.acceptRefused).toBeNull()
      c.source = source.id
      c.statementId = detail.line!.statementId
      c.breakId = breaks[0].id
    }
    const available = (p: Ours) => Number(t.core.ledger.balance({ kind: 'merchant_available', merchantId: merchantOf(p), currency: 'CNY' }).available)

    // The MT940 case at once; the camt.053 case under four eyes, approved by a second user.
    const [mt, camt] = cases
    // A clerk who may not mark an order's result is not offered it, and is told which permission it takes.
    const finance = await t.ok('recon.breaks.get', { id: mt.breakId! }, await signInDemo('demo.finance'))
    expect(finance.actions).not.toContain('accept_theirs')
    expect(finance.acceptRefused).toMatchObject({ code: 'error.recon.acceptNeeds', params: { code: 1033 } })
    const before = available(mt.payout)
    const accepted = await t.ok('recon.breaks.resolve', { id: mt.breakId!, action: 'accept_theirs', reason: 'Bank returned it: account closed' }, admin)
    expect(accepted).toMatchObject({ status: 'resolved', resolution: 'accepted_theirs' })
    expect(available(mt.payout)).toBe(before + mt.payout.amountMinor)
    const order = await t.ok('orders.get', { id: mt.payout.id }, admin)
    expect(order.status).toBe('returned')
    const history = await t.ok('recon.breaks.get', { id: mt.breakId! }, admin)
    expect(history.history.map((e) => e.text.code)).toContain('recon.acceptedByReturn')

    await t.ok('fourEyes.updateSettings', { rules: [{ kind: 'mark_result', currency: 'CNY', threshold: '0.01' }] }, admin)
    try {
      const camtBefore = available(camt.payout)
      const asked = await t.ok('recon.breaks.resolve', { id: camt.breakId!, action: 'accept_theirs', reason: 'Bank returned it (RRTN)' }, admin)
      expect(asked).toMatchObject({ status: 'awaiting_approval', adjustmentId: null })
      // Nothing moved while it waits.
      expect(available(camt.payout)).toBe(camtBefore)
      expect((await t.ok('orders.get', { id: camt.payout.id }, admin)).status).toBe('succeeded')
      const approved = await t.ok('approvals.decide', { id: asked.approvalId!, decision: 'approve', note: '' }, await signInDemo('demo.admin'))
      expect(approved).toMatchObject({ status: 'approved' })
      expect((await t.ok('orders.get', { id: camt.payout.id }, admin)).status).toBe('returned')
      expect(available(camt.payout)).toBe(camtBefore + camt.payout.amountMinor)
      expect(await t.ok('recon.breaks.get', { id: camt.breakId! }, admin)).toMatchObject({ status: 'resolved', resolution: 'accepted_theirs' })
    } finally {
      await t.ok('fourEyes.updateSettings', { rules: [] }, admin)
    }
    // A rerun over the same file: ours returned, theirs paid and returned, nothing left to explain.
    for (const c of cases) expect((await runOf(c.source!, [c.statementId!], c.payout.at)).breaks).toEqual([])
    // Every currency's entries still add up to zero.
    expect(t.core.db.$client.prepare('select currency, sum(amount) as total from ledger_entries group by currency having sum(amount) != 0').all()).toEqual([])
  })
})

describe('the run summary’s money', () => {
  it('states what the matched lines moved in and out and the net, not a payment and its refund added up', async () => {
    const paid = t.core.db.$client
      .prepare(
        `select o.id, o.order_no as orderNo, o.channel_id as channelId, coalesce(o.paid_minor, o.amount_minor) as amountMinor, coalesce(o.finalized_at, o.created_at) as at,
           r.refund_no as refundNo, r.amount_minor as refundMinor, coalesce(r.finalized_at, r.created_at) as refundAt
         from refunds r join orders o on o.id = r.order_id
         where r.status = 'succeeded' and o.status = 'succeeded' and o.currency = 'CNY' and o.is_test = 0 and r.is_test = 0
           and (select count(*) from refunds x where x.order_id = o.id) = 1 order by r.id`
      )
      .all() as (Omit<Ours, 'amount'> & { refundNo: string; refundMinor: number; refundAt: number })[]
    const order = paid.find((o) => !taken.has(o.id))!
    taken.add(order.id)
    const money = (minor: number) => fromMinor(minor, 'CNY')
    const source = await sourceOf(BUILT_IN_PROFILES.simulator, order.channelId)
    const csv = simulatorStatementCsv([
      { upstreamNo: 'NET-1', orderNo: order.orderNo, kind: 'payment', status: 'succeeded', currency: 'CNY', gross: money(order.amountMinor), fee: '0.00', net: money(order.amountMinor), at: order.at },
      { upstreamNo: 'NET-2', orderNo: order.orderNo, refundNo: order.refundNo, kind: 'refund', status: 'succeeded', currency: 'CNY', gross: money(-order.refundMinor), fee: '0.00', net: money(-order.refundMinor), at: order.refundAt }
    ])
    const { summary, breaks } = await runOf(source.id, [await importFile(source.id, 'net.csv', csv)], order.at)
    expect(breaks).toEqual([])
    expect(summary).toMatchObject({
      lines: 2,
      matched: 2,
      // In and out, and what stayed: a full refund nets to 0.00 (the matched amount alone added both, as it still says).
      matchedIn: { CNY: money(order.amountMinor) },
      matchedOut: { CNY: money(order.refundMinor) },
      matchedNet: { CNY: money(order.amountMinor - order.refundMinor) },
      matchedAmount: { CNY: money(order.amountMinor + order.refundMinor) }
    })
  })
})

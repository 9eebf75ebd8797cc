/**
 * Resolving breaks where money could move twice or without its rules (issue 14 item 5): the same
 * difference in two runs of one statement is requested and booked once, a rerun keeps a request
 * waiting for approval, accepting theirs by marking an order paid waits for the same second user
 * as a marking by hand, and an order matched to a line of theirs is not matched to another.
 */
import { describe, expect, it } from 'vitest'
import type { BreakRow, ReconJobView } from '../../../src/shared/contract/reconciliation'
import { DEMO_USERS } from '../../../src/main/demo'
import { demoCoreOnFile, type TestCore } from '../../support/core'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-recon-resolve-', (core, token) => {
  t = core
  admin = token
})

const signInDemo = (name: string) => t.signIn(name, DEMO_USERS.find((u) => u.username === name)!.password)

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

async function demoRun() {
  const runs = await t.ok('recon.runs.list', {}, admin)
  return t.ok('recon.runs.get', { id: runs.items[runs.items.length - 1].id }, admin)
}

/** The demo's statement run again: a new run with the same breaks (the same identities). */
async function rerun(of: Awaited<ReturnType<typeof demoRun>>) {
  const again = await t.ok('recon.runs.start', { sourceId: of.sourceId, statementIds: of.scope.statementIds, from: of.scope.from, to: of.scope.to }, admin)
  expect((await settled(again.job)).state).toBe('finished')
  return t.ok('recon.runs.get', { id: again.run.id }, admin)
}

async function breaksOf(runId: number, filter: Record<string, unknown> = {}): Promise<BreakRow[]> {
  return (await t.ok('recon.breaks.list', { runId, pageSize: 100, ...filter }, admin)).items
}

/** The same break in another run: the same type, line of theirs and order of ours. */
const sameIn = (list: BreakRow[], b: BreakRow) => list.find((x) => x.type === b.type && x.lineId === b.lineId && x.orderId === b.orderId)!

const breakAudit = async () => (await t.ok('audit.list', { targetType: 'recon_break', pageSize: 100 }, admin)).items.map((a) => a.summary)

describe('resolving a break moves money once, under its rules', () => {
  it('a rerun carries a waiting request or a decision only to the same difference, not to another amount for the same order', async () => {
    const run = await demoRun()
    const over = (await breaksOf(run.id, { type: 'amount_over', status: 'open' })).at(-1)!
    const ignored = (await breaksOf(run.id, { type: 'fee_mismatch', status: 'open' })).at(-1)!
    await t.ok('recon.breaks.resolve', { id: over.id, action: 'accept_theirs', requestKey: `difference-${over.id}`, reason: 'They paid one more yuan' }, admin)
    await t.ok('recon.breaks.resolve', { id: ignored.id, action: 'ignore', reason: 'Fee rounding of the old price list' }, admin)
    // As if their statement had said another amount for the same orders when these were decided.
    t.core.db.$client.prepare('update recon_breaks set theirs_minor = theirs_minor + 200, difference_minor = difference_minor + 200 where id in (?, ?)').run(over.id, ignored.id)
    const again = await rerun(run)
    // It was carried as waiting for the 1.00 request, and the ignore stood for any fee difference.
    expect(sameIn(await breaksOf(again.id), over)).toMatchObject({ status: 'open', adjustmentId: null })
    expect(sameIn(await breaksOf(again.id), ignored)).toMatchObject({ status: 'open', resolution: null })
    // The request is rejected, so the tests after find the difference open to request.
    const adjustmentId = (await t.ok('recon.breaks.get', { id: over.id }, admin)).adjustmentId!
    await t.ok('adjustments.decide', { id: adjustmentId, decision: 'reject', note: 'Only rehearsing a rerun' }, await signInDemo('demo.finance'))
  })

  it('the same difference in two runs is requested once; a rerun keeps the request waiting; the approval resolves every run’s break', async () => {
    const first = await demoRun()
    const second = await rerun(first)
    const over = (await breaksOf(second.id, { type: 'amount_over' }))[0]
    const older = sameIn(await breaksOf(first.id), over)
    expect(older.status).toBe('open')

    const asked = await t.ok('recon.breaks.resolve', { id: over.id, action: 'accept_theirs', reason: 'They paid one more yuan', requestKey: 'resolve-over-1' }, admin)
    expect(asked.status).toBe('awaiting_approval')
    const adjustment = await t.ok('adjustments.get', { id: asked.adjustmentId! }, admin)
    expect(adjustment).toMatchObject({ amount: '1.00', status: 'pending' })
    // The audit says what happened: a request waiting for a second user, not an acceptance.
    expect(await breakAudit()).toContain(`Break ${over.id} (amount over): accepting theirs requested, waiting for a second user’s approval of adjustment ${adjustment.adjustmentNo}: They paid one more yuan`)

    // The same difference in the earlier run: not offered, and refused by name, with a new key too.
    expect((await t.ok('recon.breaks.get', { id: older.id }, admin)).actions).not.toContain('accept_theirs')
    const twice = await t.call('recon.breaks.resolve', { id: older.id, action: 'accept_theirs', reason: 'They paid one more yuan', requestKey: 'resolve-over-2' }, admin)
    expect(twice).toMatchObject({ status: 409, code: 'recon.accepted_elsewhere' })
    expect(twice.message).toBe(`The same difference is break ${over.id} of run ${second.id}, waiting for the approval of adjustment ${adjustment.adjustmentNo}: it is requested and booked once`)
    expect((await t.ok('adjustments.list', { status: 'pending', pageSize: 100 }, admin)).items.filter((a) => a.amount === '1.00' && a.reason === 'They paid one more yuan')).toHaveLength(1)

    // Run again while it waits: the break waits for the same adjustment, it is not open.
    const third = await rerun(first)
    const carried = sameIn(await breaksOf(third.id), over)
    expect(carried).toMatchObject({ status: 'awaiting_approval', adjustmentId: adjustment.id })
    expect((await t.ok('recon.breaks.get', { id: carried.id }, admin)).actions).not.toContain('accept_theirs')

    // Approved once: every run's break of it is accepted, and the earlier one still cannot ask again.
    await t.ok('adjustments.decide', { id: adjustment.id, decision: 'approve' }, await signInDemo('demo.finance'))
    expect(await t.ok('recon.breaks.get', { id: over.id }, admin)).toMatchObject({ status: 'resolved', resolution: 'accepted_theirs' })
    expect(await t.ok('recon.breaks.get', { id: carried.id }, admin)).toMatchObject({ status: 'resolved', resolution: 'accepted_theirs' })
    expect(await t.call('recon.breaks.resolve', { id: older.id, action: 'accept_theirs', reason: 'They paid one more yuan', requestKey: 'resolve-over-3' }, admin)).toMatchObject({
      status: 409,
      code: 'recon.accepted_elsewhere'
    })
  })

  it('marking an order paid to accept theirs waits for the second user a marking by hand needs, and resolves on approval', async () => {
    const run = await demoRun()
    const unpaid = (await breaksOf(run.id, { type: 'status_mismatch', causeKey: 'theirs_paid_ours_not', status: 'open' }))[0]
    const before = await t.ok('orders.get', { id: unpaid.orderId! }, admin)
    await t.ok('fourEyes.updateSettings', { rules: [{ kind: 'mark_result', currency: before.currency, threshold: '0.01' }] }, admin)

    const asked = await t.ok('recon.breaks.resolve', { id: unpaid.id, action: 'accept_theirs', reason: 'Channel statement shows it paid' }, admin)
    expect(asked).toMatchObject({ status: 'awaiting_approval', resolution: null, adjustmentId: null })
    expect(asked.actions).toEqual(['annotate', 'assign'])
    expect((await t.ok('orders.get', { id: unpaid.orderId! }, admin)).status).toBe(before.status)
    const [request] = (await t.ok('approvals.list', { orderId: unpaid.orderId!, status: 'pending' }, admin)).items
    expect(request).toMatchObject({ kind: 'mark_result', action: 'succeeded', requestedBy: 'root' })
    expect(asked.approvalId).toBe(request.id)
    expect(asked.history.at(-1)?.summary).toBe(`Accepting theirs requested by root: marking order ${before.orderNo} succeeded waits for a second user’s approval (request ${request.id}): Channel statement shows it paid`)
    expect(await breakAudit()).toContain(`Break ${unpaid.id} (status mismatch): accepting theirs requested, waiting for a second user’s approval of request ${request.id}: Channel statement shows it paid`)
    expect(await t.call('approvals.decide', { id: request.id, decision: 'approve' }, admin)).toMatchObject({ status: 403, code: 'four_eyes.maker_checker' })

    // A rerun while it waits: the same break waits for the same request.
    const again = await rerun(run)
    const carried = sameIn(await breaksOf(again.id), unpaid)
    expect(carried).toMatchObject({ status: 'awaiting_approval', approvalId: request.id })

    await t.ok('approvals.decide', { id: request.id, decision: 'approve' }, await signInDemo('demo.admin'))
    expect((await t.ok('orders.get', { id: unpaid.orderId! }, admin)).status).toBe('succeeded')
    for (const id of [unpaid.id, carried.id]) expect(await t.ok('recon.breaks.get', { id }, admin)).toMatchObject({ status: 'resolved', resolution: 'accepted_theirs' })
    await t.ok('fourEyes.updateSettings', { rules: [] }, admin)
  })

  it('an order the run matched to a line of theirs is not matched by hand to another line', async () => {
    const run = await demoRun()
    const stranger = (await breaksOf(run.id, { type: 'missing_ours', status: 'open' }))[0]
    const detail = await t.ok('recon.breaks.get', { id: stranger.id }, admin)
    // An order of the line's currency that the run matched, by its key, to another line.
    const taken = t.core.db.$client
      .prepare(
        `select m.order_id as orderId, l.line_no as lineNo, l.statement_id as statementId, o.order_no as orderNo from recon_matches m join recon_lines l on l.id = m.line_id join orders o on o.id = m.order_id
         where m.run_id = ? and m.order_id is not null and o.currency = ? order by m.id limit 1`
      )
      .get(run.id, detail.line!.currency) as { orderId: number; lineNo: number; statementId: number; orderNo: string }
    const refused = await t.call('recon.breaks.resolve', { id: stranger.id, action: 'match', orderId: taken.orderId, reason: 'Looks like the same payment' }, admin)
    expect(refused).toMatchObject({ status: 409, code: 'recon.match_taken', field: 'orderId' })
    expect(refused.message).toBe(`orderId: ${taken.orderNo} is already matched to their line ${taken.lineNo} (statement ${taken.statementId}) in run ${run.id}: one payment of ours is one line of theirs`)
    expect(await t.ok('recon.breaks.get', { id: stranger.id }, admin)).toMatchObject({ status: 'open' })
    // Nor an order paired with another line but with a difference: the run keeps its break, not a match.
    const paired = t.core.db.$client
      .prepare(
        `select b.order_id as orderId, l.line_no as lineNo, o.order_no as orderNo from recon_breaks b join recon_lines l on l.id = b.line_id join orders o on o.id = b.order_id
         where b.run_id = ? and b.type = 'amount_over' and o.currency = ? order by b.id limit 1`
      )
      .get(run.id, detail.line!.currency) as { orderId: number; lineNo: number; orderNo: string }
    const pairedRefused = await t.call('recon.breaks.resolve', { id: stranger.id, action: 'match', orderId: paired.orderId, reason: 'Looks like the same payment' }, admin)
    expect(pairedRefused).toMatchObject({ status: 409, code: 'recon.match_taken', field: 'orderId' })
    expect(pairedRefused.message).toContain(`${paired.orderNo} is already matched to their line ${paired.lineNo}`)
    // The next run still reports their line as missing on our side.
    const again = await rerun(run)
    expect(again.summary!.breaks.missing_ours).toBe(run.summary!.breaks.missing_ours)
  })
})

/**
 * Closing a reconciliation difference without booking it (a write-off or an ignore) under four
 * eyes: with a `recon_write_off` rule on, a break whose difference is at or over the threshold
 * waits for a second user, who approves (closed as asked) or rejects it (open again); under it, or
 * with no rule, it closes at once as before. Bulk decisions say which items wait.
 */
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import type { ReconJobView } from '../../../src/shared/contract/reconciliation'
import { simulatorStatementCsv, type SimulatorStatementRow } from '../../../src/main/recon/formats'
import { DEMO_USERS } from '../../../src/main/demo'
import { inEnglish } from '../../../src/main/core/text'
import { demoCoreOnFile, type TestCore } from '../../support/core'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-recon-write-off-approval-', (core, token) => {
  t = core
  admin = token
})

const signInDemo = (name: string) => t.signIn(name, DEMO_USERS.find((u) => u.username === name)!.password)

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

/** A statement of payments nobody of ours made (each a "missing on our side" break of its amount), run over its own hour. */
async function breaksOf(name: string, amounts: string[]) {
  const channelId = (t.core.db.$client.prepare("select id from channels where currency = 'CNY' order by id limit 1").get() as { id: number }).id
  const source = await t.ok('recon.sources.create', { name, kind: 'channel', channelId, feeRate: null, feeFixed: null, currency: 'CNY', profile: BUILT_IN_PROFILES.simulator }, admin)
  const at = Date.UTC(2026, 10, 3, 4, 0, 0)
  const rows: SimulatorStatementRow[] = amounts.map((gross, i) => ({ upstreamNo: `${name}-${i}`, orderNo: `${name}NOBODY${i}`, kind: 'payment', status: 'succeeded', currency: 'CNY', gross, fee: '0.00', net: gross, at: at + i * 1000 }))
  const upload = await t.ok('recon.uploads.put', { fileName: `${name}.csv`, contentBase64: Buffer.from(simulatorStatementCsv(rows), 'utf8').toString('base64') }, admin)
  const imported = await settled(await t.ok('recon.imports.commit', { sourceId: source.id, uploadId: upload.uploadId }, admin))
  const statementId = (imported.result as { statementId: number }).statementId
  const started = await t.ok('recon.runs.start', { sourceId: source.id, statementIds: [statementId], from: at, to: at + 3_600_000 }, admin)
  expect((await settled(started.job)).state).toBe('finished')
  const items = (await t.ok('recon.breaks.list', { runId: started.run.id, pageSize: 100, sortBy: 'amount', sortDirection: 'asc' }, admin)).items
  expect(items.map((b) => [b.type, b.theirs.amount])).toEqual(amounts.map((a) => ['missing_ours', a]))
  return { runId: started.run.id, breaks: items }
}

const rules = (threshold: string | null) => t.ok('fourEyes.updateSettings', { rules: threshold === null ? [] : [{ kind: 'recon_write_off', currency: 'CNY', threshold }] }, admin)

describe('a write-off over the four-eyes threshold', () => {
  it('waits for a second user, who approves it (closed as asked) or rejects it (open again); under it, it closes at once', async () => {
    const { breaks } = await breaksOf('WO1', ['9.90', '6006.88', '7000.00'])
    const [small, big, bigger] = breaks
    await rules('1000.00')
    try {
      // Under the threshold: closed at once, as without a rule.
      expect(await t.ok('recon.breaks.resolve', { id: small.id, action: 'write_off', reason: 'Below the materiality limit' }, admin)).toMatchObject({ status: 'resolved', resolution: 'written_off' })

      const asked = await t.ok('recon.breaks.resolve', { id: big.id, action: 'write_off', reason: 'Channel cannot trace it' }, admin)
      expect(asked).toMatchObject({ status: 'awaiting_approval', resolution: null })
      expect(asked.actions).toEqual(['annotate', 'assign'])
      expect(asked.history.at(-1)).toMatchObject({ action: 'requested', summary: `Requested by root: writing off break ${big.id} (6,006.88 CNY), over the four-eyes threshold, waits for a second user’s approval (request ${asked.approvalId}): Channel cannot trace it` })
      const [request] = (await t.ok('approvals.list', { kind: 'recon_write_off', status: 'pending' }, admin)).items
      expect(request).toMatchObject({ id: asked.approvalId, amount: '6006.88', currency: 'CNY', action: 'write_off', reason: 'Channel cannot trace it', fromBreak: { code: 'recon.writeOffFromBreak' } })
      // The queue names what the break asked: a write-off, not "accept theirs".
      expect(inEnglish(request.fromBreak!)).toBe(`Asked for to write off reconciliation break ${big.id} (missing on our side)`)
      // Its requester cannot approve it.
      expect(request.canDecide).toBe(false)
      expect(await t.call('approvals.decide', { id: request.id, decision: 'approve', note: '' }, admin)).toMatchObject({ status: 403, code: 'four_eyes.maker_checker' })

      const second = await signInDemo('demo.admin')
      expect(await t.ok('approvals.decide', { id: request.id, decision: 'approve', note: 'Agreed' }, second)).toMatchObject({ status: 'approved' })
      const closed = await t.ok('recon.breaks.get', { id: big.id }, admin)
      expect(closed).toMatchObject({ status: 'resolved', resolution: 'written_off' })
      expect(closed.history.at(-1)).toMatchObject({ action: 'resolved', actor: 'demo.admin', summary: `Approved by demo.admin: writing off break ${big.id} (6,006.88 CNY) (request ${request.id}): Channel cannot trace it` })

      // Ignoring is closing it unbooked too: the same rule. Rejected, it is open again.
      const ignore = await t.ok('recon.breaks.resolve', { id: bigger.id, action: 'ignore', reason: 'Looks like a test payment' }, admin)
      expect(ignore.status).toBe('awaiting_approval')
      const ignoreRow = (await t.ok('approvals.list', { kind: 'recon_write_off', status: 'pending' }, admin)).items.find((r) => r.id === ignore.approvalId)!
      expect(inEnglish(ignoreRow.fromBreak!)).toBe(`Asked for to ignore reconciliation break ${bigger.id} (missing on our side)`)
      expect(await t.ok('approvals.decide', { id: ignore.approvalId!, decision: 'reject', note: 'Not a test: find it' }, second)).toMatchObject({ status: 'rejected' })
      const reopened = await t.ok('recon.breaks.get', { id: bigger.id }, admin)
      expect(reopened).toMatchObject({ status: 'open', approvalId: null })
      expect(reopened.history.at(-1)).toMatchObject({ action: 'reopened', summary: `Rejected by demo.admin: ignoring break ${bigger.id} (7,000.00 CNY) (request ${ignore.approvalId}); the break is open again: Not a test: find it` })
      // Audited against the break.
      const audit = (await t.ok('audit.list', { targetType: 'recon_break', targetId: big.id }, admin)).items.map((e) => e.summary)
      expect(audit).toEqual(expect.arrayContaining([expect.stringContaining(`Break ${big.id} (missing on our side): to be written off over the four-eyes threshold`), `Request ${request.id} approved: writing off break ${big.id} (6,006.88 CNY)`]))
    } finally {
      await rules(null)
    }
    // No rule: closed at once, whatever the amount.
    expect(await t.ok('recon.breaks.resolve', { id: bigger.id, action: 'write_off', reason: 'Traced: a duplicate of the channel' }, admin)).toMatchObject({ status: 'resolved', resolution: 'written_off' })
  })

  it('a bulk write-off says which items wait for a second user', async () => {
    const { runId, breaks } = await breaksOf('WO2', ['1.00', '2.00', '5000.00'])
    await rules('1000.00')
    try {
      const bulk = await t.ok('recon.breaks.bulk', { filter: { runId }, action: 'write_off', reason: 'Month-end clean-up', cap: 10 }, admin)
      expect(bulk.results.map((r) => [r.id, r.ok, r.waiting]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
        breaks.map((b) => [b.id, true, b.theirs.amount === '5000.00']).sort((a, b) => Number(a[0]) - Number(b[0]))
      )
      const statuses = (await t.ok('recon.breaks.list', { runId, pageSize: 10, sortBy: 'amount', sortDirection: 'asc' }, admin)).items.map((b) => b.status)
      expect(statuses).toEqual(['resolved', 'resolved', 'awaiting_approval'])
    } finally {
      await rules(null)
    }
  })
})

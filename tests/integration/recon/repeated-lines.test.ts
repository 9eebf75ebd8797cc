/**
 * A file that repeats lines another file brought (a channel's bill exported again, a week's bill
 * over its days' bills): a line is stored once, and the statement lists the ones it repeats, so a
 * run over it matches every line its file lists; a file with nothing new is refused, naming the
 * statement that holds its lines; a run with no line has no match rate.
 */
import { describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { simulatorStatementCsv, type SimulatorStatementRow } from '../../../src/main/recon/formats'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import type { DryRunReport, ReconJobView } from '../../../src/shared/contract/reconciliation'
import { fromMinor } from '../../../src/shared/money'
import { demoCoreOnFile, type TestCore } from '../../support/core'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-recon-repeats-', (core, token) => {
  t = core
  admin = token
})

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

const upload = (fileName: string, text: string) => t.ok('recon.uploads.put', { fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') }, admin)
const check = async (sourceId: number, fileName: string, text: string) => settled(await t.ok('recon.imports.check', { sourceId, uploadId: (await upload(fileName, text)).uploadId }, admin))
const commit = async (sourceId: number, fileName: string, text: string) => settled(await t.ok('recon.imports.commit', { sourceId, uploadId: (await upload(fileName, text)).uploadId }, admin))

interface Paid {
  id: number
  orderNo: string
  channelId: number
  minor: number
  at: number
}

/** Four payments of ours the channel took, and their lines as the channel lists them. */
function paidOrders(): Paid[] {
  const channelId = t.core.db.$client.prepare("select channel_id from orders where currency = 'CNY' and direction = 'deposit' and status = 'succeeded' and is_test = 0 group by channel_id order by count(*) desc limit 1").pluck().get() as number
  return t.core.db.$client
    .prepare(
      `select id, order_no as orderNo, channel_id as channelId, coalesce(paid_minor, amount_minor) as minor, coalesce(finalized_at, created_at) as at from orders
       where channel_id = ? and currency = 'CNY' and direction = 'deposit' and status = 'succeeded' and is_test = 0 order by id limit 4`
    )
    .all(channelId) as Paid[]
}

const lineOf = (o: Paid): SimulatorStatementRow => ({ upstreamNo: `UP-${o.orderNo}`, orderNo: o.orderNo, kind: 'payment', status: 'succeeded', currency: 'CNY', gross: fromMinor(o.minor, 'CNY'), fee: '0.00', net: fromMinor(o.minor, 'CNY'), at: o.at })

describe('files that repeat lines of another', () => {
  it('refuses a file with nothing new; a run over a file half seen before matches every line it lists', async () => {
    const orders = paidOrders()
    expect(orders).toHaveLength(4)
    const source = await t.ok('recon.sources.create', { name: 'Bills exported twice', kind: 'channel', channelId: orders[0].channelId, feeRate: null, feeFixed: null, currency: 'CNY', profile: BUILT_IN_PROFILES.simulator }, admin)
    const first = await commit(source.id, 'cn_0501.csv', simulatorStatementCsv(orders.slice(0, 2).map(lineOf)))
    const firstId = (first.result as { statementId: number }).statementId
    expect(first.result).toMatchObject({ stored: 2, repeated: 0 })

    // The same lines exported again (another order of rows: another file hash): nothing new, said before and at the import.
    const again = simulatorStatementCsv(orders.slice(0, 2).map(lineOf).reverse())
    const dry = (await check(source.id, 'cn_reexport.csv', again)).result as DryRunReport
    expect(dry).toMatchObject({ lineCount: 2, repeated: 2, repeatedIn: [{ statementId: firstId, fileName: 'cn_0501.csv', lines: 2 }], refused: { code: 'recon.nothing_new', statementId: firstId } })
    const refused = await commit(source.id, 'cn_reexport.csv', again)
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'recon.nothing_new' } })
    expect(inEnglish(refused.error!.text!)).toBe(`Nothing new: all 2 lines of this file were imported before, with statement ${firstId} (cn_0501.csv); nothing was imported (a run over that statement covers them)`)
    // No empty statement is left for a run to read as "the channel listed nothing".
    expect((await t.ok('recon.statements.list', { sourceId: source.id }, admin)).items.map((s) => s.id)).toEqual([firstId])

    // Half seen before: two lines of the first file and one new.
    const half = simulatorStatementCsv(orders.slice(0, 3).map(lineOf))
    expect((await check(source.id, 'cn_0501_0502.csv', half)).result).toMatchObject({ lineCount: 3, repeated: 2, repeatedIn: [{ statementId: firstId, lines: 2 }], refused: null })
    const second = await commit(source.id, 'cn_0501_0502.csv', half)
    expect(second.result).toMatchObject({ stored: 1, repeated: 2 })
    const secondId = (second.result as { statementId: number }).statementId

    // Run over the new statement alone: its three lines are matched, none of the three orders is missing on their side.
    const from = Math.min(...orders.map((o) => o.at)) - 3_600_000
    const to = Math.max(...orders.map((o) => o.at)) + 3_600_000
    const run = async (statementIds: number[]) => {
      const started = await t.ok('recon.runs.start', { sourceId: source.id, statementIds, from, to }, admin)
      expect((await settled(started.job)).state).toBe('finished')
      const breaks = (await t.ok('recon.breaks.list', { runId: started.run.id, pageSize: 100 }, admin)).items
      return { summary: (await t.ok('recon.runs.get', { id: started.run.id }, admin)).summary!, breaks }
    }
    const alone = await run([secondId])
    expect(alone.summary).toMatchObject({ lines: 3, matched: 3, matchRate: 1 })
    const listed = new Set(orders.slice(0, 3).map((o) => o.id))
    expect(alone.breaks.filter((b) => b.orderId !== null && listed.has(b.orderId))).toEqual([])
    // The fourth order, which no file lists, is still missing on their side.
    expect(alone.breaks.filter((b) => b.orderId === orders[3].id).map((b) => b.type)).toEqual(['missing_theirs'])
    // Both statements together: each line once.
    expect((await run([firstId, secondId])).summary).toMatchObject({ lines: 3, matched: 3 })
  })

  it('a run with no line of theirs shows no match rate, never 100 %', async () => {
    const orders = paidOrders()
    const source = await t.ok('recon.sources.create', { name: 'A day with no bill lines', kind: 'channel', channelId: orders[0].channelId, feeRate: null, feeFixed: null, currency: 'CNY', profile: BUILT_IN_PROFILES.simulator }, admin)
    const empty = await commit(source.id, 'empty-day.csv', simulatorStatementCsv([]))
    const started = await t.ok('recon.runs.start', { sourceId: source.id, statementIds: [(empty.result as { statementId: number }).statementId], from: orders[0].at - 60_000, to: orders[0].at + 60_000 }, admin)
    await settled(started.job)
    const summary = (await t.ok('recon.runs.get', { id: started.run.id }, admin)).summary!
    expect(summary.lines).toBe(0)
    expect(summary.breaks.missing_theirs).toBeGreaterThan(0)
    expect(summary.matchRate).toBeNull()
  })
})

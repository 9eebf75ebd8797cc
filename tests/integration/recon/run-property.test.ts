/**
 * The reconciliation property: a channel statement generated from what we booked, with N random
 * differences of random kinds put in (each on an order or refund of its own), imported and run,
 * reports exactly those N breaks with their types and subjects, nothing else; the same statements
 * run again give the same result hash, and one more difference gives another.
 *
 * One real data set serves every case: a core with the provider simulator, one CNY channel's
 * deposits (paid in full and in part), payouts, refunds, and deposits and payouts that failed or
 * were closed, all made through the procedures and settled by the simulator, so statuses, amounts
 * and upstream numbers are real. Each case gets a source of its own (a statement's lines are
 * unique per source), a fee rate, its own statement file in the simulator's layout (imported with
 * `commitImport`) and its own runs (`executeRun`). The statements and their differences are made
 * in ledger-statement.ts. Last, the simulator's own statement of the day, with the differences it
 * can be told to put in, is run the same way.
 *
 * A failing case names its seed; `PAYDESK_FUZZ_SEED=<seed>` replays that one case alone, and
 * `PAYDESK_FUZZ_RUNS=<n>` runs more seeds than the usual 40.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commitImport } from '../../../src/main/recon/import'
import { RULE_VERSION } from '../../../src/main/recon/match'
import { executeRun, type RunScope, type RunSettings } from '../../../src/main/recon/run'
import { simulatorStatementCsv } from '../../../src/main/recon/formats'
import { businessDayFn, dayStartMs, dayText } from '../../../src/main/ledger/business-day'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import { seededRandom } from '../../support/random'
import { aftersalesWorld, type AftersalesWorld } from '../aftersales/support'
import { cardFields, payoutFields, waitForOrder } from '../orders/support'
import { tempFile } from './fixtures'
import { extraRow, lineOf, money, statementWith, TOLERANCE_MINOR, type Booked, type LedgerDay, type Random } from './ledger-statement'

const DAY = 86_400_000
const ZONE = '+08:00'
const PROFILE = BUILT_IN_PROFILES.simulator
const FEE_RATES_PPM = [2_500, 3_800, 6_000, 10_000]
const SEEDS = process.env.PAYDESK_FUZZ_SEED ? [Number(process.env.PAYDESK_FUZZ_SEED)] : Array.from({ length: Number(process.env.PAYDESK_FUZZ_RUNS ?? 40) }, (_, i) => 9_100 + i)

let w: AftersalesWorld
let sqlite: AftersalesWorld['t']['core']['db']['$client']
let tenantId: number
let ledger: LedgerDay
/** Every amount of ours, all distinct; 123.45 is the simulator's made-up line's. */
const amounts = new Set<number>([12_345])

/** Distinct amounts, none ending in .13 unless asked (the simulator fails exactly those). */
function amountPicker(rnd: Random) {
  return (min: number, max: number, failing = false): number => {
    for (;;) {
      const minor = failing ? rnd.int(min, max) * 100 + 13 : rnd.int(min * 100, max * 100)
      if (!failing && minor % 100 === 13) continue
      if (amounts.has(minor)) continue
      amounts.add(minor)
      return minor
    }
  }
}

async function waitForRefund(id: number): Promise<void> {
  const started = Date.now()
  for (;;) {
    const refund = await w.t.ok('refunds.get', { id }, w.admin)
    if (refund.status === 'succeeded') return
    if (Date.now() - started > 10_000) throw new Error(`refund ${refund.refundNo} never succeeded; it is ${refund.status}`)
    await new Promise((r) => setTimeout(r, 40))
  }
}

beforeAll(async () => {
  w = await aftersalesWorld()
  sqlite = w.t.core.db.$client
  tenantId = (sqlite.prepare('select id from tenants order by id limit 1').get() as { id: number }).id
  // Accepted, then failed: a deposit when paid, a payout after its delay.
  w.sim.setBehaviour({ amountPattern: '\\.13$', behaviour: 'fail_later' })
  const rnd = seededRandom(20_261_122)
  const amount = amountPicker(rnd)
  const { t, admin } = w
  const deposit = (minor: number, isTest = false) => t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: money(minor), fields: cardFields, isTest }, admin)
  const payout = (minor: number) => t.ok('orders.createPayout', { merchantId: w.merchantId, serviceId: w.payoutServiceId, channelId: w.channelId, amount: money(minor), fields: payoutFields, isTest: false }, admin)

  const paid = await Promise.all(Array.from({ length: 24 }, () => deposit(amount(500, 8_000))))
  const failing = await Promise.all(Array.from({ length: 2 }, () => deposit(amount(500, 8_000, true))))
  const closing = await Promise.all(Array.from({ length: 2 }, () => deposit(amount(500, 8_000))))
  const tests = await Promise.all(Array.from({ length: 2 }, () => deposit(amount(500, 8_000), true)))
  const waitUpstream = (id: number) => waitForOrder(w, id, (o) => o.upstreamNo !== null, 'sent')
  await Promise.all([...paid, ...failing, ...closing, ...tests].map((o) => waitUpstream(o.id)))
  // One payer pays part of the deposit: what it moved is the paid amount.
  const partial = amount(400, 499)
  await Promise.all([...paid.map((o, i) => w.sim.pay(o.orderNo, i === 0 ? money(partial) : undefined)), ...[...failing, ...tests].map((o) => w.sim.pay(o.orderNo))])
  await Promise.all(closing.map((o) => t.ok('orders.close', { id: o.id, reason: 'Payer gave up' }, admin)))
  await Promise.all([...paid, ...tests].map((o) => waitForOrder(w, o.id, (d) => d.status === 'succeeded', 'succeeded')))
  await Promise.all(failing.map((o) => waitForOrder(w, o.id, (d) => d.status === 'failed', 'failed')))

  const payouts = [...(await Promise.all(Array.from({ length: 8 }, () => payout(amount(50, 2_000))))), ...(await Promise.all(Array.from({ length: 2 }, () => payout(amount(50, 2_000, true)))))]
  await Promise.all(payouts.map((o) => waitForOrder(w, o.id, (d) => d.status === 'succeeded' || d.status === 'failed', 'final')))

  // Refunds of part of six paid deposits (not the partly paid one), one of them refunded twice.
  const toRefund = await Promise.all([...paid.slice(1, 7), paid[1]].map((o) => t.ok('orders.get', { id: o.id }, admin)))
  // Amounts drawn in a fixed order, so the data set is the same on every run.
  const refundAmounts = toRefund.map((o) => money(amount(10, Math.floor(Number(o.paidAmount ?? o.amount) / 3))))
  const refunded = await Promise.all(toRefund.map((o, i) => t.ok('refunds.create', { orderId: o.id, amount: refundAmounts[i], reason: 'Customer returned the goods' }, admin)))
  await Promise.all(refunded.map((r) => waitForRefund(r.id)))
  // Nothing moves from here on: every case sees the same data.
  await w.t.core.engine.stop()

  const orders = sqlite
    .prepare(
      `select order_no as orderNo, merchant_order_no as merchantOrderNo, upstream_no as upstreamNo, direction, status, currency,
        coalesce(paid_minor, amount_minor) as amountMinor, coalesce(finalized_at, created_at) as at, is_test as isTest
       from orders where channel_id = ? order by id`
    )
    .all(w.channelId) as { orderNo: string; merchantOrderNo: string; upstreamNo: string | null; direction: 'deposit' | 'payout'; status: string; currency: string; amountMinor: number; at: number; isTest: number }[]
  const refunds = sqlite
    .prepare(
      `select r.refund_no as refundNo, o.order_no as orderNo, r.upstream_no as upstreamNo, r.status, r.currency, r.amount_minor as amountMinor, coalesce(r.finalized_at, r.created_at) as at, r.is_test as isTest
       from refunds r join orders o on o.id = r.order_id where r.channel_id = ? order by r.id`
    )
    .all(w.channelId) as { refundNo: string; orderNo: string; upstreamNo: string | null; status: string; currency: string; amountMinor: number; at: number; isTest: number }[]
  expect(orders.map((o) => `${o.direction}:${o.status}${o.isTest ? ':test' : ''}`).sort()).toEqual([...Array(2).fill('deposit:closed'), ...Array(2).fill('deposit:failed'), ...Array(24).fill('deposit:succeeded'), ...Array(2).fill('deposit:succeeded:test'), ...Array(2).fill('payout:failed'), ...Array(8).fill('payout:succeeded')])
  expect(refunds.map((r) => r.status)).toEqual(Array(7).fill('succeeded'))
  expect(orders.find((o) => o.orderNo === paid[0].orderNo)?.amountMinor).toBe(partial)
  const booked: Booked[] = [
    ...orders.map((o) => ({
      kind: o.direction === 'deposit' ? ('payment' as const) : ('payout' as const),
      subject: `order:${o.orderNo}`,
      orderNo: o.orderNo,
      merchantOrderNo: o.merchantOrderNo,
      refundNo: null,
      // A closed deposit may never have been given one: the channel's own number, which we never learned.
      upstreamNo: o.upstreamNo ?? `SIMC-${o.orderNo}`,
      currency: o.currency,
      amountMinor: o.amountMinor,
      at: o.at,
      succeeded: o.status === 'succeeded',
      isTest: o.isTest === 1
    })),
    ...refunds.map((r) => ({ kind: 'refund' as const, subject: `refund:${r.refundNo}`, orderNo: r.orderNo, merchantOrderNo: null, refundNo: r.refundNo, upstreamNo: r.upstreamNo!, currency: r.currency, amountMinor: r.amountMinor, at: r.at, succeeded: true, isTest: r.isTest === 1 }))
  ]
  // In an order a replay gives again (ids follow the order calls happened to finish in; amounts are drawn from a fixed seed).
  booked.sort((a, b) => (a.kind === b.kind ? a.amountMinor - b.amountMinor : a.kind < b.kind ? -1 : 1))
  for (const b of booked) amounts.add(b.amountMinor)
  // The business day(s) the data falls in (two if the test ran across midnight in Beijing).
  const dayOf = businessDayFn(ZONE)
  const times = booked.map((b) => b.at)
  ledger = { booked, period: { from: dayStartMs(dayText(dayOf(Math.min(...times))), ZONE), to: dayStartMs(dayText(dayOf(Math.max(...times))), ZONE, 1) }, zone: ZONE, amounts }
}, 120_000)

afterAll(async () => {
  await w?.stop()
})
interface Source {
  sourceId: number
  profileId: number
  settings: RunSettings
}

function createSource(seed: number, ratePpm: number): Source {
  const now = Date.now()
  const sourceId = Number(
    sqlite
      .prepare(`insert into recon_sources (tenant_id, name, kind, channel_id, fee_rate_ppm, fee_fixed_minor, currency, status, created_at, updated_at) values (?, ?, 'channel', ?, ?, 0, 'CNY', 'active', ?, ?)`)
      .run(tenantId, `CN Direct A statements (seed ${seed})`, w.channelId, ratePpm, now, now).lastInsertRowid
  )
  const profileId = Number(sqlite.prepare(`insert into recon_profiles (source_id, version, profile, note, created_at) values (?, 1, ?, '', ?)`).run(sourceId, JSON.stringify(PROFILE), now).lastInsertRowid)
  const settings: RunSettings = { toleranceMinor: TOLERANCE_MINOR, tolerancePpm: 0, windowMs: PROFILE.matching.windowMinutes * 60_000, graceMs: PROFILE.matching.graceMinutes * 60_000, cutoffMinutes: PROFILE.matching.cutoffMinutes, fee: { ratePpm, fixedMinor: 0 }, zone: ZONE }
  return { sourceId, profileId, settings }
}

async function importStatement(source: Source, name: string, csv: string): Promise<number> {
  const outcome = await commitImport(sqlite, { tenantId, sourceId: source.sourceId, profileId: source.profileId, profile: PROFILE, sourceCurrency: null, filePath: tempFile(name, csv), fileName: name, userId: null, now: Date.now() })
  return outcome!.statementId
}

function run(source: Source, statementIds: number[]) {
  const scope: RunScope = { statementIds, from: ledger.period.from, to: ledger.period.to, channelId: w.channelId }
  const started = Date.now()
  const runId = Number(
    sqlite.prepare(`insert into recon_runs (tenant_id, source_id, scope, input_hash, rule_version, status, started_at) values (?, ?, ?, '', ?, 'running', ?)`).run(tenantId, source.sourceId, JSON.stringify(scope), RULE_VERSION, started).lastInsertRowid
  )
  // Run well after the day's end: nothing is left pending in the grace window.
  const outcome = executeRun(sqlite, runId, tenantId, scope, source.settings, ledger.period.to + 2 * DAY)!
  expect(sqlite.prepare('select status, result_hash as resultHash from recon_runs where id = ?').get(runId)).toEqual({ status: 'finished', resultHash: outcome.resultHash })
  return { runId, ...outcome }
}

/** The run's breaks as stored, each as its type, what of ours and which line it names, and the difference or cause that matter. */
function describeBreaks(runId: number): string[] {
  const rows = sqlite
    .prepare(
      `select b.type, b.cause_key as cause, b.difference_minor as difference, b.detail, l.upstream_no as line, o.order_no as orderNo, r.refund_no as refundNo
       from recon_breaks b left join recon_lines l on l.id = b.line_id left join orders o on o.id = b.order_id left join refunds r on r.id = b.refund_id
       where b.run_id = ? order by b.id`
    )
    .all(runId) as { type: string; cause: string; difference: number | null; detail: string; line: string | null; orderNo: string | null; refundNo: string | null }[]
  return rows
    .map((b) => {
      const ours = b.orderNo ? `order:${b.orderNo}` : b.refundNo ? `refund:${b.refundNo}` : null
      const line = b.line ? `line:${b.line}` : null
      switch (b.type) {
        case 'control_total':
          return `control_total ${(JSON.parse(b.detail) as { name: string }).name}`
        case 'missing_ours':
          return `missing_ours ${line}${ours ? ` (names ${ours})` : ''}`
        case 'missing_theirs':
          return `missing_theirs ${ours}${line ? ` (names ${line})` : ''}`
        case 'amount_over':
        case 'amount_short':
        case 'fee_mismatch':
          return `${b.type} by ${b.difference} ${ours} ${line}`
        case 'status_mismatch':
          return `status_mismatch (${b.cause}) ${ours} ${line}`
        default:
          return `${b.type} ${ours} ${line}`
      }
    })
    .sort()
}

describe('a statement made from our ledger with random differences put in', () => {
  it.each(SEEDS)('seed %i: the run reports exactly the differences, and the same hash when run again', async (seed) => {
    const rnd = seededRandom(seed)
    const ratePpm = rnd.pick(FEE_RATES_PPM)
    const n = rnd.int(0, 8)
    const source = createSource(seed, ratePpm)
    const s = statementWith(ledger, rnd, ratePpm, n)
    const context = `seed ${seed} (replay: PAYDESK_FUZZ_SEED=${seed}); fee rate ${ratePpm} ppm; differences ${s.injected.join(', ') || 'none'}; ${s.byWindow.length} garbled; ${s.settlements.length} settlement lines`
    const a = await importStatement(source, `sim-${seed}-a.csv`, simulatorStatementCsv(s.rows, { totals: s.totals }))

    const first = run(source, [a])
    const expected = [...s.expected].sort()
    expect(describeBreaks(first.runId), context).toEqual(expected)
    const lineCount = s.rows.length
    // A line a break names (its amount, fee, currency or status differs, a duplicate copy, a miss)
    // is not matched: the summary ties back to the file, each line counted once.
    const linesNamed = new Set(expected.filter((e) => !e.startsWith('missing_theirs')).flatMap((e) => / line:(\S+)/.exec(` ${e}`)?.[1] ?? [])).size
    expect(first.summary, context).toMatchObject({ lines: lineCount, matched: lineCount - linesNamed - first.summary.pending.lines, linesWithBreaks: linesNamed, linesNotForMatching: 0 })
    // The matches export holds the matched lines, and none a break is about.
    const matchRows = sqlite.prepare('select count(distinct line_id) as n, sum(line_id in (select line_id from recon_breaks where run_id = ? and line_id is not null)) as broken from recon_matches where run_id = ?').get(first.runId, first.runId)
    expect(matchRows, context).toEqual({ n: first.summary.matched, broken: first.summary.matched === 0 ? null : 0 })
    expect(Object.values(first.summary.breaks).reduce((x, y) => x + y, 0), context).toBe(expected.length)
    const byWindow = sqlite.prepare("select l.upstream_no from recon_matches m join recon_lines l on l.id = m.line_id where m.run_id = ? and m.pass = 'window' order by 1").pluck().all(first.runId)
    expect(byWindow, context).toEqual([...s.byWindow].sort())

    // The same statements again: the same result.
    const again = run(source, [a])
    expect(again.resultHash, context).toBe(first.resultHash)
    expect(again.inputHash, context).toBe(first.inputHash)
    expect(describeBreaks(again.runId), context).toEqual(expected)

    // One more difference, in a second file of the source that repeats the first's lines: only the new line is stored.
    // A settlement line stands for the lines it was paid with: a later line for the same day would be a break of it too.
    const more = s.settlements.length > 0 || rnd.chance(0.5) ? 'extra' : 'duplicate'
    const rowsB = s.rows.map((r) => ({ ...r }))
    let added: string
    if (more === 'extra') {
      const row = extraRow(ledger, rnd, ratePpm, s.keyed)
      rowsB.push(row)
      added = `missing_ours ${lineOf(row)}`
    } else {
      const target = rnd.pick(ledger.booked.filter((b) => b.succeeded && !b.isTest && !s.touched.has(b.subject)))
      const original = rowsB.find((r) => r.upstreamNo === target.upstreamNo)!
      const copy = { ...original, upstreamNo: `${original.upstreamNo}-2` }
      rowsB.push(copy)
      added = `duplicate ${target.subject} ${lineOf(copy)}`
    }
    const b = await importStatement(source, `sim-${seed}-b.csv`, simulatorStatementCsv(rowsB))
    expect((sqlite.prepare('select count(*) as n from recon_lines where statement_id = ?').get(b) as { n: number }).n, context).toBe(1)
    const changed = run(source, [a, b])
    expect(describeBreaks(changed.runId), `${context}; then ${more}`).toEqual([...s.expected, added].sort())
    expect(changed.resultHash, context).not.toBe(first.resultHash)
    // The first file alone still gives its own result.
    expect(run(source, [a]).resultHash, context).toBe(first.resultHash)
  })
})

describe('the simulator’s own statement of the day', () => {
  it('with the differences it is told to put in, gives exactly those breaks', async () => {
    const dayOf = businessDayFn(ZONE)
    const days = [...new Set([ledger.period.from, ledger.period.to - 1].map(dayOf))].map(dayText)
    w.sim.setStatementDifferences(days[0], (['missing', 'amount', 'status', 'duplicate', 'fee', 'late', 'extra'] as const).map((kind) => ({ kind })))
    const statements = days.map((day) => w.sim.statement(day, ZONE))
    // The simulator's own schedule (0.6 %) and the built-in profile's tolerance (none).
    const source = createSource(0, 6_000)
    source.settings.toleranceMinor = 0
    const ids = []
    for (const [i, statement] of statements.entries()) ids.push(await importStatement(source, `simulator-${days[i]}.csv`, statement.csv))
    const subject = (orderNo: string) => ledger.booked.find((b) => b.orderNo === orderNo && b.kind !== 'refund')!
    const expected = statements[0].injected.flatMap((d) => {
      const line = `line:${d.upstreamNo}`
      switch (d.kind) {
        case 'missing':
          return [`missing_theirs ${subject(d.orderNo).subject}`]
        case 'late':
          // It comes in the next day's statement: a miss only when that is not matched too.
          return days.length > 1 ? [] : [`missing_theirs ${subject(d.orderNo).subject}`]
        case 'amount':
          return [`amount_over by 100 ${subject(d.orderNo).subject} ${line}`]
        case 'status':
          return [`status_mismatch (ours_paid_theirs_not) ${subject(d.orderNo).subject} ${line}`]
        case 'duplicate':
          return [`duplicate ${subject(d.orderNo).subject} ${line}-2`]
        case 'fee':
          return [`fee_mismatch by 10 ${subject(d.orderNo).subject} ${line}`]
        case 'extra':
          return [`missing_ours ${line}`]
      }
    })
    expect(statements[0].injected.map((d) => d.kind)).toEqual(['missing', 'amount', 'status', 'duplicate', 'fee', 'late', 'extra'])
    const result = run(source, ids)
    expect(describeBreaks(result.runId)).toEqual(expected.sort())
  })
})

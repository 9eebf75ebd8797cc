/**
 * Bank statements through the procedures, imported and run against the demo's orders, as a clerk
 * reconciling a bank account would: entries not booked stay out of the run, a bank source keeps
 * the channel it is given, a line dated by day matches within its day, our order number is read
 * from the remittance text, and an MT940 statement sent again under a new `:20:` is not stored twice.
 */
import { describe, expect, it } from 'vitest'
import { dayStartMs, dayText, businessDayFn } from '../../../src/main/ledger/business-day'
import { BUILT_IN_PROFILES, type ReconProfileInput } from '../../../src/shared/contract/recon-profile'
import type { BreakRow, DryRunReport, ReconJobView } from '../../../src/shared/contract/reconciliation'
import { TENANT_ID } from '../../../src/main/app/bootstrap'
import { tenantZone } from '../../../src/main/core/tenant'
import { demoCoreOnFile, type TestCore } from '../../support/core'
import { camtXml, type CamtEntry } from './bank-fixtures'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-recon-bank-', (core, token) => {
  t = core
  admin = token
})

async function settled(job: ReconJobView): Promise<ReconJobView> {
  await t.core.recon.settled(job.id)
  return t.ok('recon.jobs.status', { jobId: job.id }, admin)
}

const upload = (fileName: string, text: string) => t.ok('recon.uploads.put', { fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') }, admin)

async function bankSource(name: string, profile: ReconProfileInput, channelId: number | null = null, currency = 'THB') {
  return t.ok('recon.sources.create', { name, kind: 'bank', channelId, feeRate: null, feeFixed: null, currency, profile }, admin)
}

async function dryRun(sourceId: number, fileName: string, text: string): Promise<DryRunReport> {
  const job = await settled(await t.ok('recon.imports.check', { sourceId, uploadId: (await upload(fileName, text)).uploadId }, admin))
  expect(job.state).toBe('finished')
  return job.result as DryRunReport
}

async function imported(sourceId: number, fileName: string, text: string): Promise<{ statementId: number; stored: number; repeated: number }> {
  const job = await settled(await t.ok('recon.imports.commit', { sourceId, uploadId: (await upload(fileName, text)).uploadId }, admin))
  expect(job.state).toBe('finished')
  return job.result as { statementId: number; stored: number; repeated: number }
}

async function run(sourceId: number, statementIds: number[], from: number, to: number) {
  const started = await t.ok('recon.runs.start', { sourceId, statementIds, from, to }, admin)
  expect((await settled(started.job)).state).toBe('finished')
  const breaks: BreakRow[] = []
  for (let pageIndex = 1; ; pageIndex++) {
    const page = (await t.ok('recon.breaks.list', { runId: started.run.id, pageIndex, pageSize: 100 }, admin)).items
    breaks.push(...page)
    if (page.length < 100) break
  }
  return { run: await t.ok('recon.runs.get', { id: started.run.id }, admin), breaks }
}

/** A camt.053 statement (THB unless said) of these entries: opening 1000.00, the closing balance stated to fit the booked ones. */
function camtOf(entries: CamtEntry[], opts: { currency?: string; statementId?: string } = {}): string {
  const booked = entries.filter((e) => (e.status ?? 'BOOK') === 'BOOK').reduce((sum, e) => sum + (e.direction === 'CRDT' ? 1 : -1) * Math.round(Number(e.amount) * 100), 0)
  return camtXml({ version: '08', entries, summary: null, currency: opts.currency ?? 'THB', statementId: opts.statementId, closing: ((100_000 + booked) / 100).toFixed(2) })
}

const HOUR = 3_600_000
const DAY_MS = 24 * HOUR

/** The built-in camt.053 profile with credits read as payments (customers paying into the account), days in the bank's zone. */
const paymentsCamt = (timeZone: string) => ({ ...BUILT_IN_PROFILES.camt053, kinds: { ...BUILT_IN_PROFILES.camt053.kinds, CRDT: 'payment' }, timeZone }) satisfies ReconProfileInput

interface Paid {
  id: number
  orderNo: string
  channelId: number
  /** What it moved, in minor units. */
  minor: number
  /** When it became final. */
  at: number
}

/** Succeeded deposits of a currency, with the amount they moved and when. */
function paidDeposits(currency: string): Paid[] {
  return t.core.db.$client
    .prepare(
      `select id, order_no as orderNo, channel_id as channelId, coalesce(paid_minor, amount_minor) as minor, coalesce(finalized_at, created_at) as at
       from orders where currency = ? and direction = 'deposit' and status = 'succeeded' order by id`
    )
    .all(currency) as Paid[]
}

/** A deposit paid in the middle of its day (in `zone`) whose amount no other deposit of the currency has within two days. */
function loneDepositMidday(currency: string, zone: string): Paid {
  const all = paidDeposits(currency)
  const hour = (ms: number) => (ms - dayStartMs(dayText(businessDayFn(zone)(ms)), zone)) / HOUR
  return all.find((o) => hour(o.at) >= 6 && hour(o.at) < 18 && all.every((x) => x.id === o.id || x.minor !== o.minor || Math.abs(x.at - o.at) > 2 * DAY_MS))!
}

const channelId = async (name: string) => (await t.ok('channels.list', {}, admin)).items.find((c) => c.name === name)!.id

const charge = (day: string, ref: string): CamtEntry => ({ amount: '1.25', direction: 'DBIT', booked: day, value: day, ntryRef: ref, code: ['ACMT', 'MDOP', 'CHRG'] })

describe('bank statements, reconciled', () => {
  it('leaves a pending entry out of the statement (the dry run says so), so the run raises no break for it', async () => {
    const source = await bankSource('THB account, pending entries', BUILT_IN_PROFILES.camt053)
    const pending: CamtEntry = { amount: '500.00', direction: 'CRDT', status: 'PDNG', booked: '2026-10-05', value: '2026-10-05', acctSvcrRef: 'KB-PDNG-1', code: ['PMNT', 'RCDT', 'ESCT'], tx: [{ ustrd: ['QR payment'] }] }
    const file = camtOf([pending, charge('2026-10-05', 'CHG-PDNG')], { statementId: 'STMT-PDNG' })
    const report = await dryRun(source.id, 'pending.xml', file)
    expect(report).toMatchObject({ lineCount: 1, problemCount: 0, notBooked: { PDNG: 1 } })
    const { statementId } = await imported(source.id, 'pending.xml', file)
    const lines = (await t.ok('recon.statements.lines', { statementId }, admin)).items
    expect(lines.map((l) => [l.kind, l.gross])).toEqual([['fee', '-1.25']])
    const { breaks } = await run(source.id, [statementId], Date.UTC(2026, 9, 4, 16), Date.UTC(2026, 9, 5, 16))
    expect(breaks.filter((b) => b.lineId !== null)).toEqual([])
  })

  it("a bank account's source keeps the channel it is given: its run takes that channel's orders only", async () => {
    const scb = await channelId('TH SCB Payout')
    const source = await bankSource('SCB payout account', BUILT_IN_PROFILES.camt053, scb)
    expect([source.channelId, source.channelName]).toEqual([scb, 'TH SCB Payout'])
    const edited = await t.ok('recon.sources.update', { id: source.id, name: source.name, kind: 'bank', channelId: scb, feeRate: null, feeFixed: null, currency: 'THB', status: 'active' }, admin)
    expect(edited.channelId).toBe(scb)
    // A channel that is not there is refused by its field, never dropped.
    const missing = await t.call('recon.sources.create', { name: 'Nowhere', kind: 'bank', channelId: 999_999, feeRate: null, feeFixed: null, currency: 'THB', profile: BUILT_IN_PROFILES.camt053 }, admin)
    expect(missing).toMatchObject({ status: 400, field: 'channelId' })

    // Over the demo's months, the THB orders are KBank QR deposits and SCB payouts.
    const span = t.core.db.$client.prepare("select min(created_at) as first, max(created_at) as last from orders where currency = 'THB'").get() as { first: number; last: number }
    const { statementId } = await imported(source.id, 'scb.xml', camtOf([charge('2026-10-06', 'CHG-SCB')], { statementId: 'STMT-SCB' }))
    const { run: done, breaks } = await run(source.id, [statementId], span.first, span.last + 1)
    expect(done.scope.channelId).toBe(scb)
    const orderIds = breaks.filter((b) => b.type === 'missing_theirs').map((b) => b.orderId!)
    expect(orderIds.length).toBeGreaterThan(0)
    const channelsOf = t.core.db.$client.prepare('select distinct channel_id from orders where id in (select value from json_each(?))').pluck().all(JSON.stringify(orderIds))
    expect(channelsOf).toEqual([scb])
  })

  it('matches a bank line dated by day only to a payment of the same amount that day, hours from its 00:00', async () => {
    const zone = '+07:00'
    const paid = loneDepositMidday('THB', zone)
    const day = dayText(businessDayFn(zone)(paid.at))
    const from = dayStartMs(day, zone)
    const source = await bankSource('THB account, customers pay in', paymentsCamt(zone))
    const credit: CamtEntry = { amount: (paid.minor / 100).toFixed(2), direction: 'CRDT', booked: day, value: day, acctSvcrRef: `KB-${paid.id}`, code: ['PMNT', 'RCDT', 'ESCT'], tx: [{ ustrd: ['QR payment'] }] }
    const { statementId } = await imported(source.id, 'day.xml', camtOf([credit], { statementId: `STMT-${day}` }))
    const lines = (await t.ok('recon.statements.lines', { statementId }, admin)).items
    // The line stands at 00:00 of its day; the payment was hours later.
    expect(lines.map((l) => l.at)).toEqual([from])
    expect(paid.at - from).toBeGreaterThan(6 * HOUR)
    const { run: done, breaks } = await run(source.id, [statementId], from, from + DAY_MS)
    expect(breaks.filter((b) => b.lineId === lines[0].id || b.orderId === paid.id)).toEqual([])
    expect(done.summary!.matched).toBe(1)
  })

  it('keys a Pix credit to our order by the order number in its remittance text, days after the payment', async () => {
    const zone = '-03:00'
    const paid = paidDeposits('BRL').find((o) => o.minor > 1000)!
    const orderDay = dayText(businessDayFn(zone)(paid.at))
    // Booked three days later: only the key can find it.
    const booked = dayText(businessDayFn(zone)(paid.at + 3 * DAY_MS))
    const source = await bankSource('BRL account, Pix', paymentsCamt(zone), null, 'BRL')
    const credit: CamtEntry = { amount: (paid.minor / 100).toFixed(2), direction: 'CRDT', booked, value: booked, acctSvcrRef: `PIX-${paid.id}`, code: ['PMNT', 'RCDT', 'ESCT'], tx: [{ e2e: 'E0000000020261128150112345678901', ustrd: [`Pix ${paid.orderNo}`], party: 'Ana Souza' }] }
    const { statementId } = await imported(source.id, 'pix.xml', camtOf([credit], { currency: 'BRL', statementId: `PIX-${booked}` }))
    const lines = (await t.ok('recon.statements.lines', { statementId }, admin)).items
    expect(lines.map((l) => l.orderNo)).toEqual([paid.orderNo])
    const from = dayStartMs(orderDay, zone)
    const { run: done, breaks } = await run(source.id, [statementId], from, from + DAY_MS)
    expect(breaks.filter((b) => b.lineId === lines[0].id || b.orderId === paid.id)).toEqual([])
    expect(done.summary!.matched).toBe(1)
  })

  it('stores an MT940 statement sent again under a new :20: once: its lines without a bank reference are seen before', async () => {
    const statement = (reference: string) =>
      [
        `:20:${reference}`,
        ':25:TH1234567890',
        ':28C:00323/001',
        ':60F:C261122THB1000,00',
        ':61:2611231123C500,00NTRFNONREF',
        ':86:QR payment',
        ':61:2611231123D25,00NCHGNONREF',
        ':86:Account fee',
        ':62F:C261123THB1475,00',
        '-'
      ].join('\r\n')
    const source = await bankSource('THB account, MT940', BUILT_IN_PROFILES.mt940)
    const first = await imported(source.id, 'stmt1123.sta', statement('STMT1123'))
    expect(first).toMatchObject({ stored: 2, repeated: 0 })
    // Every line seen before: the resend is refused as nothing new, naming the statement that holds them.
    expect(await dryRun(source.id, 'stmt1123-resend.sta', statement('STMT1123-RESEND'))).toMatchObject({ lineCount: 2, repeated: 2, refused: { code: 'recon.nothing_new', statementId: first.statementId } })
    const resent = await settled(await t.ok('recon.imports.commit', { sourceId: source.id, uploadId: (await upload('stmt1123-resend.sta', statement('STMT1123-RESEND'))).uploadId }, admin))
    expect(resent).toMatchObject({ state: 'failed', error: { code: 'recon.nothing_new' } })
    expect((await t.ok('recon.statements.list', { sourceId: source.id }, admin)).items.map((s) => s.id)).toEqual([first.statementId])
  })

  it("dates a bank statement made with a built-in profile in the business's days: its period starts at 00:00 there", async () => {
    const zone = tenantZone(t.core.db, TENANT_ID)
    const builtIn = (await t.ok('recon.profiles.builtIn', {}, admin)).find((b) => b.name === 'mt940')!.profile
    const source = await bankSource('THB account, MT940 from the built-in profile', builtIn)
    const text = [':20:STMT1201', ':25:TH1234567890', ':28C:00331/001', ':60F:C261130THB1000,00', ':61:2612011201D25,00NCHGNONREF', ':86:Account fee', ':62F:C261201THB975,00', '-'].join('\r\n')
    await imported(source.id, 'stmt1201.sta', text)
    const statement = (await t.ok('recon.statements.list', { sourceId: source.id }, admin)).items[0]
    expect([statement.periodFrom, statement.periodTo]).toEqual([dayStartMs('2026-12-01', zone), dayStartMs('2026-12-02', zone)])
  })
})

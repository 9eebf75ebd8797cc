/**
 * Report reads run in worker threads with their own read-only connections: a procedure answers
 * what the same read on the main connection answers, the read is served by a worker (not the main
 * thread, and not the main connection: it never sees the main connection's uncommitted writes),
 * and a worker's failure comes back as an error, not a crash.
 */
import { threadId } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { contract, type ProcedureName } from '../../../src/shared/contract'
import { READS } from '../../../src/main/app/reads'
import { runRead } from '../../../src/main/reads/catalog'
import { REPORT_READS, type ReportName, type reportReads } from '../../../src/main/reports/reads'
import { demoCoreOnFile, type TestCore } from '../../support/core'

let t: TestCore
let admin: string
demoCoreOnFile('paydesk-report-workers-', (core, token) => {
  t = core
  admin = token
})

const PROCEDURES: [ProcedureName, ReportName][] = [
  ['reports.accountDetails', 'accountDetails'],
  ['reports.transactionStatistics', 'transactionStatistics'],
  ['reports.transactionList', 'transactionList'],
  ['reports.settlementStatistics', 'settlementStatistics'],
  ['reports.settlementList', 'settlementList']
]
const FILTERS: Record<string, unknown>[] = [
  {},
  { merchantId: 1 },
  { currency: 'VND', includeTest: false },
  { dateStart: '2026-11-01 00:00:00', dateEnd: '2026-11-15 12:00:00', pageSize: 7, pageIndex: 3 },
  { pageIndex: 40, pageSize: 50, withTotals: false }
]

const served = () => [...t.core.reads.served().values()].reduce((a, b) => a + b, 0)

/** The same read on the main thread's own connection, as the procedures did before the workers. */
function onMainConnection<N extends ReportName>(name: N, input: Record<string, unknown>) {
  const { pageIndex = 1, pageSize = 20, withTotals = true, ...filters } = input as { pageIndex?: number; pageSize?: number; withTotals?: boolean }
  return runRead(t.core.db.$client, READS, REPORT_READS[name], { tenantId: 1, zone: '+08:00' }, { includeTest: true, ...filters } as never, { pageIndex, pageSize, withTotals }) as ReturnType<(typeof reportReads)[N]>
}

describe('report reads in worker threads', () => {
  it('the core reads a database file through workers', () => {
    expect(t.core.reads.mode).toBe('workers')
  })

  it.each(PROCEDURES)('%s answers what the read on the main connection answers, served by a worker', async (procedure, name) => {
    for (const filters of FILTERS) {
      const input = filters
      const before = served()
      const answer = await t.call(procedure, input, admin)
      expect(answer.status).toBe(200)
      expect(served()).toBe(before + 1)
      expect(answer.data).toEqual(contract[procedure].output.parse(onMainConnection(name, input)))
    }
    const data = (await t.ok(procedure, {}, admin)) as { totalItemCount: number }
    expect(data.totalItemCount).toBeGreaterThan(0)
    expect([...t.core.reads.served().keys()].every((id) => id !== threadId)).toBe(true)
  })

  it('the worker reads committed data only: a write still open on the main connection is not in the report', async () => {
    const sqlite = t.core.db.$client
    const count = async () => (await t.ok('reports.accountDetails', { pageSize: 1, withTotals: false, dateStart: '2026-11-22 00:00:00' }, admin)).totalItemCount
    const committed = await count()
    sqlite.exec('begin immediate')
    try {
      sqlite.prepare(
        `insert into ledger_entries (tenant_id, posting_id, account_id, amount, currency, type, remark, account_kind, merchant_id, contract_id, txn_id, is_test, business_day, created_at)
         select tenant_id, posting_id, account_id, amount, currency, type, 'uncommitted', account_kind, merchant_id, contract_id, txn_id, is_test, business_day, created_at from ledger_entries where account_kind = 'merchant_available' limit 1`
      ).run()
      // The main connection sees its own write; the report, read elsewhere, does not.
      const onMain = onMainConnection('accountDetails', { pageSize: 1, withTotals: false, remark: 'uncommitted' })
      expect(onMain.totalItemCount).toBe(1)
      expect((await t.ok('reports.accountDetails', { pageSize: 1, withTotals: false, remark: 'uncommitted' }, admin)).totalItemCount).toBe(0)
      expect(await count()).toBe(committed)
    } finally {
      sqlite.exec('rollback')
    }
  })

  it('a read that fails in the worker is refused with its error, and the next read is served', async () => {
    await expect(t.core.reads.read(REPORT_READS.accountDetails, { tenantId: 1, zone: 'Not/AZone' }, { includeTest: true, dateStart: '2026-11-01' }, { pageIndex: 1, pageSize: 1, withTotals: false })).rejects.toThrow(/time zone/i)
    expect((await t.call('reports.settlementStatistics', {}, admin)).status).toBe(200)
  })
})

describe('the audit list in a worker thread', () => {
  const stored = (where = '1', ...params: unknown[]) => t.core.db.$client.prepare(`select id from audit_events where ${where} order by at desc, id desc`).pluck().all(...params) as number[]

  it('is read by a worker: newest first, every page, its total exact', async () => {
    const ids = stored()
    expect(ids.length).toBeGreaterThan(100)
    const before = served()
    const first = await t.ok('audit.list', { pageSize: 100 }, admin)
    expect(served()).toBe(before + 1)
    expect(first.total).toBe(ids.length)
    expect(first.items.map((e) => e.id)).toEqual(ids.slice(0, 100))
    const lastPage = Math.ceil(ids.length / 7)
    expect((await t.ok('audit.list', { page: lastPage, pageSize: 7 }, admin)).items.map((e) => e.id)).toEqual(ids.slice((lastPage - 1) * 7))
    expect((await t.ok('audit.list', { page: lastPage + 1, pageSize: 7 }, admin)).items).toEqual([])
  })

  it('filters by procedure, merchant, time and text, and reads the JSON columns back as values', async () => {
    const logins = await t.ok('audit.list', { procedure: 'auth.login', pageSize: 100 }, admin)
    expect(logins.total).toBe(stored("procedure = 'auth.login'").length)
    expect(logins.items.every((e) => e.procedure === 'auth.login')).toBe(true)
    const merchant = await t.ok('audit.list', { merchantId: 1, pageSize: 100 }, admin)
    expect(merchant.total).toBe(stored('merchant_id = 1').length)
    expect(merchant.total).toBeGreaterThan(0)
    expect(merchant.items.every((e) => e.merchantId === 1)).toBe(true)
    const newest = (await t.ok('audit.list', { pageSize: 1 }, admin)).items[0]
    expect((await t.ok('audit.list', { from: newest.at, to: newest.at, pageSize: 100 }, admin)).items.map((e) => e.id)).toEqual(stored('at = ?', newest.at))
    const edited = (await t.ok('audit.list', { pageSize: 100 }, admin)).items.find((e) => e.before !== null && e.text !== null)!
    expect(typeof edited.before).toBe('object')
    expect(edited.text).toMatchObject({ code: expect.any(String) })
    const found = await t.ok('audit.list', { search: edited.actor, pageSize: 100 }, admin)
    expect(found.items.every((e) => e.actor.includes(edited.actor) || e.summary.includes(edited.actor) || (e.targetId ?? '').includes(edited.actor))).toBe(true)
    expect(found.items.map((e) => e.id)).toContain(edited.id)
  })
})

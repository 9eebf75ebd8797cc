/**
 * The ledger self-check: recomputes every balance and the settlement report's stored daily rows
 * (per contract and merchant, and per currency; with and without test postings) from the entries,
 * checks each report day total's count of its list rows (both daily reports), checks that every
 * entry and order sits on its business day in the tenant's zone (a zone change moves them all,
 * system/business-zone.ts), and names any drift. Used by `npm run verify`, the fuzz test and the crash test.
 */
import type Database from 'better-sqlite3'
import { businessDaySql } from './business-day'
import { SETTLEMENT_KEYS, SETTLEMENT_SQL_COLUMNS, settlementRowsFromEntries, type SettlementTable } from './settlement-rows'

export interface Drift {
  what: 'unbalanced_posting' | 'balance' | 'held' | 'negative_balance' | 'daily_summary' | 'posting_status' | 'business_day'
  detail: string
}

export interface VerifyReport {
  postings: number
  entries: number
  accounts: number
  /** Stored settlement rows (per day, contract, merchant, currency and view). */
  dailySummaries: number
  drifts: Drift[]
}

export function verifyLedger(sqlite: Database.Database, limit = 50): VerifyReport {
  const drifts: Drift[] = []
  const add = (what: Drift['what'], rows: Record<string, unknown>[], describe: (r: Record<string, unknown>) => string) => {
    for (const r of rows.slice(0, limit)) drifts.push({ what, detail: describe(r) })
  }

  add(
    'unbalanced_posting',
    sqlite.prepare('select posting_id, currency, sum(amount) as off from ledger_entries group by posting_id, currency having sum(amount) != 0').all() as Record<string, unknown>[],
    (r) => `posting ${r.posting_id} ${r.currency} entries sum to ${r.off}, not 0`
  )
  add(
    'unbalanced_posting',
    sqlite.prepare("select h.posting_id, h.currency, sum(h.amount) as off from ledger_hold_entries h join ledger_postings p on p.id = h.posting_id where p.status = 'pending' group by h.posting_id, h.currency having sum(h.amount) != 0").all() as Record<string, unknown>[],
    (r) => `hold ${r.posting_id} ${r.currency} entries sum to ${r.off}, not 0`
  )
  add(
    'posting_status',
    sqlite.prepare("select p.id, p.status, (select count(*) from ledger_entries e where e.posting_id = p.id) as n from ledger_postings p where (p.status = 'posted') != ((select count(*) from ledger_entries e where e.posting_id = p.id) > 0)").all() as Record<string, unknown>[],
    (r) => `posting ${r.id} is ${r.status} but has ${r.n} posted entries`
  )
  add(
    'balance',
    sqlite
      .prepare(
        `select a.id, a.key, b.posted_sum as stored, coalesce(e.s, 0) as actual, b.entry_count as storedCount, coalesce(e.n, 0) as actualCount
         from ledger_accounts a join ledger_balances b on b.account_id = a.id
         left join (select account_id, sum(amount) as s, count(*) as n from ledger_entries group by account_id) e on e.account_id = a.id
         where b.posted_sum != coalesce(e.s, 0) or b.entry_count != coalesce(e.n, 0)`
      )
      .all() as Record<string, unknown>[],
    (r) => `account ${r.key}: balance table says ${r.stored} (${r.storedCount} entries), entries sum to ${r.actual} (${r.actualCount})`
  )
  add(
    'held',
    sqlite
      .prepare(
        `select a.key, b.held_out as storedOut, b.held_in as storedIn, coalesce(h.o, 0) as actualOut, coalesce(h.i, 0) as actualIn
         from ledger_accounts a join ledger_balances b on b.account_id = a.id
         left join (
           select h.account_id,
             sum(case when a2.normal * h.amount < 0 then -a2.normal * h.amount else 0 end) as o,
             sum(case when a2.normal * h.amount > 0 then a2.normal * h.amount else 0 end) as i
           from ledger_hold_entries h join ledger_postings p on p.id = h.posting_id and p.status = 'pending'
           join ledger_accounts a2 on a2.id = h.account_id group by h.account_id
         ) h on h.account_id = a.id
         where b.held_out != coalesce(h.o, 0) or b.held_in != coalesce(h.i, 0)`
      )
      .all() as Record<string, unknown>[],
    (r) => `account ${r.key}: held out/in ${r.storedOut}/${r.storedIn}, pending holds say ${r.actualOut}/${r.actualIn}`
  )
  // Only a posting given leave to overdraw (a chargeback) takes such an account below zero, and it
  // records by how much; nothing else can take it lower, so it is never below minus their sum.
  add(
    'negative_balance',
    sqlite
      .prepare(
        `select a.key, a.normal * b.posted_sum - b.held_out as available, coalesce(o.owed, 0) as owed
         from ledger_accounts a join ledger_balances b on b.account_id = a.id
         left join (select account_id, sum(short_by) as owed from ledger_overdrafts group by account_id) o on o.account_id = a.id
         where a.allow_overdraft = 0 and a.normal * b.posted_sum - b.held_out < -coalesce(o.owed, 0)`
      )
      .all() as Record<string, unknown>[],
    (r) => (r.owed ? `account ${r.key} has ${r.available} available, below the -${r.owed} its recorded overdrafts allow` : `account ${r.key} has no overdraft but ${r.available} available`)
  )
  // The settlement report's stored rows and day totals, in both views (with and without test postings).
  const differs = SETTLEMENT_SQL_COLUMNS.map((c) => `a.${c} is not d.${c}`).join(' or ')
  const stored = SETTLEMENT_SQL_COLUMNS.map((c) => `d.${c} as stored_${c}`).join(', ')
  const actual = SETTLEMENT_SQL_COLUMNS.map((c) => `a.${c} as actual_${c}`).join(', ')
  const describeColumns = (r: Record<string, unknown>) =>
    SETTLEMENT_SQL_COLUMNS.filter((c) => r[`stored_${c}`] !== r[`actual_${c}`])
      .map((c) => `${c} stored ${r[`stored_${c}`] ?? 'none'}, entries ${r[`actual_${c}`] ?? 'none'}`)
      .join('; ')
  const settlementCheck = (table: SettlementTable) => {
    const keys = SETTLEMENT_KEYS[table]
    return sqlite
      .prepare(
        `with actual as (${settlementRowsFromEntries(table)})
         select ${keys.map((k) => `coalesce(a.${k}, d.${k}) as ${k}`).join(', ')}, ${stored}, ${actual}
         from actual a full outer join ${table} d on ${keys.map((k) => `d.${k} = a.${k}`).join(' and ')}
         where a.tenant_id is null or d.tenant_id is null or ${differs}`
      )
      .all() as Record<string, unknown>[]
  }
  const view = (r: Record<string, unknown>) => (r.include_test ? 'with tests' : 'without tests')
  add(
    'daily_summary',
    settlementCheck('settlement_daily_rows'),
    (r) => `settlement row ${r.business_day} contract ${r.contract_id} merchant ${r.merchant_id} ${r.currency} (${view(r)}): ${describeColumns(r)}`
  )
  add(
    'daily_summary',
    settlementCheck('settlement_daily_totals'),
    (r) => `settlement day total ${r.business_day} ${r.currency} (${view(r)}): ${describeColumns(r)}`
  )
  // Each day total's count of its list rows (kept by triggers on the rows tables, both reports).
  for (const report of ['settlement', 'transaction'] as const) {
    const rows = sqlite
      .prepare(
        `select t.business_day, t.currency, t.include_test, t.list_rows as stored, count(r.id) as actual
         from ${report}_daily_totals t left join ${report}_daily_rows r
           on r.tenant_id = t.tenant_id and r.include_test = t.include_test and r.business_day = t.business_day and r.currency = t.currency
         group by t.id having stored != actual`
      )
      .all() as Record<string, unknown>[]
    add('daily_summary', rows, (r) => `${report} day total ${r.business_day} ${r.currency} (${view(r)}): counts ${r.stored} list rows, the rows table has ${r.actual}`)
  }
  // Each entry and order on the business day of its creation in its tenant's zone (the day its
  // daily rows count it on).
  for (const { id, zone } of sqlite.prepare('select id, time_zone as zone from tenants').all() as { id: number; zone: string }[]) {
    const day = businessDaySql(sqlite, zone, 'created_at', 'paydesk_verify_day')
    for (const [table, name] of [['ledger_entries', 'entry'], ['orders', 'order']] as const) {
      add(
        'business_day',
        sqlite.prepare(`select id, business_day, ${day} as day from ${table} where tenant_id = ? and business_day != ${day} limit ?`).all(id, limit) as Record<string, unknown>[],
        (r) => `${name} ${r.id} is on business day ${r.business_day}, but was created on ${r.day} in the business time zone ${zone}`
      )
    }
  }
  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  return {
    postings: count('ledger_postings'),
    entries: count('ledger_entries'),
    accounts: count('ledger_accounts'),
    dailySummaries: count('settlement_daily_rows'),
    drifts
  }
}

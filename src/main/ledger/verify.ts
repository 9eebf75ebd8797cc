/**
 * The ledger self-check: recomputes every balance and daily summary (per merchant and per currency) from the entries and names
 * any drift. Used by `npm run verify`, the fuzz test and the crash test.
 */
import type Database from 'better-sqlite3'

export interface Drift {
  what: 'unbalanced_posting' | 'balance' | 'held' | 'negative_balance' | 'daily_summary' | 'posting_status'
  detail: string
}

export interface VerifyReport {
  postings: number
  entries: number
  accounts: number
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
  add(
    'negative_balance',
    sqlite
      .prepare('select a.key, a.normal * b.posted_sum - b.held_out as available from ledger_accounts a join ledger_balances b on b.account_id = a.id where a.allow_overdraft = 0 and a.normal * b.posted_sum - b.held_out < 0')
      .all() as Record<string, unknown>[],
    (r) => `account ${r.key} has no overdraft but ${r.available} available`
  )
  add(
    'daily_summary',
    sqlite
      .prepare(
        `with actual as (
           select business_day, tenant_id, contract_id, merchant_id, currency, type, is_test, sum(amount) as s, count(*) as n
           from ledger_entries where account_kind = 'merchant_available'
           group by business_day, tenant_id, contract_id, merchant_id, currency, type, is_test
         )
         select coalesce(a.business_day, d.business_day) as day, coalesce(a.merchant_id, d.merchant_id) as merchant, coalesce(a.currency, d.currency) as currency,
                coalesce(a.type, d.type) as type, d.amount_sum as stored, a.s as actual, d.entry_count as storedCount, a.n as actualCount
         from actual a full outer join ledger_daily_summaries d
           on d.business_day = a.business_day and d.tenant_id = a.tenant_id and d.contract_id = a.contract_id and d.merchant_id = a.merchant_id
          and d.currency = a.currency and d.type = a.type and d.is_test = a.is_test
         where a.s is null or d.amount_sum is null or a.s != d.amount_sum or a.n != d.entry_count`
      )
      .all() as Record<string, unknown>[],
    (r) => `daily summary ${r.day} merchant ${r.merchant} ${r.currency} type ${r.type}: stored ${r.stored ?? 'none'} (${r.storedCount ?? 0}), entries ${r.actual ?? 'none'} (${r.actualCount ?? 0})`
  )
  add(
    'daily_summary',
    sqlite
      .prepare(
        `with actual as (
           select tenant_id, business_day, currency, type, is_test, sum(amount) as s, count(*) as n
           from ledger_entries where account_kind = 'merchant_available'
           group by tenant_id, business_day, currency, type, is_test
         )
         select coalesce(a.business_day, d.business_day) as day, coalesce(a.currency, d.currency) as currency, coalesce(a.type, d.type) as type,
                d.amount_sum as stored, a.s as actual, d.entry_count as storedCount, a.n as actualCount
         from actual a full outer join ledger_daily_currency_totals d
           on d.tenant_id = a.tenant_id and d.business_day = a.business_day and d.currency = a.currency and d.type = a.type and d.is_test = a.is_test
         where a.s is null or d.amount_sum is null or a.s != d.amount_sum or a.n != d.entry_count`
      )
      .all() as Record<string, unknown>[],
    (r) => `daily currency total ${r.day} ${r.currency} type ${r.type}: stored ${r.stored ?? 'none'} (${r.storedCount ?? 0}), entries ${r.actual ?? 'none'} (${r.actualCount ?? 0})`
  )
  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  return {
    postings: count('ledger_postings'),
    entries: count('ledger_entries'),
    accounts: count('ledger_accounts'),
    dailySummaries: count('ledger_daily_summaries'),
    drifts
  }
}

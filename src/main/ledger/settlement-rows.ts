/**
 * The settlement report's stored rows (schema/reports.ts), as the ledger core keeps them: for each
 * posted merchant-account entry, its amount and a count added to the column of its type, in the
 * row of its business day, contract, merchant and currency and in the day's total per currency,
 * in the posting's transaction. A test posting counts only in the rows that include tests.
 */
import type Database from 'better-sqlite3'
import { ENTRY_TYPE_CODES, settlementSqlColumn, type EntryType } from '../../shared/ledger'

/** The stored sums: net and entry count over all types, then per type in ENTRY_TYPE_CODES order (`order_pay, order_pay_count, order_fee, …`). */
export const SETTLEMENT_SQL_COLUMNS = ['net', 'entry_count', ...ENTRY_TYPE_CODES.flatMap((type) => [settlementSqlColumn(type), `${settlementSqlColumn(type)}_count`])]

/** What one posting adds to one row: per entry type, the signed sum and the entry count. */
export type TypeSums = Map<EntryType, { sum: bigint; count: number }>

function upsert(sqlite: Database.Database, table: string, keys: string[]): Database.Statement {
  const columns = [...keys, 'updated_at', ...SETTLEMENT_SQL_COLUMNS]
  const add = SETTLEMENT_SQL_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')
  return sqlite.prepare(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})
     on conflict (${keys.join(', ')}) do update set ${add}, updated_at = excluded.updated_at`
  )
}

function values(sums: TypeSums): (bigint | number)[] {
  let net = 0n
  let count = 0
  for (const s of sums.values()) {
    net += s.sum
    count += s.count
  }
  const perType = ENTRY_TYPE_CODES.flatMap((type) => {
    const s = sums.get(type)
    return s ? [s.sum, s.count] : [0n, 0]
  })
  return [net, count, ...perType]
}

export interface SettlementRowKey {
  tenantId: number
  businessDay: number
  contractId: number
  merchantId: number
  currency: string
  isTest: boolean
}

export function settlementRowWriter(sqlite: Database.Database) {
  const row = upsert(sqlite, 'settlement_daily_rows', ['tenant_id', 'include_test', 'business_day', 'merchant_id', 'contract_id', 'currency'])
  const total = upsert(sqlite, 'settlement_daily_totals', ['tenant_id', 'include_test', 'business_day', 'currency'])
  return {
    add(k: SettlementRowKey, sums: TypeSums, now: number): void {
      const amounts = values(sums)
      for (const includeTest of k.isTest ? [1] : [1, 0]) {
        row.run(k.tenantId, includeTest, k.businessDay, k.merchantId, k.contractId, k.currency, now, ...amounts)
        total.run(k.tenantId, includeTest, k.businessDay, k.currency, now, ...amounts)
      }
    }
  }
}

/** The key columns of each stored table. */
export const SETTLEMENT_KEYS = {
  settlement_daily_rows: ['tenant_id', 'include_test', 'business_day', 'contract_id', 'merchant_id', 'currency'],
  settlement_daily_totals: ['tenant_id', 'include_test', 'business_day', 'currency']
} as const

export type SettlementTable = keyof typeof SETTLEMENT_KEYS

/**
 * SQL of a stored table's rows recomputed from the posted merchant-account entries: its keys and
 * per-type columns. What `npm run verify` compares the table with, and what a rebuild writes.
 */
export function settlementRowsFromEntries(table: SettlementTable): string {
  const keys = SETTLEMENT_KEYS[table].map((k) => (k === 'include_test' ? 'v.view' : `e.${k}`))
  const pivot = ['sum(e.amount) as net', 'count(*) as entry_count']
  pivot.push(...ENTRY_TYPE_CODES.flatMap((type) => {
    const column = settlementSqlColumn(type)
    return [`sum(case when e.type = ${type} then e.amount else 0 end) as ${column}`, `sum(e.type = ${type}) as ${column}_count`]
  }))
  return `select ${keys.map((k, i) => `${k} as ${SETTLEMENT_KEYS[table][i]}`).join(', ')}, ${pivot.join(', ')}
    from ledger_entries e join (select 1 as view union all select 0) v on v.view = 1 or e.is_test = 0
    where e.account_kind = 'merchant_available'
    group by ${keys.join(', ')}`
}

/**
 * Writes both stored tables afresh from the entries (test fixtures, the benchmark's generator). The
 * day totals go first: each row inserted after them counts itself in its day total's list_rows
 * (the rows table's insert trigger, migration 0014).
 */
export function rebuildSettlementRows(sqlite: Database.Database, now: number): void {
  sqlite.exec('delete from settlement_daily_rows')
  for (const table of ['settlement_daily_totals', 'settlement_daily_rows'] as const) {
    const columns = [...SETTLEMENT_KEYS[table], ...SETTLEMENT_SQL_COLUMNS]
    sqlite.exec(`delete from ${table}`)
    sqlite.prepare(`insert into ${table} (${columns.join(', ')}, updated_at) select ${columns.join(', ')}, ${Math.trunc(now)} from (${settlementRowsFromEntries(table)})`).run()
  }
}

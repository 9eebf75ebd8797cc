/**
 * The daily report tables: one stored row for each row the daily reports show, kept in the same
 * transaction as the change they count, so a report page reads its rows in order from an index and
 * never groups or sorts a year of data.
 *
 * - `settlement_daily_rows` (结算明细): per business day, contract, merchant and currency, the
 *   merchant-account entries summed and counted by entry type (a column pair per type), kept by the
 *   ledger core (ledger/ledger.ts). `settlement_daily_totals` (结算汇总) is the same per business
 *   day and currency. The entry list's counts, totals and deep-page seeks read them too.
 * - `transaction_daily_rows` (交易明细) and `transaction_daily_totals` (交易汇总): orders counted on
 *   their creation day, kept by the order engine (orders/stats.ts).
 *
 * Test orders count unless a report is asked without them (`includeTest=false`). Rather than
 * grouping a test row and a live row on every read, each table keeps both views: the rows with
 * `include_test = 1` sum everything, those with `include_test = 0` everything but test postings
 * and orders. A change that is not a test updates both; a test one only the first.
 *
 * The list rows are ordered newest day first, then merchant, contract and currency (the reports'
 * order); each filter has an index in that order after its own column, so a page is a range read.
 */
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn, type SQLiteColumnBuilderBase } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'
import { ENTRY_TYPE_CODES, SETTLEMENT_COLUMNS, settlementSqlColumn } from '../../../shared/ledger'

/**
 * Per entry type: the signed sum (minor units) and the entry count, named after the report's
 * column; and over all types, the net sum and the entry count (what the entry list's totals and
 * counts read, and the chart's net).
 */
function settlementColumns() {
  const columns: Record<string, SQLiteColumnBuilderBase> = {
    net: integer('net').notNull().default(0),
    entryCount: integer('entry_count').notNull().default(0)
  }
  for (const type of ENTRY_TYPE_CODES) {
    const name = SETTLEMENT_COLUMNS[type]
    columns[name] = integer(settlementSqlColumn(type)).notNull().default(0)
    columns[`${name}Count`] = integer(`${settlementSqlColumn(type)}_count`).notNull().default(0)
  }
  return columns
}

const transactionColumns = () => ({
  totalCount: integer('total_count').notNull().default(0),
  successCount: integer('success_count').notNull().default(0),
  /** Sum of the amounts of successful orders (paid amount for deposits). */
  transactionMinor: integer('transaction_minor').notNull().default(0),
  /** What those orders settled to the merchant: amount less fees (deposits), amount plus fee (payouts). */
  settleMinor: integer('settle_minor').notNull().default(0)
})

const rowKeys = () => ({
  tenantId: integer('tenant_id').notNull(),
  /** 1: sums every change, test ones included; 0: the same without test postings and orders. */
  includeTest: integer('include_test').notNull(),
  /** yyyymmdd in the tenant's business time zone. */
  businessDay: integer('business_day').notNull(),
  contractId: integer('contract_id').notNull(),
  merchantId: integer('merchant_id').notNull(),
  currency: text('currency').notNull(),
  updatedAt: integer('updated_at').notNull()
})

const totalKeys = () => ({
  tenantId: integer('tenant_id').notNull(),
  includeTest: integer('include_test').notNull(),
  businessDay: integer('business_day').notNull(),
  currency: text('currency').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /**
   * How many rows the rows table has for this day and currency (the list's rows), kept by triggers
   * on the rows table (migration 0014): a list's count and a deep page's day are found from the
   * few day totals instead of stepping over every list row.
   */
  listRows: integer('list_rows').notNull().default(0)
})

/**
 * The list's indexes: the list order (newest day first, then merchant, contract, currency), and the
 * same order after each equality filter. `desc` is written as SQL: the columns' order is mixed.
 */
function rowIndexes(prefix: string) {
  return (t: Record<'tenantId' | 'includeTest' | 'businessDay' | 'merchantId' | 'contractId' | 'currency', AnySQLiteColumn>) => {
    const day = sql`${t.businessDay} desc`
    return [
      uniqueIndex(`${prefix}_list`).on(t.tenantId, t.includeTest, day, t.merchantId, t.contractId, t.currency),
      index(`${prefix}_merchant`).on(t.tenantId, t.includeTest, t.merchantId, day, t.contractId, t.currency),
      index(`${prefix}_contract`).on(t.tenantId, t.includeTest, t.contractId, day, t.merchantId, t.currency),
      index(`${prefix}_currency`).on(t.tenantId, t.includeTest, t.currency, day, t.merchantId, t.contractId)
    ]
  }
}

export const settlementDailyRows = sqliteTable('settlement_daily_rows', { id: integer('id').primaryKey(), ...rowKeys(), ...settlementColumns() }, rowIndexes('settlement_rows'))

/** The day totals' indexes: the statistics' order (newest day, then currency), and per currency. */
function totalIndexes(prefix: string) {
  return (t: Record<'tenantId' | 'includeTest' | 'businessDay' | 'currency', AnySQLiteColumn>) => [
    uniqueIndex(`${prefix}_list`).on(t.tenantId, t.includeTest, sql`${t.businessDay} desc`, t.currency),
    index(`${prefix}_currency`).on(t.tenantId, t.includeTest, t.currency, sql`${t.businessDay} desc`)
  ]
}

export const settlementDailyTotals = sqliteTable('settlement_daily_totals', { id: integer('id').primaryKey(), ...totalKeys(), ...settlementColumns() }, totalIndexes('settlement_totals'))

export const transactionDailyRows = sqliteTable('transaction_daily_rows', { id: integer('id').primaryKey(), ...rowKeys(), ...transactionColumns() }, rowIndexes('transaction_rows'))

export const transactionDailyTotals = sqliteTable('transaction_daily_totals', { id: integer('id').primaryKey(), ...totalKeys(), ...transactionColumns() }, totalIndexes('transaction_totals'))

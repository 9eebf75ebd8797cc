/**
 * The transaction report's per-day counts and sums, kept in the transaction of the order change:
 * per contract and merchant (order_daily_stats), and per currency only (order_daily_currency_totals,
 * for the statistics of all merchants).
 */
import { sql } from 'drizzle-orm'
import type { Tx } from '../db/transaction'

interface StatsKey {
  businessDay: number
  tenantId: number
  contractId: number
  merchantId: number
  currency: string
  isTest: boolean
}

export function countCreated(tx: Tx, k: StatsKey, now: number): void {
  tx.run(sql`insert into order_daily_stats (business_day, tenant_id, contract_id, merchant_id, currency, is_test, total_count, success_count, transaction_minor, settle_minor, updated_at)
    values (${k.businessDay}, ${k.tenantId}, ${k.contractId}, ${k.merchantId}, ${k.currency}, ${k.isTest ? 1 : 0}, 1, 0, 0, 0, ${now})
    on conflict (business_day, tenant_id, contract_id, merchant_id, currency, is_test) do update set total_count = total_count + 1, updated_at = excluded.updated_at`)
  tx.run(sql`insert into order_daily_currency_totals (tenant_id, business_day, currency, is_test, total_count, success_count, transaction_minor, settle_minor, updated_at)
    values (${k.tenantId}, ${k.businessDay}, ${k.currency}, ${k.isTest ? 1 : 0}, 1, 0, 0, 0, ${now})
    on conflict (tenant_id, business_day, currency, is_test) do update set total_count = total_count + 1, updated_at = excluded.updated_at`)
}

export function countSucceeded(tx: Tx, k: StatsKey, transactionMinor: number, settleMinor: number, now: number): void {
  tx.run(sql`update order_daily_stats set success_count = success_count + 1, transaction_minor = transaction_minor + ${transactionMinor},
    settle_minor = settle_minor + ${settleMinor}, updated_at = ${now}
    where business_day = ${k.businessDay} and tenant_id = ${k.tenantId} and contract_id = ${k.contractId} and merchant_id = ${k.merchantId} and currency = ${k.currency} and is_test = ${k.isTest ? 1 : 0}`)
  tx.run(sql`update order_daily_currency_totals set success_count = success_count + 1, transaction_minor = transaction_minor + ${transactionMinor},
    settle_minor = settle_minor + ${settleMinor}, updated_at = ${now}
    where tenant_id = ${k.tenantId} and business_day = ${k.businessDay} and currency = ${k.currency} and is_test = ${k.isTest ? 1 : 0}`)
}

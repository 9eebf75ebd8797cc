/**
 * A test database of merchant and other entries over 40 business days (some days empty, entries of
 * a posting sharing their instant, ids out of time order inside a day), with the settlement rows
 * the ledger would keep for them. For the entry list's paging tests.
 */
import { openDatabase, type Db } from '../db/open'
import { businessDayFn } from '../ledger/business-day'
import { rebuildSettlementRows } from '../ledger/settlement-rows'

export const ENTRIES_ZONE = '+08:00'

export function seededEntries(): Db {
  const db = openDatabase({ path: ':memory:' })
  const c = db.$client
  c.pragma('foreign_keys = OFF')
  const dayOf = businessDayFn(ENTRIES_ZONE)
  const insert = c.prepare(
    `insert into ledger_entries (tenant_id, posting_id, account_id, amount, currency, type, remark, account_kind, merchant_id, contract_id, txn_id, is_test, business_day, created_at)
     values (1, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const start = Date.UTC(2026, 9, 1, 16, 0, 0) // 2026-10-02 00:00 at +08:00
  let posting = 0
  for (let day = 0; day < 40; day++) {
    const perDay = day % 9 === 4 ? 0 : 5 + ((day * 37) % 23)
    for (let i = 0; i < perDay; i++) {
      posting++
      // Out of id order inside a day too: created_at decides, then id.
      const at = start + day * 86_400_000 + ((i * 7919) % 86_400) * 1000
      for (let e = 0; e < 1 + (i % 3); e++) {
        const merchant = 1 + ((posting + e) % 3)
        const remark = posting % 11 === 0 ? `Refund "${posting}", customer, note` : `r D2026${posting}`
        insert.run(posting, (e % 2 ? -1 : 1) * (100 + posting), merchant === 3 ? 'VND' : 'CNY', (posting + e) % 4, remark, posting % 5 === 0 ? 'channel' : 'merchant_available', merchant, merchant, posting, posting % 6 === 0 ? 1 : 0, dayOf(at), at)
      }
    }
  }
  rebuildSettlementRows(c, 0)
  return db
}

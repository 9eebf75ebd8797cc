/**
 * Reserve release: the security deposit withheld from a paid deposit (type 3, moved from the
 * merchant's available balance into `merchant_reserve`) goes back to the available balance once
 * the contract's reserve hold days have passed, as type 3 with the opposite sign.
 *
 * The engine's loop runs this at start and then every minute; after the app was closed it catches
 * up on everything that fell due meanwhile, each release posted at the moment it fell due. Each
 * source posting is released once: the release's idempotency key is `reserve-release:<posting id>`
 * and the candidates are the reserve entries whose release posting does not exist yet.
 */
import type Database from 'better-sqlite3'
import { ENTRY_TYPES } from '../../shared/ledger'
import type { Db } from '../db/open'
import { transact } from '../db/transaction'
import type { Clock } from '../core/context'
import type { Ledger } from '../ledger/ledger'
import type { PostingInput } from '../ledger/types'

export const DAY_MS = 86_400_000
export const releaseKey = (sourcePostingId: number) => `reserve-release:${sourcePostingId}`

export interface ReserveDeps {
  db: Db
  ledger: Ledger
  clock: Clock
  tenantId: number
}

interface Due {
  postingId: number
  amount: number
  currency: string
  merchantId: number
  contractId: number
  txnId: number
  isTest: number
  reference: string | null
  holdDays: number
  dueAt: number
}

const statements = new WeakMap<Database.Database, Database.Statement>()

function dueStatement(sqlite: Database.Database): Database.Statement {
  let statement = statements.get(sqlite)
  if (!statement) {
    // Reserve accounts are few; each is read through the (account_id, id) index.
    statement = sqlite.prepare(
      `select e.posting_id as postingId, sum(e.amount) as amount, e.currency, e.merchant_id as merchantId, e.contract_id as contractId, e.txn_id as txnId,
              e.is_test as isTest, p.reference, c.reserve_hold_days as holdDays, p.created_at + c.reserve_hold_days * ${DAY_MS} as dueAt
       from ledger_entries e
       join ledger_postings p on p.id = e.posting_id
       join contracts c on c.id = e.contract_id
       where e.account_id in (select id from ledger_accounts where tenant_id = ? and kind = 'merchant_reserve')
         and e.type = ${ENTRY_TYPES.RESERVE} and e.amount > 0
         and p.created_at + c.reserve_hold_days * ${DAY_MS} <= ?
         and not exists (select 1 from ledger_postings r where r.tenant_id = p.tenant_id and r.idempotency_key = 'reserve-release:' || e.posting_id)
       group by e.posting_id, e.account_id
       order by dueAt, e.posting_id, e.account_id
       limit ?`
    )
    statements.set(sqlite, statement)
  }
  return statement
}

/** One release posting per source posting: each reserve account it filled is emptied into the available balance. */
export function reserveReleasePosting(parts: Due[]): PostingInput {
  const [first] = parts
  const remark = first.reference ?? `posting ${first.postingId}`
  return {
    idempotencyKey: releaseKey(first.postingId),
    description: `Reserve of ${remark} released after ${first.holdDays} days`,
    txnId: first.txnId,
    merchantId: first.merchantId,
    contractId: first.contractId,
    reference: first.reference,
    isTest: !!first.isTest,
    at: first.dueAt,
    entries: parts.flatMap((due) => {
      const account = { merchantId: due.merchantId, currency: due.currency }
      return [
        { account: { kind: 'merchant_reserve' as const, ...account }, delta: -due.amount, type: ENTRY_TYPES.RESERVE, remark },
        { account: { kind: 'merchant_available' as const, ...account }, delta: due.amount, type: ENTRY_TYPES.RESERVE, remark }
      ]
    })
  }
}

/** Releases every reserve due by now (in batches of about `batch`); returns how many deposits were released. */
export function releaseDueReserves(deps: ReserveDeps, batch = 500): number {
  const statement = dueStatement(deps.db.$client)
  let released = 0
  for (;;) {
    const now = deps.clock.now()
    const rows = statement.all(deps.tenantId, now, batch) as Due[]
    if (rows.length === 0) return released
    const bySource = new Map<number, Due[]>()
    for (const row of rows) bySource.set(row.postingId, [...(bySource.get(row.postingId) ?? []), { ...row, dueAt: Math.min(row.dueAt, now) }])
    // A batch cut in the middle of a posting's accounts leaves that posting for the next round.
    if (rows.length === batch && bySource.size > 1) bySource.delete(rows[rows.length - 1].postingId)
    transact(deps.db, () => {
      for (const parts of bySource.values()) deps.ledger.post(reserveReleasePosting(parts))
    })
    released += bySource.size
    if (rows.length < batch) return released
  }
}

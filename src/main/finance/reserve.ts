/**
 * Reserve release: the security deposit withheld from a paid deposit (type 3, moved from the
 * merchant's available balance into `merchant_reserve`) goes back to the available balance once
 * the contract's reserve hold days have passed, as type 3 with the opposite sign.
 *
 * The engine's loop runs this at start and then every minute; after the app was closed it catches
 * up on everything that fell due meanwhile, each release posted at the moment it fell due. Each
 * source posting is released once: the release's idempotency key is `reserve-release:<posting id>`
 * and the candidates are the reserve entries whose release posting does not exist yet.
 *
 * The job runs on the main thread, beside the window's IPC and the callback listener, and a year of
 * deposits leaves millions of reserve entries behind, nearly all released long ago. So the scan walks
 * each reserve account's entries through the (account_id, id) index in slices of SCAN_SLICE and
 * posts what fell due in commits of RELEASES_PER_COMMIT, and the engine's runner yields the event
 * loop between steps. It also keeps, per reserve account, a cursor below which every reserve is
 * known to be released (entry ids only grow, so a new reserve always lands above it); a later pass
 * starts there, so after the first pass a run reads only the reserves still held.
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

interface Held {
  id: number
  postingId: number
  dueAt: number
  released: number
}

/** Reserve entries read per step of the scan. */
export const SCAN_SLICE = 200
/** Release postings per commit: each is a ledger posting of a few statements; a few dozen stay well under a frame. */
export const RELEASES_PER_COMMIT = 8

interface Statements {
  accounts: Database.Statement
  scan: Database.Statement
  parts: Database.Statement
}

const statements = new WeakMap<Database.Database, Statements>()

function statementsOf(sqlite: Database.Database): Statements {
  let prepared = statements.get(sqlite)
  if (!prepared) {
    const dueAt = `p.created_at + c.reserve_hold_days * ${DAY_MS}`
    prepared = {
      accounts: sqlite.prepare("select id from ledger_accounts where tenant_id = ? and kind = 'merchant_reserve' order by id"),
      // One account's reserve entries from an entry id on, in id order: a seek on (account_id, id).
      scan: sqlite.prepare(
        `select e.id, e.posting_id as postingId, ${dueAt} as dueAt,
                exists (select 1 from ledger_postings r where r.tenant_id = p.tenant_id and r.idempotency_key = 'reserve-release:' || e.posting_id) as released
         from ledger_entries e
         join ledger_postings p on p.id = e.posting_id
         join contracts c on c.id = e.contract_id
         where e.account_id = ? and e.id >= ? and e.type = ${ENTRY_TYPES.RESERVE} and e.amount > 0
         order by e.id
         limit ?`
      ),
      // Every reserve account one source posting filled (one release empties them all).
      parts: sqlite.prepare(
        `select e.posting_id as postingId, sum(e.amount) as amount, e.currency, e.merchant_id as merchantId, e.contract_id as contractId, e.txn_id as txnId,
                e.is_test as isTest, p.reference, c.reserve_hold_days as holdDays, ${dueAt} as dueAt
         from ledger_entries e
         join ledger_postings p on p.id = e.posting_id
         join contracts c on c.id = e.contract_id
         where e.posting_id = ? and e.type = ${ENTRY_TYPES.RESERVE} and e.amount > 0
           and e.account_id in (select id from ledger_accounts where tenant_id = ? and kind = 'merchant_reserve')
         group by e.account_id
         order by e.account_id`
      )
    }
    statements.set(sqlite, prepared)
  }
  return prepared
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

/**
 * Per reserve account, the entry id below which every reserve is released. Only ever raised past
 * entries the scan saw released (or released itself), so starting there skips nothing.
 */
export type ReleaseCursors = Map<number, number>

/**
 * One pass as steps: each `next()` reads one slice of one account's reserves or posts one commit of
 * releases; the generator's value is how many deposits were released. The caller runs the steps in
 * a row (releaseDueReserves) or yields the event loop between them (createReserveReleaser).
 */
export function* releaseSteps(deps: ReserveDeps, cursors: ReleaseCursors = new Map()): Generator<void, number, void> {
  const s = statementsOf(deps.db.$client)
  let released = 0
  for (const { id: accountId } of s.accounts.all(deps.tenantId) as { id: number }[]) {
    let from = cursors.get(accountId) ?? 0
    let stillHeld: number | null = null
    for (;;) {
      const now = deps.clock.now()
      const rows = s.scan.all(accountId, from, SCAN_SLICE) as Held[]
      const due: number[] = []
      for (const row of rows) {
        if (row.released) continue
        if (row.dueAt <= now) {
          if (!due.includes(row.postingId)) due.push(row.postingId)
        } else stillHeld ??= row.id
      }
      for (let i = 0; i < due.length; i += RELEASES_PER_COMMIT) {
        const batch = due.slice(i, i + RELEASES_PER_COMMIT)
        transact(deps.db, () => {
          for (const postingId of batch) {
            const parts = (s.parts.all(postingId, deps.tenantId) as Due[]).map((part) => ({ ...part, dueAt: Math.min(part.dueAt, now) }))
            // Posted under the release's idempotency key: one released meanwhile is replayed, not posted twice.
            if (parts.length > 0 && !deps.ledger.post(reserveReleasePosting(parts)).replayed) released++
          }
        })
        yield
      }
      if (rows.length > 0) from = rows[rows.length - 1].id + 1
      if (rows.length < SCAN_SLICE) break
      yield
    }
    cursors.set(accountId, stillHeld ?? from)
  }
  return released
}

/** Releases every reserve due by now, in one go (the demo's history, tools); returns how many deposits were released. */
export function releaseDueReserves(deps: ReserveDeps): number {
  const steps = releaseSteps(deps)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

export interface ReserveReleaser {
  /** One pass, a turn of the event loop between its steps; passes never overlap (a second call joins the running one). */
  run(): Promise<number>
}

/** The engine's runner: keeps the cursors between passes, so a pass after the first reads only what is still held. */
export function createReserveReleaser(deps: ReserveDeps): ReserveReleaser {
  const cursors: ReleaseCursors = new Map()
  let running: Promise<number> | null = null
  const pass = async () => {
    const steps = releaseSteps(deps, cursors)
    for (;;) {
      const step = steps.next()
      if (step.done) return step.value
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }
  return {
    run() {
      running ??= pass().finally(() => (running = null))
      return running
    }
  }
}

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
 * deposits leaves over a million reserve entries behind, nearly all released long ago. So it reads
 * each reserve account's entries through the (account_id, id) index in slices of SCAN_SLICE and
 * posts what fell due in commits of RELEASES_PER_COMMIT, and the engine's runner yields the event
 * loop between steps. The runner also remembers (ReleaseMemory) how far each account was read and
 * which reserves are still held, by due time: after its first pass, a pass reads only the entries
 * added since and releases the held ones that fell due, never the history again.
 */
import type Database from 'better-sqlite3'
import { ENTRY_TYPES } from '../../shared/ledger'
import type { Db } from '../db/open'
import { transact } from '../db/transaction'
import type { Clock } from '../core/context'
import { REVERSAL_SUFFIX, type Ledger } from '../ledger/ledger'
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
export const SCAN_SLICE = 100
/** Release postings per commit: each is a ledger posting of a few statements; a few dozen stay well under a frame. */
export const RELEASES_PER_COMMIT = 8

interface Statements {
  holdDays: Database.Statement
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
      holdDays: sqlite.prepare("select group_concat(id || ':' || reserve_hold_days, ',') from (select id, reserve_hold_days from contracts where tenant_id = ? order by id)"),
      accounts: sqlite.prepare("select id from ledger_accounts where tenant_id = ? and kind = 'merchant_reserve' order by id"),
      // One account's reserve entries from an entry id on, in id order: a seek on (account_id, id).
      scan: sqlite.prepare(
        `select e.id, e.posting_id as postingId, ${dueAt} as dueAt,
                exists (select 1 from ledger_postings r where r.tenant_id = p.tenant_id and r.idempotency_key = 'reserve-release:' || e.posting_id)
                -- A rehearsal's posting was reversed as it was made (ledger.ts): its reserve went back with it.
                or exists (select 1 from ledger_postings r where r.tenant_id = p.tenant_id and r.idempotency_key = p.idempotency_key || '${REVERSAL_SUFFIX}') as released
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
 * What a runner remembers between passes: per reserve account, the entry id its scan has reached
 * (`scannedTo`; entry ids only grow, so a new deposit's reserve always lands at or above it), and
 * the reserves the scans found still held, by the time they fall due (a min-heap). A pass releases
 * what the heap says fell due and scans only the entries added since. Changed hold days (the
 * contracts' `reserve_hold_days`, a small table, compared whole) forget everything: the next pass
 * scans from the start again, as the first one does.
 */
export interface ReleaseMemory {
  holdDays: string | null
  scannedTo: Map<number, number>
  held: HeldHeap
}

/** A min-heap of (due time, source posting) in two number arrays: no object per held reserve for the GC to trace. */
export class HeldHeap {
  private dueAt: number[] = []
  private postingId: number[] = []

  get size(): number {
    return this.dueAt.length
  }

  /** The earliest due time held, or +∞. */
  peek(): number {
    return this.dueAt.length > 0 ? this.dueAt[0] : Number.POSITIVE_INFINITY
  }

  push(dueAt: number, postingId: number): void {
    let i = this.dueAt.length
    this.dueAt.push(dueAt)
    this.postingId.push(postingId)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.dueAt[parent] <= dueAt) break
      this.move(parent, i)
      i = parent
    }
    this.dueAt[i] = dueAt
    this.postingId[i] = postingId
  }

  /** Removes the earliest; returns its source posting. */
  pop(): number {
    const top = this.postingId[0]
    const lastDue = this.dueAt.pop()!
    const lastPosting = this.postingId.pop()!
    const n = this.dueAt.length
    if (n > 0) {
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        if (l >= n) break
        const child = l + 1 < n && this.dueAt[l + 1] < this.dueAt[l] ? l + 1 : l
        if (this.dueAt[child] >= lastDue) break
        this.move(child, i)
        i = child
      }
      this.dueAt[i] = lastDue
      this.postingId[i] = lastPosting
    }
    return top
  }

  private move(from: number, to: number): void {
    this.dueAt[to] = this.dueAt[from]
    this.postingId[to] = this.postingId[from]
  }
}

export const newReleaseMemory = (): ReleaseMemory => ({ holdDays: null, scannedTo: new Map(), held: new HeldHeap() })

/**
 * One pass as steps: each `next()` reads one slice of one account's reserves or posts one commit of
 * releases; the generator's value is how many deposits were released. The caller runs the steps in
 * a row (releaseDueReserves) or yields the event loop between them (createReserveReleaser).
 */
export function* releaseSteps(deps: ReserveDeps, memory: ReleaseMemory = newReleaseMemory()): Generator<void, number, void> {
  const s = statementsOf(deps.db.$client)
  const holdDays = s.holdDays.pluck().get(deps.tenantId) as string | null
  if (holdDays !== memory.holdDays) {
    memory.scannedTo.clear()
    memory.held = new HeldHeap()
    memory.holdDays = holdDays
  }
  let released = 0
  /** Posts the releases of these source postings, RELEASES_PER_COMMIT per commit, a step after each commit. */
  function* release(postingIds: number[], now: number): Generator<void, void, void> {
    for (let i = 0; i < postingIds.length; i += RELEASES_PER_COMMIT) {
      const batch = postingIds.slice(i, i + RELEASES_PER_COMMIT)
      transact(deps.db, () => {
        for (const postingId of batch) {
          const parts = s.parts.all(postingId, deps.tenantId) as Due[]
          if (parts.length === 0) continue
          // Held longer than the heap knew: back into it (hold days are compared at the start of each pass).
          if (parts[0].dueAt > now) memory.held.push(parts[0].dueAt, postingId)
          // Posted under the release's idempotency key: one released meanwhile is replayed, not posted twice.
          else if (!deps.ledger.post(reserveReleasePosting(parts.map((part) => ({ ...part, dueAt: Math.min(part.dueAt, now) })))).replayed) released++
        }
      })
      yield
    }
  }

  // What the earlier scans found held and has fallen due since.
  const now = deps.clock.now()
  const fallen: number[] = []
  while (memory.held.peek() <= now) fallen.push(memory.held.pop())
  yield* release([...new Set(fallen)], now)

  // The entries added since the last scan (all of them on the first pass).
  for (const { id: accountId } of s.accounts.all(deps.tenantId) as { id: number }[]) {
    let from = memory.scannedTo.get(accountId) ?? 0
    for (;;) {
      const at = deps.clock.now()
      const rows = s.scan.all(accountId, from, SCAN_SLICE) as Held[]
      const due: number[] = []
      for (const row of rows) {
        if (row.released) continue
        if (row.dueAt <= at) {
          if (!due.includes(row.postingId)) due.push(row.postingId)
        } else memory.held.push(row.dueAt, row.postingId)
      }
      if (rows.length > 0) from = rows[rows.length - 1].id + 1
      memory.scannedTo.set(accountId, from)
      yield* release(due, at)
      if (rows.length < SCAN_SLICE) break
      yield
    }
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

/** The engine's runner: remembers between passes (ReleaseMemory), so a pass after the first reads only the reserves added since and releases the held ones as they fall due. */
export function createReserveReleaser(deps: ReserveDeps): ReserveReleaser {
  const memory = newReleaseMemory()
  let running: Promise<number> | null = null
  const pass = async () => {
    const steps = releaseSteps(deps, memory)
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

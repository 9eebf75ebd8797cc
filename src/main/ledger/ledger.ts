/**
 * The ledger core: every money movement goes through `post` or `hold` → `commitHold` / `voidHold`.
 * A posting is entries summing to zero per currency (raw amounts), keyed for idempotency;
 * balances and the settlement report's daily rows change in the same transaction. Hot path: prepared statements.
 *
 * Call these inside the caller's transaction (`transact`) so the posting commits or rolls back
 * with the business write it belongs to; called outside one, each opens its own.
 */
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { ENTRY_TYPES, isEntryType, type EntryType } from '../../shared/ledger'
import { currency as currencyOf } from '../../shared/reference'
import type { Db } from '../db/open'
import { withWriteLock } from '../db/transaction'
import type { AccountKind } from '../db/schema/ledger'
import { say, type ServerText } from '../../shared/server-text'
import { moneyText } from '../../shared/money-text'
import { AppError, conflict, notFound } from '../core/errors'
import type { Clock } from '../core/context'
import { accountNamer } from './account-name'
import { businessDayFn, type BusinessDayOf } from './business-day'
import { settlementRowWriter, type TypeSums } from './settlement-rows'
import type { Ledger } from '../core/ledger-port'
import {
  accountKey,
  MERCHANT_KINDS,
  normalOf,
  OVERDRAFT_KINDS,
  type AccountBalance,
  INT64_MAX,
  INT64_MIN,
  type AccountRef,
  type EntryInput,
  type Overdraft,
  type PostOptions,
  type PostingInput,
  type PostingResult
} from './types'

interface AccountRow {
  /** 0 while the account is only planned by a posting that has not passed its checks yet. */
  id: number
  key: string
  kind: AccountKind
  normal: number
  allowOverdraft: number
  merchantId: number | null
  currency: string
  ref?: AccountRef
}

interface PreparedEntry {
  account: AccountRow
  /** Each entry's amount is a safe integer (checked); sums of them are BigInt. */
  raw: number
  delta: number
  type: number | null
  remark: string
}

export interface LedgerOptions {
  tenantId: number
  clock: Clock
  /** The tenant's business time zone, read on each posting (it can be changed in settings). */
  timeZone: () => string
  /**
   * Whether a channel is a field test's rehearsal twin (it points at the simulator, which "pays"
   * with money that never arrives). A posting that touches one is booked and reversed in the same
   * transaction (`reverseRehearsal`): the rehearsal shows what a live run would book, while no
   * merchant, fee, reserve or suspense balance ever holds that money, even for a moment.
   */
  isRehearsalChannel?: (channelId: number) => boolean
}

/** A rehearsal posting's reversal is keyed by its key and this. */
export const REVERSAL_SUFFIX = ':reversed'

/** The remark of a rehearsal's reversing entry: the original's, so a search by order number finds both. */
export const rehearsalRemark = (remark: string) => `${remark} · rehearsal reversed`

const insufficient = (what: ServerText, currency: string, available: bigint, needs: bigint) =>
  new AppError('limit', say('error.ledger.insufficient', { what, available: moneyText(available, currency), needs: moneyText(needs, currency) }), {
    code: 'ledger.insufficient_funds'
  })

const pastRange = (what: string, currency: string) =>
  new AppError('limit', say('error.ledger.pastRange', { currency, what, limit: String(INT64_MAX) }), { code: 'ledger.balance_limit' })

/** An account a posting will take below zero by its leave (`mayOverdraw`), before it is written. */
interface PlannedOverdraft {
  account: AccountRow
  availableBefore: bigint
  shortBy: bigint
  availableAfter: bigint
}

interface StoredBalance {
  postedSum: bigint
  heldOut: bigint
  heldIn: bigint
}

const EMPTY: StoredBalance = { postedSum: 0n, heldOut: 0n, heldIn: 0n }
const inRange = (value: bigint) => value >= INT64_MIN && value <= INT64_MAX

function statements(sqlite: Database.Database) {
  return {
    account: sqlite.prepare(
      'select id, key, kind, normal, allow_overdraft as allowOverdraft, merchant_id as merchantId, currency from ledger_accounts where tenant_id = ? and key = ?'
    ),
    insertAccount: sqlite.prepare(
      'insert into ledger_accounts (tenant_id, key, kind, merchant_id, channel_id, currency, normal, allow_overdraft, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)'
    ),
    insertBalance: sqlite.prepare('insert into ledger_balances (account_id, updated_at) values (?, ?)'),
    // Read as BigInt: a sum of entries can pass 2^53.
    balance: sqlite.prepare('select posted_sum as postedSum, held_out as heldOut, held_in as heldIn from ledger_balances where account_id = ?').safeIntegers(true),
    addPosted: sqlite.prepare('update ledger_balances set posted_sum = posted_sum + ?, entry_count = entry_count + ?, updated_at = ? where account_id = ?'),
    addHeld: sqlite.prepare('update ledger_balances set held_out = held_out + ?, held_in = held_in + ?, updated_at = ? where account_id = ?'),
    postingByKey: sqlite.prepare(
      'select id, status, content_hash as contentHash, txn_id as txnId, description, merchant_id as merchantId, contract_id as contractId, reference, is_test as isTest from ledger_postings where tenant_id = ? and idempotency_key = ?'
    ),
    nextPostingId: sqlite.prepare('select coalesce(max(id), 0) + 1 as id from ledger_postings').pluck(),
    insertPosting: sqlite.prepare(
      'insert into ledger_postings (id, tenant_id, idempotency_key, content_hash, status, description, txn_id, merchant_id, contract_id, reference, is_test, created_by, created_at, settled_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    ),
    settle: sqlite.prepare("update ledger_postings set status = 'posted', settled_at = ? where id = ?"),
    void: sqlite.prepare("update ledger_postings set status = 'voided', settled_at = ?, void_reason = ? where id = ?"),
    insertEntry: sqlite.prepare(
      'insert into ledger_entries (tenant_id, posting_id, account_id, amount, currency, type, remark, account_kind, merchant_id, contract_id, txn_id, is_test, business_day, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    ),
    insertOverdraft: sqlite.prepare('insert into ledger_overdrafts (tenant_id, posting_id, account_id, available_before, short_by, created_at) values (?, ?, ?, ?, ?, ?)'),
    insertHoldEntry: sqlite.prepare('insert into ledger_hold_entries (posting_id, account_id, amount, currency, type, remark) values (?, ?, ?, ?, ?, ?)'),
    holdEntries: sqlite.prepare(
      `select h.amount as raw, h.type, h.remark, a.id, a.key, a.kind, a.normal, a.allow_overdraft as allowOverdraft, a.merchant_id as merchantId, a.currency
       from ledger_hold_entries h join ledger_accounts a on a.id = h.account_id where h.posting_id = ? order by h.id`
    )
  }
}

/** Canonical content of a posting request, for the idempotency check. */
type PostingHead = Omit<PostingInput, 'entries' | 'at'>
type EntryKey = readonly [key: string, delta: number, type: number | null, remark: string]

function contentHash(kind: 'post' | 'hold', input: PostingInput): string {
  return hashOf(kind, input, input.entries.map((e) => [accountKey(e.account), e.delta, e.type ?? null, e.remark ?? ''] as const))
}

function hashOf(kind: 'post' | 'hold', head: PostingHead, entryKeys: EntryKey[]): string {
  const entries = [...entryKeys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]))
  const canonical = [kind, head.description, head.txnId ?? null, head.merchantId ?? null, head.contractId ?? null, head.reference ?? null, !!head.isTest, entries]
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex')
}

export function createLedger(db: Db, options: LedgerOptions): Ledger {
  const sqlite = db.$client
  const s = statements(sqlite)
  const settlementRows = settlementRowWriter(sqlite)
  const { tenantId, clock } = options
  // A refusal's words: whose account it is (account-name.ts).
  const accountName = accountNamer(sqlite, tenantId)
  let zone = ''
  let dayOf: BusinessDayOf = () => 0
  const businessDay = (ms: number): number => {
    const current = options.timeZone()
    if (current !== zone) {
      zone = current
      dayOf = businessDayFn(current)
    }
    return dayOf(ms)
  }
  // No account cache across postings: a transaction that created an account may roll back, and a
  // cached id would then point nowhere. The indexed lookup costs about a microsecond.
  // A missing account is only planned here (id 0) and created by `materialize`, after every check
  // has passed: nothing is written before a posting is known to be accepted, so a refused posting
  // leaves no trace even inside a caller's transaction, with no savepoint needed.
  function lookupAccount(ref: AccountRef): AccountRow {
    const key = accountKey(ref)
    const row = s.account.get(tenantId, key) as AccountRow | undefined
    if (row) return row
    if (!currencyOf(ref.currency)) throw new AppError('validation', say('rule.knownCurrency', { currency: ref.currency }), { field: 'currency' })
    const allowOverdraft = OVERDRAFT_KINDS.includes(ref.kind) ? 1 : 0
    return { id: 0, key, kind: ref.kind, normal: normalOf(ref.kind), allowOverdraft, merchantId: 'merchantId' in ref ? ref.merchantId : null, currency: ref.currency, ref }
  }

  function materialize(entries: PreparedEntry[], now: number): void {
    for (const { account } of entries) {
      if (account.id !== 0) continue
      const channelId = account.ref && 'channelId' in account.ref ? account.ref.channelId : null
      const info = s.insertAccount.run(tenantId, account.key, account.kind, account.merchantId, channelId, account.currency, account.normal, account.allowOverdraft, now)
      account.id = Number(info.lastInsertRowid)
      s.insertBalance.run(account.id, now)
    }
  }

  function storedBalance(account: AccountRow): StoredBalance {
    return account.id === 0 ? EMPTY : (s.balance.get(account.id) as StoredBalance)
  }

  /**
   * Each non-overdraft account must cover the posting's net decrease of it from what is available,
   * and no stored sum may leave SQLite's integer range. `kind` says what the entries change: posted
   * sums (a posting, a hold committed) or held totals (a hold placed). An account the posting has
   * leave to overdraw (`mayOverdraw`, account keys) is not refused: how far below zero it goes is
   * returned, to be recorded with the posting.
   */
  function checkBalances(entries: PreparedEntry[], kind: 'post' | 'hold', mayOverdraw: ReadonlySet<string> = new Set()): PlannedOverdraft[] {
    const overdrafts: PlannedOverdraft[] = []
    const net = new Map<AccountRow, { raw: bigint; decrease: bigint; increase: bigint }>()
    for (const e of entries) {
      const n = net.get(e.account) ?? { raw: 0n, decrease: 0n, increase: 0n }
      n.raw += BigInt(e.raw)
      if (e.delta < 0) n.decrease += BigInt(-e.delta)
      else n.increase += BigInt(e.delta)
      net.set(e.account, n)
    }
    for (const [account, n] of net) {
      const bal = storedBalance(account)
      const available = BigInt(account.normal) * bal.postedSum - bal.heldOut
      // A hold's increases only count once posted, so only its decreases are checked.
      const change = kind === 'post' ? BigInt(account.normal) * n.raw : -n.decrease
      const stays = kind === 'post' ? inRange(bal.postedSum + n.raw) : inRange(bal.heldOut + n.decrease) && inRange(bal.heldIn + n.increase)
      if (!stays) throw pastRange(account.key, account.currency)
      if (change >= 0n || account.allowOverdraft || available + change >= 0n) continue
      if (!mayOverdraw.has(account.key)) throw insufficient(accountName(account), account.currency, available, -change)
      // Below zero by what this posting takes beyond what was available (all of it when nothing was).
      const after = available + change
      overdrafts.push({ account, availableBefore: available, shortBy: available > 0n ? -after : -change, availableAfter: after })
    }
    return overdrafts
  }

  function prepare(input: PostingInput): PreparedEntry[] {
    if (input.entries.length < 2) throw new AppError('validation', say('rule.twoEntries'), { field: 'entries' })
    const sums = new Map<string, bigint>()
    const resolved = new Map<string, AccountRow>()
    const prepared = input.entries.map((e: EntryInput, i) => {
      if (!Number.isSafeInteger(e.delta) || e.delta === 0) {
        throw new AppError('validation', say('rule.nonZeroMinor'), { field: `entries.${i}.delta` })
      }
      const merchantAccount = MERCHANT_KINDS.includes(e.account.kind)
      if (merchantAccount && (e.type === undefined || !isEntryType(e.type))) {
        throw new AppError('validation', say('rule.merchantEntryType'), { field: `entries.${i}.type` })
      }
      if (merchantAccount && !input.contractId) {
        throw new AppError('validation', say('rule.entryContract'), { field: 'contractId' })
      }
      const key = accountKey(e.account)
      let account = resolved.get(key)
      if (!account) resolved.set(key, (account = lookupAccount(e.account)))
      const raw = account.normal * e.delta
      sums.set(e.account.currency, (sums.get(e.account.currency) ?? 0n) + BigInt(raw))
      return { account, raw, delta: e.delta, type: e.type ?? null, remark: e.remark ?? '' }
    })
    for (const [currency, sum] of sums) {
      if (sum !== 0n) throw new AppError('validation', say('rule.unbalanced', { currency, n: String(sum) }), { field: 'entries', code: 'ledger.unbalanced' })
    }
    return prepared
  }

  function replayOf(kind: 'post' | 'hold', input: PostingInput): PostingResult | null {
    const existing = s.postingByKey.get(tenantId, input.idempotencyKey) as { id: number; status: PostingResult['status']; contentHash: string; txnId: number } | undefined
    if (!existing) return null
    if (existing.contentHash !== contentHash(kind, input)) {
      throw conflict(say('error.ledger.idempotencyReused', { key: input.idempotencyKey }), { code: 'ledger.idempotency_conflict', field: 'idempotencyKey' })
    }
    return { postingId: existing.id, txnId: existing.txnId, status: existing.status, replayed: true }
  }

  function insertPosting(kind: 'post' | 'hold', input: PostingHead, now: number, hash: string): { postingId: number; txnId: number } {
    // The id is chosen up front so the transaction number can default to it in the same insert.
    const postingId = s.nextPostingId.get() as number
    const txnId = input.txnId ?? postingId
    s.insertPosting.run(
      postingId,
      tenantId,
      input.idempotencyKey,
      hash,
      kind === 'post' ? 'posted' : 'pending',
      input.description,
      txnId,
      input.merchantId ?? null,
      input.contractId ?? null,
      input.reference ?? null,
      input.isTest ? 1 : 0,
      input.createdBy ?? null,
      now,
      kind === 'post' ? now : null
    )
    return { postingId, txnId }
  }

  function writeEntries(postingId: number, txnId: number, contractId: number | null, isTest: boolean, entries: PreparedEntry[], now: number): void {
    const day = businessDay(now)
    // One balance update per account and one summary upsert per type, however many entries.
    const perAccount = new Map<number, { sum: bigint; count: number }>()
    // Per merchant account (a merchant in one currency): the sums and counts of each entry type.
    const perMerchant = new Map<number, { account: AccountRow; sums: TypeSums }>()
    for (const e of entries) {
      s.insertEntry.run(tenantId, postingId, e.account.id, e.raw, e.account.currency, e.type, e.remark, e.account.kind, e.account.merchantId, contractId, txnId, isTest ? 1 : 0, day, now)
      const account = perAccount.get(e.account.id) ?? { sum: 0n, count: 0 }
      account.sum += BigInt(e.raw)
      account.count++
      perAccount.set(e.account.id, account)
      if (e.account.kind === 'merchant_available') {
        const merchant = perMerchant.get(e.account.id) ?? { account: e.account, sums: new Map() }
        const type = merchant.sums.get(e.type as EntryType) ?? { sum: 0n, count: 0 }
        type.sum += BigInt(e.raw)
        type.count++
        merchant.sums.set(e.type as EntryType, type)
        perMerchant.set(e.account.id, merchant)
      }
    }
    for (const [accountId, { sum, count }] of perAccount) s.addPosted.run(sum, count, now, accountId)
    for (const { account, sums } of perMerchant.values()) {
      // prepare() refused merchant-account entries without a contract.
      settlementRows.add({ tenantId, businessDay: day, contractId: contractId!, merchantId: account.merchantId!, currency: account.currency, isTest }, sums, now)
    }
  }

  // Inside a caller's transaction no savepoint is needed: every check runs before the first write.
  function inTransaction<T>(work: () => T): T {
    return sqlite.inTransaction
      ? work()
      : withWriteLock(sqlite, (began) =>
          sqlite
            .transaction(() => {
              began()
              return work()
            })
            .immediate()
        )
  }

  /** An entry on a rehearsal twin's account: the simulator's money, never short and never real. */
  function onTwin(e: PreparedEntry): boolean {
    return e.account.kind === 'channel' && !!options.isRehearsalChannel?.(Number(e.account.key.split(':')[1]))
  }

  /**
   * Checks that the balances a posting takes from cover it, unless it is a rehearsal's (`rehearsal`
   * then): its money is the simulator's, booked and reversed at once, so no balance can run short
   * of it (a rehearsal refunds the deposit it rehearsed, which was never the merchant's).
   */
  function covered(entries: PreparedEntry[], kind: 'post' | 'hold', mayOverdraw?: ReadonlySet<string>): { rehearsal: boolean; overdrafts: PlannedOverdraft[] } {
    if (entries.some(onTwin)) return { rehearsal: true, overdrafts: [] }
    return { rehearsal: false, overdrafts: checkBalances(entries, kind, mayOverdraw) }
  }

  /** Records the accounts a posting took below zero by its leave (their rows exist by now). */
  function recordOverdrafts(postingId: number, planned: PlannedOverdraft[], refs: AccountRef[], now: number): Overdraft[] {
    return planned.map(({ account, availableBefore, shortBy, availableAfter }) => {
      s.insertOverdraft.run(tenantId, postingId, account.id, availableBefore, shortBy, now)
      return { account: refs.find((r) => accountKey(r) === account.key)!, availableBefore, shortBy, availableAfter }
    })
  }

  /**
   * Books the exact opposite of a rehearsal's posting, as a posting of its own (`<key>:reversed`)
   * in the same transaction: every account is back where it was, and both stay on the record.
   */
  function reverseRehearsal(posting: { idempotencyKey: string; description: string; txnId: number; merchantId: number | null; contractId: number | null; reference: string | null; isTest: boolean }, entries: PreparedEntry[], now: number): void {
    const reversed = entries.map((e) => ({ ...e, raw: -e.raw, delta: -e.delta, remark: rehearsalRemark(e.remark) }))
    const head: PostingHead = {
      idempotencyKey: `${posting.idempotencyKey}${REVERSAL_SUFFIX}`,
      description: `${posting.description}: reversed, a rehearsal on the simulator`,
      txnId: posting.txnId,
      merchantId: posting.merchantId,
      contractId: posting.contractId,
      reference: posting.reference,
      isTest: posting.isTest
    }
    const { postingId } = insertPosting('post', head, now, hashOf('post', head, reversed.map((e) => [e.account.key, e.delta, e.type, e.remark] as const)))
    writeEntries(postingId, posting.txnId, posting.contractId, posting.isTest, reversed, now)
  }

  function post(input: PostingInput, options?: PostOptions): PostingResult {
    return inTransaction(() => {
      const replay = replayOf('post', input)
      if (replay) return replay
      const now = input.at ?? clock.now()
      const entries = prepare(input)
      const mayOverdraw = options?.mayOverdraw ?? []
      const { rehearsal, overdrafts: planned } = covered(entries, 'post', new Set(mayOverdraw.map(accountKey)))
      materialize(entries, now)
      const { postingId, txnId } = insertPosting('post', input, now, contentHash('post', input))
      writeEntries(postingId, txnId, input.contractId ?? null, !!input.isTest, entries, now)
      const overdrafts = recordOverdrafts(postingId, planned, mayOverdraw, now)
      if (rehearsal) reverseRehearsal({ ...input, txnId, merchantId: input.merchantId ?? null, contractId: input.contractId ?? null, reference: input.reference ?? null, isTest: !!input.isTest }, entries, now)
      return { postingId, txnId, status: 'posted', replayed: false, ...(overdrafts.length > 0 && { overdrafts }) }
    })
  }

  function hold(input: PostingInput): PostingResult {
    return inTransaction(() => {
      const replay = replayOf('hold', input)
      if (replay) return replay
      const now = input.at ?? clock.now()
      const entries = prepare(input)
      const { rehearsal } = covered(entries, 'hold')
      materialize(entries, now)
      const { postingId, txnId } = insertPosting('hold', input, now, contentHash('hold', input))
      for (const e of entries) {
        s.insertHoldEntry.run(postingId, e.account.id, e.raw, e.account.currency, e.type, e.remark)
        // A rehearsal holds nothing of anyone's but the twin's: its merchant's real balance stays free.
        if (!rehearsal || onTwin(e)) s.addHeld.run(e.delta < 0 ? -e.delta : 0, e.delta > 0 ? e.delta : 0, now, e.account.id)
      }
      return { postingId, txnId, status: 'pending', replayed: false }
    })
  }

  function pendingPosting(idempotencyKey: string) {
    const posting = s.postingByKey.get(tenantId, idempotencyKey) as
      | { id: number; status: PostingResult['status']; txnId: number; description: string; merchantId: number | null; contractId: number | null; reference: string | null; isTest: number }
      | undefined
    if (!posting) throw notFound(say('thing.hold', { id: idempotencyKey }), 'ledger.hold_not_found')
    return posting
  }

  function holdEntriesOf(postingId: number): PreparedEntry[] {
    const rows = s.holdEntries.all(postingId) as (AccountRow & { raw: number; type: number | null; remark: string })[]
    return rows.map((r) => ({ account: r, raw: r.raw, delta: r.normal * r.raw, type: r.type, remark: r.remark }))
  }

  /** A committed hold adds its entries to the posted sums: they must stay in range. */
  function checkRanges(entries: PreparedEntry[]): void {
    const net = new Map<AccountRow, bigint>()
    for (const e of entries) net.set(e.account, (net.get(e.account) ?? 0n) + BigInt(e.raw))
    for (const [account, raw] of net) if (!inRange(storedBalance(account).postedSum + raw)) throw pastRange(account.key, account.currency)
  }

  /** Releases what a hold holds (a rehearsal's: on its twin only, as `hold` held it). */
  function releaseHeld(entries: PreparedEntry[], now: number): void {
    const rehearsal = entries.some(onTwin)
    for (const e of entries) if (!rehearsal || onTwin(e)) s.addHeld.run(e.delta < 0 ? e.delta : 0, e.delta > 0 ? -e.delta : 0, now, e.account.id)
  }

  function commitHold(idempotencyKey: string, at?: number): PostingResult {
    return inTransaction(() => {
      const posting = pendingPosting(idempotencyKey)
      if (posting.status === 'posted') return { postingId: posting.id, txnId: posting.txnId, status: 'posted', replayed: true }
      if (posting.status === 'voided') throw conflict(say('error.ledger.holdVoided', { key: idempotencyKey }), { code: 'ledger.hold_voided' })
      const now = at ?? clock.now()
      const entries = holdEntriesOf(posting.id)
      // Its decreases were covered when it was placed; only the range can still refuse it.
      checkRanges(entries)
      releaseHeld(entries, now)
      writeEntries(posting.id, posting.txnId, posting.contractId, !!posting.isTest, entries, now)
      s.settle.run(now, posting.id)
      if (entries.some(onTwin)) reverseRehearsal({ ...posting, idempotencyKey, isTest: !!posting.isTest }, entries, now)
      return { postingId: posting.id, txnId: posting.txnId, status: 'posted', replayed: false }
    })
  }

  function voidHold(idempotencyKey: string, reason: string, at?: number): PostingResult {
    return inTransaction(() => {
      const posting = pendingPosting(idempotencyKey)
      if (posting.status === 'voided') return { postingId: posting.id, txnId: posting.txnId, status: 'voided', replayed: true }
      if (posting.status === 'posted') throw conflict(say('error.ledger.holdPosted', { key: idempotencyKey }), { code: 'ledger.hold_posted' })
      const now = at ?? clock.now()
      releaseHeld(holdEntriesOf(posting.id), now)
      s.void.run(now, reason, posting.id)
      return { postingId: posting.id, txnId: posting.txnId, status: 'voided', replayed: false }
    })
  }

  function balance(ref: AccountRef): AccountBalance {
    const row = s.account.get(tenantId, accountKey(ref)) as AccountRow | undefined
    if (!row) return { accountId: 0, kind: ref.kind, currency: ref.currency, posted: 0n, available: 0n, heldOut: 0n, heldIn: 0n }
    const bal = s.balance.get(row.id) as StoredBalance
    const posted = BigInt(row.normal) * bal.postedSum
    return { accountId: row.id, kind: row.kind, currency: row.currency, posted, available: posted - bal.heldOut, heldOut: bal.heldOut, heldIn: bal.heldIn }
  }

  return { post, hold, commitHold, voidHold, balance, inTransaction }
}

export { ENTRY_TYPES }
export type { Ledger }

/**
 * The ledger as every domain sees it (a port: the ledger domain implements it, ledger/ledger.ts):
 * every money movement goes through `post` or `hold` → `commitHold` / `voidHold`. Amounts are
 * integer minor units; balances are BigInt.
 */
import type { EntryType } from '../../shared/ledger'
import type { AccountKind } from '../db/schema/ledger'

export type AccountRef =
  | { kind: 'merchant_available' | 'merchant_reserve'; merchantId: number; currency: string }
  | { kind: 'channel'; channelId: number; currency: string }
  | { kind: 'platform_fee' | 'fx' | 'suspense'; currency: string }

export interface EntryInput {
  account: AccountRef
  /** How the entry moves the account's shown balance: + raises it, - lowers it. */
  delta: number
  type?: EntryType
  remark?: string
}

export interface PostingInput {
  /** Replaying the key with the same content returns the first result; other content is a 409. */
  idempotencyKey: string
  description: string
  entries: EntryInput[]
  /** The transaction number entries carry (an order's number); defaults to the posting id. */
  txnId?: number
  merchantId?: number | null
  /** Required when any entry is on a merchant account: reports are per contract. */
  contractId?: number | null
  reference?: string | null
  isTest?: boolean
  createdBy?: number | null
  /** Posting time (ms); defaults to the ledger's clock. */
  at?: number
}

export interface PostingResult {
  postingId: number
  txnId: number
  status: 'posted' | 'pending' | 'voided'
  /** True when the idempotency key had already been used with the same content. */
  replayed: boolean
  /** Present when a new posting took accounts below zero by its `mayOverdraw` leave: which, and by how much. */
  overdrafts?: Overdraft[]
}

/**
 * What an imposed posting may do that no other may: take the accounts it names below zero. Only
 * for money already gone that the platform cannot refuse to record (a chargeback the provider has
 * taken back): what the platform decides itself (refunds, payouts, withdrawals) never passes it, so
 * those stay refused while a balance is short. Each account taken below zero is recorded.
 */
export interface PostOptions {
  mayOverdraw: AccountRef[]
}

export interface Overdraft {
  account: AccountRef
  /** Available before the posting (shown terms; may already be negative). */
  availableBefore: bigint
  /** How far below zero the posting took the account: the shortfall recorded as owed. */
  shortBy: bigint
  /** Available after the posting (negative). */
  availableAfter: bigint
}

/**
 * Balances are BigInt: an account's sum of entries can pass 2^53 minor units (USDT has six
 * decimals), where a JavaScript number stops being exact. SQLite keeps them exactly (int64).
 */
export interface AccountBalance {
  accountId: number
  kind: AccountKind
  currency: string
  /** Posted balance as shown (normal × sum of entries). */
  posted: bigint
  /** Posted balance less pending holds that lower it: what can be spent now. */
  available: bigint
  heldOut: bigint
  heldIn: bigint
}

export interface Ledger {
  /** `options.mayOverdraw`: see PostOptions; without it no non-overdraft account may go below zero. */
  post(input: PostingInput, options?: PostOptions): PostingResult
  hold(input: PostingInput): PostingResult
  commitHold(idempotencyKey: string, at?: number): PostingResult
  voidHold(idempotencyKey: string, reason: string, at?: number): PostingResult
  balance(ref: AccountRef): AccountBalance
  /** Runs `work` in a transaction (or the current one), for grouped postings. */
  inTransaction<T>(work: () => T): T
}

/** What callers hand the ledger core. Amounts are integer minor units. */
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

/** SQLite's integer range: no stored balance or hold total may leave it (past it SQLite turns to floating point). */
export const INT64_MAX = 2n ** 63n - 1n
export const INT64_MIN = -(2n ** 63n)

export const MERCHANT_KINDS: readonly AccountKind[] = ['merchant_available', 'merchant_reserve']

/** Accounts whose balance may go below zero: the platform's own clearing accounts. */
export const OVERDRAFT_KINDS: readonly AccountKind[] = ['suspense', 'fx']

export function normalOf(kind: AccountKind): 1 | -1 {
  return kind === 'channel' ? -1 : 1
}

export function accountKey(ref: AccountRef): string {
  if (ref.kind === 'merchant_available' || ref.kind === 'merchant_reserve') return `${ref.kind}:${ref.merchantId}:${ref.currency}`
  if (ref.kind === 'channel') return `channel:${ref.channelId}:${ref.currency}`
  return `${ref.kind}:-:${ref.currency}`
}

/** What callers hand the ledger core (the port's types, core/ledger-port.ts) and the rules of its accounts. */
import type { AccountKind } from '../db/schema/ledger'
import type { AccountRef } from '../core/ledger-port'

export type { AccountBalance, AccountRef, EntryInput, Ledger, Overdraft, PostOptions, PostingInput, PostingResult } from '../core/ledger-port'

/** SQLite's integer range: no stored balance or hold total may leave it (past it SQLite turns to floating point). */
export const INT64_MAX = 2n ** 63n - 1n
export const INT64_MIN = -(2n ** 63n)

export const MERCHANT_KINDS: readonly AccountKind[] = ['merchant_available', 'merchant_reserve']

/**
 * Accounts whose balance may go below zero: the platform's own clearing accounts. Any other goes
 * below zero only by leave of one posting (`post`'s `mayOverdraw`), recorded in `ledger_overdrafts`.
 */
export const OVERDRAFT_KINDS: readonly AccountKind[] = ['suspense', 'fx']

export function normalOf(kind: AccountKind): 1 | -1 {
  return kind === 'channel' ? -1 : 1
}

export function accountKey(ref: AccountRef): string {
  if (ref.kind === 'merchant_available' || ref.kind === 'merchant_reserve') return `${ref.kind}:${ref.merchantId}:${ref.currency}`
  if (ref.kind === 'channel') return `channel:${ref.channelId}:${ref.currency}`
  return `${ref.kind}:-:${ref.currency}`
}

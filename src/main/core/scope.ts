/**
 * Merchant scope: the one rule every query and write uses. A merchant-bound user never reads or
 * writes another merchant's rows; platform staff see all merchants.
 */
import { say, type ServerText } from '../../shared/server-text'
import { forbidden, notFound } from './errors'
import type { Actor } from './context'

/** The merchant a query must be limited to, or null when the actor sees every merchant. */
export function scopedMerchantId(actor: Actor): number | null {
  return actor.merchantId
}

/**
 * The merchant filter to apply to a list: a merchant-bound user always gets its own merchant,
 * whatever it asked for (asking for another merchant's rows is refused).
 */
export function merchantFilter(actor: Actor, requested: number | undefined): number | undefined {
  if (actor.merchantId === null) return requested
  if (requested !== undefined && requested !== actor.merchantId) {
    throw forbidden(say('error.scope.otherMerchantRead'), 'scope.other_merchant')
  }
  return actor.merchantId
}

/** Reading one row: another merchant's row does not exist for a merchant-bound user. */
export function assertCanRead(actor: Actor, rowMerchantId: number | null, what: ServerText): void {
  if (actor.merchantId !== null && rowMerchantId !== actor.merchantId) throw notFound(what)
}

/** Writing for a merchant: a merchant-bound user may only act on its own merchant. */
export function assertCanWriteFor(actor: Actor, merchantId: number | null): void {
  if (actor.merchantId !== null && merchantId !== actor.merchantId) {
    throw forbidden(say('error.scope.otherMerchantWrite'), 'scope.other_merchant')
  }
}

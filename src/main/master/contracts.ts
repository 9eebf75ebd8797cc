/**
 * Which contract applies: the one question every money rule that reads a contract asks (a
 * payout's fee on the order form and on the order, a withdrawal's fee, a deposit's settlement).
 * A contract applies to a merchant in a settlement currency on a business day when it is active
 * and valid that day; of several, the oldest.
 */
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import { AppError } from '../core/errors'
import type { Db } from '../db/open'
import { contracts } from '../db/schema'
import type { Tx } from '../db/transaction'

export type Contract = typeof contracts.$inferSelect

/** Active and valid on the day (`yyyy-mm-dd`, the tenant's business day). */
export const validOn = (merchantId: number, day: string) =>
  and(eq(contracts.merchantId, merchantId), eq(contracts.status, 'active'), lte(contracts.validFrom, day), or(isNull(contracts.validTo), gte(contracts.validTo, day)))

/** The merchant's contract settling in the currency on the day, if any. */
export function contractIn(db: Db | Tx, merchantId: number, currency: string, day: string): Contract | undefined {
  return (db as Db).select().from(contracts).where(and(validOn(merchantId, day), eq(contracts.settlementCurrency, currency))).orderBy(contracts.id).get()
}

/**
 * The merchant's contract settling in the currency on the day; a 422 when there is none, naming the
 * caller's field that chose the currency (an order's service, a withdrawal's currency).
 */
export function activeContract(db: Db | Tx, merchantId: number, currency: string, day: string, field: 'serviceId' | 'currency'): Contract {
  const found = contractIn(db, merchantId, currency, day)
  if (!found) throw new AppError('limit', say('error.orders.noContract', { currency, day }), { code: 'orders.no_contract', field })
  return found
}

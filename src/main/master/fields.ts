/**
 * What the master-data procedures share: amounts and rates between their API form (decimal
 * strings) and their stored form (minor units, ppm), the merchant a write is for, and sorting.
 */
import { and, asc, desc, eq, type SQL, type SQLWrapper } from 'drizzle-orm'
import { Decimal } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { say } from '../../shared/server-text'
import { minorOf } from '../core/amount-input'
import { merchants } from '../db/schema'
import type { Tx } from '../db/transaction'
import { actorOf, type Ctx } from '../core/context'
import { validationError } from '../core/errors'
import { assertCanWriteFor } from '../core/scope'

/** The lower side of a limit pair, named in the refusal of an upper below it. */
type LowerLimitField = 'singleLower' | 'paymentLower' | 'payoutLower' | 'boundLower'

/** Lower/upper limits in minor units; both set and upper below lower is a 400 on the upper field. */
export function limitsOf(
  fields: [lower: LowerLimitField, upper: string],
  values: [lower: string, upper: string],
  currency: string
): [lower: number, upper: number] {
  const lower = minorOf(fields[0], values[0], currency)
  const upper = minorOf(fields[1], values[1], currency)
  if (lower !== 0 && upper !== 0 && upper < lower) {
    throw validationError(fields[1], say('rule.limitOrder', { field: say(`value.field.${fields[0]}`), amount: moneyText(lower, currency) }))
  }
  return [lower, upper]
}

/** "2.5" (percent) → 25 000 ppm; the contract schema allows at most 4 decimals, so this is exact. */
export function ppmOf(percent: string): number {
  return new Decimal(percent).times(10_000).toNumber()
}

/** 25 000 ppm → "2.5". */
export function percentOf(ppm: number): string {
  return new Decimal(ppm).dividedBy(10_000).toString()
}

/**
 * The merchant a write is for: a merchant-bound user may only write for its own (403), and the
 * merchant must exist in this tenant (400 on merchantId).
 */
export function merchantForWrite(tx: Tx, ctx: Ctx, merchantId: number): { id: number; name: string; status: typeof merchants.$inferSelect.status } {
  assertCanWriteFor(actorOf(ctx), merchantId)
  const found = tx
    .select({ id: merchants.id, name: merchants.name, status: merchants.status })
    .from(merchants)
    .where(and(eq(merchants.id, merchantId), eq(merchants.tenantId, ctx.tenantId)))
    .get()
  if (!found) throw validationError('merchantId', say('rule.merchantMissing', { id: merchantId }))
  return found
}

/** The ORDER BY of a list: the chosen column, then a stable tie-break. */
export function ordering(column: SQLWrapper, direction: 'asc' | 'desc', tieBreak: SQLWrapper): SQL[] {
  return [direction === 'asc' ? asc(column) : desc(column), direction === 'asc' ? asc(tieBreak) : desc(tieBreak)]
}


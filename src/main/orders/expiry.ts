/**
 * Unpaid deposits close themselves when their channel's time runs out, checked by the job loop
 * and at start-up, so a deposit that expired while the app was closed is closed when it opens.
 */
import { and, inArray, lte, eq } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import { orders } from '../db/schema'
import { transact } from '../db/transaction'
import type { OrderEngineDeps } from './deps'
import { close } from './outcome'

export function closeExpired(deps: OrderEngineDeps, limit = 500): number {
  const now = deps.clock.now()
  const due = deps.db
    .select()
    .from(orders)
    .where(and(eq(orders.direction, 'deposit'), inArray(orders.status, ['created', 'pending']), lte(orders.expiresAt, now)))
    .limit(limit)
    .all()
  for (const order of due) {
    transact(deps.db, (tx) => close(tx, deps, order, say('reason.expired', { expiresAt: new Date(order.expiresAt!).toISOString() }), now))
  }
  return due.length
}

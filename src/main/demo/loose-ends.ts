/**
 * Work the demo leaves waiting, so Home's attention list has something of each kind the history
 * can hold still: a payout whose outcome is unknown (its provider call timed out and no status
 * query has answered yet) and a merchant notification that gave up after its last attempt. The
 * history itself (orders.ts) settles every order it makes; these two are added after it, through
 * the same order code, without changing its random draws.
 */
import { and, desc, eq } from 'drizzle-orm'
import { ALL_PERMISSION_CODES } from '../../shared/permissions'
import { BANKS } from '../../shared/reference'
import { say, term } from '../../shared/server-text'
import { orders, outbox, users } from '../db/schema'
import type { Tx } from '../db/transaction'
import { lastErrorOf } from '../jobs/last-error'
import { createOrder } from '../orders/create'
import { addEvent } from '../orders/timeline'
import type { DemoIds, HistoryDeps } from './orders'

const HOUR = 3_600_000

export function leaveLooseEnds(tx: Tx, core: HistoryDeps, ids: DemoIds): void {
  const ops = core.db.select().from(users).where(eq(users.username, 'demo.ops')).get()
  if (!ops) throw new Error('demo.ops is missing')
  const actor = { userId: ops.id, username: ops.username, displayName: ops.displayName, merchantId: null, permissions: new Set<number>(ALL_PERMISSION_CODES), sessionId: 'demo-history' }
  const sentAt = core.clock.now() - 2 * HOUR
  const clock = { now: () => sentAt }

  const ctx = core.registry.contextFor('orders.createPayout', actor, clock)
  const fields = { recipientName: 'Zhao Lei', recipientAccount: '6222021234567890123', bankCode: BANKS.CN[0].code }
  const { orderId } = createOrder(ctx, { merchantId: ids.merchantIds.cn, serviceId: ids.serviceIds['cn-card-out'], channelId: ids.channelIds['cn-a'], amount: '1880.00', fields, isTest: false }, 'payout')
  // As the engine leaves a payout whose send timed out: sent, its outcome unknown (orders/outbox.ts).
  tx.update(outbox).set({ status: 'done', ...lastErrorOf(term('failure', 'timeout')), updatedAt: sentAt + 30_000 }).where(and(eq(outbox.orderId, orderId), eq(outbox.operation, 'send_payout'))).run()
  tx.update(orders).set({ status: 'unknown', sentAt, updatedAt: sentAt + 30_000 }).where(eq(orders.id, orderId)).run()
  addEvent(tx, orderId, sentAt + 30_000, 'status', say('order.outcomeUnknown', { failure: term('failure', 'timeout') }))

  // The latest paid CN deposit: its merchant never acknowledged the notification.
  const paid = tx
    .select()
    .from(orders)
    .where(and(eq(orders.merchantId, ids.merchantIds.cn), eq(orders.direction, 'deposit'), eq(orders.status, 'succeeded')))
    .orderBy(desc(orders.finalizedAt))
    .limit(1)
    .get()
  if (!paid) return
  const failure = say('order.httpStatus', { status: '503' })
  const at = (paid.finalizedAt ?? sentAt) + HOUR
  // Its notification row exists (finishing an order schedules one): it ends as the runner ends one.
  const gaveUp = { status: 'gave_up' as const, attempts: 8, nextAttemptAt: at, ...lastErrorOf(failure), updatedAt: at }
  const changed = tx.update(outbox).set(gaveUp).where(and(eq(outbox.orderId, paid.id), eq(outbox.operation, 'notify'))).run().changes
  if (changed === 0) tx.insert(outbox).values({ orderId: paid.id, operation: 'notify', idempotencyKey: `${paid.orderNo}:notify`, createdAt: paid.finalizedAt ?? at, ...gaveUp }).run()
  addEvent(tx, paid.id, at, 'notification', say('order.notifyGaveUp', { attempt: 8, error: failure }))
}

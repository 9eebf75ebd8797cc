/**
 * The demo merchants' side of notifications (orders/notify.ts): Golden Dragon's notify URL
 * acknowledges, Siam Lotus's answers 503 so its retries show. Both are the simulator's merchant
 * endpoints (simulator/app.ts) on 127.0.0.1, so the demo needs no network; like the channels they
 * are re-pointed at each start, as the simulator's address can change between runs.
 */
import { and, desc, eq, inArray, notInArray } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import type { Db } from '../db/open'
import { merchants, orders, outbox, systemFacts } from '../db/schema'
import { transact } from '../db/transaction'
import { writeAuditEvent } from '../core/audit'
import type { Clock } from '../core/context'
import { scheduleNotification } from '../orders/outcome'
import { addEvent } from '../orders/timeline'
import { DEMO_MERCHANTS, type DemoMarket } from './master-data'

export const DEMO_NOTIFY_ENDPOINTS: Partial<Record<DemoMarket, 'ack' | 'busy'>> = { cn: 'ack', th: 'busy' }

/** One notification each, sent once the demo first runs with its endpoints (then kept as history). */
const DEMO_NOTIFICATIONS = 'demo.v1.notifications'

const demoMerchantIds = (db: Db) => {
  const names = DEMO_MERCHANTS.filter((m) => DEMO_NOTIFY_ENDPOINTS[m.key]).map((m) => m.name)
  return db.select({ id: merchants.id, name: merchants.name, notifyUrl: merchants.notifyUrl }).from(merchants).where(inArray(merchants.name, names)).all()
}

const endpointOf = (name: string) => DEMO_NOTIFY_ENDPOINTS[DEMO_MERCHANTS.find((m) => m.name === name)!.key]!

/** Points the demo merchants' notify URLs at the simulator; returns how many changed. */
export function connectDemoMerchants(db: Db, clock: Clock, simulatorUrl: string): number {
  return transact(db, (tx) => {
    let changed = 0
    for (const merchant of demoMerchantIds(db)) {
      const url = `${simulatorUrl}/merchant/notify/${endpointOf(merchant.name)}`
      if (merchant.notifyUrl === url) continue
      const now = clock.now()
      tx.update(merchants).set({ notifyUrl: url, updatedAt: now }).where(eq(merchants.id, merchant.id)).run()
      writeAuditEvent(
        tx,
        { tenantId: 1, userId: null, actor: 'system', procedure: 'demo.load', at: now },
        { targetType: 'merchant', targetId: merchant.id, merchantId: merchant.id, summary: say('audit.demoNotifyUrl', { merchant: merchant.name, url }), before: { notifyUrl: merchant.notifyUrl }, after: { notifyUrl: url } }
      )
      changed++
    }
    return changed
  })
}

/**
 * Once: each demo merchant with an endpoint is notified again of its latest paid deposit (one whose
 * notification did not give up), so the order engine shows one notification delivered and one retrying.
 */
export function sendDemoNotifications(db: Db, clock: Clock): void {
  transact(db, (tx) => {
    if (tx.select().from(systemFacts).where(eq(systemFacts.key, DEMO_NOTIFICATIONS)).get()) return
    const now = clock.now()
    const gaveUp = tx.select({ orderId: outbox.orderId }).from(outbox).where(and(eq(outbox.operation, 'notify'), eq(outbox.status, 'gave_up'))).all().map((r) => r.orderId)
    for (const merchant of demoMerchantIds(db)) {
      const paid = tx
        .select()
        .from(orders)
        .where(and(eq(orders.merchantId, merchant.id), eq(orders.direction, 'deposit'), eq(orders.status, 'succeeded'), notInArray(orders.id, gaveUp.length ? gaveUp : [0])))
        .orderBy(desc(orders.finalizedAt))
        .limit(1)
        .get()
      if (!paid) continue
      scheduleNotification(tx, paid, now, `${paid.orderNo}:notify:demo`)
      addEvent(tx, paid.id, now, 'notification', say('order.demoNotifyAgain'))
    }
    tx.insert(systemFacts).values({ key: DEMO_NOTIFICATIONS, value: new Date(now).toISOString(), updatedAt: now }).onConflictDoNothing().run()
  })
}

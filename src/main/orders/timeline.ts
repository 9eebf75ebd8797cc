/** The order's timeline: every step, in the transaction of the step it records. */
import { orderEvents } from '../db/schema'
import type { Tx } from '../db/transaction'

export type OrderEventKind = (typeof orderEvents.$inferInsert)['kind']

export function addEvent(tx: Tx, orderId: number, at: number, kind: OrderEventKind, summary: string, detail: unknown = null, actor = 'system'): void {
  tx.insert(orderEvents).values({ orderId, at, kind, summary, detail: detail ?? null, actor }).run()
}

/** The order's timeline: every step, in the transaction of the step it records. */
import { orderEvents } from '../db/schema'
import type { Tx } from '../db/transaction'
import type { ServerText } from '../../shared/server-text'
import { inEnglish } from '../core/text'

export type OrderEventKind = (typeof orderEvents.$inferInsert)['kind']

export function addEvent(tx: Tx, orderId: number, at: number, kind: OrderEventKind, text: ServerText, detail: unknown = null, actor = 'system'): void {
  tx.insert(orderEvents).values({ orderId, at, kind, summary: inEnglish(text), text, detail: detail ?? null, actor }).run()
}

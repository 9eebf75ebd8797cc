/** Waybills: shipment records of a paid deposit's goods, used as dispute evidence. */
import { and, eq, sql } from 'drizzle-orm'
import { say, term } from '../../shared/server-text'
import { waybills, type WaybillStatus } from '../db/schema'
import type { Tx } from '../db/transaction'
import { conflict, validationError } from '../core/errors'
import { addCaseEvent } from '../cases/timeline'
import { addEvent } from '../orders/timeline'
import { assertPaidDeposit, type Order } from './cases'

export type Waybill = typeof waybills.$inferSelect

export interface WaybillInput {
  carrier: string
  trackingNo: string
  shippedAt: number
  status: WaybillStatus
}

/** A carrier as it is compared: its letters' case and its spaces say nothing ("SF Express", "sf  express", "SFExpress"). */
export const carrierKey = (carrier: string) => carrier.toLowerCase().replace(/\s+/g, '')

/** A clock a minute off (the merchant's, the carrier's) is not a shipment in the future. */
const CLOCK_SKEW_MS = 60_000

export function recordWaybill(tx: Tx, tenantId: number, order: Order, input: WaybillInput, who: { userId: number | null; actor: string }, now: number): Waybill {
  assertPaidDeposit(order)
  // A waybill is dispute evidence: goods shipped later than it was recorded is evidence of nothing.
  if (input.shippedAt > now + CLOCK_SKEW_MS) throw validationError('shippedAt', say('rule.notInFuture'))
  // One parcel, one waybill in the tenant: "sf1234567890" at "sf express" is SF Express's SF1234567890,
  // whichever order it is on. Another tenant recording the same parcel is not refused (nor told of it).
  const trackingNo = input.trackingNo.toUpperCase()
  const existing = tx
    .select({ carrier: waybills.carrier, trackingNo: waybills.trackingNo })
    .from(waybills)
    .where(and(eq(waybills.tenantId, tenantId), sql`upper(${waybills.trackingNo}) = ${trackingNo}`))
    .all()
    .find((w) => carrierKey(w.carrier) === carrierKey(input.carrier))
  if (existing) throw conflict(say('error.waybills.taken', { carrierAndNo: `${existing.carrier} ${existing.trackingNo}` }), { code: 'waybills.duplicate', field: 'trackingNo' })
  const waybill = tx
    .insert(waybills)
    .values({ tenantId, orderId: order.id, merchantId: order.merchantId, ...input, trackingNo, createdBy: who.userId, createdAt: now, updatedAt: now })
    .returning()
    .get()
  addCaseEvent(tx, { type: 'waybill', id: waybill.id }, now, say('waybill.created', { carrier: waybill.carrier, trackingNo: waybill.trackingNo, orderNo: order.orderNo, status: term('waybillStatus', waybill.status) }), { actor: who.actor })
  addEvent(tx, order.id, now, 'manual', say('order.waybillAdded', { carrier: waybill.carrier, trackingNo: waybill.trackingNo }), { waybillId: waybill.id }, who.actor)
  return waybill
}

export function changeWaybillStatus(tx: Tx, waybill: Waybill, status: WaybillStatus, note: string, actor: string, now: number): Waybill {
  if (waybill.status === status) throw conflict(say('error.waybills.sameStatus'), { code: 'waybills.same_status', field: 'status' })
  tx.update(waybills).set({ status, updatedAt: now }).where(eq(waybills.id, waybill.id)).run()
  const params = { from: term('waybillStatus', waybill.status), to: term('waybillStatus', status) }
  addCaseEvent(tx, { type: 'waybill', id: waybill.id }, now, note ? say('waybill.statusChangedNote', { ...params, note }) : say('waybill.statusChanged', params), { actor })
  return { ...waybill, status, updatedAt: now }
}

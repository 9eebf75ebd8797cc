/**
 * Demo after-sales history: refunds (full and partial, some failed), waybills, and disputes in
 * every state, on the demo's paid deposits across its 90 days. Made by the same code as the
 * screens (`requestRefund`, `finishRefund`, `recordWaybill`, `openDispute`, `attachWaybill`,
 * `submitEvidence`, `resolveDispute`) at their own past times; the provider exchange of a
 * refund is not replayed (its outbox row is marked as such).
 */
import { and, asc, eq, isNull } from 'drizzle-orm'
import { fromMinor } from '../../shared/money'
import { verbatim } from '../../shared/server-text'
import { orders, outbox, users } from '../db/schema'
import { transact } from '../db/transaction'
import { AppError } from '../core/errors'
import { loadDispute, openDispute, resolveDispute, attachWaybill, submitEvidence } from '../aftersales/disputes'
import { finishRefund, loadRefund, requestRefund } from '../aftersales/refunds'
import { recordWaybill } from '../aftersales/waybills'
import { loadOrder } from '../orders/outcome'
import type { HistoryDeps } from './orders'
import { seeded } from './random'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const TENANT = 1

const CARRIERS: Record<string, [string, string]> = {
  CNY: ['SF Express', 'SF'],
  THB: ['Kerry Express', 'KEX'],
  VND: ['Viettel Post', 'VTP'],
  IDR: ['J&T Express', 'JT'],
  BRL: ['Correios', 'BR'],
  USDT: ['DHL Express', 'DHL']
}
const CHARGEBACK_CODES = ['13.1', '13.3', '10.4', '13.2']
const COMPLAINT_CODES = ['C01', 'C02']
const REFUND_REASONS = ['Customer returned the goods', 'Order cancelled before shipping', 'Duplicate payment by the customer', 'Item out of stock']

export function createDemoAftersales(core: HistoryDeps): { refunds: number; disputes: number } {
  const rnd = seeded(20261123)
  const ops = core.db.select().from(users).where(eq(users.username, 'demo.ops')).get()
  if (!ops) throw new Error('demo.ops is missing')
  const who = { userId: ops.id, actor: ops.username }
  const today = core.clock.now()
  const paid = core.db
    .select({ id: orders.id, finalizedAt: orders.finalizedAt })
    .from(orders)
    // Orders settled in another currency (FX) cannot be refunded or disputed yet (see assertSettledInOrderCurrency).
    .where(and(eq(orders.direction, 'deposit'), eq(orders.status, 'succeeded'), isNull(orders.settlementCurrency)))
    .orderBy(asc(orders.finalizedAt), asc(orders.id))
    .all()
  let refunds = 0
  let disputes = 0
  const skipWhenUncovered = (work: () => void) => {
    try {
      work()
    } catch (error) {
      // A merchant that could not cover it that day: the case is simply not made.
      if (!(error instanceof AppError && error.kind === 'limit')) throw error
    }
  }
  for (const { id, finalizedAt } of paid) {
    const f = finalizedAt ?? today
    const roll = rnd.next()
    if (roll < 0.06) {
      const at = f + rnd.int(1, 72) * HOUR
      if (at > today - HOUR) continue
      const full = rnd.chance(0.4)
      const failed = rnd.chance(0.15)
      const reason = rnd.pick(REFUND_REASONS)
      const settledAt = at + rnd.int(5, 120) * 60_000
      skipWhenUncovered(() =>
        transact(core.db, (tx) => {
          const order = loadOrder(tx, id)
          const minor = full ? order.paidMinor! : Math.max(1, Math.floor((order.paidMinor! * rnd.int(20, 70)) / 100))
          const refund = requestRefund(tx, core.ledger, TENANT, order, { amount: fromMinor(minor, order.currency), reason, ...who }, at)
          tx.update(outbox)
            .set({ status: 'done', lastError: 'demo history: the provider exchange is not replayed', updatedAt: settledAt })
            .where(and(eq(outbox.operation, 'send_refund'), eq(outbox.idempotencyKey, refund.refundNo)))
            .run()
          finishRefund(tx, core.ledger, loadRefund(tx, refund.id), failed ? { status: 'failed', reason: verbatim('Declined by the provider (demo history)') } : { status: 'succeeded', upstreamNo: `UPR${order.txnNo}` }, settledAt)
          refunds++
        })
      )
    } else if (roll < (f > today - 12 * DAY ? 0.3 : 0.1)) {
      // Deposits of the last days get more disputes, so some are still open with deadlines near.
      const shippedAt = f + rnd.int(2, 30) * HOUR
      const openedAt = shippedAt + (f > today - 12 * DAY ? rnd.int(1, Math.max(1, Math.floor((today - shippedAt) / HOUR) - 2)) * HOUR : rnd.int(2, 20) * DAY)
      if (openedAt > today - HOUR) continue
      const dueAt = openedAt + 10 * DAY
      skipWhenUncovered(() =>
        transact(core.db, (tx) => {
          const order = loadOrder(tx, id)
          const [carrier, prefix] = CARRIERS[order.currency] ?? ['DHL Express', 'DHL']
          const delivered = rnd.chance(0.8)
          const waybill = recordWaybill(tx, TENANT, order, { carrier, trackingNo: `${prefix}${order.txnNo}`, shippedAt, status: delivered ? 'delivered' : 'in_transit' }, who, shippedAt + HOUR)
          const kind = rnd.chance(0.75) ? 'chargeback' : 'complaint'
          const minor = rnd.chance(0.6) ? order.paidMinor! : Math.max(1, Math.floor((order.paidMinor! * rnd.int(30, 80)) / 100))
          const dispute = openDispute(
            tx,
            core.ledger,
            TENANT,
            order,
            { kind, reasonCode: rnd.pick(kind === 'chargeback' ? CHARGEBACK_CODES : COMPLAINT_CODES), amount: fromMinor(minor, order.currency), evidenceDueAt: dueAt, ...who },
            openedAt
          )
          disputes++
          const step = (days: number) => Math.min(openedAt + days * DAY, today - HOUR)
          // Recent disputes stay open or wait with their evidence; older ones are decided (a few forgotten: overdue).
          if (rnd.chance(0.15)) {
            resolveDispute(tx, core.ledger, order, dispute, 'accepted', 'The merchant accepts the liability (demo history)', who.actor, step(1))
            return
          }
          const stillOpen = dueAt > today && rnd.chance(0.5)
          if (stillOpen && rnd.chance(0.5)) return
          attachWaybill(tx, dispute, waybill, who.actor, step(1))
          if (stillOpen) return
          submitEvidence(tx, loadDispute(tx, dispute.id), undefined, who.actor, step(2))
          const decidedAt = openedAt + rnd.int(12, 25) * DAY
          if (decidedAt > today || rnd.chance(0.1)) return
          const won = delivered ? rnd.chance(0.7) : rnd.chance(0.2)
          resolveDispute(tx, core.ledger, order, loadDispute(tx, dispute.id), won ? 'won' : 'lost', won ? 'Issuer accepted the delivery proof (demo history)' : 'Issuer sided with the cardholder (demo history)', who.actor, decidedAt)
        })
      )
    }
  }
  return { refunds, disputes }
}

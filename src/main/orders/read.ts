/** Reading orders: the list's rows (the list itself is orders/list.ts) and one order with everything that happened to it. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { OrderDetail, OrderRow, PaymentPageView } from '../../shared/contract/orders'
import { ENTRY_TYPES } from '../../shared/ledger'
import { fromMinor } from '../../shared/money'
import { isCancellable } from '../../shared/order-actions'
import { channels, fieldtestRehearsalChannels, fourEyesRequests, terminals, users, ledgerEntries, ledgerPostings, merchantNotifications, merchants, orderEvents, orders, outbox, providerCallbacks, upstreamExchanges } from '../db/schema'
import type { Db } from '../db/open'
import { preparedQueries } from '../db/prepared'
import type { Tx } from '../db/transaction'
import { payoutHoldKey } from './settlement'

type Order = typeof orders.$inferSelect

/** `column in (the ids)`, one text for any number of ids: the ids go in as one JSON array parameter. */
export const inIds = (column: SQLiteColumn) => sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`

/** The parameter of `inIds`: each id once. */
export const idsParam = (ids: Iterable<number>) => ({ ids: JSON.stringify([...new Set(ids)]) })

/** The live channel of a rehearsal copy. */
const live = alias(channels, 'live')

/**
 * The list rows' lookups, prepared once per handle (a page's read runs them for every page; built
 * with `inArray`, each page size was a new statement to build and prepare).
 */
const rowLookups = preparedQueries((db) => ({
  merchantNames: db.select({ id: merchants.id, name: merchants.name }).from(merchants).where(inIds(merchants.id)).prepare(),
  // A field test rehearsal copy's orders name its live channel too (the copy's own name is in one language).
  channelNames: db
    .select({ id: channels.id, name: channels.name, rehearsalOf: live.name })
    .from(channels)
    .leftJoin(fieldtestRehearsalChannels, eq(fieldtestRehearsalChannels.twinChannelId, channels.id))
    .leftJoin(live, eq(live.id, fieldtestRehearsalChannels.channelId))
    .where(inIds(channels.id))
    .prepare(),
  queued: db
    .select({ orderId: outbox.orderId })
    .from(outbox)
    .where(and(inIds(outbox.orderId), inArray(outbox.operation, ['send_deposit', 'send_payout']), inArray(outbox.status, ['pending', 'in_flight']), sql`${outbox.attempts} > 0`))
    .prepare(),
  // What the deposits were charged: their transaction and processing fees as posted to the platform's fee account.
  depositFees: db
    .select({ txnId: ledgerEntries.txnId, currency: ledgerEntries.currency, minor: sql<number>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(and(inIds(ledgerEntries.txnId), eq(ledgerEntries.accountKind, 'platform_fee'), inArray(ledgerEntries.type, [ENTRY_TYPES.TRANSACTION_FEE, ENTRY_TYPES.PROCESSING_FEE])))
    .groupBy(ledgerEntries.txnId, ledgerEntries.currency)
    .prepare(),
  // Whether the payouts' holds (their fee with them) were given back.
  payoutHolds: db
    .select({ key: ledgerPostings.idempotencyKey, status: ledgerPostings.status })
    .from(ledgerPostings)
    .where(and(eq(ledgerPostings.tenantId, sql.placeholder('tenantId')), sql`${ledgerPostings.idempotencyKey} in (select value from json_each(${sql.placeholder('keys')}))`))
    .prepare()
}))


/**
 * What reached the payer's side: a deposit's paid amount as the provider reported it; a succeeded
 * payout paid its whole amount, and so did one the bank returned later (its return is a posting of its own).
 */
const paidMinorOf = (o: Order): number | null => o.paidMinor ?? (o.direction === 'payout' && (o.status === 'succeeded' || o.status === 'returned') ? o.amountMinor : null)

/** The list rows of these orders, in their order: merchant and channel names, and whether a send is being retried. */
export function rowsOf(db: Db | Tx, list: Order[]): OrderRow[] {
  if (list.length === 0) return []
  const lookups = rowLookups(db)
  const names = new Map(lookups.merchantNames.all(idsParam(list.map((o) => o.merchantId))).map((m) => [m.id, m.name]))
  const channelNames = new Map(lookups.channelNames.all(idsParam(list.map((o) => o.channelId))).map((c) => [c.id, c]))
  const queued = new Set(lookups.queued.all(idsParam(list.map((o) => o.id))).map((r) => r.orderId))
  const deposits = list.filter((o) => o.direction === 'deposit')
  const depositFees = new Map(deposits.length === 0 ? [] : lookups.depositFees.all(idsParam(deposits.map((o) => o.txnNo))).map((f) => [f.txnId, f]))
  const payouts = list.filter((o) => o.direction === 'payout')
  const holds =
    payouts.length === 0 ? new Map<string, string>() : new Map(lookups.payoutHolds.all({ tenantId: payouts[0].tenantId, keys: JSON.stringify(payouts.map(payoutHoldKey)) }).map((h) => [h.key, h.status]))
  return list.map((o) => ({
    id: o.id,
    orderNo: o.orderNo,
    txnNo: o.txnNo,
    merchantOrderNo: o.merchantOrderNo,
    upstreamNo: o.upstreamNo,
    direction: o.direction,
    merchantId: o.merchantId,
    merchantName: names.get(o.merchantId) ?? '',
    channelId: o.channelId,
    channelName: channelNames.get(o.channelId)?.name ?? '',
    rehearsalOf: channelNames.get(o.channelId)?.rehearsalOf ?? null,
    serviceId: o.serviceId,
    serviceType: o.serviceType,
    currency: o.currency,
    amount: fromMinor(o.amountMinor, o.currency),
    paidAmount: paidMinorOf(o) === null ? null : fromMinor(paidMinorOf(o)!, o.currency),
    ...chargedFee(o, depositFees.get(o.txnNo), holds.get(payoutHoldKey(o))),
    status: o.status,
    statusReason: o.statusReason,
    statusReasonText: o.statusReasonText,
    isTest: o.isTest,
    queued: queued.has(o.id),
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    expiresAt: o.expiresAt,
    finalizedAt: o.finalizedAt
  }))
}

/**
 * What the order was charged: a payout's withdrawal fee is fixed when it is held (and given back
 * with the hold); a deposit's fees
 * (transaction and processing, in the currency it settles in) are known only when it is paid, so
 * they are read from what was posted to the platform's fee account.
 */
function chargedFee(order: Order, posted: { currency: string; minor: number } | undefined, holdStatus: string | undefined): { fee: string; feeCurrency: string } {
  // A payout whose hold was released (failed or closed) was charged nothing.
  if (order.direction === 'payout') return { fee: fromMinor(holdStatus === 'voided' ? 0 : order.feeMinor, order.currency), feeCurrency: order.currency }
  const currency = posted?.currency ?? order.settlementCurrency ?? order.currency
  return { fee: fromMinor(posted?.minor ?? 0, currency), feeCurrency: currency }
}

/** The order's four-eyes requests still waiting for a second user (finance/four-eyes.ts). */
function awaitingApprovalOf(db: Db | Tx, orderId: number): OrderDetail['awaitingApproval'] {
  return db
    .select({ id: fourEyesRequests.id, kind: fourEyesRequests.kind, action: fourEyesRequests.action, requestedBy: users.username, createdAt: fourEyesRequests.createdAt })
    .from(fourEyesRequests)
    .innerJoin(users, eq(users.id, fourEyesRequests.requestedBy))
    .where(and(eq(fourEyesRequests.orderId, orderId), eq(fourEyesRequests.status, 'pending')))
    .orderBy(asc(fourEyesRequests.id))
    .all()
    .map((r) => ({ id: r.id, kind: r.kind === 'payout' ? 'payout' : 'mark_result', result: (r.action as { result?: string }).result ?? null, requestedBy: r.requestedBy, createdAt: r.createdAt }))
}

export function orderDetail(db: Db | Tx, order: Order): OrderDetail {
  const [row] = rowsOf(db, [order])
  const hold = order.direction === 'payout' ? db.select({ id: ledgerPostings.id, status: ledgerPostings.status }).from(ledgerPostings).where(eq(ledgerPostings.idempotencyKey, payoutHoldKey(order))).get() : undefined
  const entries = db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.txnId, order.txnNo), inArray(ledgerEntries.accountKind, ['merchant_available', 'merchant_reserve', 'channel', 'platform_fee', 'suspense'])))
    .orderBy(asc(ledgerEntries.id))
    .all()
  return {
    ...row,
    contractId: order.contractId,
    terminalId: order.terminalId,
    terminal:
      order.terminalId === null
        ? null
        : (db.select({ id: terminals.id, type: terminals.type, identifier: terminals.identifier, name: terminals.name }).from(terminals).where(eq(terminals.id, order.terminalId)).get() ?? null),
    fields: order.fields,
    paymentPage: (order.paymentPage as PaymentPageView | null) ?? null,
    sentAt: order.sentAt,
    cancellable: isCancellable(order),
    timeline: db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(asc(orderEvents.at), asc(orderEvents.id)).all(),
    exchanges: db.select().from(upstreamExchanges).where(eq(upstreamExchanges.orderId, order.id)).orderBy(asc(upstreamExchanges.id)).all(),
    callbacks: db
      .select({ id: providerCallbacks.id, receivedAt: providerCallbacks.receivedAt, signatureValid: providerCallbacks.signatureValid, outcome: providerCallbacks.outcome, eventKey: providerCallbacks.eventKey, body: providerCallbacks.body })
      .from(providerCallbacks)
      .where(eq(providerCallbacks.orderId, order.id))
      .orderBy(asc(providerCallbacks.id))
      .all(),
    notifications: db
      .select({ id: merchantNotifications.id, attempt: merchantNotifications.attempt, at: merchantNotifications.at, url: merchantNotifications.url, responseStatus: merchantNotifications.responseStatus, acknowledged: merchantNotifications.acknowledged, error: merchantNotifications.error })
      .from(merchantNotifications)
      .where(eq(merchantNotifications.orderId, order.id))
      .orderBy(asc(merchantNotifications.id))
      .all(),
    // Shown as each account's balance moves: a channel (what the platform holds) rises with a deposit.
    ledgerEntries: entries.map((e) => ({ id: e.id, postingId: e.postingId, accountKind: e.accountKind, type: e.type, amount: fromMinor(e.accountKind === 'channel' ? -e.amount + 0 : e.amount, e.currency), currency: e.currency, remark: e.remark, createdAt: e.createdAt })),
    holdStatus: hold?.status ?? null,
    holdPostingId: hold?.id ?? null,
    awaitingApproval: awaitingApprovalOf(db, order.id)
  }
}

/** Operations: creating orders, finding them, and the manual operations on them. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { say, term, verbatim, type ServerText } from '../../../shared/server-text'
import { fromMinor } from '../../../shared/money'
import { moneyText } from '../../../shared/money-text'
import { channels, channelServiceBindings, fieldtestRehearsalChannels, merchants, orders, outbox, services, tenants, terminals } from '../../db/schema'
import { transact, type Tx } from '../../db/transaction'
import { actorOf, type Ctx } from '../../core/context'
import { AppError, conflict, notFound, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { inEnglish } from '../../core/text'
import { merchantFilter } from '../../core/scope'
import { evaluatePair } from '../../master/limits'
import { revealOrderField } from '../card-numbers'
import { contractRefusal, createOrder, orderMerchant } from '../create'
import { close, loadOrder, scheduleNotification } from '../outcome'
import { orderDetail } from '../read'
import { contractIn } from '../../master/contracts'
import { businessDayFn, dayText } from '../../ledger/business-day'
import { tenantZone } from '../../core/tenant'
import { manualEvent, markOrderResult, refuseUnless } from '../manual'
import { addEvent } from '../timeline'
import { pagedList } from '../../reads/paged'
import { ORDER_READS } from '../reads'
import { requestMarkIfNeeded, thresholdOf } from '../../finance/four-eyes'
import { idOf, numberForms, type IdOrNo } from '../../core/ref'

/**
 * The order with this id, if the user may see it. Refused the same way whether it does not exist or
 * belongs to another merchant (its existence is not told), and without the internal id, which
 * people never see: they know orders by their numbers.
 */
function visibleOrder(ctx: Ctx, id: number) {
  const order = ctx.db.select().from(orders).where(and(eq(orders.id, id), eq(orders.tenantId, ctx.tenantId))).get()
  const actor = actorOf(ctx)
  if (!order || (actor.merchantId !== null && order.merchantId !== actor.merchantId)) throw notVisible()
  return order
}

const notVisible = () => new AppError('not_found', say('error.orders.notVisible'), { code: 'not_found' })

/**
 * The order named by id or by its number (a link pasted from the number on screen: `P2026…`, or the
 * transaction no. `2026…`, which is the order number without its letter), if the user may see it.
 */
function visibleOrderRef(ctx: Ctx, ref: IdOrNo) {
  const byNo = (no: string) => ctx.db.select({ id: orders.id }).from(orders).where(and(inArray(orders.orderNo, numberForms(no, ['D', 'P'])), eq(orders.tenantId, ctx.tenantId))).get()
  return visibleOrder(ctx, idOf(ref, byNo, notVisible))
}

async function createAndSend(ctx: Ctx, input: Parameters<typeof createOrder>[1], direction: 'deposit' | 'payout') {
  const created = createOrder(ctx, input, direction)
  if (!created.replayed) await ctx.sending.sendNow(created.orderId)
  return { ...orderDetail(ctx.db, visibleOrder(ctx, created.orderId)), replayed: created.replayed }
}

/**
 * The fee a payout in that currency holds with its amount: the withdrawal fee of the contract that
 * applies today (master/contracts.ts), the same one the order will be created under.
 */
function payoutFeeOf(ctx: Ctx, merchantId: number, currency: string): number | null {
  const today = dayText(businessDayFn(tenantZone(ctx.db, ctx.tenantId))(ctx.clock.now()))
  return contractIn(ctx.db, merchantId, currency, today)?.withdrawalFeeMinor ?? null
}

/** The four-eyes threshold a payout in that currency is held at (finance/four-eyes.ts, as createPayout applies it), or null. */
function payoutApprovalFrom(ctx: Ctx, currency: string): string | null {
  const threshold = thresholdOf(ctx.db as unknown as Tx, ctx.tenantId, 'payout', currency)
  return threshold === null ? null : fromMinor(threshold, currency)
}

export const orderProcedures = handlers({
  'orders.options': (ctx, input) => {
    const merchantId = orderMerchant(actorOf(ctx), input.direction, input.merchantId)
    const merchant = ctx.db.select().from(merchants).where(eq(merchants.id, merchantId)).get()
    if (!merchant) throw validationError('merchantId', say('rule.merchantMissing', { id: merchantId }))
    const list = ctx.db
      .select()
      .from(services)
      .where(and(eq(services.merchantId, merchantId), eq(services.direction, input.direction), eq(services.status, 'active'), sql`${services.activatedAt} is not null`))
      .orderBy(asc(services.serviceType))
      .all()
    const merchantAvailable: Record<string, string> = {}
    const result = list.map((service) => {
      // A channel's rehearsal twin (field testing) points at the simulator: never offered for an order.
      const bound = ctx.db
        .select({ channel: channels })
        .from(channelServiceBindings)
        .innerJoin(channels, eq(channels.id, channelServiceBindings.channelId))
        .where(and(eq(channelServiceBindings.serviceId, service.id), sql`${channels.id} not in (select ${fieldtestRehearsalChannels.twinChannelId} from ${fieldtestRehearsalChannels})`))
        .orderBy(asc(channels.name))
        .all()
      merchantAvailable[service.currency] ??= fromMinor(ctx.ledger.balance({ kind: 'merchant_available', merchantId, currency: service.currency }).available, service.currency)
      const platform = actorOf(ctx).merchantId === null
      // No contract valid today (or an FX one without a rate): no channel can take the order.
      const contract = contractRefusal(ctx.db, ctx.tenantId, merchantId, service.currency, input.direction, ctx.clock.now())
      const options = bound.map(({ channel }) => {
        const pair = evaluatePair(ctx.db, service, channel)
        const balance = ctx.ledger.balance({ kind: 'channel', channelId: channel.id, currency: channel.currency })
        const reasons: ServerText[] = [...(contract ? [contract] : []), ...pair.blockers]
        // A payout channel must be able to pay at least the smallest allowed amount (how much it
        // holds is the platform's business, not a merchant-bound user's: channels are shared).
        if (input.direction === 'payout' && reasons.length === 0 && balance.available < Math.max(pair.range.lower, 1)) {
          reasons.push(platform ? say('error.pair.lowBalance', { name: channel.name, amount: moneyText(balance.available, channel.currency) }) : say('error.pair.cannotPayOut', { name: channel.name }))
        }
        return {
          channelId: channel.id,
          channelName: channel.name,
          usable: reasons.length === 0,
          reason: reasons.length ? inEnglish(reasons[0]) : null,
          reasonText: reasons[0] ?? null,
          lower: pair.format(pair.range.lower),
          upper: pair.format(pair.range.upper),
          lowerSource: pair.range.lowerSource,
          upperSource: pair.range.upperSource,
          limits: { lower: fromMinor(pair.channelBounds.lower, channel.currency), upper: fromMinor(pair.channelBounds.upper, channel.currency) },
          balance: platform ? fromMinor(balance.posted, channel.currency) : null,
          available: platform ? fromMinor(balance.available, channel.currency) : null
        }
      })
      return {
        serviceId: service.id,
        serviceType: service.serviceType,
        currency: service.currency,
        singleLower: fromMinor(service.singleLowerMinor, service.currency),
        singleUpper: fromMinor(service.singleUpperMinor, service.currency),
        fee: fromMinor(input.direction === 'payout' ? (payoutFeeOf(ctx, merchantId, service.currency) ?? 0) : 0, service.currency),
        approvalFrom: input.direction === 'payout' ? payoutApprovalFrom(ctx, service.currency) : null,
        usable: options.some((o) => o.usable),
        channels: options
      }
    })
    // The seed: only services with at least one usable channel are offered.
    const activeTerminals = ctx.db
      .select({ id: terminals.id, type: terminals.type, identifier: terminals.identifier, name: terminals.name })
      .from(terminals)
      .where(and(eq(terminals.merchantId, merchantId), eq(terminals.status, 'active')))
      .orderBy(asc(terminals.identifier))
      .all()
    // The others are named with why (a contract ended, every channel unusable), so the form never just says "none".
    const unavailable = result.filter((s) => !s.usable).map((s) => ({ serviceId: s.serviceId, serviceType: s.serviceType, currency: s.currency, reasonText: s.channels[0]?.reasonText ?? null }))
    return { merchantId, merchantAvailable, services: result.filter((s) => s.usable), unavailable, terminals: activeTerminals }
  },

  'orders.createDeposit': (ctx, input) => createAndSend(ctx, input, 'deposit'),
  'orders.createPayout': (ctx, input) => createAndSend(ctx, input, 'payout'),

  // The read runs in a report worker (orders/list.ts); the scope is applied here, on the main thread.
  'orders.list': (ctx, { page, pageSize, ...filters }) =>
    pagedList(ctx, ORDER_READS.ordersList, { ...filters, merchantId: merchantFilter(actorOf(ctx), filters.merchantId), now: ctx.clock.now() }, { page, pageSize }),
  'orders.get': (ctx, input) => orderDetail(ctx.db, visibleOrderRef(ctx, input)),

  'orders.close': (ctx, input) => {
    const order = visibleOrder(ctx, input.id)
    return transact(ctx.db, (tx) => {
      const current = loadOrder(tx, order.id)
      refuseUnless(current, 'close')
      // Closing also withdraws the order's requests still waiting for a second user (orders/outcome.ts).
      close(tx, ctx, current, manualEvent(ctx, say('order.manualClosed'), input.reason), ctx.clock.now(), actorOf(ctx).username)
      ctx.audit(tx, { targetType: 'order', targetId: current.id, merchantId: current.merchantId, summary: say('audit.orderClosed', { orderNo: current.orderNo, reason: input.reason }), before: { status: current.status }, after: { status: 'closed' } })
      return orderDetail(tx, loadOrder(tx, current.id))
    })
  },

  'orders.requery': async (ctx, input) => {
    const order = visibleOrder(ctx, input.id)
    transact(ctx.db, (tx) => {
      addEvent(tx, order.id, ctx.clock.now(), 'manual', manualEvent(ctx, say('order.manualQuery'), input.reason), null, actorOf(ctx).username)
      ctx.audit(tx, { targetType: 'order', targetId: order.id, merchantId: order.merchantId, summary: say('audit.orderRequeried', { orderNo: order.orderNo, reason: input.reason }) })
    })
    try {
      await ctx.sending.queryNow(order.id)
    } catch (error) {
      throw new AppError('upstream', say('error.orders.requeryFailed', { error: verbatim(error instanceof Error ? error.message : String(error)) }), { code: 'upstream.query_failed' })
    }
    return orderDetail(ctx.db, visibleOrder(ctx, input.id))
  },

  'orders.markResult': (ctx, input) => {
    const order = visibleOrder(ctx, input.id)
    return transact(ctx.db, (tx) => {
      // At or over the tenant's four-eyes threshold the result waits for a second user (finance/four-eyes.ts).
      if (requestMarkIfNeeded(tx, ctx, loadOrder(tx, order.id), input)) return orderDetail(tx, loadOrder(tx, order.id))
      return orderDetail(tx, markOrderResult(tx, ctx, order.id, input))
    })
  },

  'orders.resendNotification': (ctx, input) => {
    const order = visibleOrder(ctx, input.id)
    return transact(ctx.db, (tx) => {
      refuseUnless(order, 'resend')
      const now = ctx.clock.now()
      const count = tx.select({ n: sql<number>`count(*)` }).from(outbox).where(and(eq(outbox.orderId, order.id), eq(outbox.operation, 'notify'))).get()?.n ?? 0
      scheduleNotification(tx, order, now, `${order.orderNo}:notify:${count + 1}`)
      addEvent(tx, order.id, now, 'manual', manualEvent(ctx, say('order.manualResent'), input.reason), null, actorOf(ctx).username)
      ctx.audit(tx, { targetType: 'order', targetId: order.id, merchantId: order.merchantId, summary: say('audit.notificationResent', { orderNo: order.orderNo, reason: input.reason }) })
      return orderDetail(tx, order)
    })
  },

  // The number goes to the caller only: the audit event names the order, the field and the reason.
  'orders.revealCardNumber': (ctx, input) => {
    const order = visibleOrder(ctx, input.id)
    const value = revealOrderField(ctx.secrets, order, input.field)
    if (value === null) throw new AppError('not_found', say('error.orders.noSealedValue', { orderNo: order.orderNo, field: term('sealedField', input.field) }), { code: 'not_found' })
    transact(ctx.db, (tx) => {
      ctx.audit(tx, { targetType: 'order', targetId: order.id, merchantId: order.merchantId, summary: say('audit.cardNumberRevealed', { orderNo: order.orderNo, field: term('sealedField', input.field), reason: input.reason }), after: { field: input.field } })
    })
    return { field: input.field, value }
  },

  // Read in a report worker (orders/outbox-list.ts); the merchant scope is applied here.
  'outbox.list': (ctx, { page, pageSize, ...filters }) => pagedList(ctx, ORDER_READS.outboxList, { ...filters, merchantId: merchantFilter(actorOf(ctx), undefined) }, { page, pageSize }),

  'outbox.retryNow': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const item = tx.select().from(outbox).where(eq(outbox.id, input.id)).get()
      if (!item) throw notFound(say('thing.outboxItem', { id: input.id }))
      if (item.status !== 'pending' && item.status !== 'gave_up') throw conflict(say('error.outbox.notWaiting', { id: input.id, status: term('outboxStatus', item.status) }), { code: 'outbox.not_waiting' })
      const now = ctx.clock.now()
      tx.update(outbox).set({ status: 'pending', nextAttemptAt: now, updatedAt: now }).where(eq(outbox.id, item.id)).run()
      ctx.audit(tx, { targetType: 'outbox', targetId: item.id, summary: say('audit.outboxDue', { id: item.id, operation: item.operation }) })
      return { id: item.id, status: 'pending', nextAttemptAt: now }
    }),

  'callbacks.settings': (ctx) => {
    const t = ctx.db.select().from(tenants).where(eq(tenants.id, ctx.tenantId)).get()!
    return { host: t.callbackHost, port: t.callbackPort, publicUrl: t.callbackPublicUrl, listeningAt: ctx.callbacks.listeningAt() }
  },

  'callbacks.updateSettings': async (ctx, input) => {
    transact(ctx.db, (tx) => {
      const before = tx.select().from(tenants).where(eq(tenants.id, ctx.tenantId)).get()!
      tx.update(tenants).set({ callbackHost: input.host, callbackPort: input.port, callbackPublicUrl: input.publicUrl }).where(eq(tenants.id, ctx.tenantId)).run()
      ctx.audit(tx, {
        targetType: 'settings',
        targetId: ctx.tenantId,
        summary: say('audit.callbackSettings'),
        before: { host: before.callbackHost, port: before.callbackPort, publicUrl: before.callbackPublicUrl },
        after: input
      })
    })
    if (ctx.callbacks.listeningAt()) await ctx.callbacks.restart()
    return { ...input, listeningAt: ctx.callbacks.listeningAt() }
  }
})

/**
 * Creating deposit and payout orders: the seed's path (merchant → service → channel → the
 * service type's fields → amount), every rule checked in the main process. The order, its
 * timeline, its outbox item, its statistics and (payouts) its hold commit in ONE transaction,
 * before anything is sent; sending happens afterwards (see outbox.ts).
 */
import { and, eq } from 'drizzle-orm'
import type { ParsedInputOf } from '../../shared/contract'
import { payoutCoverage, rangeViolation } from '../../shared/limits'
import { fromMinor } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { minorOf } from '../core/amount-input'
import { checkOrderFields } from '../../shared/order-fields'
import { PERMISSIONS } from '../../shared/permissions'
import { permissionTerm, say, term, type ServerText } from '../../shared/server-text'
import { channels, channelServiceBindings, contracts, merchants, orders, outbox, services, terminals } from '../db/schema'
import type { Db } from '../db/open'
import { transact, type Tx } from '../db/transaction'
import { actorOf, type Actor, type Ctx } from '../core/context'
import { AppError, conflict, forbidden, validationError } from '../core/errors'
import { activeContract, contractIn, validOn } from '../master/contracts'
import { evaluatePair } from '../master/limits'
import { channelText, rehearsalOf } from '../master/channels'
import { businessDayFn, dayText } from '../ledger/business-day'
import type { SecretBox } from '../core/secrets'
import { openOrderFields, sealOrderFields } from './card-numbers'
import { nextOrderNumbers } from './numbering'
import { isRehearsalChannel } from './outcome'
import { payoutHoldPosting } from './settlement'
import { countCreated } from './stats'
import { addEvent } from './timeline'
import { tenantZone } from '../core/tenant'
import { rateForOrder } from '../finance/fx'
import { holdPayoutForApproval, noteRehearsalApproval } from '../finance/four-eyes'

type Direction = 'deposit' | 'payout'
type CreateInput = ParsedInputOf<'orders.createDeposit'>

const GLOBAL: Record<Direction, number> = { deposit: PERMISSIONS.OPERATION_PAYMENT_GLOBAL_WRITE, payout: PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE }

/** 1014/1015 act for the user's own merchant; 1021/1022 for any merchant, chosen first. */
export function orderMerchant(actor: Actor, direction: Direction, requested: number | undefined): number {
  if (actor.merchantId !== null) {
    if (requested !== undefined && requested !== actor.merchantId) throw forbidden(say('error.orders.ownMerchantOnly'), 'scope.other_merchant')
    return actor.merchantId
  }
  if (!actor.permissions.has(GLOBAL[direction])) {
    throw forbidden(say('error.orders.needGlobalCode', { direction: term('directionWord', direction), permission: permissionTerm(GLOBAL[direction]), code: GLOBAL[direction] }), 'permission.missing')
  }
  if (requested === undefined) throw validationError('merchantId', say('rule.chooseMerchantFirst'))
  return requested
}

/**
 * A deposit settles under the merchant's contract in its own currency; failing that, under its
 * first active contract in another currency (FX), at the rate valid now, fixed on the order.
 */
function depositContract(tx: Db | Tx, tenantId: number, merchantId: number, currency: string, day: string, now: number, zone: string) {
  const same = contractIn(tx, merchantId, currency, day)
  if (same) return { contract: same, fx: null }
  const other = tx.select().from(contracts).where(validOn(merchantId, day)).orderBy(contracts.id).get()
  if (!other) return { contract: activeContract(tx, merchantId, currency, day, 'serviceId'), fx: null }
  const rate = rateForOrder(tx, tenantId, currency, other.settlementCurrency, now, zone)
  return {
    contract: other,
    fx: { settlementCurrency: other.settlementCurrency, fxRateId: rate.id, fxReferenceRate: rate.referenceRate, fxAppliedRate: rate.appliedRate }
  }
}

/**
 * Why an order of the merchant in this currency would be refused for its contract now (none valid
 * today, or an FX contract without a rate), or null: the order form says so beside the service
 * before anyone fills it in, in the words the order itself is refused with.
 */
export function contractRefusal(tx: Db | Tx, tenantId: number, merchantId: number, currency: string, direction: Direction, now: number): ServerText | null {
  const zone = tenantZone(tx, tenantId)
  const day = dayText(businessDayFn(zone)(now))
  try {
    if (direction === 'deposit') depositContract(tx, tenantId, merchantId, currency, day, now, zone)
    else activeContract(tx, merchantId, currency, day, 'serviceId')
    return null
  } catch (error) {
    if (error instanceof AppError) return error.text
    throw error
  }
}

/** Compared with the stored numbers in full (a masked number cannot tell two cards apart). */
const sameRequest = (secrets: SecretBox, o: typeof orders.$inferSelect, serviceId: number, channelId: number, minor: number, fields: Record<string, string>) =>
  o.serviceId === serviceId && o.channelId === channelId && o.amountMinor === minor && JSON.stringify(openOrderFields(secrets, o)) === JSON.stringify(fields)

/** The timeline text of a rehearsal's payout that the live channel's balances would not cover. */
export const LIVE_REFUSAL = 'order.rehearsalLiveRefusal'

export interface Created {
  orderId: number
  /** True when the merchant order number was already used for the very same order. */
  replayed: boolean
}

/**
 * `rehearsal`: a field test's rehearsal creates its orders on the channel's twin (it points at the
 * simulator); nobody else may, since the simulator would "pay" an order whose money never arrives.
 */
export function createOrder(ctx: Ctx, input: CreateInput, direction: Direction, options: { rehearsal?: boolean } = {}): Created {
  const actor = actorOf(ctx)
  const merchantId = orderMerchant(actor, direction, input.merchantId)
  return transact(ctx.db, (tx) => {
    const now = ctx.clock.now()
    const zone = tenantZone(tx, ctx.tenantId)
    const businessDay = businessDayFn(zone)(now)
    const day = dayText(businessDay)

    const merchant = tx.select().from(merchants).where(eq(merchants.id, merchantId)).get()
    if (!merchant) throw validationError('merchantId', say('rule.merchantMissing', { id: merchantId }))
    if (merchant.status !== 'active') throw conflict(say('error.orders.merchantDisabled', { name: merchant.name }), { field: 'merchantId', code: 'orders.merchant_disabled' })
    const service = tx.select().from(services).where(eq(services.id, input.serviceId)).get()
    if (!service || service.merchantId !== merchantId) throw validationError('serviceId', say('rule.notMerchantService', { id: input.serviceId, name: merchant.name }))
    if (service.direction !== direction) throw validationError('serviceId', say('rule.wrongDirectionService', { id: service.id, direction: term('directionWord', service.direction) }))
    const channel = tx.select().from(channels).where(eq(channels.id, input.channelId)).get()
    // A merchant-bound user sees the channels bound to its services only: any other is as if it did not exist (its name is the platform's).
    const unseen = actor.merchantId !== null && channel && !tx.select({ id: channelServiceBindings.channelId }).from(channelServiceBindings).where(and(eq(channelServiceBindings.channelId, channel.id), eq(channelServiceBindings.serviceId, service.id))).get()
    if (!channel || unseen) throw validationError('channelId', say('rule.channelMissing', { id: input.channelId }))
    const twin = isRehearsalChannel(tx, channel.id)
    if (twin && !options.rehearsal) throw validationError('channelId', say('rule.rehearsalChannel', { name: channelText(tx, channel) }))

    const pair = evaluatePair(tx, service, channel)
    if (!pair.usable) throw new AppError('limit', pair.blockers[0], { field: 'channelId', code: 'orders.channel_unusable' })
    const minor = minorOf('amount', input.amount, service.currency, { positive: true })
    const outside = rangeViolation(minor, pair.range, pair.money)
    if (outside) throw new AppError('limit', outside, { field: 'amount', code: 'limit.out_of_range' })

    const checked = checkOrderFields(service.serviceType, direction, input.fields)
    if (checked.problems.length) throw validationError(checked.problems[0].field, checked.problems[0].text)
    if (input.terminalId !== undefined) {
      const terminal = tx.select().from(terminals).where(eq(terminals.id, input.terminalId)).get()
      if (!terminal || terminal.merchantId !== merchantId) throw validationError('terminalId', say('rule.notMerchantTerminal', { id: input.terminalId, name: merchant.name }))
      if (terminal.status !== 'active') throw validationError('terminalId', say('rule.terminalDisabled', { identifier: terminal.identifier }))
    }
    if (input.merchantOrderNo) {
      const existing = tx.select().from(orders).where(and(eq(orders.merchantId, merchantId), eq(orders.merchantOrderNo, input.merchantOrderNo))).get()
      if (existing) {
        if (existing.direction === direction && sameRequest(ctx.secrets, existing, service.id, channel.id, minor, checked.fields)) {
          ctx.audit(tx, { targetType: 'order', targetId: existing.id, merchantId, summary: say('audit.orderResubmitted', { merchantOrderNo: input.merchantOrderNo, orderNo: existing.orderNo }) })
          return { orderId: existing.id, replayed: true }
        }
        throw conflict(say('error.orders.merchantOrderNoTaken', { merchantOrderNo: input.merchantOrderNo, orderNo: existing.orderNo }), { field: 'merchantOrderNo', code: 'orders.merchant_order_no_taken' })
      }
    }
    const { contract, fx } = direction === 'deposit' ? depositContract(tx, ctx.tenantId, merchantId, service.currency, day, now, zone) : { contract: activeContract(tx, merchantId, service.currency, day, 'serviceId'), fx: null }
    const fee = direction === 'payout' ? contract.withdrawalFeeMinor : 0
    const coverageOn = (channelId: number) => {
      const channelAvailable = ctx.ledger.balance({ kind: 'channel', channelId, currency: service.currency }).available
      const merchantAvailable = ctx.ledger.balance({ kind: 'merchant_available', merchantId, currency: service.currency }).available
      return payoutCoverage(minor, fee, channelAvailable, merchantAvailable, pair.money, { channelFigure: actorOf(ctx).merchantId === null })
    }
    if (direction === 'payout' && !twin) {
      const coverage = coverageOn(channel.id)
      if (!coverage.ok && coverage.reason) throw new AppError('limit', coverage.reason, { field: 'amount', code: 'ledger.insufficient_funds' })
    }
    // A rehearsal's payout is paid by the simulator, and the ledger reverses what it books: no balance
    // limits it. What the live check would say of it on the live channel is kept on its timeline
    // (the field test's evidence shows it): the rehearsal passing is not the live run passing.
    const live = direction === 'payout' && twin ? rehearsalOf(tx, channel.id) : null
    const liveCoverage = live ? coverageOn(live.id) : null

    const { txnNo, orderNo } = nextOrderNumbers(tx, businessDay, direction)
    const order = tx
      .insert(orders)
      .values({
        tenantId: ctx.tenantId,
        orderNo,
        txnNo,
        merchantOrderNo: input.merchantOrderNo ?? orderNo,
        direction,
        merchantId,
        contractId: contract.id,
        serviceId: service.id,
        channelId: channel.id,
        terminalId: input.terminalId ?? null,
        serviceType: service.serviceType,
        currency: service.currency,
        amountMinor: minor,
        feeMinor: fee,
        // Card and account numbers masked, the full ones sealed (card-numbers.ts).
        ...sealOrderFields(ctx.secrets, checked.fields),
        status: 'created',
        isTest: input.isTest,
        expiresAt: direction === 'deposit' ? now + channel.depositExpiryMinutes * 60_000 : null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        businessDay,
        ...fx
      })
      .returning()
      .get()
    const money = moneyText(minor, service.currency)
    const created = { direction: term('direction', direction), money, channel: twin ? channelText(tx, channel) : channel.name }
    addEvent(tx, order.id, now, 'created', say(input.isTest ? 'order.createdTest' : 'order.created', created), { fields: Object.keys(checked.fields) }, actor.username)
    if (direction === 'payout') {
      // Held before anything is sent: the channel's balance and the merchant's amount + fee.
      const hold = ctx.ledger.hold({ ...payoutHoldPosting(order), at: now })
      addEvent(tx, order.id, now, 'ledger', say('order.held', { money, fee: moneyText(fee, service.currency), postingId: hold.postingId }), { postingId: hold.postingId })
    }
    if (live && liveCoverage && !liveCoverage.ok && liveCoverage.reason) {
      const { short, channelShortBy, merchantShortBy } = liveCoverage
      addEvent(tx, order.id, now, 'ledger', say(LIVE_REFUSAL, { channel: live.name, reason: liveCoverage.reason }), { liveChannelId: live.id, short, channelShortBy, merchantShortBy })
    }
    // A payout at or over the tenant's four-eyes threshold holds its funds but joins the outbox only when a second user approves it.
    // A rehearsal's is never held (no money leaves): its timeline says a live one would be.
    if (direction === 'payout' && twin) noteRehearsalApproval(tx, ctx, order)
    const awaitsApproval = direction === 'payout' && !twin && holdPayoutForApproval(tx, ctx, order)
    if (!awaitsApproval) {
      tx.insert(outbox)
        .values({ orderId: order.id, operation: direction === 'deposit' ? 'send_deposit' : 'send_payout', idempotencyKey: orderNo, status: 'pending', nextAttemptAt: now, createdAt: now, updatedAt: now })
        .run()
    }
    countCreated(tx, { businessDay, tenantId: ctx.tenantId, contractId: contract.id, merchantId, currency: service.currency, isTest: input.isTest }, now)
    ctx.audit(tx, {
      targetType: 'order',
      targetId: order.id,
      merchantId,
      summary: say('audit.orderCreated', { direction: term('direction', direction), orderNo, money }),
      after: { orderNo, merchantOrderNo: order.merchantOrderNo, serviceId: service.id, channelId: channel.id, terminalId: order.terminalId, amount: fromMinor(minor, service.currency), isTest: input.isTest }
    })
    return { orderId: order.id, replayed: false }
  })
}

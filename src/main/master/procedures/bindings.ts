/**
 * Channel–service bindings, keyed by channel and service: which channels may serve a service, and
 * the service's bounds on that channel's wallet (service_bounds). A binding needs the same
 * currency on both sides and a channel that supports the service's direction.
 */
import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { say, term } from '../../../shared/server-text'
import type { BindingRow } from '../../../shared/contract/bindings'
import { fromMinor } from '../../../shared/money'
import { channels, channelServiceBindings as bindings, fieldtestRehearsalChannels as rehearsals, merchants, services } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { actorOf, type Ctx } from '../../core/context'
import { conflict, notFound, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { assertCanRead, merchantFilter } from '../../core/scope'
import { refuseRehearsalCopy } from '../channels'
import { limitsOf, ordering } from '../fields'
import { escapeLike, offsetOf } from '../../db/sql'

/** The live channel of a rehearsal copy (the binding's channel, when it is one). */
const live = alias(channels, 'live')

const columns = {
  ...getTableColumns(bindings),
  channelName: channels.name,
  liveId: live.id,
  liveName: live.name,
  serviceType: services.serviceType,
  direction: services.direction,
  merchantId: services.merchantId,
  merchantName: merchants.name,
  currency: services.currency
}
type Stored = typeof bindings.$inferSelect & Pick<BindingRow, 'channelName' | 'serviceType' | 'direction' | 'merchantId' | 'merchantName' | 'currency'> & { liveId: number | null; liveName: string | null }

const SORT = {
  channelName: channels.name,
  merchantName: merchants.name,
  serviceType: services.serviceType,
  currency: services.currency,
  status: bindings.status,
  createdAt: bindings.createdAt,
  updatedAt: bindings.updatedAt
}

const toRow = ({ boundLowerMinor, boundUpperMinor, liveId, liveName, ...r }: Stored): BindingRow => ({
  ...r,
  rehearsalOf: liveId === null ? null : { id: liveId, name: liveName ?? '' },
  boundLower: fromMinor(boundLowerMinor, r.currency),
  boundUpper: fromMinor(boundUpperMinor, r.currency)
})

function joined(db: Db | Tx) {
  return db
    .select(columns)
    .from(bindings)
    .innerJoin(channels, eq(channels.id, bindings.channelId))
    .innerJoin(services, eq(services.id, bindings.serviceId))
    .innerJoin(merchants, eq(merchants.id, services.merchantId))
    .leftJoin(rehearsals, eq(rehearsals.twinChannelId, bindings.channelId))
    .leftJoin(live, eq(live.id, rehearsals.channelId))
}

function bindingRow(db: Db | Tx, tenantId: number, channelId: number, serviceId: number): BindingRow | undefined {
  const row = joined(db)
    .where(and(eq(bindings.channelId, channelId), eq(bindings.serviceId, serviceId), eq(services.tenantId, tenantId)))
    .get()
  return row && toRow(row)
}

/** An existing binding the actor may see: for a merchant-bound user, one of its merchant's services. */
function existing(db: Db | Tx, ctx: Ctx, channelId: number, serviceId: number): BindingRow {
  const what = say('thing.binding', { channelId, serviceId })
  const row = bindingRow(db, ctx.tenantId, channelId, serviceId)
  if (!row) throw notFound(what)
  assertCanRead(actorOf(ctx), row.merchantId, what)
  return row
}

const audited = (b: BindingRow) => ({ channelId: b.channelId, serviceId: b.serviceId, boundLower: b.boundLower, boundUpper: b.boundUpper, status: b.status })

export const bindingProcedures = handlers({
  'bindings.list': (ctx, input) => {
    const filters: SQL[] = [eq(services.tenantId, ctx.tenantId)]
    const merchantId = merchantFilter(actorOf(ctx), input.merchantId)
    if (merchantId !== undefined) filters.push(eq(services.merchantId, merchantId))
    if (input.channelId) filters.push(eq(bindings.channelId, input.channelId))
    if (input.serviceId) filters.push(eq(bindings.serviceId, input.serviceId))
    if (input.status) filters.push(eq(bindings.status, input.status))
    if (input.currency) filters.push(eq(services.currency, input.currency))
    if (input.direction) filters.push(eq(services.direction, input.direction))
    if (input.serviceType) filters.push(eq(services.serviceType, input.serviceType))
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      filters.push(sql`(${channels.name} like ${pattern} escape '\\' or ${merchants.name} like ${pattern} escape '\\')`)
    }
    const where = and(...filters)
    const total =
      ctx.db
        .select({ n: sql<number>`count(*)` })
        .from(bindings)
        .innerJoin(channels, eq(channels.id, bindings.channelId))
        .innerJoin(services, eq(services.id, bindings.serviceId))
        .innerJoin(merchants, eq(merchants.id, services.merchantId))
        .where(where)
        .get()?.n ?? 0
    const items = joined(ctx.db)
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, bindings.channelId), asc(bindings.serviceId))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map(toRow)
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'bindings.get': (ctx, input) => existing(ctx.db, ctx, input.channelId, input.serviceId),

  'bindings.create': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const channel = tx.select().from(channels).where(and(eq(channels.id, input.channelId), eq(channels.tenantId, ctx.tenantId))).get()
      if (!channel) throw validationError('channelId', say('rule.channelMissing', { id: input.channelId }))
      refuseRehearsalCopy(tx, channel.id, 'channelId')
      const service = tx.select().from(services).where(and(eq(services.id, input.serviceId), eq(services.tenantId, ctx.tenantId))).get()
      if (!service) throw validationError('serviceId', say('rule.serviceMissing', { id: input.serviceId }))
      if (channel.currency !== service.currency) {
        throw validationError('channelId', say('rule.bindingCurrency', { name: channel.name, currency: channel.currency, id: service.id, serviceCurrency: service.currency }))
      }
      const supported = service.direction === 'deposit' ? channel.supportsDeposit : channel.supportsPayout
      if (!supported) throw validationError('channelId', say('error.pair.direction', { name: channel.name, direction: term('directionWord', service.direction) }))
      const [lower, upper] = limitsOf(['boundLower', 'boundUpper'], [input.boundLower, input.boundUpper], service.currency)
      if (bindingRow(tx, ctx.tenantId, channel.id, service.id)) {
        throw conflict(say('error.bindings.exists', { id: service.id, name: channel.name }), { field: 'serviceId', code: 'bindings.exists' })
      }
      const now = ctx.clock.now()
      tx.insert(bindings)
        .values({ channelId: channel.id, serviceId: service.id, boundLowerMinor: lower, boundUpperMinor: upper, status: input.status, createdAt: now, updatedAt: now })
        .run()
      const row = bindingRow(tx, ctx.tenantId, channel.id, service.id)!
      ctx.audit(tx, {
        targetType: 'binding',
        targetId: `${channel.id}:${service.id}`,
        merchantId: service.merchantId,
        summary: say('audit.bindingCreated', { channel: channel.name, serviceId: service.id, serviceType: service.serviceType, direction: term('directionWord', service.direction), merchant: row.merchantName }),
        after: audited(row)
      })
      return row
    }),

  'bindings.update': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = existing(tx, ctx, input.channelId, input.serviceId)
      refuseRehearsalCopy(tx, input.channelId)
      const [lower, upper] = limitsOf(['boundLower', 'boundUpper'], [input.boundLower, input.boundUpper], before.currency)
      tx.update(bindings)
        .set({ boundLowerMinor: lower, boundUpperMinor: upper, updatedAt: ctx.clock.now() })
        .where(and(eq(bindings.channelId, input.channelId), eq(bindings.serviceId, input.serviceId)))
        .run()
      const after = bindingRow(tx, ctx.tenantId, input.channelId, input.serviceId)!
      ctx.audit(tx, {
        targetType: 'binding',
        targetId: `${input.channelId}:${input.serviceId}`,
        merchantId: after.merchantId,
        summary: say('audit.bindingBounds', { serviceId: input.serviceId, channel: after.channelName }),
        before: audited(before),
        after: audited(after)
      })
      return after
    }),

  'bindings.setStatus': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = existing(tx, ctx, input.channelId, input.serviceId)
      refuseRehearsalCopy(tx, input.channelId)
      if (input.status === 'active') {
        // Enabled again on a channel that has stopped the service's direction since it was disabled.
        const channel = tx.select().from(channels).where(eq(channels.id, input.channelId)).get()!
        const service = tx.select().from(services).where(eq(services.id, input.serviceId)).get()!
        if (!(service.direction === 'deposit' ? channel.supportsDeposit : channel.supportsPayout)) {
          throw validationError('status', say('error.pair.direction', { name: channel.name, direction: term('directionWord', service.direction) }))
        }
      }
      tx.update(bindings)
        .set({ status: input.status, updatedAt: ctx.clock.now() })
        .where(and(eq(bindings.channelId, input.channelId), eq(bindings.serviceId, input.serviceId)))
        .run()
      ctx.audit(tx, {
        targetType: 'binding',
        targetId: `${input.channelId}:${input.serviceId}`,
        merchantId: before.merchantId,
        summary: say('audit.bindingStatus', { serviceId: input.serviceId, channel: before.channelName, status: term('status', input.status) }),
        before: { status: before.status },
        after: { status: input.status }
      })
      return bindingRow(tx, ctx.tenantId, input.channelId, input.serviceId)!
    })
})

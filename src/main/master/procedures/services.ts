/**
 * Services: a service type a merchant has activated in one direction and currency, with its
 * single limits (minor units; 0 = no limit). Type, direction and currency are fixed once created:
 * bindings and orders depend on them.
 */
import { and, eq, getTableColumns, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { say, term } from '../../../shared/server-text'
import type { ServiceRow } from '../../../shared/contract/services'
import { fromMinor } from '../../../shared/money'
import { serviceType as serviceTypeOf, SERVICE_TYPES } from '../../../shared/reference'
import { channelServiceBindings, merchants, services } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { actorOf, type Ctx } from '../../core/context'
import { conflict, notFound, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { assertCanRead, merchantFilter } from '../../core/scope'
import { limitsOf, merchantForWrite, ordering } from '../fields'
import { escapeLike, offsetOf } from '../../db/sql'

const columns = {
  ...getTableColumns(services),
  merchantName: merchants.name,
  channelCount: sql<number>`(select count(*) from ${channelServiceBindings} where ${channelServiceBindings.serviceId} = ${services.id})`
}
type Stored = typeof services.$inferSelect & { merchantName: string; channelCount: number }

const SORT = {
  id: services.id,
  merchantName: merchants.name,
  serviceType: services.serviceType,
  direction: services.direction,
  currency: services.currency,
  status: services.status,
  createdAt: services.createdAt,
  updatedAt: services.updatedAt
}

const toRow = (r: Stored): ServiceRow => ({
  id: r.id,
  merchantId: r.merchantId,
  merchantName: r.merchantName,
  serviceType: r.serviceType,
  direction: r.direction,
  currency: r.currency,
  singleLower: fromMinor(r.singleLowerMinor, r.currency),
  singleUpper: fromMinor(r.singleUpperMinor, r.currency),
  activated: r.activatedAt !== null,
  activatedAt: r.activatedAt,
  channelCount: r.channelCount,
  status: r.status,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt
})

function serviceRow(db: Db | Tx, tenantId: number, id: number): ServiceRow | undefined {
  const row = db
    .select(columns)
    .from(services)
    .innerJoin(merchants, eq(merchants.id, services.merchantId))
    .where(and(eq(services.id, id), eq(services.tenantId, tenantId)))
    .get()
  return row && toRow(row)
}

/** An existing service the actor may see; another merchant's does not exist for a merchant-bound user. */
function existing(db: Db | Tx, ctx: Ctx, id: number): ServiceRow {
  const row = serviceRow(db, ctx.tenantId, id)
  if (!row) throw notFound(say('thing.service', { id }))
  assertCanRead(actorOf(ctx), row.merchantId, say('thing.service', { id }))
  return row
}

const audited = ({ createdAt: _c, updatedAt: _u, merchantName: _m, channelCount: _n, activatedAt: _a, ...rest }: ServiceRow) => rest

export const serviceProcedures = handlers({
  'services.list': (ctx, input) => {
    const filters: SQL[] = [eq(services.tenantId, ctx.tenantId)]
    const merchantId = merchantFilter(actorOf(ctx), input.merchantId)
    if (merchantId !== undefined) filters.push(eq(services.merchantId, merchantId))
    if (input.status) filters.push(eq(services.status, input.status))
    if (input.serviceType) filters.push(eq(services.serviceType, input.serviceType))
    if (input.direction) filters.push(eq(services.direction, input.direction))
    if (input.currency) filters.push(eq(services.currency, input.currency))
    if (input.activated !== undefined) filters.push(input.activated ? isNotNull(services.activatedAt) : isNull(services.activatedAt))
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      // The service type matches by its code or its English or Chinese name.
      const types = SERVICE_TYPES.filter((t) => [t.code, t.name, t.nameZh].some((n) => n.toLowerCase().includes(input.search!.toLowerCase()))).map((t) => t.code)
      filters.push(or(sql`${merchants.name} like ${pattern} escape '\\'`, ...types.map((c) => eq(services.serviceType, c)))!)
    }
    const where = and(...filters)
    const total =
      ctx.db.select({ n: sql<number>`count(*)` }).from(services).innerJoin(merchants, eq(merchants.id, services.merchantId)).where(where).get()?.n ?? 0
    const items = ctx.db
      .select(columns)
      .from(services)
      .innerJoin(merchants, eq(merchants.id, services.merchantId))
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, services.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map(toRow)
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'services.get': (ctx, input) => existing(ctx.db, ctx, input.id),

  'services.create': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const merchant = merchantForWrite(tx, ctx, input.merchantId)
      const type = serviceTypeOf(input.serviceType)!
      if (!type.currencies.includes(input.currency)) {
        throw validationError('currency', say('rule.serviceTypeCurrencies', { type: type.code, currencies: type.currencies.join(', ') }))
      }
      const [lower, upper] = limitsOf(['singleLower', 'singleUpper'], [input.singleLower, input.singleUpper], input.currency)
      const duplicate = tx
        .select({ id: services.id })
        .from(services)
        .where(and(eq(services.merchantId, merchant.id), eq(services.serviceType, type.code), eq(services.direction, input.direction), eq(services.currency, input.currency)))
        .get()
      if (duplicate) {
        throw conflict(say('error.services.duplicate', { merchant: merchant.name, type: type.code, direction: term('directionWord', input.direction), currency: input.currency, id: duplicate.id }), {
          field: 'serviceType',
          code: 'services.duplicate'
        })
      }
      const now = ctx.clock.now()
      const { id } = tx
        .insert(services)
        .values({
          tenantId: ctx.tenantId,
          merchantId: merchant.id,
          serviceType: type.code,
          direction: input.direction,
          currency: input.currency,
          singleLowerMinor: lower,
          singleUpperMinor: upper,
          activatedAt: input.activated ? now : null,
          status: input.status,
          createdAt: now,
          updatedAt: now
        })
        .returning({ id: services.id })
        .get()
      const row = serviceRow(tx, ctx.tenantId, id)!
      ctx.audit(tx, { targetType: 'service', targetId: id, merchantId: merchant.id, summary: say('audit.serviceCreated', { serviceType: type.code, direction: term('directionWord', input.direction), currency: input.currency, merchant: merchant.name }), after: audited(row) })
      return row
    }),

  'services.update': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = existing(tx, ctx, input.id)
      const [lower, upper] = limitsOf(['singleLower', 'singleUpper'], [input.singleLower, input.singleUpper], before.currency)
      const now = ctx.clock.now()
      // Re-saving an activated service keeps the moment it was first activated.
      const activatedAt = input.activated ? (before.activatedAt ?? now) : null
      tx.update(services)
        .set({ singleLowerMinor: lower, singleUpperMinor: upper, activatedAt, updatedAt: now })
        .where(eq(services.id, input.id))
        .run()
      const after = serviceRow(tx, ctx.tenantId, input.id)!
      ctx.audit(tx, { targetType: 'service', targetId: input.id, merchantId: after.merchantId, summary: say('audit.serviceUpdated', { id: input.id, serviceType: after.serviceType, direction: term('directionWord', after.direction) }), before: audited(before), after: audited(after) })
      return after
    }),

  'services.setStatus': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = existing(tx, ctx, input.id)
      tx.update(services).set({ status: input.status, updatedAt: ctx.clock.now() }).where(eq(services.id, input.id)).run()
      ctx.audit(tx, {
        targetType: 'service',
        targetId: input.id,
        merchantId: before.merchantId,
        summary: say('audit.serviceStatus', { id: input.id, serviceType: before.serviceType, direction: term('directionWord', before.direction), status: term('status', input.status) }),
        before: { status: before.status },
        after: { status: input.status }
      })
      return serviceRow(tx, ctx.tenantId, input.id)!
    })
})

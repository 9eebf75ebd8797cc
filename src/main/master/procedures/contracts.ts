/** Contracts: a merchant's commercial terms (fees in the settlement currency's minor units, rates in ppm). */
import { and, eq, getTableColumns, isNull, lte, ne, or, gte, sql, type SQL } from 'drizzle-orm'
import { say, term } from '../../../shared/server-text'
import type { ContractRow } from '../../../shared/contract/contracts'
import { fromMinor } from '../../../shared/money'
import { contracts, merchants } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { actorOf, type Ctx } from '../../core/context'
import { conflict, notFound } from '../../core/errors'
import { handlers } from '../../core/registry'
import { assertCanRead, merchantFilter } from '../../core/scope'
import { minorOf } from '../../core/amount-input'
import { merchantForWrite, ordering, percentOf, ppmOf } from '../fields'
import { escapeLike, offsetOf } from '../../db/sql'

const columns = { ...getTableColumns(contracts), merchantName: merchants.name }
type Stored = typeof contracts.$inferSelect & { merchantName: string }

const SORT = {
  id: contracts.id,
  name: contracts.name,
  merchantName: merchants.name,
  settlementCurrency: contracts.settlementCurrency,
  validFrom: contracts.validFrom,
  validTo: contracts.validTo,
  status: contracts.status,
  createdAt: contracts.createdAt,
  updatedAt: contracts.updatedAt
}

function toRow(r: Stored): ContractRow {
  const c = r.settlementCurrency
  return {
    id: r.id,
    merchantId: r.merchantId,
    merchantName: r.merchantName,
    name: r.name,
    settlementCurrency: c,
    feeRate: percentOf(r.feeRatePpm),
    fixedFee: fromMinor(r.fixedFeeMinor, c),
    refundFee: fromMinor(r.refundFeeMinor, c),
    disputeFee: fromMinor(r.disputeFeeMinor, c),
    withdrawalFee: fromMinor(r.withdrawalFeeMinor, c),
    reserveRate: percentOf(r.reserveRatePpm),
    reserveHoldDays: r.reserveHoldDays,
    validFrom: r.validFrom,
    validTo: r.validTo,
    status: r.status,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt
  }
}

function contractRow(db: Db | Tx, tenantId: number, id: number): ContractRow | undefined {
  const row = db
    .select(columns)
    .from(contracts)
    .innerJoin(merchants, eq(merchants.id, contracts.merchantId))
    .where(and(eq(contracts.id, id), eq(contracts.tenantId, tenantId)))
    .get()
  return row && toRow(row)
}

/**
 * An existing contract the actor may see: another merchant's does not exist for a merchant-bound
 * user, for reads and writes alike.
 */
function existing(db: Db | Tx, ctx: Ctx, id: number): ContractRow {
  const row = contractRow(db, ctx.tenantId, id)
  if (!row) throw notFound(say('thing.contract', { id }))
  assertCanRead(actorOf(ctx), row.merchantId, say('thing.contract', { id }))
  return row
}

interface Terms {
  name: string
  feeRate: string
  fixedFee: string
  refundFee: string
  disputeFee: string
  withdrawalFee: string
  reserveRate: string
  reserveHoldDays: number
  validFrom: string
  validTo: string | null
}

/** The stored form of the editable terms; amounts must fit the settlement currency (400 naming the fee). */
function storedTerms(t: Terms, currency: string) {
  return {
    name: t.name,
    feeRatePpm: ppmOf(t.feeRate),
    fixedFeeMinor: minorOf('fixedFee', t.fixedFee, currency),
    refundFeeMinor: minorOf('refundFee', t.refundFee, currency),
    disputeFeeMinor: minorOf('disputeFee', t.disputeFee, currency),
    withdrawalFeeMinor: minorOf('withdrawalFee', t.withdrawalFee, currency),
    reserveRatePpm: ppmOf(t.reserveRate),
    reserveHoldDays: t.reserveHoldDays,
    validFrom: t.validFrom,
    validTo: t.validTo
  }
}

/**
 * One active contract per merchant, settlement currency and day: with two, the older would apply
 * (`contractIn`) and the newer's fees would never be charged, without a word. A new period starts
 * after the old one ends (its validTo set the day before).
 */
function noOverlap(tx: Tx, c: { id?: number; merchantId: number; settlementCurrency: string; validFrom: string; validTo: string | null; status: string }): void {
  if (c.status !== 'active') return
  const other = tx
    .select({ id: contracts.id, name: contracts.name, validFrom: contracts.validFrom, validTo: contracts.validTo })
    .from(contracts)
    .where(
      and(
        eq(contracts.merchantId, c.merchantId),
        eq(contracts.settlementCurrency, c.settlementCurrency),
        eq(contracts.status, 'active'),
        c.id === undefined ? undefined : ne(contracts.id, c.id),
        c.validTo === null ? undefined : lte(contracts.validFrom, c.validTo),
        or(isNull(contracts.validTo), gte(contracts.validTo, c.validFrom))
      )
    )
    .orderBy(contracts.validFrom)
    .get()
  if (other) {
    const period = other.validTo === null ? say('error.contracts.fromOpen', { from: other.validFrom }) : say('error.contracts.fromTo', { from: other.validFrom, to: other.validTo })
    throw conflict(say('error.contracts.overlap', { name: other.name, currency: c.settlementCurrency, period }), { field: 'validFrom', code: 'contracts.overlap' })
  }
}

function nameTaken(tx: Tx, merchantId: number, name: string, exceptId?: number): void {
  const other = tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.merchantId, merchantId), sql`lower(${contracts.name}) = lower(${name})`))
    .get()
  if (other && other.id !== exceptId) {
    throw conflict(say('error.contracts.nameTaken', { name }), { field: 'name', code: 'contracts.name_taken' })
  }
}

/** What the audit log keeps: the terms as the API shows them. */
const audited = ({ createdAt: _c, updatedAt: _u, merchantName: _m, ...rest }: ContractRow) => rest

export const contractProcedures = handlers({
  'contracts.list': (ctx, input) => {
    const filters: SQL[] = [eq(contracts.tenantId, ctx.tenantId)]
    const merchantId = merchantFilter(actorOf(ctx), input.merchantId)
    if (merchantId !== undefined) filters.push(eq(contracts.merchantId, merchantId))
    if (input.status) filters.push(eq(contracts.status, input.status))
    if (input.currency) filters.push(eq(contracts.settlementCurrency, input.currency))
    if (input.validOn) filters.push(lte(contracts.validFrom, input.validOn), or(isNull(contracts.validTo), gte(contracts.validTo, input.validOn))!)
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      filters.push(sql`(${contracts.name} like ${pattern} escape '\\' or cast(${contracts.id} as text) = ${input.search})`)
    }
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(contracts).where(where).get()?.n ?? 0
    const items = ctx.db
      .select(columns)
      .from(contracts)
      .innerJoin(merchants, eq(merchants.id, contracts.merchantId))
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, contracts.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map(toRow)
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'contracts.get': (ctx, input) => existing(ctx.db, ctx, input.id),

  'contracts.create': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const merchant = merchantForWrite(tx, ctx, input.merchantId)
      const terms = storedTerms(input, input.settlementCurrency)
      nameTaken(tx, merchant.id, input.name)
      noOverlap(tx, { merchantId: merchant.id, settlementCurrency: input.settlementCurrency, validFrom: terms.validFrom, validTo: terms.validTo, status: input.status })
      const now = ctx.clock.now()
      const { id } = tx
        .insert(contracts)
        .values({ tenantId: ctx.tenantId, merchantId: merchant.id, settlementCurrency: input.settlementCurrency, ...terms, status: input.status, createdAt: now, updatedAt: now })
        .returning({ id: contracts.id })
        .get()
      const row = contractRow(tx, ctx.tenantId, id)!
      ctx.audit(tx, { targetType: 'contract', targetId: id, merchantId: merchant.id, summary: say('audit.contractCreated', { name: row.name, merchant: merchant.name }), after: audited(row) })
      return row
    }),

  'contracts.update': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = existing(tx, ctx, input.id)
      const terms = storedTerms(input, before.settlementCurrency)
      nameTaken(tx, before.merchantId, input.name, input.id)
      noOverlap(tx, { id: input.id, merchantId: before.merchantId, settlementCurrency: before.settlementCurrency, validFrom: terms.validFrom, validTo: terms.validTo, status: before.status })
      tx.update(contracts)
        .set({ ...terms, updatedAt: ctx.clock.now() })
        .where(eq(contracts.id, input.id))
        .run()
      const after = contractRow(tx, ctx.tenantId, input.id)!
      ctx.audit(tx, { targetType: 'contract', targetId: input.id, merchantId: after.merchantId, summary: say('audit.contractUpdated', { name: after.name }), before: audited(before), after: audited(after) })
      return after
    }),

  'contracts.setStatus': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = existing(tx, ctx, input.id)
      noOverlap(tx, { id: input.id, merchantId: before.merchantId, settlementCurrency: before.settlementCurrency, validFrom: before.validFrom, validTo: before.validTo, status: input.status })
      tx.update(contracts).set({ status: input.status, updatedAt: ctx.clock.now() }).where(eq(contracts.id, input.id)).run()
      ctx.audit(tx, {
        targetType: 'contract',
        targetId: input.id,
        merchantId: before.merchantId,
        summary: say('audit.contractStatus', { name: before.name, status: term('status', input.status) }),
        before: { status: before.status },
        after: { status: input.status }
      })
      return contractRow(tx, ctx.tenantId, input.id)!
    })
})

/**
 * Merchants. The signing secret is generated here, encrypted before the transaction, and shown
 * only in the answers of create and rotateSecret: no read selects it and no audit row holds it.
 */
import { randomBytes } from 'node:crypto'
import { say, term } from '../../../shared/server-text'
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { MerchantBalance, MerchantRow } from '../../../shared/contract/merchants'
import { fromMinor } from '../../../shared/money'
import { ledgerAccounts, ledgerBalances, merchants } from '../../db/schema'
import { exactInteger } from '../../db/exact'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { actorOf } from '../../core/context'
import { conflict, notFound } from '../../core/errors'
import { handlers } from '../../core/registry'
import { assertCanRead, merchantFilter } from '../../core/scope'
import { ordering } from '../fields'
import { escapeLike, offsetOf } from '../../db/sql'

const columns = {
  id: merchants.id,
  name: merchants.name,
  status: merchants.status,
  contactName: merchants.contactName,
  contactEmail: merchants.contactEmail,
  contactPhone: merchants.contactPhone,
  notifyUrl: merchants.notifyUrl,
  hasSigningSecret: sql<number>`${merchants.signingSecretEnc} is not null`,
  signingSecretRotatedAt: merchants.signingSecretRotatedAt,
  createdAt: merchants.createdAt,
  updatedAt: merchants.updatedAt
}

const SORT = { name: merchants.name, id: merchants.id, status: merchants.status, createdAt: merchants.createdAt, updatedAt: merchants.updatedAt }

type Selected = Omit<MerchantRow, 'hasSigningSecret'> & { hasSigningSecret: number }
const toRow = (r: Selected): MerchantRow => ({ ...r, hasSigningSecret: r.hasSigningSecret === 1 })

function merchantRow(db: Db | Tx, tenantId: number, id: number): MerchantRow | undefined {
  const row = db.select(columns).from(merchants).where(and(eq(merchants.id, id), eq(merchants.tenantId, tenantId))).get()
  return row && toRow(row)
}

/** What the audit log keeps of a merchant: everything but the secret and timestamps. */
const audited = (m: MerchantRow) => ({
  name: m.name,
  status: m.status,
  contactName: m.contactName,
  contactEmail: m.contactEmail,
  contactPhone: m.contactPhone,
  notifyUrl: m.notifyUrl
})

function nameTaken(tx: Tx, tenantId: number, name: string, exceptId?: number): void {
  const other = tx
    .select({ id: merchants.id })
    .from(merchants)
    .where(and(eq(merchants.tenantId, tenantId), sql`lower(${merchants.name}) = lower(${name})`))
    .get()
  if (other && other.id !== exceptId) {
    throw conflict(say('error.merchants.nameTaken', { name }), { field: 'name', code: 'merchants.name_taken' })
  }
}

/** Per currency: merchant_available (balance, held, available) and merchant_reserve, as decimal strings. */
function balancesOf(db: Db, tenantId: number, merchantId: number): MerchantBalance[] {
  const rows = db
    .select({ kind: ledgerAccounts.kind, currency: ledgerAccounts.currency, normal: ledgerAccounts.normal, postedSum: exactInteger(ledgerBalances.postedSum), heldOut: exactInteger(ledgerBalances.heldOut) })
    .from(ledgerAccounts)
    .innerJoin(ledgerBalances, eq(ledgerBalances.accountId, ledgerAccounts.id))
    .where(and(eq(ledgerAccounts.tenantId, tenantId), eq(ledgerAccounts.merchantId, merchantId), inArray(ledgerAccounts.kind, ['merchant_available', 'merchant_reserve'])))
    .all()
  const byCurrency = new Map<string, { balance: bigint; held: bigint; reserve: bigint }>()
  for (const r of rows) {
    const item = byCurrency.get(r.currency) ?? { balance: 0n, held: 0n, reserve: 0n }
    const shown = BigInt(r.normal) * r.postedSum
    if (r.kind === 'merchant_available') {
      item.balance = shown
      item.held = r.heldOut
    } else item.reserve = shown
    byCurrency.set(r.currency, item)
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, b]) => ({
      currency,
      balance: fromMinor(b.balance, currency),
      available: fromMinor(b.balance - b.held, currency),
      held: fromMinor(b.held, currency),
      reserve: fromMinor(b.reserve, currency)
    }))
}

const newSecret = () => randomBytes(32).toString('hex')

export const merchantProcedures = handlers({
  'merchants.list': (ctx, input) => {
    const filters: SQL[] = [eq(merchants.tenantId, ctx.tenantId)]
    const own = merchantFilter(actorOf(ctx), undefined)
    if (own !== undefined) filters.push(eq(merchants.id, own))
    if (input.status) filters.push(eq(merchants.status, input.status))
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      filters.push(
        sql`(${merchants.name} like ${pattern} escape '\\' or ${merchants.contactName} like ${pattern} escape '\\' or ${merchants.contactEmail} like ${pattern} escape '\\' or cast(${merchants.id} as text) = ${input.search})`
      )
    }
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(merchants).where(where).get()?.n ?? 0
    const items = ctx.db
      .select(columns)
      .from(merchants)
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, merchants.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map(toRow)
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'merchants.get': (ctx, input) => {
    const row = merchantRow(ctx.db, ctx.tenantId, input.id)
    if (!row) throw notFound(say('thing.merchant', { id: input.id }))
    assertCanRead(actorOf(ctx), row.id, say('thing.merchant', { id: input.id }))
    return { ...row, balances: balancesOf(ctx.db, ctx.tenantId, row.id) }
  },

  'merchants.create': (ctx, input) => {
    const signingSecret = newSecret()
    const sealed = ctx.secrets.encrypt(signingSecret)
    return transact(ctx.db, (tx) => {
      nameTaken(tx, ctx.tenantId, input.name)
      const now = ctx.clock.now()
      const { id } = tx
        .insert(merchants)
        .values({ tenantId: ctx.tenantId, ...input, signingSecretEnc: sealed, signingSecretRotatedAt: now, createdAt: now, updatedAt: now })
        .returning({ id: merchants.id })
        .get()
      const row = merchantRow(tx, ctx.tenantId, id)!
      ctx.audit(tx, { targetType: 'merchant', targetId: id, merchantId: id, summary: say('audit.merchantCreated', { name: row.name }), after: audited(row) })
      return { ...row, signingSecret }
    })
  },

  'merchants.update': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = merchantRow(tx, ctx.tenantId, input.id)
      if (!before) throw notFound(say('thing.merchant', { id: input.id }))
      nameTaken(tx, ctx.tenantId, input.name, input.id)
      const { id, ...changes } = input
      tx.update(merchants)
        .set({ ...changes, updatedAt: ctx.clock.now() })
        .where(eq(merchants.id, id))
        .run()
      const after = merchantRow(tx, ctx.tenantId, id)!
      ctx.audit(tx, { targetType: 'merchant', targetId: id, merchantId: id, summary: say('audit.merchantUpdated', { name: after.name }), before: audited(before), after: audited(after) })
      return after
    }),

  'merchants.setStatus': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = merchantRow(tx, ctx.tenantId, input.id)
      if (!before) throw notFound(say('thing.merchant', { id: input.id }))
      tx.update(merchants).set({ status: input.status, updatedAt: ctx.clock.now() }).where(eq(merchants.id, input.id)).run()
      ctx.audit(tx, {
        targetType: 'merchant',
        targetId: input.id,
        merchantId: input.id,
        summary: say('audit.merchantStatus', { name: before.name, status: term('status', input.status) }),
        before: { status: before.status },
        after: { status: input.status }
      })
      return merchantRow(tx, ctx.tenantId, input.id)!
    }),

  'merchants.rotateSecret': (ctx, input) => {
    const signingSecret = newSecret()
    const sealed = ctx.secrets.encrypt(signingSecret)
    return transact(ctx.db, (tx) => {
      const before = merchantRow(tx, ctx.tenantId, input.id)
      if (!before) throw notFound(say('thing.merchant', { id: input.id }))
      const now = ctx.clock.now()
      tx.update(merchants).set({ signingSecretEnc: sealed, signingSecretRotatedAt: now, updatedAt: now }).where(eq(merchants.id, input.id)).run()
      ctx.audit(tx, {
        targetType: 'merchant',
        targetId: input.id,
        merchantId: input.id,
        summary: say('audit.merchantSecret', { name: before.name, change: term('secret', before.hasSigningSecret ? 'rotated' : 'created') }),
        before: { signingSecretRotatedAt: before.signingSecretRotatedAt },
        after: { signingSecretRotatedAt: now }
      })
      return { ...merchantRow(tx, ctx.tenantId, input.id)!, signingSecret }
    })
  }
})

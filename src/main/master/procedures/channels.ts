/**
 * Channels: accounts at upstream providers. Credentials are encrypted (JSON) before the
 * transaction and never read back here: reads show their names only, and to platform staff only.
 * A merchant-bound user sees just the channels bound to its own merchant's services.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { textOfMessage } from '../../../shared/rule-message'
import { say, term, verbatim } from '../../../shared/server-text'
import type { ChannelRow } from '../../../shared/contract/channels'
import { fromMinor } from '../../../shared/money'
import { channels, channelServiceBindings, fieldtestRehearsalChannels, services } from '../../db/schema'
import { transact, type Tx } from '../../db/transaction'
import { actorOf, type Ctx } from '../../core/context'
import { conflict, notFound, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { genericAdapterConfigSchema } from '../../upstream/generic-config'
import { merchantFilter } from '../../core/scope'
import { limitsOf, ordering } from '../fields'
import { boundToMerchant, channelColumns as columns, refuseRehearsalCopy, rehearsalOf, storedChannel as stored, visibleChannel, type StoredChannel as Stored } from '../channels'
import { escapeLike, offsetOf } from '../../db/sql'

const SORT = { id: channels.id, name: channels.name, provider: channels.provider, currency: channels.currency, status: channels.status, createdAt: channels.createdAt, updatedAt: channels.updatedAt }

/** The generic adapter's schema decides; a problem names `adapterConfig.<path>`. */
function checkedAdapterConfig(config: Record<string, unknown> | null): Record<string, unknown> | null {
  if (config === null) return null
  const parsed = genericAdapterConfigSchema.safeParse(config)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    // The protocol settings are set over the API only; their schema's words are its own (English).
    throw validationError(['adapterConfig', ...issue.path.map(String)].join('.'), textOfMessage(issue.message) ?? verbatim(issue.message))
  }
  return parsed.data as unknown as Record<string, unknown>
}

function toRow(ctx: Ctx, r: Stored): ChannelRow {
  const c = r.currency
  const platform = actorOf(ctx).merchantId === null
  const balance = platform ? ctx.ledger.balance({ kind: 'channel', channelId: r.id, currency: c }) : null
  return {
    id: r.id,
    name: r.name,
    provider: r.provider,
    supportsDeposit: r.supportsDeposit,
    supportsPayout: r.supportsPayout,
    currency: c,
    paymentLower: fromMinor(r.paymentLowerMinor, c),
    paymentUpper: fromMinor(r.paymentUpperMinor, c),
    payoutLower: fromMinor(r.payoutLowerMinor, c),
    payoutUpper: fromMinor(r.payoutUpperMinor, c),
    credentialKeys: platform ? r.credentialKeys : [],
    adapterConfig: platform ? (r.adapterConfig ?? null) : null,
    depositExpiryMinutes: r.depositExpiryMinutes,
    rehearsalOf: rehearsalOf(ctx.db, r.id),
    balance: balance && { posted: fromMinor(balance.posted, c), available: fromMinor(balance.available, c) },
    status: r.status,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt
  }
}

function nameTaken(tx: Tx, tenantId: number, name: string, exceptId?: number): void {
  const other = tx.select({ id: channels.id }).from(channels).where(and(eq(channels.tenantId, tenantId), sql`lower(${channels.name}) = lower(${name})`)).get()
  if (other && other.id !== exceptId) throw conflict(say('error.channels.nameTaken', { name }), { field: 'name', code: 'channels.name_taken' })
}

/** A channel cannot stop supporting a direction while services of that direction are bound to it. */
function keepsBoundDirections(tx: Tx, channelId: number, supportsDeposit: boolean, supportsPayout: boolean): void {
  const dropped = [...(supportsDeposit ? [] : ['deposit' as const]), ...(supportsPayout ? [] : ['payout' as const])]
  if (!dropped.length) return
  const bound = tx
    .select({ direction: services.direction, n: sql<number>`count(*)` })
    .from(channelServiceBindings)
    .innerJoin(services, eq(services.id, channelServiceBindings.serviceId))
    // A disabled binding sends nothing: it does not hold the direction (there is no deleting a binding, only disabling it).
    .where(and(eq(channelServiceBindings.channelId, channelId), eq(channelServiceBindings.status, 'active'), inArray(services.direction, dropped)))
    .groupBy(services.direction)
    .all()
  if (!bound.length) return
  const field = bound[0].direction === 'deposit' ? 'supportsDeposit' : 'supportsPayout'
  throw conflict(say('error.channels.directionInUse', { n: bound[0].n, direction: term('directionWord', bound[0].direction) }), { field, code: 'channels.direction_in_use' })
}

function sealCredentials(ctx: Ctx, credentials: Record<string, string> | undefined) {
  if (credentials === undefined) return undefined
  const keys = Object.keys(credentials).sort()
  return { credentialsEnc: keys.length ? ctx.secrets.encrypt(JSON.stringify(credentials)) : null, credentialKeys: keys }
}

/** What the audit log keeps: never a credential value, nor the balance. */
const audited = ({ balance: _b, rehearsalOf: _r, createdAt: _c, updatedAt: _u, ...rest }: ChannelRow) => rest

export const channelProcedures = handlers({
  'channels.list': (ctx, input) => {
    const filters: SQL[] = [eq(channels.tenantId, ctx.tenantId)]
    const merchantId = merchantFilter(actorOf(ctx), input.merchantId)
    if (merchantId !== undefined) filters.push(boundToMerchant(merchantId))
    if (input.serviceId) {
      filters.push(sql`${channels.id} in (select ${channelServiceBindings.channelId} from ${channelServiceBindings} where ${channelServiceBindings.serviceId} = ${input.serviceId})`)
    }
    if (input.status) filters.push(eq(channels.status, input.status))
    if (input.currency) filters.push(eq(channels.currency, input.currency))
    if (input.provider) filters.push(eq(channels.provider, input.provider))
    if (input.rehearsalCopies !== undefined) {
      const copy = sql`${channels.id} in (select ${fieldtestRehearsalChannels.twinChannelId} from ${fieldtestRehearsalChannels})`
      filters.push(input.rehearsalCopies ? copy : sql`not ${copy}`)
    }
    if (input.direction) filters.push(eq(input.direction === 'deposit' ? channels.supportsDeposit : channels.supportsPayout, true))
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      filters.push(sql`(${channels.name} like ${pattern} escape '\\' or ${channels.provider} like ${pattern} escape '\\')`)
    }
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(channels).where(where).get()?.n ?? 0
    const items = ctx.db
      .select(columns)
      .from(channels)
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, channels.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map((r) => toRow(ctx, r))
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'channels.get': (ctx, input) => toRow(ctx, visibleChannel(ctx.db, ctx, input.id)),

  'channels.create': (ctx, input) => {
    const sealed = sealCredentials(ctx, input.credentials)!
    return transact(ctx.db, (tx) => {
      nameTaken(tx, ctx.tenantId, input.name)
      const [paymentLower, paymentUpper] = limitsOf(['paymentLower', 'paymentUpper'], [input.paymentLower, input.paymentUpper], input.currency)
      const [payoutLower, payoutUpper] = limitsOf(['payoutLower', 'payoutUpper'], [input.payoutLower, input.payoutUpper], input.currency)
      const now = ctx.clock.now()
      const { id } = tx
        .insert(channels)
        .values({
          tenantId: ctx.tenantId,
          name: input.name,
          provider: input.provider,
          supportsDeposit: input.supportsDeposit,
          supportsPayout: input.supportsPayout,
          currency: input.currency,
          paymentLowerMinor: paymentLower,
          paymentUpperMinor: paymentUpper,
          payoutLowerMinor: payoutLower,
          payoutUpperMinor: payoutUpper,
          ...sealed,
          adapterConfig: checkedAdapterConfig(input.adapterConfig),
          depositExpiryMinutes: input.depositExpiryMinutes,
          status: input.status,
          createdAt: now,
          updatedAt: now
        })
        .returning({ id: channels.id })
        .get()
      const row = toRow(ctx, stored(tx, ctx.tenantId, id)!)
      ctx.audit(tx, { targetType: 'channel', targetId: id, summary: say('audit.channelCreated', { name: row.name }), after: audited(row) })
      return row
    })
  },

  'channels.update': (ctx, input) => {
    const sealed = sealCredentials(ctx, input.credentials)
    return transact(ctx.db, (tx) => {
      const current = stored(tx, ctx.tenantId, input.id)
      if (!current) throw notFound(say('thing.channel', { id: input.id }))
      refuseRehearsalCopy(tx, current.id)
      const before = toRow(ctx, current)
      nameTaken(tx, ctx.tenantId, input.name, input.id)
      const [paymentLower, paymentUpper] = limitsOf(['paymentLower', 'paymentUpper'], [input.paymentLower, input.paymentUpper], current.currency)
      const [payoutLower, payoutUpper] = limitsOf(['payoutLower', 'payoutUpper'], [input.payoutLower, input.payoutUpper], current.currency)
      keepsBoundDirections(tx, input.id, input.supportsDeposit, input.supportsPayout)
      tx.update(channels)
        .set({
          name: input.name,
          provider: input.provider,
          supportsDeposit: input.supportsDeposit,
          supportsPayout: input.supportsPayout,
          paymentLowerMinor: paymentLower,
          paymentUpperMinor: paymentUpper,
          payoutLowerMinor: payoutLower,
          payoutUpperMinor: payoutUpper,
          ...sealed,
          ...(input.adapterConfig !== undefined ? { adapterConfig: checkedAdapterConfig(input.adapterConfig) } : {}),
          ...(input.depositExpiryMinutes !== undefined ? { depositExpiryMinutes: input.depositExpiryMinutes } : {}),
          updatedAt: ctx.clock.now()
        })
        .where(eq(channels.id, input.id))
        .run()
      const after = toRow(ctx, stored(tx, ctx.tenantId, input.id)!)
      ctx.audit(tx, {
        targetType: 'channel',
        targetId: input.id,
        summary: say(sealed ? 'audit.channelUpdatedSealed' : 'audit.channelUpdated', { name: after.name }),
        before: audited(before),
        after: { ...audited(after), credentialsReplaced: sealed !== undefined }
      })
      return after
    })
  },

  'channels.setStatus': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = stored(tx, ctx.tenantId, input.id)
      if (!before) throw notFound(say('thing.channel', { id: input.id }))
      refuseRehearsalCopy(tx, before.id)
      tx.update(channels).set({ status: input.status, updatedAt: ctx.clock.now() }).where(eq(channels.id, input.id)).run()
      ctx.audit(tx, { targetType: 'channel', targetId: input.id, summary: say('audit.channelStatus', { name: before.name, status: term('status', input.status) }), before: { status: before.status }, after: { status: input.status } })
      return toRow(ctx, stored(tx, ctx.tenantId, input.id)!)
    })
})

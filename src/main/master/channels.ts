/**
 * Channels as the master-data procedures and their neighbours (limits, orders) read them: without
 * their sealed credentials, and for a merchant-bound user only those bound to its own merchant's
 * services.
 */
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm'
import { actorOf, type Ctx } from '../core/context'
import { say, type ServerTextCode, type TextParam } from '../../shared/server-text'
import { conflict, notFound } from '../core/errors'
import type { Db } from '../db/open'
import { channels, channelServiceBindings, fieldtestRehearsalChannels, services } from '../db/schema'
import type { Tx } from '../db/transaction'

/** A channel's columns but its sealed credentials: nothing here ever reads them back. */
export const { credentialsEnc: _secret, ...channelColumns } = getTableColumns(channels)
export type StoredChannel = Omit<typeof channels.$inferSelect, 'credentialsEnc'>

/** Channels bound to at least one service of the merchant. */
export const boundToMerchant = (merchantId: number) =>
  sql`${channels.id} in (select ${channelServiceBindings.channelId} from ${channelServiceBindings} join ${services} on ${services.id} = ${channelServiceBindings.serviceId} where ${services.merchantId} = ${merchantId})`

export function storedChannel(db: Db | Tx, tenantId: number, id: number): StoredChannel | undefined {
  return db.select(channelColumns).from(channels).where(and(eq(channels.id, id), eq(channels.tenantId, tenantId))).get()
}

/** An existing channel the actor may see: for a merchant-bound user, one bound to its merchant's services. */
export function visibleChannel(db: Db | Tx, ctx: Ctx, id: number): StoredChannel {
  const own = actorOf(ctx).merchantId
  const row = own === null ? storedChannel(db, ctx.tenantId, id) : db.select(channelColumns).from(channels).where(and(eq(channels.id, id), eq(channels.tenantId, ctx.tenantId), boundToMerchant(own))).get()
  if (!row) throw notFound(say('thing.channel', { id }))
  return row
}

/** The live channel a channel is the field test's rehearsal copy of (its twin: fieldtest/runs/rehearsal.ts), or null. */
export function rehearsalOf(db: Db | Tx, channelId: number): { id: number; name: string } | null {
  return (
    db
      .select({ id: channels.id, name: channels.name })
      .from(fieldtestRehearsalChannels)
      .innerJoin(channels, eq(channels.id, fieldtestRehearsalChannels.channelId))
      .where(eq(fieldtestRehearsalChannels.twinChannelId, channelId))
      .get() ?? null
  )
}

/**
 * The live channel's name of each rehearsal copy among `channelIds`, for the rows a screen lists
 * (`rehearsalOf`, shown as ChannelName shows it: the live name and a translated label, for a copy's
 * stored name is in one language). Channels that are no copy are not in the map.
 */
export function rehearsalNames(db: Db | Tx, channelIds: Iterable<number>): Map<number, string> {
  const ids = [...new Set(channelIds)]
  if (ids.length === 0) return new Map()
  const rows = db
    .select({ twinId: fieldtestRehearsalChannels.twinChannelId, name: channels.name })
    .from(fieldtestRehearsalChannels)
    .innerJoin(channels, eq(channels.id, fieldtestRehearsalChannels.channelId))
    .where(inArray(fieldtestRehearsalChannels.twinChannelId, ids))
    .all()
  return new Map(rows.map((r) => [r.twinId, r.name]))
}

/** A channel as a server text names it: a rehearsal copy by its live channel and a translated label (its stored name is in one language). */
export function channelText(db: Db | Tx, channel: { id: number; name: string }): TextParam {
  const live = rehearsalOf(db, channel.id)
  return live ? say('channel.rehearsalCopy', { name: live.name }) : channel.name
}

/**
 * Refuses a write on a rehearsal copy: every rehearsal brings it in step with its live channel
 * again (settings, limits, status, bindings and their bounds), so an edit there would be undone
 * unseen, and disabling it would stop the rehearsals. `code` says what to do instead.
 */
export function refuseRehearsalCopy(db: Db | Tx, channelId: number, field?: string, code: ServerTextCode = 'error.channels.rehearsalCopy'): void {
  const live = rehearsalOf(db, channelId)
  if (live) throw conflict(say(code, { id: channelId, channel: live.name }), { code: 'channels.rehearsal_copy', field })
}

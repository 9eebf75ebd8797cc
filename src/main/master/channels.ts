/**
 * Channels as the master-data procedures and their neighbours (limits, orders) read them: without
 * their sealed credentials, and for a merchant-bound user only those bound to its own merchant's
 * services.
 */
import { and, eq, getTableColumns, sql } from 'drizzle-orm'
import { actorOf, type Ctx } from '../core/context'
import { say } from '../../shared/server-text'
import { notFound } from '../core/errors'
import type { Db } from '../db/open'
import { channels, channelServiceBindings, services } from '../db/schema'
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

/** Look-ups by natural key, so each demo step can find what an earlier (perhaps interrupted) run made. */
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/open'
import { channels, channelServiceBindings, contracts, merchants, services, terminals } from '../db/schema'

export const findMerchant = (db: Db, name: string) => db.select({ id: merchants.id }).from(merchants).where(eq(merchants.name, name)).get()?.id

export const findContract = (db: Db, merchantId: number, name: string) =>
  db.select({ id: contracts.id }).from(contracts).where(and(eq(contracts.merchantId, merchantId), eq(contracts.name, name))).get()?.id

/** Whatever the case, as terminals.create compares: an operator's "mk-pos-01" is the demo's MK-POS-01. */
export const findTerminal = (db: Db, merchantId: number, identifier: string) =>
  db.select({ id: terminals.id }).from(terminals).where(and(eq(terminals.merchantId, merchantId), sql`lower(${terminals.identifier}) = lower(${identifier})`)).get()?.id

export const findService = (db: Db, merchantId: number, serviceType: string, direction: 'deposit' | 'payout', currency: string) =>
  db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.merchantId, merchantId), eq(services.serviceType, serviceType), eq(services.direction, direction), eq(services.currency, currency)))
    .get()?.id

export const findChannel = (db: Db, name: string) => db.select({ id: channels.id }).from(channels).where(eq(channels.name, name)).get()?.id

export const bindingExists = (db: Db, channelId: number, serviceId: number) =>
  !!db
    .select({ c: channelServiceBindings.channelId })
    .from(channelServiceBindings)
    .where(and(eq(channelServiceBindings.channelId, channelId), eq(channelServiceBindings.serviceId, serviceId)))
    .get()

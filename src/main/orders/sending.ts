/**
 * What it takes to talk to a channel's provider: its adapter (from the channel's protocol
 * settings) and its decrypted credentials. Credentials are decrypted only here, only when sending.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../db/open'
import { channels } from '../db/schema'
import type { Tx } from '../db/transaction'
import type { SecretBox } from '../core/secrets'
import { createGenericAdapter, genericAdapterConfigSchema } from '../upstream/generic'
import type { ProviderAdapter, UpstreamCredentials } from '../upstream/types'

export interface ChannelLink {
  adapter: ProviderAdapter
  credentials: UpstreamCredentials
}

export class ChannelNotConfigured extends Error {}

export type AdapterFactory = (config: unknown) => ProviderAdapter

export const genericAdapterFactory: AdapterFactory = (config) => createGenericAdapter(genericAdapterConfigSchema.parse(config))

export function channelLink(db: Db | Tx, secrets: SecretBox, channelId: number, factory: AdapterFactory = genericAdapterFactory): ChannelLink {
  const channel = db.select({ adapterConfig: channels.adapterConfig, credentialsEnc: channels.credentialsEnc, name: channels.name }).from(channels).where(eq(channels.id, channelId)).get()
  if (!channel) throw new ChannelNotConfigured(`channel ${channelId} does not exist`)
  if (!channel.adapterConfig) throw new ChannelNotConfigured(`channel "${channel.name}" has no provider endpoint configured`)
  const credentials = channel.credentialsEnc ? (JSON.parse(secrets.decrypt(channel.credentialsEnc)) as UpstreamCredentials) : {}
  return { adapter: factory(channel.adapterConfig), credentials }
}

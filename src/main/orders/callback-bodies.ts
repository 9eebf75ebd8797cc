/**
 * Provider callbacks are stored masked by the rules of their channel's upstream log (one rule for
 * every stored exchange, upstream/mask.ts): credential values and the signature become `***`, card
 * and account numbers keep their first 6 and last 4. The listener masks each body after verifying
 * it (orders/callbacks.ts); bodies stored in clear before migration 0017 are masked at start-up.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm'
import { SEALED_ORDER_FIELDS } from '../../shared/contract/orders'
import type { SecretBox } from '../core/secrets'
import type { Db } from '../db/open'
import { channels, providerCallbacks } from '../db/schema'
import { transact } from '../db/transaction'
import { maskText, type MaskRules } from '../upstream/mask'
import type { UpstreamCredentials } from '../upstream/types'
import { channelLink, type AdapterFactory, type ChannelLink } from './sending'

/** A callback body as it is stored and shown. */
export function maskCallbackBody(link: ChannelLink, body: string): string {
  return maskText(body, link.adapter.maskRules(link.credentials))
}

/**
 * The channel's rules; for a channel whose adapter can no longer be built (its provider settings
 * removed or invalid, its credentials sealed under another key), the generic protocol's names, the
 * credentials' values where they open and their names (kept in clear on the channel) where they do
 * not, so a start-up never stops on an old channel and never leaves a credential in clear.
 */
function channelRules(db: Db, secrets: SecretBox, channelId: number, factory: AdapterFactory): MaskRules {
  try {
    const link = channelLink(db, secrets, channelId, factory)
    return link.adapter.maskRules(link.credentials)
  } catch {
    const channel = db.select({ credentialsEnc: channels.credentialsEnc, credentialKeys: channels.credentialKeys }).from(channels).where(eq(channels.id, channelId)).get()
    let credentials: UpstreamCredentials = {}
    try {
      if (channel?.credentialsEnc) credentials = JSON.parse(secrets.decrypt(channel.credentialsEnc)) as UpstreamCredentials
    } catch {
      // Masked by name below.
    }
    return { secrets: Object.values(credentials).filter((v) => v !== ''), signatureFields: ['sign', ...(channel?.credentialKeys ?? [])], accountFields: [...SEALED_ORDER_FIELDS] }
  }
}

/**
 * Masks the callback bodies stored in clear (before 0017), in batches of one transaction each,
 * read through `provider_callbacks_to_mask` (only those rows: once done, a start-up reads nothing).
 * Masking a masked body changes nothing, so a stop half-way is safe. Returns how many it masked.
 */
export function maskClearCallbackBodies(db: Db, secrets: SecretBox, factory: AdapterFactory, batchSize = 500): number {
  const rules = new Map<number, MaskRules>()
  const rulesOf = (channelId: number) => rules.get(channelId) ?? rules.set(channelId, channelRules(db, secrets, channelId, factory)).get(channelId)!
  let masked = 0
  let after = 0
  for (;;) {
    const batch = db
      .select({ id: providerCallbacks.id, channelId: providerCallbacks.channelId, body: providerCallbacks.body })
      .from(providerCallbacks)
      // Written as the partial index's condition, so the plan reads that index.
      .where(and(sql`${providerCallbacks.bodyMasked} = 0`, gt(providerCallbacks.id, after)))
      .orderBy(asc(providerCallbacks.id))
      .limit(batchSize)
      .all()
    if (batch.length === 0) return masked
    transact(db, (tx) => {
      for (const cb of batch) tx.update(providerCallbacks).set({ body: maskText(cb.body, rulesOf(cb.channelId)), bodyMasked: true }).where(eq(providerCallbacks.id, cb.id)).run()
    })
    masked += batch.length
    after = batch[batch.length - 1].id
  }
}

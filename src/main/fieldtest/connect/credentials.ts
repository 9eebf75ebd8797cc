/**
 * Channels' credentials as connecting and the simulator panel need them, decrypted here and only
 * in the main process: never answered, never audited. The panel names a simulator merchant by the
 * channel that holds its merchant number, so a channel's merchant number never reaches a screen.
 */
import { and, eq, isNotNull } from 'drizzle-orm'
import type { SecretBox } from '../../core/secrets'
import type { Db } from '../../db/open'
import { channels } from '../../db/schema'
import type { Tx } from '../../db/transaction'
import { rehearsalNames } from '../../master/channels'
import type { UpstreamCredentials } from '../../upstream/types'

function open(secrets: SecretBox, sealed: string | null): UpstreamCredentials {
  if (!sealed) return {}
  try {
    const parsed: unknown = JSON.parse(secrets.decrypt(sealed))
    return typeof parsed === 'object' && parsed !== null ? (parsed as UpstreamCredentials) : {}
  } catch {
    // Sealed under another key (a backup restored without it): as good as none; saving new ones replaces them.
    return {}
  }
}

export function channelCredentials(db: Db | Tx, secrets: SecretBox, channelId: number): UpstreamCredentials {
  const row = db.select({ sealed: channels.credentialsEnc }).from(channels).where(eq(channels.id, channelId)).get()
  return open(secrets, row?.sealed ?? null)
}

/** Replaces a channel's credentials (sealed as channels.create/update seal them). */
export function storeCredentials(tx: Tx, secrets: SecretBox, channelId: number, credentials: UpstreamCredentials, now: number): void {
  const keys = Object.keys(credentials).sort()
  tx.update(channels)
    .set({ credentialsEnc: keys.length ? secrets.encrypt(JSON.stringify(credentials)) : null, credentialKeys: keys, updatedAt: now })
    .where(eq(channels.id, channelId))
    .run()
}

export interface ChannelRef {
  id: number
  name: string
  /** A rehearsal copy's live channel, by name (master/channels.ts `rehearsalNames`). */
  rehearsalOf: string | null
}

/** Merchant number → the channels holding it, over every channel of the tenant with credentials. */
export function channelsByMerchantNo(db: Db, secrets: SecretBox, tenantId: number): Map<string, ChannelRef[]> {
  const rows = db
    .select({ id: channels.id, name: channels.name, sealed: channels.credentialsEnc })
    .from(channels)
    .where(and(eq(channels.tenantId, tenantId), isNotNull(channels.credentialsEnc)))
    .orderBy(channels.id)
    .all()
  const copies = rehearsalNames(db, rows.map((r) => r.id))
  const map = new Map<string, ChannelRef[]>()
  for (const row of rows) {
    const merchantNo = open(secrets, row.sealed).merchantNo
    if (merchantNo) map.set(merchantNo, [...(map.get(merchantNo) ?? []), { id: row.id, name: row.name, rehearsalOf: copies.get(row.id) ?? null }])
  }
  return map
}

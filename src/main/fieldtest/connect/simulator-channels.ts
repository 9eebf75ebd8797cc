/**
 * Channels and the app's simulator: pointing a channel at it (its preset at the simulator's
 * address, the channel's merchant number and key registered with it, test ones generated when the
 * channel has none), and registering the channels already pointed at a simulator just started.
 */
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { RunningSimulatorHandle } from '../../core/ports'
import type { SecretBox } from '../../core/secrets'
import type { Db } from '../../db/open'
import { channels } from '../../db/schema'
import type { Tx } from '../../db/transaction'
import { channelCredentials, storeCredentials } from './credentials'
import { simulatorPreset } from './presets'
import { channelsPointedAt } from './simulator-panel'

/** The simulator preset signs with these two; it knows one algorithm (MD5) for every merchant. */
export const SIMULATOR_CREDENTIALS = ['merchantNo', 'signKey'] as const

export interface PointedChannel {
  before: Record<string, unknown> | null
  after: Record<string, unknown>
  /** The names of the credentials made up for the simulator (their values are never shown). */
  generated: string[]
  merchant: { merchantNo: string; signKey: string }
}

/**
 * In the caller's transaction: the channel's settings become the simulator preset at `url`, and
 * its merchant number and signing key are made up where missing (stored with its other
 * credentials). Registering with the simulator is the caller's, once this has committed.
 */
export function pointChannelAtSimulator(tx: Tx, secrets: SecretBox, channelId: number, url: string, now: number): PointedChannel {
  const current = tx.select({ adapterConfig: channels.adapterConfig }).from(channels).where(eq(channels.id, channelId)).get()
  const credentials = channelCredentials(tx, secrets, channelId)
  const generated: string[] = []
  if (!credentials.merchantNo) {
    credentials.merchantNo = `PDSIM${channelId}${randomBytes(3).toString('hex').toUpperCase()}`
    generated.push('merchantNo')
  }
  if (!credentials.signKey) {
    credentials.signKey = randomBytes(24).toString('hex')
    generated.push('signKey')
  }
  if (generated.length) storeCredentials(tx, secrets, channelId, credentials, now)
  const after = simulatorPreset(url) as unknown as Record<string, unknown>
  tx.update(channels).set({ adapterConfig: after, updatedAt: now }).where(eq(channels.id, channelId)).run()
  return { before: current?.adapterConfig ?? null, after, generated, merchant: { merchantNo: credentials.merchantNo, signKey: credentials.signKey } }
}

/**
 * Tells a simulator just started the merchants of the channels already pointed at its address
 * (a chosen port again after a restart): their merchant number and the key their settings sign
 * with. Returns how many it registered.
 */
export function registerPointedChannels(db: Db, secrets: SecretBox, tenantId: number, sim: RunningSimulatorHandle): number {
  let registered = 0
  for (const channel of channelsPointedAt(db, tenantId, sim.url)) {
    const config = db.select({ adapterConfig: channels.adapterConfig }).from(channels).where(eq(channels.id, channel.id)).get()?.adapterConfig
    const keyName = (config?.signature as { keyCredential?: unknown } | undefined)?.keyCredential
    const credentials = channelCredentials(db, secrets, channel.id)
    const signKey = typeof keyName === 'string' ? credentials[keyName] : undefined
    if (!credentials.merchantNo || !signKey) continue
    sim.addMerchant({ merchantNo: credentials.merchantNo, signKey })
    registered++
  }
  return registered
}

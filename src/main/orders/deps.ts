/**
 * What the order engine's parts share (the inbox, the outbox operations, notifications, expiry,
 * the procedures that finish an order): where things are, what time it is, how to reach a
 * provider and a merchant.
 */
import type { Db } from '../db/open'
import type { Clock } from '../core/context'
import type { Ledger } from '../core/ledger-port'
import type { SecretBox } from '../core/secrets'
import type { AdapterFactory } from './sending'

export interface HttpPoster {
  (url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: string }>
}

export interface OrderEngineDeps {
  db: Db
  clock: Clock
  ledger: Ledger
  secrets: SecretBox
  tenantId: number
  adapterFactory: AdapterFactory
  /** The base URL providers call back (`…/callbacks/<channelId>` is appended), or null while no listener runs. */
  callbackBaseUrl(): string | null
  /** Posts merchant notifications. */
  post: HttpPoster
  log(error: unknown): void
}

/** Plain fetch with a timeout, for merchant notifications. */
export const fetchPoster: HttpPoster = async (url, body, headers, timeoutMs) => {
  const response = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(timeoutMs) })
  return { status: response.status, body: await response.text() }
}

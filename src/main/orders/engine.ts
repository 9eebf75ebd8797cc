/**
 * The order engine's moving parts, shared by the procedures, the outbox worker and the callback
 * listener: where things are, what time it is, how to reach a provider and a merchant.
 */
import type { Db } from '../db/open'
import type { Clock } from '../core/context'
import type { SecretBox } from '../core/secrets'
import type { Ledger } from '../ledger/ledger'
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
  /**
   * A WAL checkpoint, as the loop runs one every few seconds: the core runs it in a report worker
   * thread (reports/reader.ts), off the main thread; by default on this connection.
   */
  checkpoint?(): Promise<void>
}

/** Plain fetch with a timeout, for merchant notifications. */
export const fetchPoster: HttpPoster = async (url, body, headers, timeoutMs) => {
  const response = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(timeoutMs) })
  return { status: response.status, body: await response.text() }
}

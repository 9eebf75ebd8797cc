/** The bridge the preload exposes as `window.paydesk` (desktop only; absent in browser mode). */
import type { Envelope } from '../shared/envelope'

export interface PayDeskBridge {
  /** Calls a contract procedure in the main process; resolves with its envelope (never rejects for app errors). */
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>
  /** Subscribes to an allow-listed main-process event; returns the unsubscribe function. */
  on(event: string, callback: (payload: unknown) => void): () => void
}

declare global {
  interface Window {
    paydesk?: PayDeskBridge
  }
}

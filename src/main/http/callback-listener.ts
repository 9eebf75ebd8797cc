/**
 * The provider callback listener: its own HTTP server (loopback by default; address, port and the
 * public URL given to providers are the tenant's settings), answering `POST /callbacks/<channelId>`
 * with what the orders domain's inbox says (orders/callbacks.ts verifies and persists).
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { CallbackListener } from '../core/ports'
import { listen, type Listening } from './listen'

/** A callback is a few hundred bytes: anything past this is refused (413) before it is read whole. */
export const CALLBACK_MAX_BODY_BYTES = 64 * 1024

export interface CallbackReceiver {
  receive(channelId: number, body: string, contentType: string | null): Promise<{ status: number; body: string }>
}

export interface ListenerSettings {
  host: string
  port: number
  /** The address providers are given, when it is not the one we listen at (a proxy, a tunnel). */
  publicUrl: string | null
}

export interface RunningListener extends CallbackListener {
  start(): Promise<void>
  close(): Promise<void>
  /** The base URL providers call back (`…/callbacks/<channelId>` is appended), or null while not listening. */
  baseUrl(): string | null
}

export function createCallbackListener(settings: () => ListenerSettings, inbox: CallbackReceiver): RunningListener {
  let server: Listening | null = null
  let listenUrl: string | null = null

  const app = new Hono()
  // The same short plain-text FAIL as every other refusal; the provider retries a real callback.
  const limit = bodyLimit({ maxSize: CALLBACK_MAX_BODY_BYTES, onError: (c) => c.text('FAIL', 413) })
  app.post('/callbacks/:channelId', limit, async (c) => {
    const channelId = Number(c.req.param('channelId'))
    if (!Number.isSafeInteger(channelId) || channelId <= 0) return c.text('FAIL', 404)
    const receipt = await inbox.receive(channelId, await c.req.text(), c.req.header('content-type') ?? null)
    return c.text(receipt.body, receipt.status as 200)
  })
  app.notFound((c) => c.text('FAIL', 404))

  async function start(): Promise<void> {
    const { host, port } = settings()
    // A deep accept queue: providers send callbacks in bursts (a settlement run, a retry storm).
    server = await listen(app.fetch, { host, port, backlog: 4096 })
    listenUrl = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`
  }

  async function close(): Promise<void> {
    const s = server
    server = null
    listenUrl = null
    await s?.close()
  }

  return {
    start,
    close,
    async restart() {
      await close()
      await start()
    },
    listeningAt: () => listenUrl,
    baseUrl() {
      if (!listenUrl) return null
      const publicUrl = settings().publicUrl
      return publicUrl ? publicUrl.replace(/\/+$/, '') : listenUrl
    }
  }
}

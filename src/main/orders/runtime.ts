/**
 * The order engine at run time: the provider callback listener (its own HTTP server, loopback by
 * default, address and port from settings) and the job loop (outbox, callbacks inbox, expiry).
 * Hosts start it after the core and stop it before closing the database.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { checkpoint } from '../db/open'
import { listen, type Listening } from '../http/listen'
import { outbox, tenants } from '../db/schema'
import { createCallbackInbox, type CallbackInbox } from './callbacks'
import type { OutcomeSource } from './outcome'
import type { OrderEngineDeps } from './engine'
import { closeExpired } from './expiry'
import { processDue, processItem, queryProvider, recoverInFlight } from './outbox'
import { createReserveReleaser } from '../finance/reserve'

export interface OrderEngine {
  deps: OrderEngineDeps
  inbox: CallbackInbox
  /** Sends a just-created order at once (it stays in the outbox when the provider is unreachable). */
  sendNow(orderId: number): Promise<void>
  queryNow(orderId: number, source: OutcomeSource): Promise<void>
  /** One pass of the job loop: expiry, reserve releases, callbacks, due outbox work. */
  tick(): Promise<void>
  /** Starts the callback listener and the job loop; resolves once the listener listens, not after the loop's first pass. */
  start(options?: { tickMs?: number }): Promise<void>
  /** Resolves when the first pass after start (the catch-up) has finished. */
  caughtUp(): Promise<void>
  stop(): Promise<void>
  listeningAt(): string | null
  restartListener(): Promise<void>
}

const APPLY_SLICE = 10
const CHECKPOINT_EVERY_MS = 5000
const BURST_QUIET_MS = 20
const APPLY_MAX_WAIT_MS = 2000
/** Reserve releases fall due by the day: looking once a minute (and at start) is plenty. */
const RESERVE_EVERY_MS = 60_000
/**
 * The largest callback body the listener reads. A provider's callback is a few hundred bytes of
 * form or JSON; the listener faces the internet, and a larger body is refused (413) before it is
 * read whole, checked or stored.
 */
export const CALLBACK_MAX_BODY_BYTES = 64 * 1024

export function createOrderEngine(base: Omit<OrderEngineDeps, 'callbackBaseUrl'>): OrderEngine {
  let server: Listening | null = null
  let listenUrl: string | null = null
  let timer: NodeJS.Timeout | null = null
  let ticking: Promise<void> | null = null
  let firstPass: Promise<void> = Promise.resolve()
  let stopped = false

  const settings = () => base.db.select({ host: tenants.callbackHost, port: tenants.callbackPort, publicUrl: tenants.callbackPublicUrl }).from(tenants).where(eq(tenants.id, base.tenantId)).get()!
  const deps: OrderEngineDeps = {
    ...base,
    callbackBaseUrl: () => {
      if (!listenUrl) return null
      const publicUrl = settings().publicUrl
      return publicUrl ? publicUrl.replace(/\/+$/, '') : listenUrl
    }
  }
  // Persisted callbacks are applied in small slices, yielding between them, and while a burst is
  // still arriving acknowledging comes first (up to APPLY_MAX_WAIT_MS): a burst is acknowledged
  // quickly and applied right after, without starving the listener.
  let applying = false
  let lastReceivedAt = 0
  const applySlices = () => {
    if (applying || stopped) return
    applying = true
    const since = performance.now()
    const slice = () => {
      const quiet = performance.now() - lastReceivedAt >= BURST_QUIET_MS
      if (!quiet && performance.now() - since < APPLY_MAX_WAIT_MS && !stopped) return void setTimeout(slice, BURST_QUIET_MS)
      let more = false
      try {
        more = inbox.applyReceived(APPLY_SLICE) === APPLY_SLICE
      } catch (error) {
        deps.log(error)
      }
      if (more && !stopped) setImmediate(slice)
      else applying = false
    }
    setImmediate(slice)
  }
  const inbox = createCallbackInbox(deps, () => {
    lastReceivedAt = performance.now()
    applySlices()
  })

  const app = new Hono()
  // The same short plain-text FAIL as every other refusal; the provider retries a real callback.
  const callbackLimit = bodyLimit({ maxSize: CALLBACK_MAX_BODY_BYTES, onError: (c) => c.text('FAIL', 413) })
  app.post('/callbacks/:channelId', callbackLimit, async (c) => {
    const channelId = Number(c.req.param('channelId'))
    if (!Number.isSafeInteger(channelId) || channelId <= 0) return c.text('FAIL', 404)
    const receipt = await inbox.receive(channelId, await c.req.text(), c.req.header('content-type') ?? null)
    return c.text(receipt.body, receipt.status as 200)
  })
  app.notFound((c) => c.text('FAIL', 404))

  async function startListener(): Promise<void> {
    const { host, port } = settings()
    // A deep accept queue: providers send callbacks in bursts (a settlement run, a retry storm).
    server = await listen(app.fetch, { host, port, backlog: 4096 })
    listenUrl = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`
  }

  async function closeListener(): Promise<void> {
    const s = server
    server = null
    listenUrl = null
    await s?.close()
  }

  let lastCheckpoint = Number.NEGATIVE_INFINITY
  let lastReserveRun = Number.NEGATIVE_INFINITY
  const reserves = createReserveReleaser(deps)
  async function tick(): Promise<void> {
    closeExpired(deps)
    if (deps.clock.now() - lastReserveRun >= RESERVE_EVERY_MS) {
      lastReserveRun = deps.clock.now()
      // In slices with a turn of the event loop between them (see finance/reserve.ts).
      await reserves.run()
    }
    // In slices that yield between them, like a burst's: never hundreds of callbacks in one turn of the loop.
    applySlices()
    await processDue(deps)
    // Checkpoints happen here, between requests, never inside a commit (see openDatabase); in a
    // worker thread when the core gives one (the copy and its fsync are no work for the main thread).
    if (performance.now() - lastCheckpoint >= CHECKPOINT_EVERY_MS) {
      lastCheckpoint = performance.now()
      if (base.checkpoint) await base.checkpoint().catch((error: unknown) => deps.log(error))
      else checkpoint(base.db)
    }
  }

  function runTick(tickMs: number): void {
    ticking = tick()
      .catch((error) => deps.log(error))
      .finally(() => {
        ticking = null
        schedule(tickMs)
      })
  }

  function schedule(tickMs: number): void {
    if (stopped) return
    timer = setTimeout(() => runTick(tickMs), tickMs)
  }

  return {
    deps,
    inbox,
    async sendNow(orderId) {
      const item = base.db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.orderId, orderId), inArray(outbox.operation, ['send_deposit', 'send_payout']), eq(outbox.status, 'pending'))).get()
      if (item) await processItem(deps, item.id)
    },
    async queryNow(orderId, source) {
      await queryProvider(deps, orderId, source)
    },
    tick,
    caughtUp: () => firstPass,
    async start(options = {}) {
      stopped = false
      await startListener()
      recoverInFlight(deps)
      // The first pass (after a crash: hundreds of due outbox items, each a provider round trip)
      // runs in the background: the host says it is running and the window is usable at once.
      runTick(options.tickMs ?? 1000)
      firstPass = ticking ?? Promise.resolve()
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
      if (ticking) await ticking.catch(() => {})
      await closeListener()
    },
    listeningAt: () => listenUrl,
    async restartListener() {
      await closeListener()
      await startListener()
    }
  }
}

/**
 * The order engine: what the orders domain runs besides its procedures, for the composition root
 * to wire (app/core.ts): the callbacks inbox and its applier, the outbox operations it handles,
 * its periodic jobs (expiry, callbacks to apply), and sending now (Ctx's `sending` port).
 */
import { and, eq, inArray } from 'drizzle-orm'
import { outbox } from '../db/schema'
import type { Sending } from '../core/ports'
import type { PeriodicJob } from '../jobs/loop'
import { createCallbackInbox, type CallbackInbox } from './callbacks'
import type { OrderEngineDeps } from './deps'
import { closeExpired } from './expiry'
import { orderOutboxHandlers, queryProvider } from './outbox'

export { fetchPoster, type HttpPoster, type OrderEngineDeps } from './deps'

const APPLY_SLICE = 10
const BURST_QUIET_MS = 20
const APPLY_MAX_WAIT_MS = 2000

export interface OrderEngine {
  deps: OrderEngineDeps
  inbox: CallbackInbox
  outboxHandlers: ReturnType<typeof orderOutboxHandlers>
  /** Its periodic work, for the job loop (app/core.ts orders the loop's jobs). */
  jobs: { expiry: PeriodicJob; callbacks: PeriodicJob }
  /** Ctx's `sending` port, given the outbox runner's `run`. */
  sending(runOutboxItem: (id: number) => Promise<boolean>): Sending
  /** Applies callbacks again after `stop` (the host starts its background work). */
  start(): void
  /** Stops applying callbacks (the host is stopping). */
  stop(): void
}

export function createOrderEngine(deps: OrderEngineDeps): OrderEngine {
  let stopped = false
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

  return {
    deps,
    inbox,
    outboxHandlers: orderOutboxHandlers(deps),
    jobs: {
      expiry: { name: 'deposit expiry', run: () => void closeExpired(deps) },
      // In slices that yield between them, like a burst's: never hundreds of callbacks in one turn of the loop.
      callbacks: { name: 'callbacks to apply', run: applySlices }
    },
    sending: (runOutboxItem) => ({
      async sendNow(orderId) {
        const item = deps.db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.orderId, orderId), inArray(outbox.operation, ['send_deposit', 'send_payout']), eq(outbox.status, 'pending'))).get()
        if (item) await runOutboxItem(item.id)
      },
      async queryNow(orderId) {
        await queryProvider(deps, orderId, 'manual_requery')
      },
      runOutboxItem
    }),
    start() {
      stopped = false
    },
    stop() {
      stopped = true
    }
  }
}

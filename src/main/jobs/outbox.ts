/**
 * The outbox: everything that must reach a provider or a merchant is a row here, written in the
 * transaction that decided it. A runner claims a due row, hands it to the handler its operation
 * names (domains register them: the orders domain its sends, queries and notifications,
 * after-sales its refunds; app/core.ts assembles the map), and a handler that throws has its row
 * rescheduled with the error. Handlers do the network call outside any transaction and record the
 * result and its effects in one. Providers deduplicate on the order (or refund) number, merchants
 * on the order: sending twice is once in effect.
 */
import { and, asc, eq, lte, sql } from 'drizzle-orm'
import { verbatim, type ServerText } from '../../shared/server-text'
import type { Clock } from '../core/context'
import type { Db } from '../db/open'
import { outbox, upstreamExchanges, type OUTBOX_OPERATIONS } from '../db/schema'
import { transact, type Tx } from '../db/transaction'
import type { ExchangeLog } from '../upstream/types'
import { lastErrorOf } from './last-error'

export type OutboxItem = typeof outbox.$inferSelect
export type OutboxOperation = (typeof OUTBOX_OPERATIONS)[number]
export type OutboxHandler = (item: OutboxItem) => Promise<void>
export type OutboxHandlers = Record<OutboxOperation, OutboxHandler>

export const backoff = (table: number[], attempt: number) => table[Math.min(attempt - 1, table.length - 1)] * 1000

/** The request/response log of a provider call, on the order it was about (secrets already masked). */
export function logExchanges(tx: Tx, orderId: number, logs: ExchangeLog[], now: number): void {
  for (const l of logs) {
    tx.insert(upstreamExchanges)
      .values({ orderId, at: now, operation: l.operation, url: l.url, requestBody: l.requestBody, responseStatus: l.responseStatus, responseBody: l.responseBody, durationMs: Math.round(l.durationMs), error: l.error, attempt: l.attempt })
      .run()
  }
}

export function reschedule(tx: Tx, item: OutboxItem, delayMs: number, error: ServerText, now: number): void {
  tx.update(outbox).set({ status: 'pending', nextAttemptAt: now + delayMs, ...lastErrorOf(error), updatedAt: now }).where(eq(outbox.id, item.id)).run()
}

export function done(tx: Tx, item: OutboxItem, now: number, note: ServerText | null = null): void {
  tx.update(outbox).set({ status: 'done', ...lastErrorOf(note), updatedAt: now }).where(eq(outbox.id, item.id)).run()
}

export interface OutboxRunner {
  /** Claims one row (another runner may have it) and runs it; false when it was not pending. */
  run(id: number): Promise<boolean>
  /** Runs what is due now, oldest first; how many it ran. */
  runDue(limit?: number): Promise<number>
  /** After a restart: work that was in flight when the app stopped is due again (same keys). */
  recoverInFlight(): number
}

export function createOutboxRunner(deps: { db: Db; clock: Clock; log(error: unknown): void }, handlers: OutboxHandlers): OutboxRunner {
  const increment = sql`${outbox.attempts} + 1`

  async function run(id: number): Promise<boolean> {
    const now = deps.clock.now()
    const claimed = transact(deps.db, (tx) =>
      tx.update(outbox).set({ status: 'in_flight', attempts: increment, updatedAt: now }).where(and(eq(outbox.id, id), eq(outbox.status, 'pending'))).returning().get()
    )
    if (!claimed) return false
    try {
      await handlers[claimed.operation](claimed)
    } catch (error) {
      deps.log(error)
      transact(deps.db, (tx) => reschedule(tx, claimed, 30_000, verbatim(error instanceof Error ? error.message : String(error)), deps.clock.now()))
    }
    return true
  }

  async function runDue(limit = 50): Promise<number> {
    const due = deps.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, deps.clock.now())))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(limit)
      .all()
    let ran = 0
    for (const { id } of due) {
      if (await run(id)) ran++
      // A turn of the event loop between items: one that needs no network (a notification with no
      // URL, an order already closed) finishes in microtasks alone, and fifty of them in a row would
      // keep requests (provider callbacks) waiting behind their commits.
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    return ran
  }

  function recoverInFlight(): number {
    const now = deps.clock.now()
    return deps.db.update(outbox).set({ status: 'pending', nextAttemptAt: now, updatedAt: now }).where(eq(outbox.status, 'in_flight')).run().changes
  }

  return { run, runDue, recoverInFlight }
}

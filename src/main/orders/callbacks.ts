/**
 * Provider callbacks, as an inbox: the listener verifies the signature before anything else,
 * persists the callback (a unique key per provider event) and acknowledges; the inbox then applies
 * each persisted callback once, in its own transaction with the order change and the ledger.
 * Persisting is grouped: callbacks arriving together share one commit (one fsync).
 */
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm'
import { say, term, verbatim } from '../../shared/server-text'
import { AppError } from '../core/errors'
import { channels, orders, providerCallbacks } from '../db/schema'
import { transact, type Tx } from '../db/transaction'
import type { UpstreamStatus, VerifiedCallback } from '../upstream/types'
import { maskCallbackBody } from './callback-bodies'
import type { OrderEngineDeps } from './deps'
import { contradictionKey, park } from './parked'
import { applyProviderReport } from './provider-report'
import { channelLink, ChannelNotConfigured, type ChannelLink } from './sending'
import { addEvent } from './timeline'

const GROUP_COMMIT_MS = 2
/** Pauses before the 2nd, 3rd, … attempt to apply a callback that failed for a passing cause; then it is parked. */
const APPLY_RETRY_MS = [1_000, 5_000, 30_000, 120_000]

export interface CallbackReceipt {
  status: number
  body: string
}

interface Pending {
  channelId: number
  verified: VerifiedCallback
  body: string
  resolve: (receipt: CallbackReceipt) => void
  ack: string
}

export interface CallbackInbox {
  receive(channelId: number, body: string, contentType: string | null): Promise<CallbackReceipt>
  /** Applies persisted callbacks; returns how many. */
  applyReceived(limit?: number): number
}

export function createCallbackInbox(deps: OrderEngineDeps, onPersisted: () => void = () => {}): CallbackInbox {
  const links = new Map<number, { updatedAt: number; link: ChannelLink }>()
  let queue: Pending[] = []
  let flushScheduled = false
  // The listener's hot path, prepared once: building and preparing a query per callback cost more
  // than the rest of the work (profiled under 1,000 callbacks/s). They run on the same connection,
  // inside whichever transaction is open.
  const placeholder = sql.placeholder
  const statements = {
    channelStamp: deps.db.select({ updatedAt: channels.updatedAt }).from(channels).where(eq(channels.id, placeholder('id'))).prepare(),
    orderByNo: deps.db.select({ id: orders.id, channelId: orders.channelId }).from(orders).where(eq(orders.orderNo, placeholder('orderNo'))).prepare(),
    record: deps.db
      .insert(providerCallbacks)
      .values({
        channelId: placeholder('channelId'),
        orderId: placeholder('orderId'),
        eventKey: placeholder('eventKey'),
        receivedAt: placeholder('receivedAt'),
        signatureValid: placeholder('signatureValid'),
        outcome: placeholder('outcome'),
        reportedStatus: placeholder('reportedStatus'),
        paidAmount: placeholder('paidAmount'),
        reportedAmount: placeholder('reportedAmount'),
        reportedCurrency: placeholder('reportedCurrency'),
        upstreamNo: placeholder('upstreamNo'),
        body: placeholder('body'),
        bodyMasked: true
      })
      .onConflictDoNothing()
      .returning({ id: providerCallbacks.id })
      .prepare(),
    received: deps.db.select().from(providerCallbacks).where(and(eq(providerCallbacks.id, placeholder('id')), eq(providerCallbacks.outcome, 'received'))).prepare(),
    due: deps.db
      .select({ id: providerCallbacks.id })
      .from(providerCallbacks)
      .where(and(eq(providerCallbacks.outcome, 'received'), or(isNull(providerCallbacks.nextApplyAt), lte(providerCallbacks.nextApplyAt, placeholder('now')))))
      .orderBy(asc(providerCallbacks.id))
      .limit(placeholder('limit'))
      .prepare(),
    order: deps.db.select().from(orders).where(eq(orders.id, placeholder('id'))).prepare(),
    setOutcome: deps.db.update(providerCallbacks).set({ outcome: sql`${placeholder('outcome')}` }).where(eq(providerCallbacks.id, placeholder('id'))).prepare(),
    retryLater: deps.db
      .update(providerCallbacks)
      .set({ applyAttempts: sql`${providerCallbacks.applyAttempts} + 1`, nextApplyAt: sql`${placeholder('at')}` })
      .where(eq(providerCallbacks.id, placeholder('id')))
      .returning({ attempts: providerCallbacks.applyAttempts })
      .prepare()
  }

  function linkFor(channelId: number): ChannelLink | null {
    const channel = statements.channelStamp.get({ id: channelId })
    if (!channel) return null
    const cached = links.get(channelId)
    if (cached && cached.updatedAt === channel.updatedAt) return cached.link
    const link = channelLink(deps.db, deps.secrets, channelId, deps.adapterFactory)
    links.set(channelId, { updatedAt: channel.updatedAt, link })
    return link
  }

  function persist(tx: Tx, p: Pending, now: number): CallbackReceipt {
    const v = p.verified
    // A rejected callback is logged on the order it claims (if that order is on this channel).
    const orderNo = v.signatureValid ? v.orderNo : v.claimedOrderNo
    const order = orderNo ? statements.orderByNo.get({ orderNo }) : undefined
    const orderId = order && order.channelId === p.channelId ? order.id : null
    const record = (outcome: typeof providerCallbacks.$inferInsert.outcome, eventKey: string | null) =>
      statements.record.get({
        channelId: p.channelId,
        orderId,
        eventKey,
        receivedAt: now,
        signatureValid: v.signatureValid ? 1 : 0,
        outcome,
        reportedStatus: v.signatureValid ? v.status : null,
        paidAmount: v.signatureValid ? v.paidAmount : null,
        reportedAmount: v.signatureValid ? v.amount : null,
        reportedCurrency: v.signatureValid ? v.currency : null,
        upstreamNo: v.signatureValid ? v.upstreamNo : null,
        body: p.body.slice(0, 4000)
      })
    if (!v.signatureValid) {
      record('rejected', null)
      if (orderId) addEvent(tx, orderId, now, 'callback', say('order.callbackForged'), { signatureValid: false })
      return { status: 400, body: 'FAIL' }
    }
    if (!orderId) {
      record('unknown_order', null)
      return { status: 200, body: p.ack }
    }
    if (!record('received', v.eventKey)) {
      record('duplicate', null)
      addEvent(tx, orderId, now, 'callback', say('order.callbackDuplicate', { eventKey: v.eventKey ?? '' }), { signatureValid: true, eventKey: v.eventKey })
    }
    return { status: 200, body: p.ack }
  }

  function flush(): void {
    flushScheduled = false
    const batch = queue
    queue = []
    if (batch.length === 0) return
    try {
      const receipts = transact(deps.db, (tx) => {
        const now = deps.clock.now()
        return batch.map((p) => persist(tx, p, now))
      })
      batch.forEach((p, i) => p.resolve(receipts[i]))
      onPersisted()
    } catch (error) {
      deps.log(error)
      for (const p of batch) p.resolve({ status: 500, body: 'FAIL' })
    }
  }

  async function receive(channelId: number, body: string, contentType: string | null): Promise<CallbackReceipt> {
    let link: ChannelLink | null
    try {
      link = linkFor(channelId)
    } catch (error) {
      if (error instanceof ChannelNotConfigured) return { status: 404, body: 'FAIL' }
      throw error
    }
    if (!link) return { status: 404, body: 'FAIL' }
    // The signature is checked before anything in the body is trusted.
    const verified = link.adapter.verifyCallback(body, contentType, link.credentials)
    return new Promise((resolve) => {
      // Stored masked by the rules of the channel's upstream log, once verified against the clear body.
      queue.push({ channelId, verified, body: maskCallbackBody(link, body), resolve, ack: link.adapter.callbackAck })
      if (!flushScheduled) {
        flushScheduled = true
        // Group commit: callbacks arriving within a couple of milliseconds share one fsync.
        setTimeout(flush, GROUP_COMMIT_MS)
      }
    })
  }

  /** Applies one persisted callback inside the caller's transaction (a savepoint of the slice). */
  function applyOne(tx: Tx, id: number): void {
    const cb = statements.received.get({ id })
    if (!cb || cb.orderId === null) return
    const now = deps.clock.now()
    const order = statements.order.get({ id: cb.orderId })!
    const reported = { eventKey: cb.eventKey ?? '', status: cb.reportedStatus ? term('upstreamStatus', cb.reportedStatus as UpstreamStatus) : term('misc', 'noStatus') }
    const text = cb.paidAmount ? say('order.callbackVerifiedPaid', { ...reported, paid: cb.paidAmount.slice(0, 40) }) : say('order.callbackVerified', reported)
    // At the time it came in (it is applied a moment later, in a group): a repeat of it, said when it
    // came, then follows it on the timeline instead of preceding it.
    addEvent(tx, order.id, cb.receivedAt, 'callback', text, { signatureValid: true, eventKey: cb.eventKey, status: cb.reportedStatus })
    const report = { status: cb.reportedStatus as UpstreamStatus | null, paidAmount: cb.paidAmount, amount: cb.reportedAmount, currency: cb.reportedCurrency }
    const outcome = applyProviderReport(tx, deps, order, report, { source: 'callback', upstreamNo: cb.upstreamNo, callbackId: cb.id }, now)
    if (outcome === 'ignored') addEvent(tx, order.id, now, 'callback', say('order.callbackIgnored', { eventKey: cb.eventKey ?? '', status: term('orderStatus', order.status) }))
    statements.setOutcome.run({ outcome, id })
  }

  /**
   * A callback that failed to apply: a refusal that will not change by waiting (an AppError: the
   * ledger refused the posting) is parked at once; anything else (a busy database) is tried again
   * after a growing pause, and parked after a few attempts. Either way it ends visible, on the
   * order's timeline and in the parked list, never retried forever.
   */
  function failedToApply(tx: Tx, id: number, error: unknown): void {
    const now = deps.clock.now()
    const lasting = error instanceof AppError
    const attempts = statements.retryLater.get({ id, at: now + APPLY_RETRY_MS[0] })?.attempts ?? 1
    if (!lasting && attempts < APPLY_RETRY_MS.length + 1) {
      tx.update(providerCallbacks).set({ nextApplyAt: now + APPLY_RETRY_MS[attempts - 1] }).where(eq(providerCallbacks.id, id)).run()
      return
    }
    const cb = tx.select().from(providerCallbacks).where(eq(providerCallbacks.id, id)).get()
    if (!cb || cb.orderId === null) return
    const order = statements.order.get({ id: cb.orderId })!
    const report = { status: cb.reportedStatus as UpstreamStatus | null, paidAmount: cb.paidAmount, amount: cb.reportedAmount, currency: cb.reportedCurrency }
    const message = error instanceof Error ? error.message : String(error)
    const text = say('parked.applyFailed', { attempts, error: verbatim(message.slice(0, 300)) })
    park(tx, deps, { order, kind: 'apply_failed', text, source: 'callback', callbackId: id, reportKey: contradictionKey('callback', order, report, id), reported: report }, now)
    statements.setOutcome.run({ outcome: 'parked', id })
  }

  function applyReceived(limit = 200): number {
    const ids = statements.due.all({ now: deps.clock.now(), limit })
    // One commit (one fsync) for the slice, each callback in its own savepoint: one that fails is
    // rolled back alone, and its failure is recorded beside the others' results.
    transact(deps.db, (slice) => {
      for (const { id } of ids) {
        try {
          slice.transaction((tx) => applyOne(tx, id))
        } catch (error) {
          deps.log(error)
          failedToApply(slice, id, error)
        }
      }
    })
    return ids.length
  }

  return { receive, applyReceived }
}

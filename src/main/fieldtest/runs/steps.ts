/**
 * One step of a run, executed and judged. Orders go through the order engine exactly as the
 * create-order screens send them (`createOrder`, then the outbox's send), flagged as test orders,
 * under a merchant order number derived from the run and the step: a step resumed after a restart
 * creates nothing new (the same number with the same content is the same order) and sends nothing
 * the outbox has not already sent. Refunds are requested in the transaction that records them on
 * the step, for the same reason.
 *
 * Every outcome is pass / fail / blocked (the environment: a cap, the balance, a payout the four-eyes
 * rule held that no second user approved in the step's window (approval.ts), the simulator not
 * reachable, or one that forgot its orders in a restart) / skipped (a stop, or an earlier step sent
 * nothing to act on), with the cause as a catalog text. A live provider whose host cannot be reached
 * fails the step: the channel's connection is the engineer's to fix. An order a step gives up on
 * before it was sent is withdrawn (withdraw.ts).
 */
import { and, eq, like } from 'drizzle-orm'
import type { PlanStep, StepAmounts, StepEvidence, StepOutcome } from '../../../shared/contract/fieldtest'
import { rangeViolation } from '../../../shared/limits'
import { fromMinor, readAmount } from '../../../shared/money'
import { moneyText, statedAmountText } from '../../../shared/money-text'
import { say, term, verbatim, type ServerText, type TextParam } from '../../../shared/server-text'
import { connectionFailure, upstreamFailureText } from '../../../shared/upstream-failure'
import type { Ctx } from '../../core/context'
import { AppError } from '../../core/errors'
import { channels, orders, outbox, refunds, services } from '../../db/schema'
import { transact } from '../../db/transaction'
import { caseBalance } from '../../aftersales/cases'
import { requestRefund } from '../../aftersales/refunds'
import { evaluatePair } from '../../master/limits'
import { createOrder, LIVE_REFUSAL } from '../../orders/create'
import { LIVE_APPROVAL } from '../../finance/four-eyes'
import { awaitSecondUser } from './approval'
import { amountsAgree, orderFacts, refundFacts, type OrderFacts } from './evidence'
import { endStep, loadRun, markRunning, recordOrder, recordRefund, requestKeyOf, sentSoFar, type Run, type RunStepRow, type StepEnd } from './store'
import { sleep, unlessStopped, waitFor } from './wait'
import { withdrawIfNeverSent } from './withdraw'

export interface StepContext {
  /** Acts as the engineer who started the run (runner.ts gives it the codes a run needs). */
  ctx: Ctx
  run: Run
  row: RunStepRow
  step: PlanStep
  /** Every step of the run as stored now (targets are looked up here). */
  rows: RunStepRow[]
  signal: AbortSignal
  /** Pays a deposit on the simulator; null when a real payer pays (a live channel). */
  payer: ((orderNo: string) => Promise<void>) | null
  /** Whether the in-app simulator this run's orders go to still holds an order; null when they go elsewhere. */
  simulatorHolds: ((orderNo: string) => boolean) | null
  pollMs: number
  /** Where a failure of work the step left behind goes (nobody awaits it). */
  log(error: unknown): void
}

/** Callback window when a step states none: a payer paying by hand takes a while. */
const DEFAULT_WINDOW_S = 120
/** A refund is settled by querying the provider: how long a refund step waits for it. */
const REFUND_WAIT_S = 60
/** After the first callback, how long a check watches for a repeat of it. */
const REPEAT_WATCH_MS = 1000

type Verdict = Omit<StepEnd, 'result' | 'evidence'>
const pass = (cause: ServerText, causeCode = 'ok'): Verdict => ({ status: 'passed', cause, causeCode })
const fail = (cause: ServerText, causeCode: string): Verdict => ({ status: 'failed', cause, causeCode })
const blocked = (cause: ServerText, causeCode: string): Verdict => ({ status: 'blocked', cause, causeCode })
const skipped = (cause: ServerText, causeCode: string): Verdict => ({ status: 'skipped', cause, causeCode })

const outcomeTerm = (outcome: StepOutcome) => term('stepOutcome', outcome)

const ORDER_FIELDS = ['amount', 'merchantId', 'serviceId', 'channelId', 'terminalId', 'merchantOrderNo', 'payerName', 'cardNumber', 'remarkCode', 'bankCode', 'phone', 'idNumber', 'recipientName', 'recipientAccount', 'network'] as const

/** An order's field as people name it (`fields.cardNumber` → "Card number"); one the catalog does not name, as it is. */
function orderFieldTerm(field: string): TextParam {
  const name = field.replace(/^fields\./, '')
  return (ORDER_FIELDS as readonly string[]).includes(name) ? term('orderField', name as (typeof ORDER_FIELDS)[number]) : verbatim(name)
}

/**
 * A provider call that got no answer, as a verdict. One whose connection was never made (no DNS
 * name, refused, no route, connection timed out: upstream/http.ts `unreachable`) names the host and
 * the system's reason: on a live channel that is a failure of its connection, the engineer's to fix
 * (a mistyped address reads as such, not as something in the way); on a rehearsal, the simulator is
 * not there (the environment: blocked). A timeout after the request went out, a 5xx or an
 * unreadable answer is the channel's, a failure.
 */
function noAnswer(sc: StepContext, exchange: { error: string | null; url: string } | undefined): Verdict {
  const error = exchange?.error
  const unreachable = connectionFailure(error, exchange?.url ?? '')
  if (unreachable) {
    const words = { host: unreachable.host, reason: unreachable.reason, code: unreachable.code }
    return sc.run.target === 'simulator' ? blocked(say('fieldtest.cause.simulatorUnreachable', words), 'simulator.unreachable') : fail(say('fieldtest.cause.connectionFailed', words), 'upstream.unreachable')
  }
  const kind = error?.startsWith('timeout') ? 'timeout' : error?.startsWith('http_5') ? 'server_error' : 'bad_response'
  // The exchange log's own line is English: it is said in the reader's language.
  const detail = error ? upstreamFailureText(error) : '—'
  return fail(say('fieldtest.cause.noAnswer', { failure: term('failure', kind), detail }), `upstream.${kind}`)
}

/** What the exchanges say went wrong with sending, as a cause, or null when the provider answered. */
function sendingFailure(sc: StepContext, facts: OrderFacts): Verdict | null {
  const last = [...facts.evidence.exchanges].reverse().find((x) => x.operation === 'createDeposit' || x.operation === 'createPayout')
  return last?.error ? noAnswer(sc, last) : null
}

/** The amounts and fees, judged as the step expects. */
function judgeMoney(step: PlanStep, amounts: StepAmounts): Verdict | null {
  // As the screens write money; an amount not stated is a dash, one a provider sent unreadable stays as it came.
  const spoken = (value: string | null) => (value === null || value === '' ? '—' : statedAmountText(value, amounts.currency))
  if (step.expect.amountExact) {
    const { agree } = amountsAgree(amounts)
    if (!agree) {
      const paid = amounts.paidInCallback ?? amounts.postedToLedger
      const requested = amounts.requested ?? ''
      const partial = paid !== null && readAmount(paid, amounts.currency).ok && readAmount(requested, amounts.currency).ok && (readAmount(paid, amounts.currency) as { minor: number }).minor < (readAmount(requested, amounts.currency) as { minor: number }).minor
      const four = { requested: spoken(requested), upstream: spoken(amounts.acceptedUpstream), callback: spoken(amounts.paidInCallback), ledger: spoken(amounts.postedToLedger) }
      return partial ? fail(say('fieldtest.cause.partialAmount', four), 'amount.partial') : fail(say('fieldtest.cause.amountsDiffer', four), 'amount.mismatch')
    }
  }
  if (step.expect.feeExact && amounts.feeExpected !== amounts.feePosted) {
    return fail(say('fieldtest.cause.feeDiffers', { expected: spoken(amounts.feeExpected), posted: spoken(amounts.feePosted) }), 'fee.mismatch')
  }
  return null
}

function resultOf(facts: { amounts: StepAmounts } & Partial<OrderFacts>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orderNo: facts.order?.orderNo ?? null,
    amounts: facts.amounts,
    signature: facts.rejectedCallbacks ? 'invalid' : facts.validCallbacks ? 'valid' : 'none',
    duplicates: facts.duplicateCallbacks ?? 0,
    callbackDelayMs: facts.firstCallbackDelayMs ?? null,
    ...extra
  }
}

const ended = (verdict: Verdict, result: Record<string, unknown> | null, evidence: StepEvidence | null): StepEnd => ({ ...verdict, result, evidence: evidence as unknown as Record<string, unknown> | null })

function targetOrder(sc: StepContext): { row: RunStepRow; orderId: number } | Verdict {
  const target = sc.step.target === undefined ? undefined : sc.rows[sc.step.target]
  if (!target || target.orderId === null) return skipped(say('fieldtest.cause.dependsOn', { step: (sc.step.target ?? 0) + 1 }), 'chain.no_order')
  // An order the provider never received has no callback to check, no status to ask, nothing to refund.
  const order = sc.ctx.db.select({ status: orders.status, sentAt: orders.sentAt }).from(orders).where(eq(orders.id, target.orderId)).get()!
  if (order.sentAt === null) return skipped(say('fieldtest.cause.dependsOnSent', { step: target.stepIndex + 1, status: term('orderStatus', order.status) }), 'chain.not_sent')
  return { row: target, orderId: target.orderId }
}

/**
 * An order the simulator accepted but no longer holds: it keeps its orders in memory, so a restart
 * (of the app, or of the simulator from its panel) forgets them and no callback will ever come.
 * That is the environment, not the channel: blocked, not failed.
 */
function forgotten(sc: StepContext, order: { orderNo: string; status: string }): Verdict | null {
  const settled = order.status === 'succeeded' || order.status === 'failed' || order.status === 'closed'
  if (settled || !sc.simulatorHolds || sc.simulatorHolds(order.orderNo)) return null
  return blocked(say('fieldtest.cause.simulatorForgot', { orderNo: order.orderNo }), 'simulator.order_lost')
}

function emptyEvidence(notes: ServerText[] = []): StepEvidence {
  return { refusal: null, exchanges: [], callbacks: [], timeline: [], ledger: [], hold: null, payment: null, status: null, notes }
}

// ——— deposits and payouts ———

/** After a stop: the step's order, if it never got through, is withdrawn (not after an engine shutdown, which the next start resumes). */
function withdrawAfterRun(sc: StepContext, orderId: number): void {
  transact(sc.ctx.db, (tx) => {
    const run = loadRun(tx, sc.ctx.tenantId, sc.run.id)
    if (run.status === 'stopped' || run.status === 'finished') withdrawIfNeverSent(tx, sc.ctx, orderId, say('fieldtest.withdrawn.runEnded', { run: run.id }))
  })
}

async function sendOrder(sc: StepContext): Promise<StepEnd | null> {
  const { ctx, run, row, step } = sc
  const direction = step.action as 'deposit' | 'payout'
  const key = requestKeyOf(run.id, row.stepIndex)
  const service = ctx.db.select().from(services).where(eq(services.id, step.serviceId!)).get()
  const channel = ctx.db.select().from(channels).where(eq(channels.id, run.orderChannelId)).get()
  if (!service || !channel) return ended(blocked(say('fieldtest.cause.serviceGone', { id: step.serviceId ?? 0 }), 'setup.service_gone'), null, null)
  const amount = readAmount(step.amount!, service.currency)
  const existing = ctx.db.select().from(orders).where(and(eq(orders.merchantId, service.merchantId), eq(orders.merchantOrderNo, key))).get()

  // The caps count only what would really be sent: an amount PayDesk refuses locally sends nothing.
  if (!existing && amount.ok) {
    const pair = evaluatePair(ctx.db, service, channel)
    if (pair.usable && !rangeViolation(amount.minor, pair.range, pair.format)) {
      const so = sentSoFar(ctx.db, run.id, row.stepIndex)
      const money = (minor: number) => moneyText(minor, run.currency)
      if (so.orders + 1 > run.maxOrders) return ended(blocked(say('fieldtest.cause.capOrders', { max: run.maxOrders, count: so.orders }), 'cap.orders'), null, null)
      if (so.amount + amount.minor > run.maxAmountMinor) return ended(blocked(say('fieldtest.cause.capAmount', { max: money(run.maxAmountMinor), sent: money(so.amount), amount: money(amount.minor) }), 'cap.amount'), null, null)
    }
  }

  transact(ctx.db, (tx) => markRunning(tx, run.id, row.stepIndex, key, ctx.clock.now()))
  let orderId: number
  let replayed: boolean
  try {
    const created = createOrder(ctx, { merchantId: service.merchantId, serviceId: service.id, channelId: run.orderChannelId, amount: step.amount!, merchantOrderNo: key, fields: step.fields ?? {}, isTest: true }, direction, { rehearsal: run.orderChannelId !== run.channelId })
    orderId = created.orderId
    // A step resumed after a restart finds its order: the outbox sends it (or already has), never this step again.
    replayed = created.replayed || existing !== undefined
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const evidence = { ...emptyEvidence(), refusal: { code: error.code, text: error.text } }
    // What PayDesk refuses before sending: an amount outside the limits, a channel it cannot use, or
    // an order it cannot take (a field missing or malformed: named, as the order form names it).
    const localRefusal = error.code === 'limit.out_of_range' || error.code === 'orders.channel_unusable' || error.kind === 'validation'
    // A rule's words name the field they are about ("Card number is required…"); a limit's sentence says it all.
    const text = error.field && error.kind === 'validation' ? say('fieldtest.cause.fieldRefused', { field: orderFieldTerm(error.field), text: error.text }) : error.text
    if (step.expect.outcome === 'refused_locally' && localRefusal) return ended(pass(say('fieldtest.cause.refusedAsExpected', { text }), error.code), { amounts: null }, evidence)
    if (error.code === 'ledger.insufficient_funds' || error.code === 'orders.merchant_disabled') return ended(blocked(say('fieldtest.cause.blockedLocally', { text }), error.code), null, evidence)
    return ended(fail(say('fieldtest.cause.refusedLocally', { text }), error.code), null, evidence)
  }
  const atSubmit = direction === 'payout' ? orderFacts(ctx.db, orderId).detail : null
  const holdAtSubmit = atSubmit?.holdStatus ?? null
  // A rehearsal's payout the live channel's balances would not cover, or that a live run would hold
  // for a second user: said on the step, not failed (the rehearsal is not the live run; the balances
  // and the rules may differ by the time it runs).
  const liveNotes = (atSubmit?.timeline ?? []).flatMap((e) => (e.text && (e.text.code === LIVE_REFUSAL || e.text.code === LIVE_APPROVAL) ? [e.text] : []))
  transact(ctx.db, (tx) => recordOrder(tx, run.id, row.stepIndex, orderId, amount.ok ? amount.minor : 0))
  if (!replayed) {
    const sending = ctx.sending.sendNow(orderId)
    if ((await unlessStopped(sending, sc.signal)) === null && sc.signal.aborted) {
      // Stopped while the request was on its way (the stop left it alone): once it is back, an
      // order that did not get through is withdrawn, or the outbox would send it after the run.
      void sending.then(() => withdrawAfterRun(sc, orderId)).catch(sc.log)
      return null
    }
  }

  const notes: ServerText[] = [...liveNotes]
  const payment: StepEvidence['payment'] = direction === 'deposit' ? (sc.payer ? 'simulator' : 'payer') : null
  const facts = () => {
    const f = orderFacts(ctx.db, orderId, notes, payment)
    if (direction === 'payout') f.evidence.hold = { atSubmit: holdAtSubmit, final: f.detail.holdStatus }
    return f
  }
  const finish = (verdict: Verdict, f = facts()) => ended(verdict, resultOf(f), f.evidence)

  let now = facts()
  if (step.expect.outcome === 'refused_locally') return finish(fail(say('fieldtest.cause.acceptedOutsideRange', { orderNo: now.order.orderNo }), 'limit.accepted'))
  const windowMs = (step.expect.callbackWithinSeconds ?? DEFAULT_WINDOW_S) * 1000
  // A live payout the four-eyes rule holds waits for a second user (approval.ts).
  const secondUser = direction === 'payout' ? await awaitSecondUser(sc, orderId, windowMs, notes) : null
  if (secondUser === 'stopped') return null
  if (secondUser && secondUser !== 'sent') return finish(blocked(secondUser.cause, secondUser.causeCode))
  if (secondUser === 'sent') now = facts()
  // Not answered: still in the outbox (a deposit) or unknown (a payout that may have arrived).
  if (now.order.status === 'created' || now.order.status === 'unknown') {
    const verdict = sendingFailure(sc, now) ?? fail(say('fieldtest.cause.stillPending', { status: term('orderStatus', now.order.status) }), 'order.not_sent')
    // The step gives up on it: one still waiting in the outbox is withdrawn, not sent once the run has moved on.
    if (transact(ctx.db, (tx) => withdrawIfNeverSent(tx, ctx, orderId, say('fieldtest.withdrawn.stepGaveUp', { run: run.id, step: row.stepIndex + 1 })))) notes.push(say('fieldtest.note.withdrawn', { orderNo: now.order.orderNo }))
    return finish(verdict)
  }
  if (now.order.status === 'failed' && now.order.finalizedAt !== null && now.validCallbacks === 0) {
    const message = now.order.statusReasonText ?? say('reason.declinedNoReason')
    const expected = step.expect.outcome === 'refused_upstream' || step.expect.outcome === 'declined'
    return finish(expected ? pass(say('fieldtest.cause.declinedAsExpected', { reason: message }), 'upstream.declined') : fail(say('fieldtest.cause.declined', { reason: message }), 'upstream.declined'))
  }
  if (step.expect.outcome === 'refused_upstream') return finish(fail(say('fieldtest.cause.unexpected', { expected: outcomeTerm('refused_upstream'), got: outcomeTerm('accepted') }), 'outcome.accepted'))
  if (step.expect.outcome === 'accepted' || step.expect.outcome === undefined) {
    return finish(judgeMoney({ ...step, expect: { ...step.expect, feeExact: false } }, { ...now.amounts, paidInCallback: null, postedToLedger: null }) ?? pass(say('fieldtest.cause.accepted', { orderNo: now.order.orderNo, upstreamNo: now.order.upstreamNo ?? '—' })))
  }

  // paid or declined: the provider's callback decides, within the window.
  const lost = forgotten(sc, now.order)
  if (lost) return finish(lost, now)
  if (direction === 'deposit' && now.order.status === 'pending') {
    if (sc.payer) {
      try {
        await sc.payer(now.order.orderNo)
      } catch (error) {
        notes.push(say('fieldtest.note.payFailed', { error: error instanceof Error ? error.message : String(error) }))
      }
    } else notes.push(say('fieldtest.note.waitingForPayer', { orderNo: now.order.orderNo }))
  }
  const sentAt = now.order.sentAt ?? now.order.createdAt
  const settledOrForged = () => {
    const f = facts()
    return f.order.status === 'succeeded' || f.order.status === 'failed' || f.order.status === 'closed' || f.rejectedCallbacks > 0 ? f : null
  }
  // The window, then as long again to tell a late callback from a missing one.
  const seen = await waitFor(settledOrForged, sentAt + 2 * windowMs, sc)
  if (seen === 'stopped') return null
  now = seen ?? facts()
  if (now.rejectedCallbacks > 0 && step.expect.signatureValid !== false) return finish(fail(say('fieldtest.cause.badSignature', { count: now.rejectedCallbacks }), 'callback.bad_signature'), now)
  if (now.order.status !== 'succeeded' && now.order.status !== 'failed') {
    const lostMeanwhile = forgotten(sc, now.order)
    if (lostMeanwhile) return finish(lostMeanwhile, now)
    return finish(fail(say('fieldtest.cause.callbackMissing', { seconds: windowMs / 1000, status: term('orderStatus', now.order.status) }), 'callback.missing'), now)
  }
  if (step.expect.callbackWithinSeconds !== undefined) {
    if (now.firstCallbackDelayMs === null) return finish(fail(say('fieldtest.cause.noCallback', { status: term('orderStatus', now.order.status) }), 'callback.missing'), now)
    if (now.firstCallbackDelayMs > windowMs) return finish(fail(say('fieldtest.cause.callbackLate', { seconds: (now.firstCallbackDelayMs / 1000).toFixed(1), within: windowMs / 1000 }), 'callback.late'), now)
  }
  if (now.order.status === 'failed') {
    const reason = now.order.statusReasonText ?? say('reason.declinedNoReason')
    return finish(step.expect.outcome === 'declined' ? pass(say('fieldtest.cause.declinedAsExpected', { reason }), 'upstream.declined') : fail(say('fieldtest.cause.failedUpstream', { reason }), 'upstream.failed'), now)
  }
  if (step.expect.outcome === 'declined') return finish(fail(say('fieldtest.cause.unexpected', { expected: outcomeTerm('declined'), got: outcomeTerm('paid') }), 'outcome.paid'), now)
  if (step.expect.noDuplicates && now.duplicateCallbacks > 0) return finish(fail(say('fieldtest.cause.duplicate', { count: now.duplicateCallbacks }), 'callback.duplicate'), now)
  const money = judgeMoney(step, now.amounts)
  if (money) return finish(money, now)
  if (direction === 'payout' && now.detail.holdStatus !== 'posted') return finish(fail(say('fieldtest.cause.holdNotReleased', { status: now.detail.holdStatus ?? '—' }), 'hold.not_posted'), now)
  return finish(pass(say('fieldtest.cause.paid', { orderNo: now.order.orderNo, seconds: ((now.firstCallbackDelayMs ?? 0) / 1000).toFixed(1) })), now)
}

// ——— refunds ———

async function refundOrder(sc: StepContext): Promise<StepEnd | null> {
  const { ctx, run, row, step } = sc
  const target = targetOrder(sc)
  if ('status' in target) return ended(target, null, null)
  const order = ctx.db.select().from(orders).where(eq(orders.id, target.orderId)).get()!
  if (order.status !== 'succeeded') return ended(skipped(say('fieldtest.cause.dependsOnPaid', { step: target.row.stepIndex + 1, status: term('orderStatus', order.status) }), 'chain.not_paid'), null, null)
  const key = requestKeyOf(run.id, row.stepIndex)
  const reason = `Field test run ${run.id}, step ${row.stepIndex + 1} (${key})`
  let refundId: number
  let fresh = false
  try {
    refundId = transact(ctx.db, (tx) => {
      markRunning(tx, run.id, row.stepIndex, key, ctx.clock.now())
      // Requested in the transaction that records it on the step: a resumed step finds it by its key.
      const known = tx.select().from(refunds).where(and(eq(refunds.orderId, order.id), like(refunds.reason, `%(${key})`))).get()
      if (known) return known.id
      const current = tx.select().from(orders).where(eq(orders.id, order.id)).get()!
      const amount = step.refund === 'full' ? fromMinor(caseBalance(tx, current).remaining, current.currency) : step.amount!
      const refund = requestRefund(tx, ctx.ledger, ctx.tenantId, current, { amount, reason, userId: ctx.actor?.userId ?? null, actor: ctx.actor?.username ?? 'fieldtest' }, ctx.clock.now())
      recordRefund(tx, run.id, row.stepIndex, refund.id)
      ctx.audit(tx, { targetType: 'refund', targetId: refund.id, merchantId: refund.merchantId, summary: say('audit.fieldtest.refundRequested', { refundNo: refund.refundNo, orderNo: current.orderNo, run: run.id, step: row.stepIndex + 1 }) })
      fresh = true
      return refund.id
    })
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const evidence = { ...emptyEvidence(), refusal: { code: error.code, text: error.text } }
    if (step.expect.outcome === 'refused_locally') return ended(pass(say('fieldtest.cause.refusedAsExpected', { text: error.text }), error.code), null, evidence)
    return ended(fail(say('fieldtest.cause.refusedLocally', { text: error.text }), error.code), null, evidence)
  }
  if (fresh) {
    const refundNo = ctx.db.select({ refundNo: refunds.refundNo }).from(refunds).where(eq(refunds.id, refundId)).get()!.refundNo
    const item = ctx.db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.operation, 'send_refund'), eq(outbox.idempotencyKey, refundNo))).get()
    if (item && (await unlessStopped(ctx.sending.runOutboxItem(item.id), sc.signal)) === null && sc.signal.aborted) return null
  }
  const refund = () => ctx.db.select().from(refunds).where(eq(refunds.id, refundId)).get()!
  const done = await waitFor(() => (refund().status === 'succeeded' || refund().status === 'failed' ? refund() : null), Date.now() + (step.seconds ?? REFUND_WAIT_S) * 1000, sc)
  if (done === 'stopped') return null
  const facts = refundFacts(ctx.db, refund())
  const result = { orderNo: order.orderNo, refundNo: refund().refundNo, amounts: facts.amounts, signature: 'none', duplicates: 0, callbackDelayMs: null }
  const finish = (verdict: Verdict) => ended(verdict, result, facts.evidence)
  if (step.expect.outcome === 'refused_locally') return finish(fail(say('fieldtest.cause.unexpected', { expected: outcomeTerm('refused_locally'), got: outcomeTerm('accepted') }), 'outcome.accepted'))
  if (facts.status === 'failed') {
    const reason = refund().statusReason ?? say('reason.declinedNoReason')
    return finish(step.expect.outcome === 'declined' || step.expect.outcome === 'refused_upstream' ? pass(say('fieldtest.cause.declinedAsExpected', { reason }), 'upstream.declined') : fail(say('fieldtest.cause.failedUpstream', { reason }), 'upstream.failed'))
  }
  if (facts.status !== 'succeeded') return finish(fail(say('fieldtest.cause.refundPending', { refundNo: refund().refundNo, status: term('refundStatus', facts.status) }), 'refund.pending'))
  if (step.expect.outcome === 'declined') return finish(fail(say('fieldtest.cause.unexpected', { expected: outcomeTerm('declined'), got: outcomeTerm('paid') }), 'outcome.paid'))
  return finish(judgeMoney(step, facts.amounts) ?? pass(say('fieldtest.cause.refunded', { refundNo: refund().refundNo })))
}

// ——— status query, callback check, wait ———

const QUERY_OUTCOME: Record<string, StepOutcome> = { succeeded: 'paid', failed: 'declined', pending: 'accepted', not_found: 'refused_upstream' }

async function queryOrder(sc: StepContext): Promise<StepEnd | null> {
  const target = targetOrder(sc)
  if ('status' in target) return ended(target, null, null)
  transact(sc.ctx.db, (tx) => markRunning(tx, sc.run.id, sc.row.stepIndex, null, sc.ctx.clock.now()))
  const before = Math.max(0, ...orderFacts(sc.ctx.db, target.orderId).detail.timeline.map((e) => e.id))
  if ((await unlessStopped(sc.ctx.sending.queryNow(target.orderId), sc.signal)) === null && sc.signal.aborted) return null
  const facts = orderFacts(sc.ctx.db, target.orderId)
  const answer = facts.detail.timeline.find((e) => e.kind === 'query' && e.id > before)
  const status = (answer?.detail as { status?: string } | null)?.status ?? null
  const result = resultOf(facts, { queryStatus: status })
  if (!status) {
    const last = [...facts.evidence.exchanges].reverse().find((x) => x.operation === 'query')
    return ended(noAnswer(sc, last), result, facts.evidence)
  }
  const got = QUERY_OUTCOME[status] ?? 'accepted'
  const expected = sc.step.expect.outcome
  const verdict = expected === undefined || expected === got ? pass(say('fieldtest.cause.queryAnswer', { status: outcomeTerm(got) })) : fail(say('fieldtest.cause.unexpected', { expected: outcomeTerm(expected), got: outcomeTerm(got) }), `outcome.${got}`)
  return ended(verdict, result, facts.evidence)
}

async function checkCallbacks(sc: StepContext): Promise<StepEnd | null> {
  const target = targetOrder(sc)
  if ('status' in target) return ended(target, null, null)
  transact(sc.ctx.db, (tx) => markRunning(tx, sc.run.id, sc.row.stepIndex, null, sc.ctx.clock.now()))
  const windowMs = (sc.step.seconds ?? 5) * 1000
  const first = await waitFor(() => {
    const f = orderFacts(sc.ctx.db, target.orderId)
    return f.evidence.callbacks.length > 0 ? f : null
  }, Date.now() + windowMs, sc)
  if (first === 'stopped') return null
  // The first callback is in: a repeat of it follows within moments, if the provider repeats.
  if (first && !(await sleep(REPEAT_WATCH_MS, sc.signal))) return null
  const facts = orderFacts(sc.ctx.db, target.orderId)
  const finish = (verdict: Verdict) => ended(verdict, resultOf(facts), facts.evidence)
  if (facts.evidence.callbacks.length === 0) return finish(forgotten(sc, facts.order) ?? fail(say('fieldtest.cause.noCallback', { status: term('orderStatus', facts.order.status) }), 'callback.missing'))
  if (sc.step.expect.signatureValid && facts.rejectedCallbacks > 0) return finish(fail(say('fieldtest.cause.badSignature', { count: facts.rejectedCallbacks }), 'callback.bad_signature'))
  if (sc.step.expect.noDuplicates && facts.duplicateCallbacks > 0) return finish(fail(say('fieldtest.cause.duplicate', { count: facts.duplicateCallbacks }), 'callback.duplicate'))
  if (sc.step.expect.callbackWithinSeconds !== undefined && (facts.firstCallbackDelayMs ?? Infinity) > sc.step.expect.callbackWithinSeconds * 1000) {
    return finish(fail(say('fieldtest.cause.callbackLate', { seconds: ((facts.firstCallbackDelayMs ?? 0) / 1000).toFixed(1), within: sc.step.expect.callbackWithinSeconds }), 'callback.late'))
  }
  return finish(pass(say('fieldtest.cause.callbacksOk', { count: facts.validCallbacks, seconds: ((facts.firstCallbackDelayMs ?? 0) / 1000).toFixed(1) })))
}

async function wait(sc: StepContext): Promise<StepEnd | null> {
  transact(sc.ctx.db, (tx) => markRunning(tx, sc.run.id, sc.row.stepIndex, null, sc.ctx.clock.now()))
  if (!(await sleep((sc.step.seconds ?? 1) * 1000, sc.signal))) return null
  return ended(pass(say('fieldtest.cause.waited', { seconds: sc.step.seconds ?? 1 })), null, null)
}

const ACTIONS: Record<PlanStep['action'], (sc: StepContext) => Promise<StepEnd | null>> = {
  deposit: sendOrder,
  payout: sendOrder,
  refund: refundOrder,
  query: queryOrder,
  callback_check: checkCallbacks,
  wait
}

/** Runs the step and writes how it ended; false when the run was stopped meanwhile (the stop wrote it). */
export async function executeStep(sc: StepContext): Promise<boolean> {
  let end: StepEnd | null
  try {
    end = await ACTIONS[sc.step.action](sc)
  } catch (error) {
    // A fault of PayDesk's own, not the channel's: the step fails with it and the run goes on.
    end = ended(fail(say('fieldtest.cause.internal', { message: error instanceof Error ? error.message.slice(0, 300) : String(error) }), 'internal'), null, null)
  }
  if (end === null) return false
  const written = end
  transact(sc.ctx.db, (tx) => endStep(tx, sc.run.id, sc.row.stepIndex, written, sc.ctx.clock.now()))
  return true
}


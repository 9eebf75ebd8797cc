/** Runs of a plan: start (live or rehearsed), the live confirmation, the stop, progress, evidence, comparison. */
import { minorOf } from '../../core/amount-input'
import { actorOf, type Ctx } from '../../core/context'
import { conflict, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { fieldtestRuns } from '../../db/schema'
import { transact, type Tx } from '../../db/transaction'
import { moneyText } from '../../../shared/money-text'
import { say, term, type ServerText } from '../../../shared/server-text'
import { loadChannel, loadPlan, planVersion } from '../plans/store'
import { orderFacts } from '../runs/evidence'
import { compareRuns, listRuns, runDetailOf, stepEvidenceOf, stepResultOf } from '../runs/read'
import { syncTwin } from '../runs/rehearsal'
import { insertSteps, loadRun, runSteps, setRunStatus, skipRemaining, skipRunning } from '../runs/store'
import { withdrawRunOrders } from '../runs/withdraw'
import { notFound } from '../../core/errors'

const STOPPABLE = ['running', 'awaiting_confirmation', 'interrupted', 'stopping'] as const

/** What a stop did to the order of the step in progress: withdrawn, or gone to the provider (where it goes on). */
function stoppedCause(user: string, order: { orderNo: string; status: string; sentAt: number | null }, withdrawn: boolean): ServerText {
  if (withdrawn) return say('fieldtest.cause.stoppedWithdrawn', { user, orderNo: order.orderNo })
  // Still created but not withdrawn: its request is on its way (the step withdraws it if it does not get through).
  if (order.status === 'created') return say('fieldtest.cause.stoppedInFlight', { user, orderNo: order.orderNo })
  if (order.sentAt !== null || order.status === 'pending' || order.status === 'unknown') return say('fieldtest.cause.stoppedAfterSending', { user, orderNo: order.orderNo })
  return say('fieldtest.cause.stopped', { user })
}

function assertStatus(ctx: Ctx, tx: Tx, id: number, allowed: readonly string[]) {
  const run = loadRun(tx, ctx.tenantId, id)
  if (!allowed.includes(run.status)) throw conflict(say('error.fieldtest.runIs', { id, status: term('runStatus', run.status) }), { code: 'fieldtest.run_state' })
  return run
}

export const runProcedures = handlers({
  'fieldtest.runs.start': (ctx, input) => {
    const actor = actorOf(ctx)
    const detail = transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const plan = loadPlan(tx, ctx.tenantId, input.planId)
      const version = planVersion(tx, plan, input.version)
      const channel = loadChannel(tx, ctx.tenantId, plan.channelId)
      const maxAmountMinor = minorOf('caps.maxAmount', input.caps.maxAmount, channel.currency, { positive: true })
      if (input.target === 'live' && input.faults.length > 0) throw validationError('faults', say('rule.fieldtest.faultsRehearsalOnly'))
      let orderChannelId = channel.id
      if (input.target === 'simulator') {
        const url = ctx.simulator.running()?.url
        if (!url) throw conflict(say('error.fieldtest.simulatorNotRunning'), { code: 'fieldtest.simulator_not_running', field: 'target' })
        orderChannelId = syncTwin(tx, ctx.secrets, ctx.tenantId, channel, url, now, (event) => ctx.audit(tx, event)).channelId
      }
      const run = tx
        .insert(fieldtestRuns)
        .values({
          tenantId: ctx.tenantId,
          planId: plan.id,
          planVersion: version.version,
          channelId: channel.id,
          orderChannelId,
          target: input.target,
          currency: channel.currency,
          status: 'running',
          maxOrders: input.caps.maxOrders,
          maxAmountMinor,
          faults: input.faults,
          startedBy: actor.userId,
          startedAt: now,
          updatedAt: now
        })
        .returning()
        .get()
      insertSteps(tx, run.id, version.steps)
      ctx.audit(tx, {
        targetType: 'fieldtest_run',
        targetId: run.id,
        summary: say(input.target === 'live' ? 'audit.fieldtest.runStartedLive' : 'audit.fieldtest.runStartedRehearsal', { run: run.id, plan: plan.name, version: version.version, channel: channel.name }),
        after: { planId: plan.id, version: version.version, target: input.target, caps: input.caps, faults: input.faults }
      })
      return runDetailOf(tx, run)
    })
    ctx.fieldTests.drive(detail.id)
    return detail
  },

  'fieldtest.runs.confirm': (ctx, input) => {
    const actor = actorOf(ctx)
    const detail = transact(ctx.db, (tx) => {
      const run = assertStatus(ctx, tx, input.id, ['awaiting_confirmation', 'interrupted'])
      // The engineer states the caps again: a confirmation of other caps than the run's is no confirmation.
      const amount = minorOf('maxAmount', input.maxAmount, run.currency, { positive: true })
      if (input.maxOrders !== run.maxOrders) throw validationError('maxOrders', say('rule.fieldtest.capsDiffer', { value: run.maxOrders }))
      if (amount !== run.maxAmountMinor) throw validationError('maxAmount', say('rule.fieldtest.capsDiffer', { value: moneyText(run.maxAmountMinor, run.currency) }))
      const now = ctx.clock.now()
      setRunStatus(tx, run.id, 'running', now, { confirmedAt: run.target === 'live' ? now : run.confirmedAt, confirmedBy: run.target === 'live' ? actor.userId : run.confirmedBy, statusText: null })
      ctx.audit(tx, { targetType: 'fieldtest_run', targetId: run.id, summary: say('audit.fieldtest.runConfirmed', { run: run.id, orders: run.maxOrders, amount: moneyText(amount, run.currency) }) })
      return runDetailOf(tx, loadRun(tx, ctx.tenantId, run.id))
    })
    ctx.fieldTests.drive(detail.id)
    return detail
  },

  'fieldtest.runs.stop': (ctx, input) => {
    const actor = actorOf(ctx)
    const detail = transact(ctx.db, (tx) => {
      const run = assertStatus(ctx, tx, input.id, STOPPABLE)
      const now = ctx.clock.now()
      // Nothing more is sent: the run's orders still waiting in the outbox are withdrawn. One
      // already on its way or taken by the provider goes on, and its step says so.
      const withdrawn = withdrawRunOrders(tx, ctx, run.id, say('fieldtest.withdrawn.runStopped', { run: run.id, user: actor.username }))
      const cause = say('fieldtest.cause.stopped', { user: actor.username })
      // The step in progress keeps what it already did (its order) as evidence.
      for (const row of runSteps(tx, run.id).filter((r) => r.status === 'running')) {
        if (row.orderId === null) continue
        const facts = orderFacts(tx, row.orderId)
        const stepCause = stoppedCause(actor.username, facts.order, withdrawn.has(row.orderId))
        skipRunning(tx, run.id, row.stepIndex, stepCause, 'run.stopped', now, facts.evidence as unknown as Record<string, unknown>)
      }
      skipRemaining(tx, run.id, cause, 'run.stopped', now)
      setRunStatus(tx, run.id, 'stopped', now, { statusText: cause, currentStep: null, finishedAt: now })
      ctx.audit(tx, { targetType: 'fieldtest_run', targetId: run.id, summary: say('audit.fieldtest.runStopped', { run: run.id }) })
      return runDetailOf(tx, loadRun(tx, ctx.tenantId, run.id))
    })
    ctx.fieldTests.abort(detail.id)
    return detail
  },

  'fieldtest.runs.list': (ctx, input) => listRuns(ctx.db, ctx.tenantId, input),

  'fieldtest.runs.get': (ctx, input) => runDetailOf(ctx.db, loadRun(ctx.db, ctx.tenantId, input.id)),

  'fieldtest.runs.step': (ctx, input) => {
    const run = loadRun(ctx.db, ctx.tenantId, input.id)
    const row = runSteps(ctx.db, run.id).find((r) => r.stepIndex === input.index)
    if (!row) throw notFound(say('thing.fieldtestStep', { run: run.id, step: input.index + 1 }))
    // A step still waiting shows what its order has so far.
    const evidence = stepEvidenceOf(row) ?? (row.orderId !== null ? orderFacts(ctx.db, row.orderId).evidence : null)
    return { step: stepResultOf(ctx.db, row), evidence }
  },

  'fieldtest.runs.compare': (ctx, input) => {
    const left = loadRun(ctx.db, ctx.tenantId, input.leftId)
    const right = loadRun(ctx.db, ctx.tenantId, input.rightId)
    if (left.planId !== right.planId) throw validationError('rightId', say('rule.fieldtest.samePlan'))
    return compareRuns(ctx.db, left, right)
  }
})

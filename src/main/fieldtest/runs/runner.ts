/**
 * Runs execute in the background, one step after another, on the main thread's event loop (each
 * step is a few database calls between waits for the provider). A run survives a restart: the
 * composition root calls `recover()` when the engine starts; a rehearsal resumes where it was, a
 * live run waits for the engineer to confirm again (`fieldtest.runs.confirm`) before any more money
 * moves. A resumed step sends nothing twice (steps.ts). A run that ends (finished, stopped, or
 * failed) withdraws its orders that were never sent (withdraw.ts). Stopping the engine only stops
 * watching: the runs stay `running` and are recovered by the next start, as after a crash.
 */
import { eq } from 'drizzle-orm'
import type { PlanStep, RehearsalFaultInput } from '../../../shared/contract/fieldtest'
import { moneyText } from '../../../shared/money-text'
import { PERMISSIONS as P } from '../../../shared/permissions'
import { say } from '../../../shared/server-text'
import type { Actor, Clock, Ctx } from '../../core/context'
import type { SimulatorHost } from '../../core/ports'
import type { SecretBox } from '../../core/secrets'
import type { Db } from '../../db/open'
import { fieldtestRehearsalChannels, users } from '../../db/schema'
import { transact } from '../../db/transaction'
import { genericAdapterConfigSchema } from '../../upstream/generic-config'
import { loadChannel } from '../plans/store'
import { armSimulator, syncTwin } from './rehearsal'
import { executeStep, type StepContext } from './steps'
import { loadRun, runSteps, setRunStatus, skipRemaining, stepOf, unfinishedRuns, type Run } from './store'
import { withdrawRunOrders } from './withdraw'

/** The codes a run acts with, besides the engineer's own FIELD_TEST_RUN: creating test orders and refunds for the channel's merchants. */
const RUN_CODES = [P.FIELD_TEST_RUN, P.ORDER_READ, P.OPERATION_PAYMENT_GLOBAL_WRITE, P.OPERATION_PAYOUT_GLOBAL_WRITE, P.REFUND_WRITE]

const POLL_MS = 100

export interface FieldTestRunnerDeps {
  db: Db
  clock: Clock
  tenantId: number
  secrets: SecretBox
  log(error: unknown): void
  /** A context acting as this actor (the registry's). */
  contextFor(actor: Actor): Ctx
  /** The in-app simulator (rehearsals send to it; a live channel pointed at it is paid by it). */
  simulator: SimulatorHost
  pollMs?: number
}

export interface FieldTestRunner {
  /** Drives the run's remaining steps in the background (nothing when it is already driven). */
  drive(runId: number): void
  /** Stops watching the run at once (the caller has ended it). */
  abort(runId: number): void
  /** Resolves once the run's background work has ended. */
  settled(runId: number): Promise<void>
  /** At start: rehearsals resume, live runs wait for confirmation, stops in progress end. */
  recover(): void
  /** At shutdown: stops watching every run, leaving them to the next start's `recover()`. */
  stopAll(): Promise<void>
}

const movesMoney = (step: PlanStep) => step.action === 'deposit' || step.action === 'payout' || step.action === 'refund'

export function createFieldTestRunner(deps: FieldTestRunnerDeps): FieldTestRunner {
  const { db, clock, tenantId } = deps
  const active = new Map<number, { controller: AbortController; done: Promise<void> }>()

  function actorOf(run: Run): Actor {
    const user = db.select({ username: users.username, displayName: users.displayName }).from(users).where(eq(users.id, run.startedBy)).get()
    return { userId: run.startedBy, username: user?.username ?? 'fieldtest', displayName: user?.displayName ?? 'fieldtest', merchantId: null, permissions: new Set(RUN_CODES), sessionId: `fieldtest-run-${run.id}` }
  }

  /** Whether the simulator running now holds the order (it holds them in memory only). */
  const holdsOrder = (merchantNo?: string) => (orderNo: string) => deps.simulator.running()?.orders().some((o) => o.orderNo === orderNo && (merchantNo === undefined || o.merchantNo === merchantNo)) ?? false

  /** The rehearsal's twin in step with the channel and the simulator armed; who pays deposits. */
  async function prepare(run: Run, ctx: Ctx): Promise<Pick<StepContext, 'payer' | 'simulatorHolds'> | 'no_simulator'> {
    const simulator = deps.simulator.running()
    if (run.target === 'simulator') {
      if (!simulator) return 'no_simulator'
      const channel = loadChannel(db, tenantId, run.channelId)
      const twin = transact(db, (tx) => syncTwin(tx, deps.secrets, tenantId, channel, simulator.url, clock.now(), (event) => ctx.audit(tx, event)))
      armSimulator(simulator, twin, run.faults as RehearsalFaultInput[])
      return { payer: async (orderNo) => void (await simulator.pay(orderNo, undefined, twin.merchantNo)), simulatorHolds: holdsOrder(twin.merchantNo) }
    }
    // A live channel that points at the in-app simulator is paid by it too; any other waits for a real payer.
    const config = genericAdapterConfigSchema.safeParse(loadChannel(db, tenantId, run.channelId).adapterConfig)
    if (simulator && config.success && config.data.baseUrl === simulator.url.replace(/\/+$/, '')) return { payer: async (orderNo) => void (await simulator.pay(orderNo)), simulatorHolds: holdsOrder() }
    return { payer: null, simulatorHolds: null }
  }

  /** The rehearsal's faults off again, so the simulator panel shows no rule of a run that ended. */
  function disarm(run: Run): void {
    const simulator = deps.simulator.running()
    const twin = db.select().from(fieldtestRehearsalChannels).where(eq(fieldtestRehearsalChannels.channelId, run.channelId)).get()
    if (run.target !== 'simulator' || !simulator || !twin) return
    for (const { id, rule } of simulator.rules()) if (rule.merchantNo === twin.merchantNo) simulator.clearBehaviours(id)
  }

  async function run(runId: number, signal: AbortSignal): Promise<void> {
    const first = loadRun(db, tenantId, runId)
    if (first.status !== 'running') return
    const ctx = deps.contextFor(actorOf(first))
    const sending = await prepare(first, ctx)
    if (sending === 'no_simulator') {
      transact(db, (tx) => setRunStatus(tx, runId, 'interrupted', clock.now(), { statusText: say('fieldtest.status.noSimulator') }))
      return
    }
    for (;;) {
      if (signal.aborted) return
      const current = loadRun(db, tenantId, runId)
      if (current.status !== 'running') return
      const rows = runSteps(db, runId)
      const next = rows.find((r) => r.status === 'pending' || r.status === 'running')
      const now = clock.now()
      if (!next) {
        // Finished is not "all went well" when the four-eyes rule kept a payout from being sent: the run says so.
        const held = rows.filter((r) => r.causeCode?.startsWith('four_eyes.')).map((r) => r.stepIndex + 1)
        const statusText = held.length ? say('fieldtest.status.finishedHeld', { steps: held.join(', ') }) : null
        transact(db, (tx) => {
          setRunStatus(tx, runId, 'finished', now, { currentStep: null, finishedAt: now, statusText })
          withdrawRunOrders(tx, ctx, runId, say('fieldtest.withdrawn.runEnded', { run: runId }))
        })
        disarm(current)
        return
      }
      const step = stepOf(next)
      if (current.target === 'live' && movesMoney(step) && current.confirmedAt === null) {
        const money = moneyText(current.maxAmountMinor, current.currency)
        transact(db, (tx) => setRunStatus(tx, runId, 'awaiting_confirmation', now, { currentStep: next.stepIndex, statusText: say('fieldtest.status.confirmLive', { step: next.stepIndex + 1, orders: current.maxOrders, amount: money }) }))
        return
      }
      transact(db, (tx) => setRunStatus(tx, runId, 'running', now, { currentStep: next.stepIndex, statusText: null }))
      await executeStep({ ctx, run: current, row: next, step, rows, signal, ...sending, pollMs: deps.pollMs ?? POLL_MS, log: deps.log })
    }
  }

  function drive(runId: number): void {
    if (active.has(runId)) return
    const controller = new AbortController()
    const done = run(runId, controller.signal)
      .catch((error) => {
        deps.log(error)
        // The run cannot go on (the simulator unreachable, a fault of our own): it ends, saying why.
        const now = clock.now()
        const cause = say('fieldtest.cause.runFailed', { message: error instanceof Error ? error.message.slice(0, 300) : String(error) })
        transact(db, (tx) => {
          skipRemaining(tx, runId, cause, 'run.failed', now)
          setRunStatus(tx, runId, 'stopped', now, { statusText: cause, currentStep: null, finishedAt: now })
          withdrawRunOrders(tx, deps.contextFor(actorOf(loadRun(tx, tenantId, runId))), runId, say('fieldtest.withdrawn.runEnded', { run: runId }))
        })
      })
      .finally(() => active.delete(runId))
    active.set(runId, { controller, done })
  }

  return {
    drive,
    abort(runId) {
      active.get(runId)?.controller.abort()
      const ended = loadRun(db, tenantId, runId)
      if (ended.status === 'stopped') disarm(ended)
    },
    async settled(runId) {
      await active.get(runId)?.done
    },
    recover() {
      const now = clock.now()
      for (const found of unfinishedRuns(db)) {
        if (found.status === 'stopping' || found.target === 'live') {
          transact(db, (tx) => {
            if (found.status !== 'stopping') return setRunStatus(tx, found.id, 'interrupted', now, { confirmedAt: null, confirmedBy: null, statusText: say('fieldtest.status.interrupted', { step: (found.currentStep ?? 0) + 1 }) })
            setRunStatus(tx, found.id, 'stopped', now, { currentStep: null, finishedAt: now })
            withdrawRunOrders(tx, deps.contextFor(actorOf(found)), found.id, say('fieldtest.withdrawn.runEnded', { run: found.id }))
          })
        } else drive(found.id)
      }
    },
    async stopAll() {
      const all = [...active.values()]
      for (const a of all) a.controller.abort()
      await Promise.all(all.map((a) => a.done))
    }
  }
}

/** Runs the procedures may still stop. */
export const STOPPABLE: Run['status'][] = ['running', 'awaiting_confirmation', 'interrupted', 'stopping']

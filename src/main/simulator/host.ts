/**
 * The simulator as the app hosts it (core/ports.ts `SimulatorHost`): one per process, started
 * only when someone asks (the simulator panel, the demo), on 127.0.0.1, and stopped with the
 * engine. Its state (orders, rules, merchants) lives in memory and goes when it stops.
 */
import type { RunningSimulatorHandle, SimulatorHost, SimulatorStart } from '../core/ports'
import { behaviourRuleSchema } from './behaviours'
import { startSimulator, type RunningSimulator } from './server'
import type { SimOrderView, SimulatorOptions } from './types'

/** Asked to start while one runs (or is starting). */
export class SimulatorRunningError extends Error {}

type Starter = (options: SimulatorOptions) => Promise<RunningSimulator>

function orderOf(o: SimOrderView) {
  return {
    merchantNo: o.merchantNo,
    orderNo: o.orderNo,
    direction: o.direction,
    upstreamNo: o.upstreamNo,
    amount: o.amount,
    currency: o.currency,
    status: o.status,
    paidAmount: o.paidAmount,
    createRequests: o.createRequests,
    createdAt: o.createdAt
  }
}

function handleOf(sim: RunningSimulator, options: SimulatorStart, startedAt: number): RunningSimulatorHandle {
  return {
    url: sim.url,
    port: sim.port,
    startedAt,
    startedBy: options.startedBy,
    autoPayAfterMs: options.autoPayAfterMs,
    payoutDelayMs: options.payoutDelayMs,
    addMerchant: (merchant) => sim.addMerchant(merchant),
    merchants: () => sim.merchants(),
    setBehaviour: (rule) => sim.setBehaviour(behaviourRuleSchema.parse(rule)),
    rules: () => sim.rules(),
    clearBehaviours: (id) => sim.clearBehaviours(id),
    pay: async (orderNo, amount, merchantNo) => orderOf(await sim.pay(orderNo, amount, merchantNo)),
    orders: () => sim.orders().map(orderOf),
    requests: () => sim.requests(),
    callbacks: () => sim.callbacks()
  }
}

export function createSimulatorHost(start: Starter = startSimulator, now: () => number = Date.now): SimulatorHost & { simulator(): RunningSimulator | null } {
  let current: { sim: RunningSimulator; handle: RunningSimulatorHandle } | null = null
  let busy: Promise<unknown> | null = null

  // Starts and stops one at a time: a stop during a start waits for it, and stops what it started.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = (busy ?? Promise.resolve()).catch(() => undefined).then(task)
    busy = run
    return run
  }

  return {
    running: () => current?.handle ?? null,
    /** The simulator itself (tests, the demo's own look-ups). */
    simulator: () => current?.sim ?? null,
    start: (options) =>
      serial(async () => {
        if (current) throw new SimulatorRunningError(`the provider simulator is already running at ${current.handle.url}`)
        const sim = await start({ port: options.port, merchants: options.merchants, autoPayAfterMs: options.autoPayAfterMs, payoutDelayMs: options.payoutDelayMs })
        current = { sim, handle: handleOf(sim, options, now()) }
        return current.handle
      }),
    stop: () =>
      serial(async () => {
        const stopping = current
        current = null
        await stopping?.sim.stop()
      })
  }
}

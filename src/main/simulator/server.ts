/**
 * `startSimulator(options)`: the provider simulator as a real HTTP server on 127.0.0.1, for the
 * tests, the demo and field engineers rehearsing a channel.
 */
import { listen } from '../http/listen'
import { createSimulatorApp } from './app'
import { behaviourRuleSchema, type RuleEntry } from './behaviours'
import { createProvider } from './provider'
import type { Difference, Injected } from './statement'
import type { BehaviourRule, CallbackAttempt, ReceivedRequest, SimOrderView, SimRefund, SimulatorMerchant, SimulatorOptions } from './types'

export interface RunningSimulator {
  url: string
  port: number
  stop(): Promise<void>
  /** Sets (or replaces) a rule; answers it with its id. */
  setBehaviour(rule: BehaviourRule): RuleEntry
  /** The rules with their ids, in the order they were set. */
  rules(): RuleEntry[]
  /** Forgets one rule (false when there is none) or, without an id, every rule; orders stay. */
  clearBehaviours(id?: number): boolean
  /** The payer pays a pending deposit (amount: a partial or other amount; default the whole). */
  pay(orderNo: string, amount?: string, merchantNo?: string): Promise<SimOrderView>
  orders(): SimOrderView[]
  refunds(): SimRefund[]
  /** Every protocol request received, newest last. */
  requests(): ReceivedRequest[]
  /** Create requests that carried this order number (duplicates and refused ones included). */
  createRequests(orderNo: string, merchantNo?: string): number
  addMerchant(merchant: SimulatorMerchant): void
  /** The merchant numbers it knows (never their keys). */
  merchants(): string[]
  /** Every callback attempt, oldest first. */
  callbacks(): CallbackAttempt[]
  /** The provider's statement of a business day (CSV) and the differences it carries. */
  statement(date: string, zone?: string, merchantNo?: string): { csv: string; injected: Injected[] }
  setStatementDifferences(date: string, differences: Difference[]): void
  reset(): void
}

export const SIMULATOR_HOST = '127.0.0.1'

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  let port = options.port ?? 0
  const url = () => `http://${SIMULATOR_HOST}:${port}`
  const provider = createProvider(options, url)
  const app = createSimulatorApp(provider, () => [`${SIMULATOR_HOST}:${port}`, `localhost:${port}`])
  const server = await listen(app.fetch, { host: SIMULATOR_HOST, port })
  port = server.port
  return {
    url: url(),
    port,
    stop() {
      provider.lifecycle.stop()
      return server.close()
    },
    setBehaviour: (rule) => provider.setBehaviour(behaviourRuleSchema.parse(rule)),
    rules: () => provider.behaviours.list(),
    clearBehaviours(id) {
      if (id !== undefined) return provider.behaviours.remove(id)
      provider.behaviours.clear()
      return true
    },
    pay: async (orderNo, amount, merchantNo) => provider.pay(orderNo, amount, merchantNo),
    orders: () => provider.orders(),
    refunds: () => provider.refunds(),
    requests: () => provider.requests(),
    createRequests: (orderNo, merchantNo) => provider.createRequests(orderNo, merchantNo),
    addMerchant: (merchant) => provider.upsertMerchant(merchant),
    merchants: () => provider.state().merchants,
    callbacks: () => provider.state().callbacks,
    statement: (date, zone = '+08:00', merchantNo) => provider.statement(date, zone, merchantNo),
    setStatementDifferences: (date, differences) => provider.setStatementDifferences(date, differences),
    reset: () => provider.reset()
  }
}

export type { BehaviourName, BehaviourRule, SimOrderView, SimulatorMerchant, SimulatorOptions } from './types'
export { BEHAVIOURS, QUERY_BEHAVIOURS, RULE_TARGETS } from './types'
export type { RuleEntry } from './behaviours'

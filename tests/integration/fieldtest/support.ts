/**
 * Field testing against the real simulator on loopback: the orders' world (a CNY merchant, a
 * bank-card deposit service 500–20,000 and a payout service on a channel 100–50,000), with the
 * channel pointed at a simulator of its own that pays deposits at once ("live" here), and the
 * in-app simulator started for rehearsals. A reviewer (FIELD_TEST_REVIEW only) countersigns.
 */
import { expect } from 'vitest'
import type { InputOf, OutputOf } from '../../../src/shared/contract'
import type { PlanStepInput, RunDetail } from '../../../src/shared/contract/fieldtest'
import { PERMISSIONS } from '../../../src/shared/permissions'
import { startSimulator } from '../../../src/main/simulator/server'
import { MERCHANT_NO, orderWorld, SIGN_KEY, cardFields, payoutFields, type OrderWorld } from '../orders/support'

export const REVIEWER = { username: 'field.reviewer', password: 'Reviewer-pass-1' }

export interface FieldWorld extends OrderWorld {
  reviewer: string
  /** The in-app simulator's address (rehearsals). */
  rehearsalUrl: string
}

export async function fieldWorld(options: { dbPath?: string; autoPayAfterMs?: number | null } = {}): Promise<FieldWorld> {
  const simulator = await startSimulator({ merchants: [{ merchantNo: MERCHANT_NO, signKey: SIGN_KEY }], payoutDelayMs: 100, autoPayAfterMs: options.autoPayAfterMs === undefined ? 100 : options.autoPayAfterMs, callbackRetryDelaysMs: [200, 500] })
  const w = await orderWorld({ simulator, dbPath: options.dbPath })
  const role = await w.t.ok('roles.create', { name: 'Field test reviewer', permissions: [PERMISSIONS.FIELD_TEST_REVIEW, PERMISSIONS.MASTER_DATA_READ] }, w.admin)
  await w.t.ok('users.create', { username: REVIEWER.username, displayName: 'Field Reviewer', password: REVIEWER.password, merchantId: null, roleIds: [role.id] }, w.admin)
  const reviewer = await w.t.signIn(REVIEWER.username, REVIEWER.password)
  const running = await w.t.core.simulator.start({ port: 0, autoPayAfterMs: null, payoutDelayMs: 100, merchants: [], startedBy: 'user' })
  return { ...w, reviewer, rehearsalUrl: running.url }
}

/** A plan of the given steps on the world's channel (generated first, then saved as version 2 with these steps). */
export async function planOf(w: FieldWorld, steps: PlanStepInput[], name = `Plan ${Math.random().toString(36).slice(2, 8)}`): Promise<OutputOf<'fieldtest.plans.get'>> {
  const generated = await w.t.ok('fieldtest.plans.generate', { channelId: w.channelId, name }, w.admin)
  return w.t.ok('fieldtest.plans.save', { id: generated.id, baseVersion: generated.version, steps, note: 'test steps' }, w.admin)
}

/** Waits until the run has ended (or reached `until`), failing with its steps when it does not in time. */
export async function settle(w: FieldWorld, runId: number, until: (run: RunDetail) => boolean = (r) => ['finished', 'stopped', 'interrupted', 'awaiting_confirmation'].includes(r.status), timeoutMs = 30_000): Promise<RunDetail> {
  const started = Date.now()
  for (;;) {
    const run = await w.t.ok('fieldtest.runs.get', { id: runId }, w.admin)
    if (until(run)) return run
    if (Date.now() - started > timeoutMs) throw new Error(`run ${runId} is still ${run.status}: ${run.steps.map((s) => `${s.index + 1} ${s.status} ${s.causeCode ?? ''}`).join(' | ')}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export const CAPS = { maxOrders: 50, maxAmount: '200000' }

export async function rehearse(w: FieldWorld, planId: number, faults: InputOf<'fieldtest.runs.start'>['faults'] = []): Promise<RunDetail> {
  const run = await w.t.ok('fieldtest.runs.start', { planId, target: 'simulator', caps: CAPS, faults }, w.admin)
  return settle(w, run.id)
}

export const deposit = (amount: string, expect: PlanStepInput['expect'], extra: Partial<PlanStepInput> = {}): PlanStepInput => ({ title: `Deposit ${amount}`, action: 'deposit', serviceId: 0, amount, fields: cardFields, expect, ...extra })
export const payout = (amount: string, expect: PlanStepInput['expect'], extra: Partial<PlanStepInput> = {}): PlanStepInput => ({ title: `Payout ${amount}`, action: 'payout', serviceId: 0, amount, fields: payoutFields, expect, ...extra })

/** Steps with the world's services filled in (0 stands for "the deposit service" or "the payout service"). */
export function withServices(w: FieldWorld, steps: PlanStepInput[]): PlanStepInput[] {
  return steps.map((s) => (s.action === 'deposit' ? { ...s, serviceId: w.depositServiceId } : s.action === 'payout' ? { ...s, serviceId: w.payoutServiceId } : s))
}

export function statuses(run: RunDetail): string[] {
  return run.steps.map((s) => `${s.status}${s.causeCode ? ` ${s.causeCode}` : ''}`)
}

export function expectEnded(run: RunDetail, status: RunDetail['status'] = 'finished'): void {
  expect(run.status, statuses(run).join(' | ')).toBe(status)
}

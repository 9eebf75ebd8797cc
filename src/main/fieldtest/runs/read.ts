/** Runs as the screens and the report read them: a run with its totals, its steps, one step's evidence, and two runs side by side. */
import { and, desc, eq, sql } from 'drizzle-orm'
import { COMPARED, type Comparison, type PlanStep, type RehearsalFaultInput, type RunDetail, type RunRow, type StepAmounts, type StepEvidence, type StepResult } from '../../../shared/contract/fieldtest'
import { numberedByTarget } from '../../../shared/fieldtest-titles'
import { fromMinor } from '../../../shared/money'
import type { ServerText } from '../../../shared/server-text'
import type { Db } from '../../db/open'
import { channels, fieldtestPlans, fieldtestReports, fieldtestRuns, fieldtestRunSteps, orders, refunds, services, users } from '../../db/schema'
import type { Tx } from '../../db/transaction'
import { regeneratedTitle } from '../plans/titles'
import { runSteps, stepOf, type Run, type RunStepRow } from './store'

const usernameOf = (db: Db | Tx, id: number | null) => (id === null ? null : (db.select({ username: users.username }).from(users).where(eq(users.id, id)).get()?.username ?? null))

/**
 * A step's title as a catalog text: the one it was generated with, else (a plan saved before
 * titles were kept as texts) the one its purpose and inputs give when the stored title is its
 * rendering; a title naming another step numbered after its target. Null: the engineer's words.
 */
function titleTextOf(db: Db | Tx, row: RunStepRow, step: PlanStep): ServerText | null {
  const text = step.text ?? (step.purpose && step.purpose !== 'custom' ? regeneratedTitle(step, serviceOfStep(db, row, step)) : null)
  return text ? numberedByTarget(text, step.target) : null
}

/** The step's service, or for a step acting on another step's order, that step's. */
function serviceOfStep(db: Db | Tx, row: RunStepRow, step: PlanStep) {
  const targetRow = step.serviceId === undefined && step.target !== undefined ? db.select().from(fieldtestRunSteps).where(and(eq(fieldtestRunSteps.runId, row.runId), eq(fieldtestRunSteps.stepIndex, step.target))).get() : undefined
  const serviceId = step.serviceId ?? (targetRow ? stepOf(targetRow).serviceId : undefined)
  if (serviceId === undefined) return undefined
  return db.select({ serviceType: services.serviceType, direction: services.direction, currency: services.currency }).from(services).where(eq(services.id, serviceId)).get()
}

export function stepResultOf(db: Db | Tx, row: RunStepRow): StepResult {
  const step = stepOf(row)
  const result = (row.result ?? {}) as { orderNo?: string | null; refundNo?: string | null; amounts?: StepAmounts | null; signature?: StepResult['signature']; duplicates?: number; callbackDelayMs?: number | null }
  const orderNo = result.orderNo ?? (row.orderId === null ? null : (db.select({ orderNo: orders.orderNo }).from(orders).where(eq(orders.id, row.orderId)).get()?.orderNo ?? null))
  const refundNo = result.refundNo ?? (row.refundId === null ? null : (db.select({ refundNo: refunds.refundNo }).from(refunds).where(eq(refunds.id, row.refundId)).get()?.refundNo ?? null))
  return {
    index: row.stepIndex,
    title: step.title,
    titleText: titleTextOf(db, row, step),
    action: step.action,
    purpose: step.purpose ?? 'custom',
    expect: step.expect ?? {},
    status: row.status,
    cause: row.cause,
    causeCode: row.causeCode,
    orderId: row.orderId,
    orderNo,
    refundNo,
    requestKey: row.requestKey,
    amounts: result.amounts ?? null,
    signature: result.signature ?? 'none',
    duplicates: result.duplicates ?? 0,
    callbackDelayMs: result.callbackDelayMs ?? null,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt
  }
}

export function stepEvidenceOf(row: RunStepRow): StepEvidence | null {
  return (row.evidence as unknown as StepEvidence | null) ?? null
}

export function runRowOf(db: Db | Tx, run: Run, rows: RunStepRow[] = runSteps(db, run.id)): RunRow {
  const plan = db.select({ name: fieldtestPlans.name }).from(fieldtestPlans).where(eq(fieldtestPlans.id, run.planId)).get()
  const channel = db.select({ name: channels.name }).from(channels).where(eq(channels.id, run.channelId)).get()
  const count = (status: RunStepRow['status']) => rows.filter((r) => r.status === status).length
  const sent = rows.filter((r) => r.orderId !== null)
  const report = db.select({ id: fieldtestReports.id }).from(fieldtestReports).where(eq(fieldtestReports.runId, run.id)).get()
  return {
    id: run.id,
    planId: run.planId,
    planName: plan?.name ?? '',
    planVersion: run.planVersion,
    channelId: run.channelId,
    channelName: channel?.name ?? '',
    currency: run.currency,
    target: run.target,
    status: run.status,
    statusText: run.statusText,
    caps: { maxOrders: run.maxOrders, maxAmount: fromMinor(run.maxAmountMinor, run.currency) },
    faults: run.faults as RehearsalFaultInput[],
    totals: {
      steps: rows.length,
      passed: count('passed'),
      failed: count('failed'),
      blocked: count('blocked'),
      skipped: count('skipped'),
      pending: count('pending') + count('running'),
      orders: sent.length,
      amount: fromMinor(
        sent.reduce((sum, r) => sum + (r.sentMinor ?? 0), 0),
        run.currency
      )
    },
    currentStep: run.currentStep,
    startedBy: usernameOf(db, run.startedBy) ?? '',
    startedAt: run.startedAt,
    confirmedBy: usernameOf(db, run.confirmedBy),
    confirmedAt: run.confirmedAt,
    finishedAt: run.finishedAt,
    reportId: report?.id ?? null
  }
}

export function runDetailOf(db: Db | Tx, run: Run): RunDetail {
  const rows = runSteps(db, run.id)
  return { ...runRowOf(db, run, rows), steps: rows.map((r) => stepResultOf(db, r)) }
}

export function listRuns(db: Db, tenantId: number, filter: { planId?: number; channelId?: number; serviceId?: number; page: number; pageSize: number }) {
  const where = and(
    eq(fieldtestRuns.tenantId, tenantId),
    filter.planId === undefined ? undefined : eq(fieldtestRuns.planId, filter.planId),
    filter.channelId === undefined ? undefined : eq(fieldtestRuns.channelId, filter.channelId),
    filter.serviceId === undefined ? undefined : sql`exists (select 1 from ${fieldtestRunSteps} where ${fieldtestRunSteps.runId} = ${fieldtestRuns.id} and json_extract(${fieldtestRunSteps.step}, '$.serviceId') = ${filter.serviceId})`
  )
  const total = db.select({ n: sql<number>`count(*)` }).from(fieldtestRuns).where(where).get()?.n ?? 0
  const runs = db
    .select()
    .from(fieldtestRuns)
    .where(where)
    .orderBy(desc(fieldtestRuns.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all()
  return { page: filter.page, pageSize: filter.pageSize, total, items: runs.map((r) => runRowOf(db, r)) }
}

/** What of a step is compared: the outcome, its cause, the four amounts and the fee, the callback's verdict, its repeats, and whether it came. */
function comparedValues(step: StepResult | null): Record<(typeof COMPARED)[number], string> {
  const a = step?.amounts
  return {
    status: step?.status ?? '',
    cause: step?.causeCode ?? '',
    requested: a?.requested ?? '',
    acceptedUpstream: a?.acceptedUpstream ?? '',
    paidInCallback: a?.paidInCallback ?? '',
    postedToLedger: a?.postedToLedger ?? '',
    feePosted: a?.feePosted ?? '',
    signature: step?.signature ?? '',
    duplicates: String(step?.duplicates ?? 0),
    callback: step?.callbackDelayMs === null || step?.callbackDelayMs === undefined ? 'none' : 'received'
  }
}

export function compareRuns(db: Db | Tx, left: Run, right: Run): Comparison {
  const l = runDetailOf(db, left)
  const r = runDetailOf(db, right)
  const count = Math.max(l.steps.length, r.steps.length)
  const steps = Array.from({ length: count }, (_, index) => {
    const a = l.steps[index] ?? null
    const b = r.steps[index] ?? null
    const va = comparedValues(a)
    const vb = comparedValues(b)
    const differences = COMPARED.filter((name) => va[name] !== vb[name])
    return { index, title: (a ?? b)!.title, titleText: (a ?? b)!.titleText, action: (a ?? b)!.action, left: a, right: b, differences }
  })
  const { steps: _l, ...leftRow } = l
  const { steps: _r, ...rightRow } = r
  return { left: leftRow, right: rightRow, steps, differing: steps.filter((s) => s.differences.length > 0).length }
}


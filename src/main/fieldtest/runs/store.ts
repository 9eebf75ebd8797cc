/**
 * Runs and their steps as stored: a run is written with all its steps pending, in one
 * transaction; each step then moves pending → running → passed | failed | blocked | skipped, and
 * a step's request key (the merchant order number derived from the run and the step) is written
 * before anything is sent, so a run resumed after a restart finds what it already sent.
 */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { PlanStep, StepStatus } from '../../../shared/contract/fieldtest'
import { say, type ServerText } from '../../../shared/server-text'
import { notFound } from '../../core/errors'
import { inEnglish } from '../../core/text'
import type { Db } from '../../db/open'
import { fieldtestRuns, fieldtestRunSteps } from '../../db/schema'
import type { Tx } from '../../db/transaction'

export type Run = typeof fieldtestRuns.$inferSelect
export type RunStepRow = typeof fieldtestRunSteps.$inferSelect

/** What makes a step's order (its merchant order number) or refund (its reason) the same after a restart. */
export const requestKeyOf = (runId: number, index: number) => `FT${runId}-${String(index + 1).padStart(3, '0')}`

export function loadRun(db: Db | Tx, tenantId: number, id: number): Run {
  const run = db.select().from(fieldtestRuns).where(and(eq(fieldtestRuns.id, id), eq(fieldtestRuns.tenantId, tenantId))).get()
  if (!run) throw notFound(say('thing.fieldtestRun', { id }))
  return run
}

export function runSteps(db: Db | Tx, runId: number): RunStepRow[] {
  return db.select().from(fieldtestRunSteps).where(eq(fieldtestRunSteps.runId, runId)).orderBy(asc(fieldtestRunSteps.stepIndex)).all()
}

export function stepOf(row: RunStepRow): PlanStep {
  return row.step as unknown as PlanStep
}

export function insertSteps(tx: Tx, runId: number, steps: PlanStep[]): void {
  for (const [index, step] of steps.entries()) {
    tx.insert(fieldtestRunSteps).values({ runId, stepIndex: index, step: step as unknown as Record<string, unknown>, status: 'pending' }).run()
  }
}

export interface StepEnd {
  status: Exclude<StepStatus, 'pending' | 'running'>
  cause: ServerText | null
  causeCode: string | null
  result?: Record<string, unknown> | null
  evidence?: Record<string, unknown> | null
}

/** Ends a step that is still running (a stop may have ended it first: then this writes nothing). */
export function endStep(tx: Tx, runId: number, index: number, end: StepEnd, now: number): boolean {
  const changed = tx
    .update(fieldtestRunSteps)
    .set({ status: end.status, cause: end.cause, causeCode: end.causeCode, causeSummary: end.cause ? inEnglish(end.cause) : null, result: end.result ?? null, evidence: end.evidence ?? null, finishedAt: now })
    .where(and(eq(fieldtestRunSteps.runId, runId), eq(fieldtestRunSteps.stepIndex, index), inArray(fieldtestRunSteps.status, ['pending', 'running'])))
    .run()
  return changed.changes > 0
}

export function markRunning(tx: Tx, runId: number, index: number, requestKey: string | null, now: number): void {
  tx.update(fieldtestRunSteps)
    .set({ status: 'running', requestKey, startedAt: sql`coalesce(${fieldtestRunSteps.startedAt}, ${now})` })
    .where(and(eq(fieldtestRunSteps.runId, runId), eq(fieldtestRunSteps.stepIndex, index)))
    .run()
}

export function recordOrder(tx: Tx, runId: number, index: number, orderId: number, sentMinor: number): void {
  tx.update(fieldtestRunSteps).set({ orderId, sentMinor }).where(and(eq(fieldtestRunSteps.runId, runId), eq(fieldtestRunSteps.stepIndex, index))).run()
}

export function recordRefund(tx: Tx, runId: number, index: number, refundId: number): void {
  tx.update(fieldtestRunSteps).set({ refundId }).where(and(eq(fieldtestRunSteps.runId, runId), eq(fieldtestRunSteps.stepIndex, index))).run()
}

/** Orders the run made and their total (minor units), the other steps than `except`: what the caps count. */
export function sentSoFar(db: Db | Tx, runId: number, except: number): { orders: number; amount: number } {
  const row = db
    .select({ orders: sql<number>`count(*)`, amount: sql<number>`coalesce(sum(${fieldtestRunSteps.sentMinor}), 0)` })
    .from(fieldtestRunSteps)
    .where(and(eq(fieldtestRunSteps.runId, runId), isNotNull(fieldtestRunSteps.orderId), sql`${fieldtestRunSteps.stepIndex} <> ${except}`))
    .get()
  return { orders: row?.orders ?? 0, amount: row?.amount ?? 0 }
}

export function setRunStatus(tx: Tx, runId: number, status: Run['status'], now: number, extra: Partial<Pick<Run, 'statusText' | 'currentStep' | 'finishedAt' | 'confirmedAt' | 'confirmedBy'>> = {}): void {
  tx.update(fieldtestRuns).set({ status, updatedAt: now, ...extra }).where(eq(fieldtestRuns.id, runId)).run()
}

/** What a running run says it is doing (written only while it runs: a stop's own text stands). */
export function setRunText(tx: Tx, runId: number, statusText: ServerText | null): void {
  tx.update(fieldtestRuns).set({ statusText }).where(and(eq(fieldtestRuns.id, runId), eq(fieldtestRuns.status, 'running'))).run()
}

/** Steps not yet ended become skipped with the cause (a stop, or a run that cannot go on). */
export function skipRemaining(tx: Tx, runId: number, cause: ServerText, causeCode: string, now: number): void {
  tx.update(fieldtestRunSteps)
    .set({ status: 'skipped', cause, causeCode, causeSummary: inEnglish(cause), finishedAt: now })
    .where(and(eq(fieldtestRunSteps.runId, runId), inArray(fieldtestRunSteps.status, ['pending', 'running'])))
    .run()
}

/** The step in progress, skipped by a stop with its own cause (what became of its order) and the evidence it has so far. */
export function skipRunning(tx: Tx, runId: number, index: number, cause: ServerText, causeCode: string, now: number, evidence: Record<string, unknown>): void {
  tx.update(fieldtestRunSteps)
    .set({ status: 'skipped', cause, causeCode, causeSummary: inEnglish(cause), evidence, finishedAt: now })
    .where(and(eq(fieldtestRunSteps.runId, runId), eq(fieldtestRunSteps.stepIndex, index), eq(fieldtestRunSteps.status, 'running')))
    .run()
}

/** Runs a restart found unfinished: they resume (rehearsals) or wait for the engineer (live). */
export function unfinishedRuns(db: Db): Run[] {
  return db.select().from(fieldtestRuns).where(inArray(fieldtestRuns.status, ['running', 'stopping'])).all()
}

/**
 * Reconciliation runs: started on statements of one source (a job in a worker thread), listed,
 * read with their breaks grouped by likely cause, and exported (breaks, matches, or the run's
 * report with its hashes). A merchant-bound user reads the runs with its own merchant's figures
 * and exports its own breaks only; starting a run is the platform's.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { RunRow } from '../../../shared/contract/reconciliation'
import { say, term } from '../../../shared/server-text'
import { minorOf } from '../../core/amount-input'
import { actorOf, type Ctx } from '../../core/context'
import { conflict, notFound, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { scopedMerchantId } from '../../core/scope'
import { tenantZone, displayZoneOf } from '../../core/tenant'
import { reconRuns, reconSources, reconStatements, users } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { offsetOf } from '../../db/sql'
import { dayStartMs, zoneOffsetMs } from '../../ledger/business-day'
import { privateFolder } from '../../paths'
import { readScope } from '../../reads/paged'
import { platformActor } from '../access'
import type { ReconExportResult } from '../export'
import { jobOut } from '../job-text'
import type { ReconTask } from '../jobs'
import { RULE_VERSION } from '../match'
import { RECON_READS } from '../reads'
import type { RunScope, RunSettings } from '../run'
import { OF_STATEMENTS } from '../run-inputs'
import { currentProfile, loadSource } from '../sources'
import { exportFileName } from '../../reports/export/file-name'
import { exportsFolder } from '../uploads'

type Run = typeof reconRuns.$inferSelect
const ONE_PAGE = { pageIndex: 1, pageSize: 1, withTotals: false }
const DAY_MS = 86_400_000

function audit(ctx: Ctx, targetId: number, summary: ReturnType<typeof say>, after?: unknown, merchantId: number | null = null): void {
  transact(ctx.db, (tx) => ctx.audit(tx, { targetType: 'recon_run', targetId, merchantId, summary, after }))
}

function runRowOf(run: Run & { sourceName: string; createdByName: string | null }): RunRow {
  const stored = run.summary as RunRow['summary'] | null
  // No line of theirs, no rate (runs before this said 100 %).
  const summary = stored && stored.lines === 0 ? { ...stored, matchRate: null } : stored
  return {
    id: run.id,
    sourceId: run.sourceId,
    sourceName: run.sourceName,
    status: run.status,
    scope: run.scope,
    ruleVersion: run.ruleVersion,
    inputHash: run.inputHash,
    resultHash: run.resultHash,
    summary: summary ? { ...summary, open: summary.open ?? 0 } : null,
    error: run.error,
    createdBy: run.createdByName,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt
  }
}

function runsQuery(db: Db | Tx) {
  return (db as Db)
    .select({ run: reconRuns, sourceName: reconSources.name, createdByName: users.username })
    .from(reconRuns)
    .innerJoin(reconSources, eq(reconSources.id, reconRuns.sourceId))
    .leftJoin(users, eq(users.id, reconRuns.createdBy))
}

export function loadRun(db: Db | Tx, tenantId: number, id: number) {
  const found = runsQuery(db)
    .where(and(eq(reconRuns.id, id), eq(reconRuns.tenantId, tenantId)))
    .get()
  if (!found) throw notFound(say('thing.reconRun', { id }))
  return { ...found.run, sourceName: found.sourceName, createdByName: found.createdByName }
}

/**
 * A run as the caller may see it: platform staff the whole run with its live open count; a
 * merchant-bound user the figures of its own merchant's matches and breaks (the run spans every
 * merchant of the statement).
 */
async function visibleRun(ctx: Ctx, run: ReturnType<typeof loadRun>) {
  const row = runRowOf(run)
  const merchantId = scopedMerchantId(actorOf(ctx)) ?? undefined
  const figures = await ctx.reads.read(RECON_READS.reconRunFigures, readScope(ctx), { runId: run.id, merchantId }, ONE_PAGE)
  // A merchant-bound user's runs are those with its merchant's matches or breaks; another's run is none of its business.
  const involved = figures.merchant === null || figures.merchant.matched > 0 || Object.values(figures.merchant.breaks).some((n) => n > 0)
  if (row.summary && figures.merchant === null) row.summary = { ...row.summary, open: figures.open }
  else if (row.summary && figures.merchant) {
    const m = figures.merchant
    row.summary = { lines: m.matched + Object.values(m.breaks).reduce((a, b) => a + b, 0), matched: m.matched, matchedAmount: m.matchedAmount, matchedIn: m.matchedIn, matchedOut: m.matchedOut, matchedNet: m.matchedNet, matchRate: 0, pending: { lines: 0, ours: 0 }, breaks: m.breaks, breakAmounts: m.breakAmounts, carried: 0, open: m.open }
    row.summary.matchRate = row.summary.lines === 0 ? null : m.matched / row.summary.lines
  }
  return { row, causes: figures.causes, involved }
}

/** The run's period: as given, or the statements' own, or the business days their lines fall on. */
function periodOf(ctx: Ctx, statementIds: number[], given: { from?: number; to?: number }, zone: string): { from: number; to: number } {
  if (given.from !== undefined && given.to !== undefined) {
    if (given.to <= given.from) throw validationError('to', say('error.recon.periodOrder'))
    return { from: given.from, to: given.to }
  }
  const stated = ctx.db
    .select({ from: sql<number | null>`min(${reconStatements.periodFrom})`, to: sql<number | null>`max(${reconStatements.periodTo})` })
    .from(reconStatements)
    .where(inArray(reconStatements.id, statementIds))
    .get()
  if (stated?.from != null && stated.to != null) return { from: given.from ?? stated.from, to: given.to ?? stated.to }
  const spanned = ctx.db.$client.prepare(`select min(at) as first, max(at) as last from recon_lines l where ${OF_STATEMENTS}`).get({ statementIds: JSON.stringify(statementIds) }) as { first: number | null; last: number | null }
  if (spanned.first === null || spanned.last === null) throw validationError('from', say('error.recon.noPeriod'))
  const dayOf = (ms: number) => new Date(ms + zoneOffsetMs(zone, ms)).toISOString().slice(0, 10)
  return { from: given.from ?? dayStartMs(dayOf(spanned.first), zone), to: given.to ?? dayStartMs(dayOf(spanned.last), zone) + DAY_MS }
}

export const reconRunProcedures = handlers({
  'recon.runs.start': (ctx, input) => {
    const actor = platformActor(ctx)
    const source = loadSource(ctx.db, ctx.tenantId, input.sourceId)
    const statements = ctx.db
      .select({ id: reconStatements.id, sourceId: reconStatements.sourceId })
      .from(reconStatements)
      .where(and(inArray(reconStatements.id, input.statementIds), eq(reconStatements.tenantId, ctx.tenantId), eq(reconStatements.status, 'imported')))
      .all()
    for (const id of input.statementIds) {
      const found = statements.find((s) => s.id === id)
      if (!found || found.sourceId !== source.id) throw validationError('statementIds', say('error.recon.statementsOfOtherSource', { id }))
    }
    const statementIds = [...new Set(input.statementIds)].sort((a, b) => a - b)
    const profile = currentProfile(ctx.db, source.id).profile
    const matching = { ...profile.matching, ...input.matching }
    const currency = source.currency ?? profile.currency
    const toleranceMinor = matching.toleranceAmount === '0' || Number(matching.toleranceAmount) === 0 ? 0 : currency ? minorOf('matching.toleranceAmount', matching.toleranceAmount, currency) : null
    if (toleranceMinor === null) throw validationError('matching.toleranceAmount', say('error.recon.channelCurrency'))
    // Business days (the cut-off, the settlement day, a period from the lines) are the tenant's, as everywhere else.
    const zone = tenantZone(ctx.db, ctx.tenantId)
    const period = periodOf(ctx, statementIds, input, zone)
    const scope: RunScope = { statementIds, from: period.from, to: period.to, channelId: source.channelId, includeTest: input.includeTest }
    const settings: RunSettings = {
      toleranceMinor,
      tolerancePpm: Math.round(Number(matching.tolerancePercent) * 10_000),
      windowMs: matching.windowMinutes * 60_000,
      graceMs: matching.graceMinutes * 60_000,
      cutoffMinutes: matching.cutoffMinutes,
      fee: source.feeRatePpm === null ? null : { ratePpm: source.feeRatePpm, fixedMinor: source.feeFixedMinor ?? 0 },
      zone
    }
    const now = ctx.clock.now()
    const run = transact(ctx.db, (tx) => {
      const inserted = tx
        .insert(reconRuns)
        .values({ tenantId: ctx.tenantId, sourceId: source.id, scope, inputHash: '', ruleVersion: RULE_VERSION, status: 'running', createdBy: actor.userId, startedAt: now })
        .returning()
        .get()
      ctx.audit(tx, { targetType: 'recon_run', targetId: inserted.id, summary: say('audit.recon.runStarted', { id: inserted.id, source: source.name }), after: { scope, settings } })
      return inserted
    })
    const task: ReconTask = { kind: 'run', runId: run.id, tenantId: ctx.tenantId, scope, settings, now }
    const job = ctx.recon.start(task, actor.userId, (ended) => {
      // The worker marks its run finished, cancelled or failed; a worker that died could not.
      if (ended.state !== 'finished') {
        ctx.db
          .update(reconRuns)
          .set({ status: ended.state === 'cancelled' ? 'cancelled' : 'failed', error: ended.error?.message ?? null, finishedAt: ctx.clock.now() })
          .where(and(eq(reconRuns.id, run.id), eq(reconRuns.status, 'running')))
          .run()
      }
      const finished = loadRun(ctx.db, ctx.tenantId, run.id)
      audit(ctx, run.id, say('audit.recon.runEnded', { id: run.id, state: term('reconJobState', ended.state) }), { state: finished.status, inputHash: finished.inputHash, resultHash: finished.resultHash, error: finished.error })
    })
    return { run: runRowOf(loadRun(ctx.db, ctx.tenantId, run.id)), job: jobOut(job) }
  },

  'recon.runs.list': async (ctx, input) => {
    const where = and(eq(reconRuns.tenantId, ctx.tenantId), input.sourceId === undefined ? undefined : eq(reconRuns.sourceId, input.sourceId))
    if (scopedMerchantId(actorOf(ctx)) !== null) {
      // Which runs are the merchant's is known from each run's figures (in the read pool): a few runs, paged here.
      const all = runsQuery(ctx.db).where(where).orderBy(desc(reconRuns.startedAt), desc(reconRuns.id)).all()
      const seen = (await Promise.all(all.map((f) => visibleRun(ctx, { ...f.run, sourceName: f.sourceName, createdByName: f.createdByName })))).filter((v) => v.involved).map((v) => v.row)
      const from = offsetOf(input.page, input.pageSize)
      return { page: input.page, pageSize: input.pageSize, total: seen.length, items: seen.slice(from, from + input.pageSize) }
    }
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(reconRuns).where(where).get()?.n ?? 0
    const found = runsQuery(ctx.db)
      .where(where)
      .orderBy(desc(reconRuns.startedAt), desc(reconRuns.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
    const rows = await Promise.all(found.map(async (f) => (await visibleRun(ctx, { ...f.run, sourceName: f.sourceName, createdByName: f.createdByName })).row))
    return { page: input.page, pageSize: input.pageSize, total, items: rows }
  },

  'recon.runs.get': async (ctx, input) => {
    const { row, causes, involved } = await visibleRun(ctx, loadRun(ctx.db, ctx.tenantId, input.id))
    if (!involved) throw notFound(say('thing.reconRun', { id: input.id }))
    return { ...row, causes }
  },

  'recon.runs.export': async (ctx, input) => {
    const actor = actorOf(ctx)
    const run = loadRun(ctx.db, ctx.tenantId, input.id)
    if (scopedMerchantId(actor) !== null && !(await visibleRun(ctx, run)).involved) throw notFound(say('thing.reconRun', { id: input.id }))
    if (run.status !== 'finished') throw conflict(say('error.recon.runNotFinished', { id: run.id }), { code: 'recon.run_not_finished' })
    const merchantId = scopedMerchantId(actor)
    // A merchant-bound user's report would state every merchant's figures: its breaks and matches only.
    if (merchantId !== null && input.what === 'report') platformActor(ctx)
    const folder = exportsFolder(ctx.recon.folder)
    privateFolder(folder)
    const zone = displayZoneOf(ctx.db, actor.userId, ctx.tenantId)
    // Named as the reports' exports are: the time in the user's zone, the offset said.
    const fileName = exportFileName(`run-${run.id}-${input.what}`, input.format, new Date(ctx.clock.now()), zone)
    const path = join(folder, `${actor.userId}-${randomUUID()}-${fileName}`)
    const task: ReconTask = { kind: 'export', request: { runId: run.id, tenantId: ctx.tenantId, what: input.what, format: input.format, language: input.language, merchantId, zone, path, fileName } }
    audit(ctx, run.id, say('audit.recon.exportStarted', { id: run.id, what: input.what, format: input.format.toUpperCase() }), { what: input.what, format: input.format, merchantId }, merchantId)
    const job = ctx.recon.start(task, actor.userId, (ended) => {
      const result = ended.result as ReconExportResult | null
      audit(ctx, run.id, say('audit.recon.exported', { id: run.id, what: input.what, format: input.format.toUpperCase() }), { state: ended.state, rows: result?.rows ?? null, merchantId }, merchantId)
    })
    return jobOut(job)
  }
})

/**
 * Test plans and their versions: the channel's services as a plan sees them (with their available
 * ranges), saving a version (each save is a new one, never an edit of an old one), and reading a
 * plan back at any version.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { planSteps, type PlanDetail, type PlanRow, type PlanStep, type PlanStepInput } from '../../../shared/contract/fieldtest'
import { say, type ServerText } from '../../../shared/server-text'
import { minorOf } from '../../core/amount-input'
import { conflict, notFound, validationError } from '../../core/errors'
import type { Db } from '../../db/open'
import { channelServiceBindings, channels, fieldtestPlans, fieldtestPlanVersions, merchants, services, users } from '../../db/schema'
import type { Tx } from '../../db/transaction'
import { storedChannel, type StoredChannel } from '../../master/channels'
import { evaluatePair } from '../../master/limits'
import { noteTextOf, type ServiceOnChannel } from './generate'

type Plan = typeof fieldtestPlans.$inferSelect

export function loadChannel(db: Db | Tx, tenantId: number, id: number): StoredChannel {
  const channel = storedChannel(db, tenantId, id)
  if (!channel) throw notFound(say('thing.channel', { id }))
  return channel
}

export function loadPlan(db: Db | Tx, tenantId: number, id: number): Plan {
  const plan = db.select().from(fieldtestPlans).where(and(eq(fieldtestPlans.id, id), eq(fieldtestPlans.tenantId, tenantId))).get()
  if (!plan) throw notFound(say('thing.fieldtestPlan', { id }))
  return plan
}

/** The services bound to the channel, each with its available range there (or why it has none). */
export function channelServices(db: Db | Tx, channel: StoredChannel) {
  const rows = db
    .select({ service: services, merchantName: merchants.name })
    .from(channelServiceBindings)
    .innerJoin(services, eq(services.id, channelServiceBindings.serviceId))
    .innerJoin(merchants, eq(merchants.id, services.merchantId))
    .where(eq(channelServiceBindings.channelId, channel.id))
    .orderBy(services.direction, services.serviceType, services.id)
    .all()
  return rows.map(({ service, merchantName }) => {
    const pair = evaluatePair(db, service, channel)
    const reason = pair.blockers[0] ?? null
    return {
      id: service.id,
      merchantId: service.merchantId,
      merchantName,
      serviceType: service.serviceType,
      direction: service.direction,
      currency: service.currency,
      usable: pair.usable,
      lower: pair.format(pair.range.lower),
      upper: pair.format(pair.range.upper),
      lowerSource: pair.range.lowerSource,
      upperSource: pair.range.upperSource,
      reason,
      minor: { lower: pair.range.lower, upper: pair.range.upper }
    }
  })
}

export function servicesForGeneration(list: ReturnType<typeof channelServices>): ServiceOnChannel[] {
  return list.map((s) => ({ id: s.id, serviceType: s.serviceType, direction: s.direction, currency: s.currency, usable: s.usable, lower: s.minor.lower, upper: s.minor.upper, reason: s.reason ?? null }))
}

/**
 * The steps checked against the channel: each order's service is one bound to it, and each amount
 * has at most the currency's digits (a step with a wrong amount is refused here, not at run time),
 * except where PayDesk's refusal is what the step tests (zero, too many decimals: `refused_locally`).
 */
export function checkSteps(db: Db | Tx, channel: StoredChannel, steps: PlanStep[]): void {
  const bound = new Map(channelServices(db, channel).map((s) => [s.id, s]))
  steps.forEach((step, index) => {
    const currency = step.serviceId !== undefined ? bound.get(step.serviceId)?.currency : step.target !== undefined ? bound.get(steps[step.target]?.serviceId ?? 0)?.currency : undefined
    if (step.serviceId !== undefined && !bound.has(step.serviceId)) throw validationError(`steps.${index}.serviceId`, say('rule.fieldtest.serviceNotBound', { id: step.serviceId, channel: channel.name }))
    if (step.amount !== undefined && currency && step.expect.outcome !== 'refused_locally') minorOf(`steps.${index}.amount`, step.amount, currency, { positive: true })
  })
}

export function parseSteps(steps: PlanStepInput[]): PlanStep[] {
  return planSteps.parse(steps)
}

function writeVersion(tx: Tx, planId: number, version: number, steps: PlanStep[], note: string, userId: number, now: number): void {
  tx.insert(fieldtestPlanVersions).values({ planId, version, steps, note, createdBy: userId, createdAt: now }).run()
  const serviceIds = [...new Set(steps.flatMap((s) => (s.serviceId === undefined ? [] : [s.serviceId])))].sort((a, b) => a - b)
  tx.update(fieldtestPlans).set({ version, serviceIds, updatedAt: now }).where(eq(fieldtestPlans.id, planId)).run()
}

/** A new plan of the channel at version 1. */
export function createPlan(tx: Tx, tenantId: number, channelId: number, name: string, steps: PlanStep[], note: string, userId: number, now: number): Plan {
  const plan = tx.insert(fieldtestPlans).values({ tenantId, channelId, name, version: 1, serviceIds: [], createdBy: userId, createdAt: now, updatedAt: now }).returning().get()
  writeVersion(tx, plan.id, 1, steps, note, userId, now)
  return loadPlan(tx, tenantId, plan.id)
}

/** Saves the steps as the plan's next version; refused when another version was saved since `baseVersion`. */
export function saveVersion(tx: Tx, plan: Plan, baseVersion: number, steps: PlanStep[], note: string, userId: number, now: number): number {
  if (baseVersion !== plan.version) {
    throw conflict(say('error.fieldtest.planMoved', { version: plan.version, base: baseVersion }), { code: 'fieldtest.plan_moved', field: 'baseVersion' })
  }
  writeVersion(tx, plan.id, plan.version + 1, steps, note, userId, now)
  return plan.version + 1
}

/** A name not yet used by a plan of the channel: the one asked for, else with " (2)", " (3)" … */
export function freeName(db: Db | Tx, tenantId: number, channelId: number, name: string): string {
  const taken = new Set(db.select({ name: fieldtestPlans.name }).from(fieldtestPlans).where(and(eq(fieldtestPlans.tenantId, tenantId), eq(fieldtestPlans.channelId, channelId))).all().map((p) => p.name))
  if (!taken.has(name)) return name
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`
}

function rowOf(db: Db | Tx, plan: Plan, channel: { name: string; currency: string } | undefined): PlanRow {
  const version = db.select({ steps: fieldtestPlanVersions.steps }).from(fieldtestPlanVersions).where(and(eq(fieldtestPlanVersions.planId, plan.id), eq(fieldtestPlanVersions.version, plan.version))).get()
  const author = plan.createdBy === null ? undefined : db.select({ username: users.username }).from(users).where(eq(users.id, plan.createdBy)).get()
  return {
    id: plan.id,
    channelId: plan.channelId,
    channelName: channel?.name ?? '',
    currency: channel?.currency ?? '',
    name: plan.name,
    version: plan.version,
    stepCount: version?.steps.length ?? 0,
    serviceIds: plan.serviceIds,
    createdBy: author?.username ?? null,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt
  }
}

export function listPlans(db: Db, tenantId: number, filter: { channelId?: number; serviceId?: number; page: number; pageSize: number }) {
  const where = and(
    eq(fieldtestPlans.tenantId, tenantId),
    filter.channelId === undefined ? undefined : eq(fieldtestPlans.channelId, filter.channelId),
    filter.serviceId === undefined ? undefined : sql`exists (select 1 from json_each(${fieldtestPlans.serviceIds}) where value = ${filter.serviceId})`
  )
  const total = db.select({ n: sql<number>`count(*)` }).from(fieldtestPlans).where(where).get()?.n ?? 0
  const rows = db
    .select({ plan: fieldtestPlans, name: channels.name, currency: channels.currency })
    .from(fieldtestPlans)
    .innerJoin(channels, eq(channels.id, fieldtestPlans.channelId))
    .where(where)
    .orderBy(desc(fieldtestPlans.updatedAt), desc(fieldtestPlans.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all()
  return { page: filter.page, pageSize: filter.pageSize, total, items: rows.map((r) => rowOf(db, r.plan, r)) }
}

/** The plan's steps at a version (the current one by default). */
export function planVersion(db: Db | Tx, plan: Plan, version = plan.version) {
  const row = db.select().from(fieldtestPlanVersions).where(and(eq(fieldtestPlanVersions.planId, plan.id), eq(fieldtestPlanVersions.version, version))).get()
  if (!row) throw notFound(say('thing.fieldtestPlanVersion', { id: plan.id, version }))
  return { ...row, steps: row.steps as PlanStep[] }
}

/**
 * Reads a version's note as a catalog text when it is the note the plan was generated with (the
 * services of its first version, in the order the generator named them), so it follows the
 * reader's language like the generated titles; a typed note stays as it was written (null).
 */
function generatedNoteReader(db: Db | Tx, firstSteps: PlanStep[] | undefined): (note: string) => ServerText | null {
  const ids = [...new Set((firstSteps ?? []).flatMap((s) => (s.serviceId === undefined ? [] : [s.serviceId])))]
  if (ids.length === 0) return () => null
  const chosen = db.select({ serviceType: services.serviceType, direction: services.direction }).from(services).where(inArray(services.id, ids)).orderBy(services.direction, services.serviceType, services.id).all()
  return (note) => (chosen.length === ids.length ? noteTextOf(note, chosen) : null)
}

export function planDetail(db: Db | Tx, tenantId: number, plan: Plan, version = plan.version): PlanDetail {
  const channel = loadChannel(db, tenantId, plan.channelId)
  const shown = planVersion(db, plan, version)
  const versions = db
    .select({ version: fieldtestPlanVersions.version, note: fieldtestPlanVersions.note, steps: fieldtestPlanVersions.steps, createdAt: fieldtestPlanVersions.createdAt, createdBy: users.username })
    .from(fieldtestPlanVersions)
    .leftJoin(users, eq(users.id, fieldtestPlanVersions.createdBy))
    .where(eq(fieldtestPlanVersions.planId, plan.id))
    .orderBy(desc(fieldtestPlanVersions.version))
    .all()
  const noteText = generatedNoteReader(db, versions.find((v) => v.version === 1)?.steps as PlanStep[] | undefined)
  return {
    ...rowOf(db, plan, channel),
    shownVersion: shown.version,
    note: shown.note,
    noteText: noteText(shown.note),
    steps: shown.steps,
    versions: versions.map((v) => ({ version: v.version, note: v.note, noteText: noteText(v.note), stepCount: v.steps.length, createdBy: v.createdBy, createdAt: v.createdAt })),
    services: channelServices(db, channel).map(({ minor: _minor, ...service }) => service)
  }
}

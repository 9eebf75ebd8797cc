/**
 * Field testing (docs/field-testing.md): test plans and their versions, runs of a plan (live or
 * rehearsed on the simulator) with each step's outcome and evidence, the rehearsal twin of a
 * channel (the copy of it that points at the simulator), the engineers' signing keys (the private
 * key sealed by the app's SecretBox) and the signed reports.
 *
 * Amounts are integer minor units of the channel's currency; steps and evidence are JSON as the
 * contract declares them (`src/shared/contract/fieldtest.ts`).
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { ServerText } from '../../../shared/server-text'
import { tenants, users } from './foundation'
import { channels } from './master'
import { orders } from './orders'

export const fieldtestPlans = sqliteTable(
  'fieldtest_plans',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    name: text('name').notNull(),
    /** The latest version; each save adds one. */
    version: integer('version').notNull(),
    /** The services the current version's steps use, for finding a channel's plans by service. */
    serviceIds: text('service_ids', { mode: 'json' }).$type<number[]>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [uniqueIndex('fieldtest_plans_name').on(t.tenantId, t.channelId, t.name), index('fieldtest_plans_updated').on(t.tenantId, t.updatedAt)]
)

/** Every saved version of a plan, never changed afterwards: a run names the version it ran. */
export const fieldtestPlanVersions = sqliteTable(
  'fieldtest_plan_versions',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => fieldtestPlans.id),
    version: integer('version').notNull(),
    steps: text('steps', { mode: 'json' }).$type<unknown[]>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] })]
)

export const FIELDTEST_RUN_STATUSES = ['running', 'awaiting_confirmation', 'stopping', 'stopped', 'finished', 'interrupted'] as const

export const fieldtestRuns = sqliteTable(
  'fieldtest_runs',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    planId: integer('plan_id')
      .notNull()
      .references(() => fieldtestPlans.id),
    planVersion: integer('plan_version').notNull(),
    /** The channel under test. */
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    /** Where the orders go: the channel itself (live) or its rehearsal twin (simulator). */
    orderChannelId: integer('order_channel_id')
      .notNull()
      .references(() => channels.id),
    target: text('target', { enum: ['live', 'simulator'] }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: FIELDTEST_RUN_STATUSES }).notNull(),
    statusText: text('status_text', { mode: 'json' }).$type<ServerText>(),
    maxOrders: integer('max_orders').notNull(),
    maxAmountMinor: integer('max_amount_minor').notNull(),
    faults: text('faults', { mode: 'json' }).$type<unknown[]>().notNull(),
    /** The step the run is at (or waits before), null once it ended. */
    currentStep: integer('current_step'),
    /** A live run moves money only once this is set (and again after a restart interrupted it). */
    confirmedBy: integer('confirmed_by').references(() => users.id),
    confirmedAt: integer('confirmed_at'),
    startedBy: integer('started_by')
      .notNull()
      .references(() => users.id),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [index('fieldtest_runs_plan').on(t.planId, t.id), index('fieldtest_runs_channel').on(t.channelId, t.id), index('fieldtest_runs_status').on(t.status)]
)

export const FIELDTEST_STEP_STATUSES = ['pending', 'running', 'passed', 'failed', 'blocked', 'skipped'] as const

export const fieldtestRunSteps = sqliteTable(
  'fieldtest_run_steps',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => fieldtestRuns.id),
    stepIndex: integer('step_index').notNull(),
    /** The step as it ran (a copy of the plan version's). */
    step: text('step', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: FIELDTEST_STEP_STATUSES }).notNull(),
    causeCode: text('cause_code'),
    cause: text('cause', { mode: 'json' }).$type<ServerText>(),
    /** English rendering of `cause`, for readers of the database. */
    causeSummary: text('cause_summary'),
    /** Set before anything is sent: the merchant order number (or refund key) derived from the run and the step. */
    requestKey: text('request_key'),
    orderId: integer('order_id').references(() => orders.id),
    refundId: integer('refund_id'),
    /** The order amount the step sent (minor units), counted against the run's amount cap. */
    sentMinor: integer('sent_minor'),
    result: text('result', { mode: 'json' }).$type<Record<string, unknown>>(),
    evidence: text('evidence', { mode: 'json' }).$type<Record<string, unknown>>(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at')
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepIndex] }), index('fieldtest_run_steps_order').on(t.orderId)]
)

/** A channel's copy that points at the simulator: rehearsals send their orders there, never to the live provider. */
export const fieldtestRehearsalChannels = sqliteTable('fieldtest_rehearsal_channels', {
  channelId: integer('channel_id')
    .primaryKey()
    .references(() => channels.id),
  twinChannelId: integer('twin_channel_id')
    .notNull()
    .unique()
    .references(() => channels.id),
  merchantNo: text('merchant_no').notNull(),
  createdAt: integer('created_at').notNull()
})

/** An engineer's (or reviewer's) Ed25519 key: the public key in the clear, the private key sealed by the SecretBox. */
export const fieldtestSigningKeys = sqliteTable('fieldtest_signing_keys', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  /** SPKI DER, base64. */
  publicKey: text('public_key').notNull(),
  privateKeyEnc: text('private_key_enc').notNull(),
  fingerprint: text('fingerprint').notNull(),
  createdAt: integer('created_at').notNull()
})

export const fieldtestReports = sqliteTable(
  'fieldtest_reports',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    runId: integer('run_id')
      .notNull()
      .references(() => fieldtestRuns.id),
    /** The signed report document (header, steps, chain, signatures), canonical JSON. */
    document: text('document').notNull(),
    head: text('head').notNull(),
    signedBy: integer('signed_by')
      .notNull()
      .references(() => users.id),
    countersignedBy: integer('countersigned_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [uniqueIndex('fieldtest_reports_run').on(t.runId), index('fieldtest_reports_created').on(t.tenantId, t.createdAt)]
)

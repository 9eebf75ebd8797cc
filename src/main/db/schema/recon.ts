/**
 * Statement reconciliation (docs/reconciliation.md): where statement files come from (sources),
 * how each source's files are read (versioned profiles), the files imported (statements) and
 * their lines, the runs that match lines against orders and refunds, what each run matched and
 * the breaks it found, and every decision a person took on a break (with its history).
 *
 * Amounts are integer minor units of the line's currency; a fee read with more decimals than the
 * currency has (WeChat's five) keeps its exact text beside its half-up rounding.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { ServerText } from '../../../shared/server-text'
import { tenants, users } from './foundation'
import { channels } from './master'

export const RECON_LINE_KINDS = ['payment', 'refund', 'payout', 'fee', 'settlement'] as const
export type ReconLineKind = (typeof RECON_LINE_KINDS)[number]

export const RECON_LINE_STATUSES = ['succeeded', 'failed', 'pending', 'refunded', 'reversed'] as const

export const BREAK_TYPES = [
  'missing_ours',
  'missing_theirs',
  'amount_over',
  'amount_short',
  'fee_mismatch',
  'currency_mismatch',
  'status_mismatch',
  'duplicate',
  'control_total'
] as const
export type BreakType = (typeof BREAK_TYPES)[number]

export const BREAK_STATUSES = ['open', 'awaiting_approval', 'resolved'] as const
export const BREAK_RESOLUTIONS = ['matched', 'accepted_theirs', 'written_off', 'ignored'] as const

export const reconSources = sqliteTable(
  'recon_sources',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    /** A channel's bills (matched against its orders) or a bank account's statements. */
    kind: text('kind', { enum: ['channel', 'bank'] }).notNull(),
    channelId: integer('channel_id').references(() => channels.id),
    /** The channel's own fee on a line (its schedule): rate in ppm and a fixed part in minor units; null when the source states no fee to check. */
    feeRatePpm: integer('fee_rate_ppm'),
    feeFixedMinor: integer('fee_fixed_minor'),
    /** The currency of the fee's fixed part (a channel source: the channel's). */
    currency: text('currency'),
    status: text('status', { enum: ['active', 'disabled'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [uniqueIndex('recon_sources_name').on(t.tenantId, t.name)]
)

/** How to read a source's files; a change is a new version, so every statement says which one read it. */
export const reconProfiles = sqliteTable(
  'recon_profiles',
  {
    id: integer('id').primaryKey(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => reconSources.id),
    version: integer('version').notNull(),
    /** The profile (src/shared/contract/recon-profile.ts), as saved. */
    profile: text('profile', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Why this version (a changed header, a new column). */
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull()
  },
  (t) => [uniqueIndex('recon_profiles_version').on(t.sourceId, t.version)]
)

export const reconStatements = sqliteTable(
  'recon_statements',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    sourceId: integer('source_id')
      .notNull()
      .references(() => reconSources.id),
    profileId: integer('profile_id')
      .notNull()
      .references(() => reconProfiles.id),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes: the same file is never imported twice. */
    fileHash: text('file_hash').notNull(),
    fileSize: integer('file_size').notNull(),
    encoding: text('encoding').notNull(),
    /** The period the file states (or spans), epoch ms, inclusive start and exclusive end. */
    periodFrom: integer('period_from'),
    periodTo: integer('period_to'),
    lineCount: integer('line_count').notNull(),
    /** Lines already imported from another file (their row key): not stored twice. */
    repeatedLines: integer('repeated_lines').notNull().default(0),
    /** The file's control totals: each stated, computed and whether they agree. */
    controls: text('controls', { mode: 'json' }).$type<{ name: string; stated: string; computed: string; ok: boolean }[]>().notNull(),
    /**
     * `importing` while its lines are written in batches, `checked` once a dry run wrote them all
     * (its commit only marks it imported), `discarding` while they are removed: none of these is
     * seen by runs and lists. `imported` once whole.
     */
    status: text('status', { enum: ['importing', 'checked', 'discarding', 'imported'] }).notNull(),
    /** The dry run's report of a `checked` statement: the commit answers it. */
    report: text('report', { mode: 'json' }).$type<unknown>(),
    importedBy: integer('imported_by').references(() => users.id),
    importedAt: integer('imported_at').notNull()
  },
  (t) => [uniqueIndex('recon_statements_file').on(t.tenantId, t.fileHash), index('recon_statements_source').on(t.sourceId, t.periodFrom)]
)

export const reconLines = sqliteTable(
  'recon_lines',
  {
    id: integer('id').primaryKey(),
    statementId: integer('statement_id')
      .notNull()
      .references(() => reconStatements.id),
    sourceId: integer('source_id').notNull(),
    lineNo: integer('line_no').notNull(),
    /** Identifies the line across files of the source: a line seen before is not stored twice. */
    rowKey: text('row_key').notNull(),
    kind: text('kind', { enum: RECON_LINE_KINDS }).notNull(),
    orderNo: text('order_no'),
    merchantOrderNo: text('merchant_order_no'),
    upstreamNo: text('upstream_no'),
    refundNo: text('refund_no'),
    currency: text('currency'),
    grossMinor: integer('gross_minor'),
    /** The fee as the file writes it (exact) and rounded half-up to the minor unit. */
    feeText: text('fee_text'),
    feeMinor: integer('fee_minor'),
    netMinor: integer('net_minor'),
    at: integer('at'),
    status: text('status', { enum: RECON_LINE_STATUSES }),
    counterparty: text('counterparty'),
    /** The row's cells as read, for display beside ours. */
    raw: text('raw').notNull()
  },
  (t) => [
    uniqueIndex('recon_lines_key').on(t.sourceId, t.rowKey),
    // No index of its numbers: the key pass looks ours up by the lines' numbers (ours are indexed),
    // and no query could use one (each search names four numbers, two never indexed), while every
    // import of a million lines wrote both.
    index('recon_lines_statement').on(t.statementId, t.lineNo)
  ]
)

/**
 * The lines a statement's file lists that an earlier statement of the source already held (the
 * same row key): stored once, under the earlier statement, and read by this one's runs too, so a
 * run over a file that repeats lines of another sees every line the file lists.
 */
export const reconStatementRepeats = sqliteTable(
  'recon_statement_repeats',
  {
    statementId: integer('statement_id')
      .notNull()
      .references(() => reconStatements.id),
    lineId: integer('line_id')
      .notNull()
      .references(() => reconLines.id)
  },
  (t) => [primaryKey({ columns: [t.statementId, t.lineId] }), index('recon_statement_repeats_line').on(t.lineId)]
)

/** A match by hand, kept across runs: a later run over the same lines starts from it. */
export const reconManualLinks = sqliteTable(
  'recon_manual_links',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id').notNull(),
    lineId: integer('line_id')
      .notNull()
      .references(() => reconLines.id),
    orderId: integer('order_id'),
    refundId: integer('refund_id'),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    /** Unmatched again by a person (undo): kept, never deleted. */
    removedAt: integer('removed_at'),
    removedBy: integer('removed_by').references(() => users.id)
  },
  (t) => [index('recon_manual_links_line').on(t.lineId)]
)

export const reconRuns = sqliteTable(
  'recon_runs',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    sourceId: integer('source_id')
      .notNull()
      .references(() => reconSources.id),
    /** The statements, the period and the channel matched: what a rerun repeats. */
    scope: text('scope', { mode: 'json' }).$type<{ statementIds: number[]; from: number; to: number; channelId: number | null }>().notNull(),
    /** SHA-256 over the input files' hashes, the profile versions, the rule version and the manual links. */
    inputHash: text('input_hash').notNull(),
    /** SHA-256 over the matches and breaks: the same inputs give the same result hash. */
    resultHash: text('result_hash'),
    ruleVersion: integer('rule_version').notNull(),
    status: text('status', { enum: ['running', 'finished', 'failed', 'cancelled'] }).notNull(),
    summary: text('summary', { mode: 'json' }).$type<Record<string, unknown>>(),
    error: text('error'),
    createdBy: integer('created_by').references(() => users.id),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    /**
     * Counts every change to the run's breaks (triggers of migration 0025 on recon_breaks): a list's
     * count and page positions (reads/positions.ts) hold while it is unchanged, whatever else is written.
     */
    breaksVersion: integer('breaks_version').notNull().default(0)
  },
  (t) => [index('recon_runs_source').on(t.tenantId, t.sourceId, t.startedAt)]
)

export const reconMatches = sqliteTable(
  'recon_matches',
  {
    id: integer('id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => reconRuns.id),
    lineId: integer('line_id').notNull(),
    orderId: integer('order_id'),
    refundId: integer('refund_id'),
    /** Which pass matched it: `manual`, `key`, `window`, `group`. */
    pass: text('pass').notNull(),
    /** Lines or orders matched together as one (a settlement against its members). */
    groupKey: text('group_key'),
    merchantId: integer('merchant_id'),
    currency: text('currency'),
    amountMinor: integer('amount_minor')
  },
  (t) => [index('recon_matches_run').on(t.runId, t.lineId), index('recon_matches_order').on(t.runId, t.orderId)]
)

export const reconBreaks = sqliteTable(
  'recon_breaks',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id').notNull(),
    runId: integer('run_id')
      .notNull()
      .references(() => reconRuns.id),
    type: text('type', { enum: BREAK_TYPES }).notNull(),
    /** What makes it the same break in a later run (type, their row key, our order): decisions follow it. */
    identity: text('identity').notNull(),
    lineId: integer('line_id'),
    orderId: integer('order_id'),
    refundId: integer('refund_id'),
    statementId: integer('statement_id'),
    /** The order's merchant (the merchant scope); null when nothing of ours is involved. */
    merchantId: integer('merchant_id'),
    currency: text('currency'),
    theirsMinor: integer('theirs_minor'),
    oursMinor: integer('ours_minor'),
    differenceMinor: integer('difference_minor'),
    /** The time the break is aged from (their line's, or our order's). */
    at: integer('at').notNull(),
    /** Its likely cause (`fee`, `cutoff`, `rate:…`, `rounding`, …): breaks of one cause are understood and resolved together. */
    causeKey: text('cause_key').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: BREAK_STATUSES }).notNull(),
    resolution: text('resolution', { enum: BREAK_RESOLUTIONS }),
    assignedTo: integer('assigned_to').references(() => users.id),
    /** An adjustment asked for to accept theirs (maker-checker). */
    adjustmentId: integer('adjustment_id'),
    /** A forced result asked for to accept theirs, waiting for a second user (four eyes; finance/four-eyes.ts). */
    approvalId: integer('approval_id'),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('recon_breaks_identity').on(t.runId, t.identity),
    // The list's filters, each in the list's order (at, id): a page is read off the index, never sorted.
    index('recon_breaks_list').on(t.runId, t.status, t.at, t.id),
    index('recon_breaks_any_status').on(t.runId, t.at, t.id),
    index('recon_breaks_type').on(t.runId, t.type, t.status, t.at, t.id),
    index('recon_breaks_cause').on(t.runId, t.causeKey, t.status, t.at, t.id),
    index('recon_breaks_merchant').on(t.runId, t.merchantId, t.status, t.at, t.id),
    index('recon_breaks_adjustment').on(t.adjustmentId),
    index('recon_breaks_approval').on(t.approvalId)
  ]
)

/**
 * Every act on a break (resolve, annotate, assign, undo; `requested`: accepting theirs asked for, waiting
 * for a second user), never deleted: its history and its audit trail.
 */
export const reconBreakEvents = sqliteTable(
  'recon_break_events',
  {
    id: integer('id').primaryKey(),
    breakId: integer('break_id')
      .notNull()
      .references(() => reconBreaks.id),
    /** The break's identity: every act follows the same break into later runs (its history, its decision, its owner). */
    identity: text('identity'),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action', { enum: ['resolved', 'requested', 'reopened', 'annotated', 'assigned', 'undone', 'carried'] }).notNull(),
    resolution: text('resolution', { enum: BREAK_RESOLUTIONS }),
    text: text('text', { mode: 'json' }).$type<ServerText>().notNull(),
    summary: text('summary').notNull(),
    detail: text('detail', { mode: 'json' })
  },
  (t) => [index('recon_break_events_break').on(t.breakId, t.at), index('recon_break_events_identity').on(t.identity)]
)

/**
 * The ledger self-check's results (docs/desktop.md, "Backup, restore and the ledger check"): each
 * run of `verify` on the live database (daily by itself, or asked for) or on a backup file before
 * it is restored, with what it found. Home marks the latest live check red when it found drift.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { tenants, users } from './foundation'

export const LEDGER_CHECK_TARGETS = ['live', 'backup'] as const
export const LEDGER_CHECK_STATUSES = ['clean', 'drift', 'failed'] as const

export const ledgerChecks = sqliteTable(
  'ledger_checks',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    target: text('target', { enum: LEDGER_CHECK_TARGETS }).notNull(),
    /** The backup file's name (target 'backup'). */
    file: text('file'),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at').notNull(),
    status: text('status', { enum: LEDGER_CHECK_STATUSES }).notNull(),
    postings: integer('postings').notNull().default(0),
    entries: integer('entries').notNull().default(0),
    accounts: integer('accounts').notNull().default(0),
    driftCount: integer('drift_count').notNull().default(0),
    /** The first drifts found, as JSON [{ what, detail }]. */
    drifts: text('drifts').notNull().default('[]'),
    /** Why a check could not run (an unreadable file, not a PayDesk database). */
    error: text('error'),
    /** Null: the daily check. */
    requestedBy: integer('requested_by').references(() => users.id)
  },
  (t) => [index('ledger_checks_target_idx').on(t.tenantId, t.target, t.id)]
)

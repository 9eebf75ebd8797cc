/**
 * The timelines of after-sales and finance cases (refunds, disputes, waybills, withdrawals,
 * adjustment requests): one table, keyed by the kind of case and its id, written in the
 * transaction of the step each event records.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { ServerText } from '../../../shared/server-text'

export const CASE_TYPES = ['refund', 'dispute', 'waybill', 'withdrawal', 'adjustment'] as const
export type CaseType = (typeof CASE_TYPES)[number]

export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey(),
    caseType: text('case_type', { enum: CASE_TYPES }).notNull(),
    caseId: integer('case_id').notNull(),
    at: integer('at').notNull(),
    /** English rendering of `text`, for readers of the database. */
    summary: text('summary').notNull(),
    text: text('text', { mode: 'json' }).$type<ServerText>().notNull(),
    detail: text('detail', { mode: 'json' }),
    actor: text('actor').notNull().default('system')
  },
  (t) => [index('case_events_case').on(t.caseType, t.caseId, t.at)]
)

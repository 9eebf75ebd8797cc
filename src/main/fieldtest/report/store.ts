/** Signed reports as stored (the document, canonical JSON) and as the screens list them. */
import { and, desc, eq, sql } from 'drizzle-orm'
import type { ReportRow } from '../../../shared/contract/fieldtest'
import { say } from '../../../shared/server-text'
import { notFound } from '../../core/errors'
import type { Db } from '../../db/open'
import { fieldtestReports } from '../../db/schema'
import type { Tx } from '../../db/transaction'
import type { ReportDocument } from './document'

export type StoredReport = typeof fieldtestReports.$inferSelect

export function loadReport(db: Db | Tx, tenantId: number, id: number): StoredReport {
  const row = db.select().from(fieldtestReports).where(and(eq(fieldtestReports.id, id), eq(fieldtestReports.tenantId, tenantId))).get()
  if (!row) throw notFound(say('thing.fieldtestReport', { id }))
  return row
}

export const documentOf = (report: StoredReport) => JSON.parse(report.document) as ReportDocument

export function reportRowOf(report: StoredReport): ReportRow {
  const doc = documentOf(report)
  return {
    id: report.id,
    runId: report.runId,
    planName: doc.header.plan.name,
    planVersion: doc.header.plan.version,
    channelName: doc.header.channel.name,
    target: doc.header.target,
    stepCount: doc.steps.length,
    head: doc.chain.head,
    signatures: doc.signatures.map(({ role, userId, username, displayName, fingerprint, signedAt }) => ({ role, userId, username, displayName, fingerprint, signedAt })),
    createdAt: report.createdAt
  }
}

export function listReports(db: Db, tenantId: number, filter: { runId?: number; page: number; pageSize: number }) {
  const where = and(eq(fieldtestReports.tenantId, tenantId), filter.runId === undefined ? undefined : eq(fieldtestReports.runId, filter.runId))
  const total = db.select({ n: sql<number>`count(*)` }).from(fieldtestReports).where(where).get()?.n ?? 0
  const rows = db
    .select()
    .from(fieldtestReports)
    .where(where)
    .orderBy(desc(fieldtestReports.createdAt), desc(fieldtestReports.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all()
  return { page: filter.page, pageSize: filter.pageSize, total, items: rows.map(reportRowOf) }
}

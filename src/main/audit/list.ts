/**
 * The audit log's list (`audit.list`), newest first, with its exact total. Every write adds an
 * event, so a year of operations leaves millions: counting them, stepping to a deep page and a
 * search through every event's texts can each take longer than the main thread may be held. Like
 * the orders list it runs where the report reads run (reports/catalog.ts): in a report worker on a
 * database file, inline on an in-memory one.
 */
import type { AuditRow } from '../../shared/contract/audit'
import { escapeLike } from '../db/sql'
import { pageOffset, reportPage, SqlFilter, statement, type PageRequest, type ReportPage, type ReadSource } from '../reads/page'

export interface AuditListFilters {
  /** Only this merchant's events: the merchant scope of a merchant-bound user (applied by the caller on the main thread), or a filter. */
  merchantId?: number
  userId?: number
  procedure?: string
  targetType?: string
  /** Part of the summary, the actor's name or the target's id. */
  search?: string
  /** Epoch ms, inclusive. */
  from?: number
  to?: number
}

function auditFilter(src: ReadSource, f: AuditListFilters): SqlFilter {
  const where = new SqlFilter()
    .and('tenant_id = ?', src.tenantId)
    .when(f.merchantId, 'merchant_id = ?', f.merchantId)
    .when(f.userId, 'user_id = ?', f.userId)
    .when(f.procedure, 'procedure = ?', f.procedure)
    .when(f.targetType, 'target_type = ?', f.targetType)
    .when(f.from, 'at >= ?', f.from)
    .when(f.to, 'at <= ?', f.to)
  if (f.search) {
    const pattern = `%${escapeLike(f.search)}%`
    where.and("(summary like ? escape '\\' or actor like ? escape '\\' or target_id like ? escape '\\')", pattern, pattern, pattern)
  }
  return where
}

const COLUMNS = 'id, at, user_id as userId, actor, procedure, target_type as targetType, target_id as targetId, merchant_id as merchantId, summary, text, before, after'

type StoredRow = Omit<AuditRow, 'text' | 'before' | 'after'> & { text: string | null; before: string | null; after: string | null }

/** The JSON columns as stored (text), read back as values. */
const parsed = (json: string | null) => (json === null ? null : (JSON.parse(json) as unknown))

export function auditList(src: ReadSource, f: AuditListFilters, request: PageRequest): ReportPage<AuditRow, never> {
  const where = auditFilter(src, f)
  const total = (statement(src.sqlite, `select count(*) as n from audit_events where ${where.sql}`).get(...where.params) as { n: number }).n
  const offset = pageOffset(request, total)
  if (offset === null) return reportPage(request, total, [], null)
  const rows = statement(src.sqlite, `select ${COLUMNS} from audit_events where ${where.sql} order by at desc, id desc limit ? offset ?`).all(...where.params, request.pageSize, offset) as StoredRow[]
  const items = rows.map((r) => ({ ...r, text: parsed(r.text) as AuditRow['text'], before: parsed(r.before), after: parsed(r.after) }))
  return reportPage(request, total, items, null)
}

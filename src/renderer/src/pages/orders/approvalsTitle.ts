/**
 * The title of an order's four-eyes requests on its page: waiting while one is pending (how many),
 * else what became of the latest one (released or applied, rejected, or withdrawn because the
 * order finished first), never "awaiting" on an order nobody waits for.
 */
import type { ApprovalRow } from '../../../../shared/contract/four-eyes'

export type OrderApprovalsTitle =
  | { key: 'pending'; count: number }
  | { key: 'payoutReleased' | 'resultApplied' | 'approved' | 'rejected' | 'withdrawn'; count?: undefined }

export function orderApprovalsTitle(rows: readonly Pick<ApprovalRow, 'status' | 'kind' | 'createdAt' | 'decidedAt'>[]): OrderApprovalsTitle {
  const pending = rows.filter((r) => r.status === 'pending').length
  if (pending > 0) return { key: 'pending', count: pending }
  const latest = [...rows].sort((a, b) => (b.decidedAt ?? b.createdAt) - (a.decidedAt ?? a.createdAt))[0]
  if (!latest || latest.status === 'withdrawn') return { key: 'withdrawn' }
  if (latest.status === 'rejected') return { key: 'rejected' }
  return { key: latest.kind === 'payout' ? 'payoutReleased' : latest.kind === 'mark_result' ? 'resultApplied' : 'approved' }
}

/**
 * Home's attention list: the work waiting for people, each kind counted where it is cheapest
 * (the stored status and outbox counts, or a narrow index range of the few rows waiting) and
 * linked to the list that shows exactly it. The caller decides which kinds the user may see and
 * passes their merchant scope; this read only counts.
 *
 * An item's id is stable for the same work: one per kind, and per run for reconciliation, so a
 * notifier can raise each id once and again only when its count grows.
 */
import type { AttentionItem, AttentionKind } from '../../shared/contract/home'
import { statement, type ReadSource } from '../reads/page'

export interface AttentionFilters {
  /** A merchant-bound user's merchant. */
  merchantId?: number
  /** The kinds the user may see and act on. */
  kinds: AttentionKind[]
  /** Requests by this user are not theirs to review (maker-checker). */
  userId: number
  now: number
}

const DAY_MS = 86_400_000

/** Where each kind's work is listed (router.tsx's paths with the list's URL filters). */
export const ATTENTION_LINKS: Record<Exclude<AttentionKind, 'reconBreaks'>, string> = {
  payoutsUnknown: '/orders?status=unknown&direction=payout',
  outboxGaveUp: '/orders/outbox?status=gave_up',
  depositsOverdue: '/orders?overdue=true',
  disputesEvidenceDue: '/aftersales/disputes?status=open',
  // Others' requests only, as counted: a requester does not review their own.
  withdrawalsToReview: '/finance/withdrawals?status=pending_review&requestedBy=others',
  adjustmentsToReview: '/finance/adjustments?status=pending&requestedBy=others'
}

type Counted = { n: number; oldest: number | null; deadline?: number | null }

/** A merchant condition added to a statement only when the user is bound to one. */
const mine = (f: AttentionFilters, column: string) => (f.merchantId === undefined ? '' : ` and ${column} = ?`)
const mineParam = (f: AttentionFilters) => (f.merchantId === undefined ? [] : [f.merchantId])

function payoutsUnknown(src: ReadSource, f: AttentionFilters): Counted {
  // Counted from the stored status days (with test orders, as the orders list shows them).
  const { n } =
    f.merchantId === undefined
      ? (statement(src.sqlite, `select coalesce(sum(order_count), 0) as n from order_status_days indexed by order_status_days_status where tenant_id = ? and include_test = 1 and status = 'unknown' and direction = 'payout'`).get(src.tenantId) as { n: number })
      : (statement(
          src.sqlite,
          `select coalesce(sum(order_count), 0) as n from order_status_merchant_days indexed by order_status_merchant_days_status where tenant_id = ? and include_test = 1 and merchant_id = ? and status = 'unknown' and direction = 'payout'`
        ).get(src.tenantId, f.merchantId) as { n: number })
  if (n === 0) return { n, oldest: null }
  const oldest = statement(src.sqlite, `select min(created_at) as at from orders indexed by orders_list_status where tenant_id = ? and status = 'unknown' and direction = 'payout'${mine(f, 'merchant_id')}`).get(src.tenantId, ...mineParam(f)) as { at: number | null }
  return { n, oldest: oldest.at }
}

function outboxGaveUp(src: ReadSource, f: AttentionFilters): Counted {
  const { n } = statement(src.sqlite, `select coalesce(sum(item_count), 0) as n from outbox_counts where tenant_id = ? and status = 'gave_up'${mine(f, 'merchant_id')}`).get(src.tenantId, ...mineParam(f)) as { n: number }
  if (n === 0) return { n, oldest: null }
  const oldest = statement(
    src.sqlite,
    `select min(x.updated_at) as at from outbox x indexed by outbox_list_status join orders o on o.id = x.order_id where x.status = 'gave_up' and o.tenant_id = ?${mine(f, 'o.merchant_id')}`
  ).get(src.tenantId, ...mineParam(f)) as { at: number | null }
  return { n, oldest: oldest.at }
}

/** Unpaid orders past their expiry that the job loop has not closed: the orders list's `overdue` filter. */
function depositsOverdue(src: ReadSource, f: AttentionFilters): Counted {
  const row = statement(
    src.sqlite,
    `select count(*) as n, min(expires_at) as oldest from orders indexed by orders_status_expires
     where status in ('created', 'pending') and expires_at <= ? and tenant_id = ?${mine(f, 'merchant_id')}`
  ).get(f.now, src.tenantId, ...mineParam(f)) as { n: number; oldest: number | null }
  return row
}

/** Open disputes: their evidence is still to be sent; the deadline is the nearest (past when overdue). */
function disputesEvidenceDue(src: ReadSource, f: AttentionFilters): Counted {
  return statement(
    src.sqlite,
    `select count(*) as n, min(created_at) as oldest, min(evidence_due_at) as deadline from disputes indexed by disputes_status_due
     where status = 'open' and tenant_id = ?${mine(f, 'merchant_id')}`
  ).get(src.tenantId, ...mineParam(f)) as Counted
}

/** Requests waiting for a reviewer other than their requester. */
function toReview(src: ReadSource, f: AttentionFilters, table: 'withdrawals' | 'adjustment_requests'): Counted {
  const status = table === 'withdrawals' ? 'pending_review' : 'pending'
  return statement(
    src.sqlite,
    `select count(*) as n, min(created_at) as oldest from ${table} indexed by ${table}_status_created
     where status = ? and tenant_id = ? and requested_by <> ?${mine(f, 'merchant_id')}`
  ).get(status, src.tenantId, f.userId, ...mineParam(f)) as Counted
}

/**
 * Open breaks of each source's latest finished run, by age: a later run finds again every break
 * not decided (decisions carry by identity), so an earlier run's open breaks are the same work.
 */
function reconBreaks(src: ReadSource, f: AttentionFilters): AttentionItem[] {
  const runs = statement(
    src.sqlite,
    `select r.id as id from recon_runs r where r.tenant_id = ? and r.status = 'finished'
       and r.id = (select r2.id from recon_runs r2 indexed by recon_runs_source where r2.tenant_id = r.tenant_id and r2.source_id = r.source_id and r2.status = 'finished' order by r2.started_at desc, r2.id desc limit 1)
     order by r.id`
  ).all(src.tenantId) as { id: number }[]
  const index = f.merchantId === undefined ? 'recon_breaks_list' : 'recon_breaks_merchant'
  const count = statement(
    src.sqlite,
    `select count(*) as n, min(at) as oldest, coalesce(sum(at > ?), 0) as underOne, coalesce(sum(at <= ? and at > ?), 0) as oneToThree,
       coalesce(sum(at <= ? and at > ?), 0) as threeToSeven, coalesce(sum(at <= ?), 0) as overSeven
     from recon_breaks indexed by ${index} where run_id = ? and status = 'open' and tenant_id = ?${mine(f, 'merchant_id')}`
  )
  const ago = (days: number) => f.now - days * DAY_MS
  const items: AttentionItem[] = []
  for (const run of runs) {
    const c = count.get(ago(1), ago(1), ago(3), ago(3), ago(7), ago(7), run.id, src.tenantId, ...mineParam(f)) as { n: number; oldest: number | null; underOne: number; oneToThree: number; threeToSeven: number; overSeven: number }
    if (c.n === 0) continue
    items.push({
      id: `reconBreaks:${run.id}`,
      kind: 'reconBreaks',
      count: c.n,
      oldestAt: c.oldest,
      deadline: null,
      runId: run.id,
      ages: { underOne: c.underOne, oneToThree: c.oneToThree, threeToSeven: c.threeToSeven, overSeven: c.overSeven },
      link: `/reconciliation/runs/${run.id}`
    })
  }
  return items
}

const COUNTS: Record<Exclude<AttentionKind, 'reconBreaks'>, (src: ReadSource, f: AttentionFilters) => Counted> = {
  payoutsUnknown,
  outboxGaveUp,
  depositsOverdue,
  disputesEvidenceDue,
  withdrawalsToReview: (src, f) => toReview(src, f, 'withdrawals'),
  adjustmentsToReview: (src, f) => toReview(src, f, 'adjustment_requests')
}

/** The items with work waiting, in the order of ATTENTION_KINDS; a kind with nothing waiting is left out. */
export function attentionItems(src: ReadSource, f: AttentionFilters): AttentionItem[] {
  const items: AttentionItem[] = []
  for (const kind of f.kinds) {
    if (kind === 'reconBreaks') {
      items.push(...reconBreaks(src, f))
      continue
    }
    const c = COUNTS[kind](src, f)
    if (c.n === 0) continue
    items.push({ id: kind, kind, count: c.n, oldestAt: c.oldest, deadline: c.deadline ?? null, runId: null, ages: null, link: ATTENTION_LINKS[kind] })
  }
  return items
}

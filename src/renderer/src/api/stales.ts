/**
 * Which cached reads a write makes stale, in one place: `useApiMutation` (and the few pages that
 * call a procedure directly) invalidate what is listed here for the procedure, plus anything the
 * call site adds. A write that moves money stales every read that shows money (balances, account
 * details, reports, Home's figures), wherever it is called from: before this map each call site
 * listed its own reads, and the Ledger page kept showing balances from before a payout.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { ProcedureName } from '../../../shared/contract'

/** Every read that shows a balance or a money figure. */
export const MONEY_READS = [
  'ledger.balances',
  'channels.list',
  'channels.get',
  'merchants.list',
  'merchants.get',
  'orders.options',
  'limits.availableRange',
  'reports.accountDetails',
  'reports.settlementList',
  'reports.settlementStatistics',
  'reports.settlementChart',
  'reports.transactionList',
  'reports.transactionStatistics',
  'reports.transactionChart',
  'home.summary',
  'home.attention'
] as const satisfies readonly ProcedureName[]

/** The reads that show orders and their queue. */
export const ORDER_READS = ['orders.list', 'orders.get', 'orders.options', 'outbox.list', 'parked.list', 'approvals.list'] as const satisfies readonly ProcedureName[]

const CASE_READS = ['refunds.list', 'refunds.get', 'disputes.list', 'disputes.get', 'waybills.list', 'waybills.get'] as const satisfies readonly ProcedureName[]
const WITHDRAWAL_READS = ['withdrawals.list', 'withdrawals.get'] as const satisfies readonly ProcedureName[]
const ADJUSTMENT_READS = ['adjustments.list', 'adjustments.get'] as const satisfies readonly ProcedureName[]

/** The writes that move money: each stales every money read, and the reads of what it acts on. */
export const MONEY_MOVERS = {
  'orders.createPayout': ORDER_READS,
  'orders.markResult': ORDER_READS,
  'orders.close': ORDER_READS,
  // A query can bring an order's final answer, and with it its posting.
  'orders.requery': ORDER_READS,
  'parked.resolve': [...ORDER_READS, ...ADJUSTMENT_READS],
  'channels.adjustBalance': ['approvals.list'],
  // A second user's approval sends a payout, forces a result or posts a channel correction.
  'approvals.decide': ORDER_READS,
  'withdrawals.request': WITHDRAWAL_READS,
  'withdrawals.review': WITHDRAWAL_READS,
  'withdrawals.complete': WITHDRAWAL_READS,
  'adjustments.request': ADJUSTMENT_READS,
  'adjustments.decide': ADJUSTMENT_READS,
  'refunds.create': [...CASE_READS, ...ORDER_READS],
  'disputes.create': [...CASE_READS, ...ORDER_READS],
  'disputes.resolve': [...CASE_READS, ...ORDER_READS],
  'recon.breaks.resolve': ORDER_READS,
  'recon.breaks.bulk': ORDER_READS,
  'simulator.pay': ORDER_READS,
  'demo.load': [...ORDER_READS, ...CASE_READS, ...WITHDRAWAL_READS, ...ADJUSTMENT_READS, 'fx.list', 'audit.list']
} as const satisfies Partial<Record<ProcedureName, readonly ProcedureName[]>>

/** Writes that change what other reads show without moving money. */
const OTHER_WRITES: Partial<Record<ProcedureName, readonly ProcedureName[]>> = {
  // A new deposit moves nothing until it is paid; it shows in the lists at once.
  'orders.createDeposit': ORDER_READS,
  'orders.resendNotification': ORDER_READS,
  // The title bar shows the organisation's name.
  'settings.update': ['settings.get', 'system.info'],
  // Every order and entry may sit on another day: the reports, lists and figures cut by day; the zone shown everywhere.
  'settings.setBusinessZone': [...MONEY_READS, ...ORDER_READS, 'system.info', 'me.preferences', 'ledgerCheck.latest', 'recon.profiles.builtIn'],
  'outbox.retryNow': ORDER_READS,
  'disputes.addEvidence': CASE_READS,
  'disputes.attachWaybill': CASE_READS,
  'disputes.addNote': CASE_READS,
  'disputes.submitEvidence': CASE_READS,
  'waybills.create': CASE_READS,
  'waybills.updateStatus': CASE_READS
}

/** The reads `name` makes stale when it succeeds. */
export function staleReads(name: ProcedureName): readonly ProcedureName[] {
  const movers: Partial<Record<ProcedureName, readonly ProcedureName[]>> = MONEY_MOVERS
  const own = movers[name]
  if (own) return [...new Set<ProcedureName>([...MONEY_READS, ...own])]
  return OTHER_WRITES[name] ?? []
}

/** Invalidates what `name` makes stale and the call site's `extra` reads (each read once, every input of it). */
export function invalidateAfter(queryClient: QueryClient, name: ProcedureName | null, extra: readonly ProcedureName[] = []): Promise<void[]> {
  const reads = new Set<ProcedureName>([...(name ? staleReads(name) : []), ...extra])
  return Promise.all([...reads].map((read) => queryClient.invalidateQueries({ queryKey: [read] })))
}

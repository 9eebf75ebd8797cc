/**
 * The report reads by name: what the worker threads (reports/worker.ts) and the in-process reader
 * of an in-memory database run. Each is a pure read of one connection, given the tenant, its
 * business time zone, the scoped filters and the page; the registry's checks happen before it.
 */
import { auditList, type AuditListFilters } from '../core/audit-list'
import { orderList, type OrderListFilters } from '../orders/list'
import { outboxList, type OutboxListFilters } from '../orders/outbox-list'
import { accountDetails, type EntryFilters } from './account-details'
import type { DailyFilters } from './daily'
import type { PageRequest, ReportSource } from './page'
import { settlementChart, settlementList, settlementStatistics } from './settlement'
import { transactionChart, transactionList, transactionStatistics } from './transactions'

export const REPORTS = {
  accountDetails: (src: ReportSource, f: EntryFilters, request: PageRequest) => accountDetails(src, f, request),
  transactionStatistics: (src: ReportSource, f: DailyFilters, request: PageRequest) => transactionStatistics(src, f, request),
  transactionList: (src: ReportSource, f: DailyFilters, request: PageRequest) => transactionList(src, f, request),
  settlementStatistics: (src: ReportSource, f: DailyFilters, request: PageRequest) => settlementStatistics(src, f, request),
  settlementList: (src: ReportSource, f: DailyFilters, request: PageRequest) => settlementList(src, f, request),
  // The charts read the whole filtered set per day and currency; they have no page.
  transactionChart: (src: ReportSource, f: DailyFilters, _request: PageRequest) => transactionChart(src, f),
  settlementChart: (src: ReportSource, f: DailyFilters, _request: PageRequest) => settlementChart(src, f),
  // Not a report, but as heavy on a year of orders: the operations orders list (orders/list.ts).
  ordersList: (src: ReportSource, f: OrderListFilters, request: PageRequest) => orderList(src, f, request),
  // The outbox list (orders/outbox-list.ts): its count joins every outbox row ever made.
  outboxList: (src: ReportSource, f: OutboxListFilters, request: PageRequest) => outboxList(src, f, request),
  // The audit log: an event per write, millions in a year (core/audit-list.ts).
  auditList: (src: ReportSource, f: AuditListFilters, request: PageRequest) => auditList(src, f, request)
}

export type ReportName = keyof typeof REPORTS
export type ReportFilters<N extends ReportName> = Parameters<(typeof REPORTS)[N]>[1]
export type ReportResult<N extends ReportName> = ReturnType<(typeof REPORTS)[N]>

/** Where a read happens, minus the connection: the reader supplies its own. */
export type ReportScope = Omit<ReportSource, 'sqlite'>

/**
 * One report on one connection, inside one read transaction: the count, the totals and the page
 * come from the same snapshot even while the ledger keeps posting.
 */
export function runReport<N extends ReportName>(sqlite: ReportSource['sqlite'], name: N, scope: ReportScope, filters: ReportFilters<N>, request: PageRequest): ReportResult<N> {
  const report = REPORTS[name] as (src: ReportSource, f: ReportFilters<N>, r: PageRequest) => ReportResult<N>
  return sqlite.transaction(() => report({ ...scope, sqlite }, filters, request)).deferred()
}

/**
 * The reports' off-thread reads (reads/catalog.ts): each a pure read of one connection, given the
 * tenant, its business time zone, the scoped filters and the page; the registry's checks happen
 * before it, on the main thread.
 */
import { readHandles } from '../reads/catalog'
import type { PageRequest, ReadSource } from '../reads/page'
import { accountDetails, type EntryFilters } from './account-details'
import type { DailyFilters } from './daily'
import { settlementChart, settlementList, settlementStatistics } from './settlement'
import { transactionChart, transactionList, transactionStatistics } from './transactions'

export const reportReads = {
  accountDetails: (src: ReadSource, f: EntryFilters, request: PageRequest) => accountDetails(src, f, request),
  transactionStatistics: (src: ReadSource, f: DailyFilters, request: PageRequest) => transactionStatistics(src, f, request),
  transactionList: (src: ReadSource, f: DailyFilters, request: PageRequest) => transactionList(src, f, request),
  settlementStatistics: (src: ReadSource, f: DailyFilters, request: PageRequest) => settlementStatistics(src, f, request),
  settlementList: (src: ReadSource, f: DailyFilters, request: PageRequest) => settlementList(src, f, request),
  // The charts read the whole filtered set per day and currency; they have no page.
  transactionChart: (src: ReadSource, f: DailyFilters, _request: PageRequest) => transactionChart(src, f),
  settlementChart: (src: ReadSource, f: DailyFilters, _request: PageRequest) => settlementChart(src, f)
}

export const REPORT_READS = readHandles(reportReads)
export type ReportName = keyof typeof reportReads

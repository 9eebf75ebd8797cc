/** Bad inputs for the report procedures (merged into tests/integration/bad-input.test.ts). */
import type { ProcedureName } from '../../../src/shared/contract'

type ReportProcedure = Extract<ProcedureName, `reports.${string}`>

/** What every report refuses, by the parameter it names. */
const common: [unknown, string][] = [
  [{ pageIndex: 0 }, 'pageIndex'],
  [{ pageIndex: 1.5 }, 'pageIndex'],
  [{ pageSize: 0 }, 'pageSize'],
  [{ pageSize: 101 }, 'pageSize'],
  [{ contractId: 'one' }, 'contractId'],
  [{ merchantId: -1 }, 'merchantId'],
  [{ currency: 'XXX' }, 'currency'],
  [{ dateStart: '2026-11-20 24:00:00' }, 'dateStart'],
  [{ dateStart: '2026-02-30 10:00:00' }, 'dateStart'],
  [{ dateEnd: '20/11/2026' }, 'dateEnd'],
  [{ dateStart: '2026-11-20 10:00:01', dateEnd: '2026-11-20 10:00:00' }, 'dateEnd'],
  [{ includeTest: 'no' }, 'includeTest'],
  [{ merchantid: 1 }, 'merchantid']
]

/** The daily reports have no entry filters. */
const daily: [unknown, string][] = [...common, [{ type: 1 }, 'type'], [{ txnId: 1 }, 'txnId'], [{ remark: 'x' }, 'remark']]

/** A chart has the daily filters and no page. */
const chart: [unknown, string][] = [...daily.filter(([input]) => !('pageIndex' in (input as object)) && !('pageSize' in (input as object))), [{ pageIndex: 1 }, 'pageIndex'], [{ withTotals: true }, 'withTotals']]

export const reportCases: Record<ReportProcedure, [unknown, string][]> = {
  'reports.accountDetails': [
    ...common,
    [{ txnId: 0 }, 'txnId'],
    [{ txnId: 2 ** 60 }, 'txnId'],
    [{ type: 11 }, 'type'],
    [{ type: '1' }, 'type'],
    [{ remark: 'x'.repeat(101) }, 'remark']
  ],
  'reports.transactionStatistics': daily,
  'reports.transactionList': daily,
  'reports.settlementStatistics': daily,
  'reports.settlementList': daily,
  'reports.transactionChart': [...chart],
  'reports.settlementChart': [...chart],
  'reports.exportStart': [
    [{ report: 'orders', format: 'csv' }, 'report'],
    [{ report: 'settlementList', format: 'pdf' }, 'format'],
    [{ report: 'settlementList', format: 'csv', language: 'fr' }, 'language'],
    [{ report: 'settlementList', format: 'csv', filters: [] }, 'filters'],
    [{ report: 'settlementList', format: 'csv', filters: { currency: 'XXX' } }, 'filters.currency'],
    [{ report: 'settlementList', format: 'csv', filters: { type: 1 } }, 'filters.type'],
    [{ report: 'accountDetails', format: 'xlsx', filters: { dateStart: '2026-11-20 10:00:01', dateEnd: '2026-11-20 10:00:00' } }, 'filters.dateEnd']
  ],
  'reports.exportStatus': [[{ jobId: '' }, 'jobId'], [{}, 'jobId']],
  'reports.exportCancel': [[{ jobId: 7 }, 'jobId']]
}

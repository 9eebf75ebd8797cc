/** English: the five reports (交易流水, 交易汇总/明细, 结算汇总/明细), their filters and saved views. */
import { REPORT_COLUMN_NAMES } from '../../../shared/report-columns'

export const enReports = {
  reports: {
    filters: {
      merchant: 'Merchant',
      contractId: 'Contract ID',
      currency: 'Currency',
      dateStart: 'From',
      dateEnd: 'To',
      dateHint: 'yyyy-mm-dd hh:mm:ss',
      pickDay: '{{field}}: pick a day',
      zoneNote: 'From and To are times in the business time zone ({{business}}), and days are its business days; times in the table are in your display zone ({{display}}).',
      type: 'Entry type',
      txnId: 'Transaction ID',
      remark: 'Remark',
      includeTest: 'Include test orders',
      badDate: 'Write a date and time such as 2026-11-20 10:00:00',
      dateOrder: 'must not be before the start',
      badNumber: 'Must be a positive whole number'
    },
    export: {
      button: 'Export',
      csv: 'CSV (UTF-8)',
      csvGbk: 'CSV (GBK, for older Chinese tools)',
      xlsx: 'Excel workbook (XLSX)',
      progressLabel: 'Export progress',
      progress: '{{written}} of {{total}} rows written',
      cancel: 'Cancel export',
      done: 'Exported {{count}} rows to {{file}}',
      savedTo: 'Exported {{count}} rows, saved to {{path}}',
      cancelled: 'Export cancelled; the partial file was deleted',
      failed: 'The export failed: {{error}}'
    },
    charts: {
      amounts: 'Amounts per day ({{currency}})',
      successRate: 'Success rate per day (%)',
      currency: 'Currency of the amounts chart',
      truncated: 'Only the newest 366 days are charted',
      empty: 'Nothing to chart for these filters',
      series: {
        transactionAmount: 'Transaction amount',
        settleAmount: 'Settled amount',
        orderPay: 'Order payments',
        net: 'Net settled'
      }
    },
    totals: 'Totals of the filtered set',
    totalsNone: 'No totals: nothing matches the filters',
    count: 'Entries',
    columns: { ...REPORT_COLUMN_NAMES.en },
    drill: {
      column: 'Drill down',
      toList: 'Rows of this day',
      toEntries: 'Ledger entries',
      toOrder: 'Order',
      orderNotFound: 'No order {{orderNo}} was found'
    }
  }
}

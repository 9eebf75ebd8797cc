/**
 * The report columns' names in each language, in one place: the report pages' catalogs
 * (src/renderer/src/i18n/*.reports.ts) and the exports' header rows (src/main/reports/export/)
 * read the same words, so a file's headers match what the page shows.
 */
export const REPORT_LANGUAGES = ['en', 'zh-CN'] as const
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number]

export const REPORT_COLUMN_NAMES = {
  en: {
    date: 'Day',
    currency: 'Currency',
    contractId: 'Contract',
    merchantId: 'Merchant',
    dateCreated: 'Created',
    id: 'Entry ID',
    txnId: 'Transaction ID',
    type: 'Type',
    amount: 'Amount',
    remark: 'Remark',
    transactionAmount: 'Transaction amount',
    settleAmount: 'Settled amount',
    totalCount: 'Orders',
    successCount: 'Successful',
    orderPay: 'Order payments',
    deposit: 'Reserve',
    orderFee: 'Transaction fees',
    fixedFee: 'Processing fees',
    refund: 'Refunds',
    refundFee: 'Refund fees',
    dispute: 'Disputes',
    disputeFee: 'Dispute fees',
    drawcash: 'Withdrawals',
    drawcashFee: 'Withdrawal fees',
    rateDifference: 'FX differences',
    manualAdjust: 'Manual adjustments'
  },
  'zh-CN': {
    date: '日期',
    currency: '币种',
    contractId: '合同',
    merchantId: '商户',
    dateCreated: '创建时间',
    id: '流水编号',
    txnId: '交易号',
    type: '类型',
    amount: '金额',
    remark: '备注',
    transactionAmount: '交易金额',
    settleAmount: '结算金额',
    totalCount: '订单数',
    successCount: '成功数',
    orderPay: '订单支付',
    deposit: '保证金',
    orderFee: '交易手续费',
    fixedFee: '固定手续费',
    refund: '退款',
    refundFee: '退款手续费',
    dispute: '拒付',
    disputeFee: '拒付手续费',
    drawcash: '提现',
    drawcashFee: '提现手续费',
    rateDifference: '汇率差',
    manualAdjust: '人工调账'
  }
} satisfies Record<ReportLanguage, Record<string, string>>

export type ReportColumnName = keyof (typeof REPORT_COLUMN_NAMES)['en']

/**
 * The report columns' names in each language, in one place: the report pages' catalogs
 * (src/renderer/src/i18n/*.reports.ts) and the exports' header rows (src/main/reports/export/)
 * read the same words, so a file's headers match what the page shows.
 */
import type { ENTRY_TYPES } from './ledger'

export const REPORT_LANGUAGES = ['en', 'zh-CN'] as const
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number]

export const REPORT_COLUMN_NAMES = {
  en: {
    date: 'Day',
    currency: 'Currency',
    contractId: 'Contract',
    merchantId: 'Merchant',
    merchantName: 'Merchant name',
    dateCreated: 'Created',
    id: 'Entry ID',
    txnId: 'Transaction ID',
    type: 'Type',
    typeName: 'Type name',
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
    merchantName: '商户名称',
    dateCreated: '创建时间',
    id: '流水编号',
    txnId: '交易号',
    type: '类型',
    typeName: '类型名称',
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

/** The ledger's entry types by name (shared/ledger.ts ENTRY_TYPES), as screens and export files name them. */
export const ENTRY_TYPE_NAMES = {
  en: {
    ORDER_PAYMENT: 'Order payment',
    TRANSACTION_FEE: 'Transaction fee',
    PROCESSING_FEE: 'Processing (fixed) fee',
    RESERVE: 'Security deposit (reserve)',
    REFUND: 'Refund',
    REFUND_FEE: 'Refund fee',
    DISPUTE: 'Dispute',
    DISPUTE_FEE: 'Dispute fee',
    WITHDRAWAL: 'Withdrawal',
    WITHDRAWAL_FEE: 'Withdrawal fee',
    FX_DIFFERENCE: 'FX rate difference',
    MANUAL_ADJUSTMENT: 'Manual adjustment'
  },
  'zh-CN': {
    ORDER_PAYMENT: '订单收款',
    TRANSACTION_FEE: '交易手续费',
    PROCESSING_FEE: '固定手续费',
    RESERVE: '保证金',
    REFUND: '退款',
    REFUND_FEE: '退款手续费',
    DISPUTE: '争议',
    DISPUTE_FEE: '争议手续费',
    WITHDRAWAL: '提现',
    WITHDRAWAL_FEE: '提现手续费',
    FX_DIFFERENCE: '汇率差额',
    MANUAL_ADJUSTMENT: '人工调账'
  }
} satisfies Record<ReportLanguage, Record<keyof typeof ENTRY_TYPES, string>>

/** The seed's merchant entry types (report API `type`), exactly. */
export const ENTRY_TYPES = {
  ORDER_PAYMENT: 0,
  TRANSACTION_FEE: 1,
  PROCESSING_FEE: 2,
  RESERVE: 3,
  REFUND: 4,
  REFUND_FEE: 5,
  DISPUTE: 6,
  DISPUTE_FEE: 7,
  WITHDRAWAL: 8,
  WITHDRAWAL_FEE: 9,
  FX_DIFFERENCE: 10,
  MANUAL_ADJUSTMENT: 99
} as const

export type EntryType = (typeof ENTRY_TYPES)[keyof typeof ENTRY_TYPES]
export const ENTRY_TYPE_CODES: readonly EntryType[] = Object.values(ENTRY_TYPES)

export function isEntryType(value: number): value is EntryType {
  return (ENTRY_TYPE_CODES as readonly number[]).includes(value)
}

/** The settlement report's column for each type (reportsettlement). */
export const SETTLEMENT_COLUMNS: Record<EntryType, string> = {
  0: 'orderPay',
  1: 'orderFee',
  2: 'fixedFee',
  3: 'deposit',
  4: 'refund',
  5: 'refundFee',
  6: 'dispute',
  7: 'disputeFee',
  8: 'drawcash',
  9: 'drawcashFee',
  10: 'rateDifference',
  99: 'manualAdjust'
}

/**
 * The SQL column holding a type's sum in the settlement report's stored rows (db/schema/reports.ts):
 * the report's column in snake case (`orderPay` → `order_pay`); its entry count is `<that>_count`.
 */
export const settlementSqlColumn = (type: EntryType): string => SETTLEMENT_COLUMNS[type].replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

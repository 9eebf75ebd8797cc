/**
 * The one catalog of permission codes. The two operation codes are fixed by the
 * operation-management seed (1014, 1021); the rest follow its numbering style by area.
 * Roles bundle these codes; every procedure names the code it requires.
 */
export const PERMISSIONS = {
  // Operations (the seed's area): orders and manual operations
  ORDER_READ: 1001,
  /** The full card or account number of an order (masked everywhere else); each reveal is audited. */
  CARD_NUMBER_REVEAL: 1002,
  OPERATION_PAYMENT_WRITE: 1014,
  OPERATION_PAYOUT_WRITE: 1015,
  OPERATION_PAYMENT_GLOBAL_WRITE: 1021,
  OPERATION_PAYOUT_GLOBAL_WRITE: 1022,
  MANUAL_CLOSE_ORDER: 1031,
  MANUAL_REQUERY_ORDER: 1032,
  MANUAL_MARK_RESULT: 1033,
  MANUAL_RESEND_NOTIFICATION: 1034,
  OUTBOX_READ: 1041,
  OUTBOX_WRITE: 1042,
  // After-sales: refunds, disputes, waybills, withdrawals
  REFUND_READ: 2001,
  REFUND_WRITE: 2002,
  DISPUTE_READ: 2101,
  DISPUTE_WRITE: 2102,
  WAYBILL_READ: 2201,
  WAYBILL_WRITE: 2202,
  WITHDRAWAL_READ: 2301,
  WITHDRAWAL_REQUEST: 2302,
  WITHDRAWAL_REVIEW: 2303,
  // Ledger and finance
  LEDGER_READ: 3001,
  ADJUSTMENT_REQUEST: 3002,
  ADJUSTMENT_APPROVE: 3003,
  CHANNEL_BALANCE_WRITE: 3004,
  FX_RATE_WRITE: 3005,
  // Reports
  REPORT_READ: 4001,
  REPORT_EXPORT: 4002,
  // Reconciliation
  RECONCILIATION_READ: 5001,
  RECONCILIATION_WRITE: 5002,
  // Field testing: rehearsing and proving a channel before it carries real money
  FIELD_TEST_RUN: 7001,
  FIELD_TEST_REVIEW: 7002,
  // Master data
  MASTER_DATA_READ: 6001,
  MERCHANT_WRITE: 6002,
  CONTRACT_WRITE: 6003,
  TERMINAL_WRITE: 6004,
  SERVICE_WRITE: 6005,
  CHANNEL_WRITE: 6006,
  // Administration
  USER_READ: 9001,
  USER_WRITE: 9002,
  ROLE_WRITE: 9003,
  AUDIT_READ: 9004,
  SETTINGS_WRITE: 9005,
  DEMO_LOAD: 9006,
  /** Backups, restore and the ledger self-check (the one file that holds the ledger). */
  BACKUP_MANAGE: 9007
} as const

export type PermissionName = keyof typeof PERMISSIONS
export type PermissionCode = (typeof PERMISSIONS)[PermissionName]

export const ALL_PERMISSION_CODES: readonly PermissionCode[] = Object.values(PERMISSIONS)

const NAME_BY_CODE = new Map<number, PermissionName>(
  (Object.entries(PERMISSIONS) as [PermissionName, PermissionCode][]).map(([n, c]) => [c, n])
)

export function permissionName(code: number): PermissionName | undefined {
  return NAME_BY_CODE.get(code)
}

export function isPermissionCode(code: number): code is PermissionCode {
  return NAME_BY_CODE.has(code)
}

/** The area a code belongs to, for grouping in the User Management page. */
export function permissionArea(code: number): PermissionArea {
  if (code < 2000) return 'operations'
  if (code < 3000) return 'afterSales'
  if (code < 4000) return 'ledger'
  if (code < 5000) return 'reports'
  if (code < 6000) return 'reconciliation'
  if (code < 7000) return 'masterData'
  if (code < 8000) return 'fieldTesting'
  if (code < 9000) return 'masterData'
  return 'administration'
}

export type PermissionArea =
  | 'operations'
  | 'afterSales'
  | 'ledger'
  | 'reports'
  | 'reconciliation'
  | 'fieldTesting'
  | 'masterData'
  | 'administration'

const P = PERMISSIONS

/** Built-in roles: created on first run, their code sets kept in step with this table. */
export const BUILT_IN_ROLES = {
  administrator: ALL_PERMISSION_CODES,
  operations: [
    P.ORDER_READ,
    P.OPERATION_PAYMENT_WRITE,
    P.OPERATION_PAYMENT_GLOBAL_WRITE,
    P.OPERATION_PAYOUT_WRITE,
    P.OPERATION_PAYOUT_GLOBAL_WRITE,
    P.MANUAL_CLOSE_ORDER,
    P.MANUAL_REQUERY_ORDER,
    P.MANUAL_MARK_RESULT,
    P.MANUAL_RESEND_NOTIFICATION,
    P.OUTBOX_READ,
    P.OUTBOX_WRITE,
    P.REFUND_READ,
    P.REFUND_WRITE,
    P.DISPUTE_READ,
    P.DISPUTE_WRITE,
    P.WAYBILL_READ,
    P.WAYBILL_WRITE,
    P.WITHDRAWAL_READ,
    P.WITHDRAWAL_REQUEST,
    P.LEDGER_READ,
    P.REPORT_READ,
    P.MASTER_DATA_READ,
    P.MERCHANT_WRITE,
    P.CONTRACT_WRITE,
    P.TERMINAL_WRITE,
    P.SERVICE_WRITE,
    P.CHANNEL_WRITE
  ],
  merchantOperator: [
    P.ORDER_READ,
    P.OPERATION_PAYMENT_WRITE,
    P.OPERATION_PAYOUT_WRITE,
    P.REFUND_READ,
    P.REFUND_WRITE,
    P.DISPUTE_READ,
    P.WAYBILL_READ,
    P.WAYBILL_WRITE,
    P.WITHDRAWAL_READ,
    P.WITHDRAWAL_REQUEST,
    P.LEDGER_READ,
    P.REPORT_READ,
    P.REPORT_EXPORT,
    P.MASTER_DATA_READ
  ],
  finance: [
    P.ORDER_READ,
    P.REFUND_READ,
    P.DISPUTE_READ,
    P.WAYBILL_READ,
    P.WITHDRAWAL_READ,
    P.WITHDRAWAL_REVIEW,
    P.LEDGER_READ,
    P.ADJUSTMENT_REQUEST,
    P.ADJUSTMENT_APPROVE,
    P.CHANNEL_BALANCE_WRITE,
    P.FX_RATE_WRITE,
    P.REPORT_READ,
    P.REPORT_EXPORT,
    P.RECONCILIATION_READ,
    P.RECONCILIATION_WRITE,
    P.MASTER_DATA_READ,
    P.OUTBOX_READ
  ],
  auditor: [
    P.ORDER_READ,
    P.OUTBOX_READ,
    P.REFUND_READ,
    P.DISPUTE_READ,
    P.WAYBILL_READ,
    P.WITHDRAWAL_READ,
    P.LEDGER_READ,
    P.REPORT_READ,
    P.RECONCILIATION_READ,
    P.MASTER_DATA_READ,
    P.USER_READ,
    P.AUDIT_READ
  ],
  /**
   * Proves a new channel before it carries real money: sets its provider settings, tests the
   * connection, drives the built-in simulator, runs field tests (their orders and refunds on the
   * channel under test) and reads what they posted. No order screens for real merchants' money,
   * and reviewing a report is someone else's (FIELD_TEST_REVIEW).
   */
  fieldEngineer: [
    P.FIELD_TEST_RUN,
    P.MASTER_DATA_READ,
    P.CHANNEL_WRITE,
    P.ORDER_READ,
    P.REFUND_READ,
    P.REFUND_WRITE,
    P.LEDGER_READ
  ]
} as const satisfies Record<string, readonly PermissionCode[]>

/**
 * What a code's screens cannot work without. A write acts on what its read shows; every screen
 * that filters or picks by merchant, contract or channel reads master data for its choices; the
 * FX rates page lists the rate table the ledger reads. A role holding a code holds what it needs:
 * the role forms tick it, and the contract refuses a set without it (`missingNeeds`), so no user
 * opens a screen that answers "forbidden" to its own pickers.
 */
export const PERMISSION_NEEDS: ReadonlyMap<PermissionCode, readonly PermissionCode[]> = mergedNeeds([
  [P.CARD_NUMBER_REVEAL, [P.ORDER_READ]],
  [P.MANUAL_CLOSE_ORDER, [P.ORDER_READ]],
  [P.MANUAL_REQUERY_ORDER, [P.ORDER_READ]],
  [P.MANUAL_MARK_RESULT, [P.ORDER_READ]],
  [P.MANUAL_RESEND_NOTIFICATION, [P.ORDER_READ]],
  [P.OUTBOX_WRITE, [P.OUTBOX_READ]],
  [P.REFUND_WRITE, [P.REFUND_READ]],
  [P.DISPUTE_WRITE, [P.DISPUTE_READ]],
  [P.WAYBILL_WRITE, [P.WAYBILL_READ]],
  [P.WITHDRAWAL_REQUEST, [P.WITHDRAWAL_READ]],
  [P.WITHDRAWAL_REVIEW, [P.WITHDRAWAL_READ]],
  [P.FX_RATE_WRITE, [P.LEDGER_READ]],
  [P.REPORT_EXPORT, [P.REPORT_READ]],
  [P.RECONCILIATION_WRITE, [P.RECONCILIATION_READ]],
  [P.USER_WRITE, [P.USER_READ]],
  [P.ROLE_WRITE, [P.USER_READ]],
  // Screens with a merchant, contract or channel picker or filter.
  ...(
    [
      P.ORDER_READ,
      P.OPERATION_PAYMENT_WRITE,
      P.OPERATION_PAYOUT_WRITE,
      P.OPERATION_PAYMENT_GLOBAL_WRITE,
      P.OPERATION_PAYOUT_GLOBAL_WRITE,
      P.REFUND_READ,
      P.DISPUTE_READ,
      P.WAYBILL_READ,
      P.WITHDRAWAL_READ,
      P.LEDGER_READ,
      P.ADJUSTMENT_REQUEST,
      P.ADJUSTMENT_APPROVE,
      P.CHANNEL_BALANCE_WRITE,
      P.REPORT_READ,
      P.RECONCILIATION_READ,
      P.FIELD_TEST_RUN,
      P.FIELD_TEST_REVIEW,
      P.MERCHANT_WRITE,
      P.CONTRACT_WRITE,
      P.TERMINAL_WRITE,
      P.SERVICE_WRITE,
      P.CHANNEL_WRITE,
      // The user form binds a user to a merchant.
      P.USER_WRITE
    ] as const
  ).map((code) => [code, [P.MASTER_DATA_READ]] as [PermissionCode, readonly PermissionCode[]])
])

/** One entry per code, whatever it needs from each line above (a write needs its read and master data). */
function mergedNeeds(entries: [PermissionCode, readonly PermissionCode[]][]): ReadonlyMap<PermissionCode, readonly PermissionCode[]> {
  const needs = new Map<PermissionCode, PermissionCode[]>()
  for (const [code, more] of entries) needs.set(code, [...(needs.get(code) ?? []), ...more])
  return needs
}

/**
 * Every code a set must also hold for its screens to work, each with the first code that needs it:
 * one of the set's, or one it must add (a write needs its read, which needs master data), so a
 * set completed with all of them is complete (what `withNeeds` would add, named).
 */
export function missingNeeds(codes: readonly number[]): { code: PermissionCode; neededBy: PermissionCode }[] {
  const held = new Set(codes)
  const missing = new Map<PermissionCode, PermissionCode>()
  const queue = [...codes]
  for (let i = 0; i < queue.length; i++) {
    const code = queue[i] as PermissionCode
    for (const need of PERMISSION_NEEDS.get(code) ?? []) {
      if (held.has(need) || missing.has(need)) continue
      missing.set(need, code)
      queue.push(need)
    }
  }
  return [...missing].map(([code, neededBy]) => ({ code, neededBy }))
}

/** A set with everything its codes need added, transitively (what ticking a code in a role form ticks too). */
export function withNeeds(codes: readonly number[]): number[] {
  const out = new Set(codes)
  const queue = [...codes]
  while (queue.length > 0) {
    for (const need of PERMISSION_NEEDS.get(queue.pop() as PermissionCode) ?? []) {
      if (!out.has(need)) {
        out.add(need)
        queue.push(need)
      }
    }
  }
  return [...out]
}

export type BuiltInRoleKey = keyof typeof BUILT_IN_ROLES
export const BUILT_IN_ROLE_KEYS = Object.keys(BUILT_IN_ROLES) as BuiltInRoleKey[]

/** Codes a merchant-bound user may never hold: they act across merchants or administer the platform. */
export const PLATFORM_ONLY_CODES: readonly PermissionCode[] = [
  P.OPERATION_PAYMENT_GLOBAL_WRITE,
  P.OPERATION_PAYOUT_GLOBAL_WRITE,
  P.USER_READ,
  P.USER_WRITE,
  P.ROLE_WRITE,
  P.AUDIT_READ,
  P.SETTINGS_WRITE,
  P.BACKUP_MANAGE,
  P.DEMO_LOAD,
  P.MERCHANT_WRITE,
  P.CHANNEL_WRITE,
  P.CHANNEL_BALANCE_WRITE,
  P.FX_RATE_WRITE,
  P.ADJUSTMENT_APPROVE,
  P.WITHDRAWAL_REVIEW,
  P.OUTBOX_WRITE,
  P.CARD_NUMBER_REVEAL,
  // Imports, runs and decisions act on whole statements, every merchant's lines at once.
  P.RECONCILIATION_WRITE,
  // Field tests drive a channel (every merchant's provider account) and sign its report.
  P.FIELD_TEST_RUN,
  P.FIELD_TEST_REVIEW
]

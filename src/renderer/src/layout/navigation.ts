/**
 * The whole product's navigation, grouped as the operators think of it. Each item names the
 * permission codes that open it (any one is enough); items a user cannot open are not shown.
 * The main process checks the same codes on every call, so hiding is a courtesy, not the guard.
 *
 * Groups follow the operators; paths follow the main process's domains (`/orders/...`,
 * `/finance/withdrawals`, `/auth/users`), as do the page folders, so withdrawals live under
 * `finance` on both sides even though the menu shows them with after-sales.
 */
import { APPROVERS } from '../../../shared/contract/four-eyes'
import { PERMISSIONS as P, type PermissionCode } from '../../../shared/permissions'
import type { TranslationResource } from '../i18n/en'

export type NavGroupKey = keyof TranslationResource['nav']['groups']
export type NavItemKey = Exclude<keyof TranslationResource['nav']['items'], 'home'>

export interface NavItem {
  key: NavItemKey
  path: string
  anyOf: readonly PermissionCode[]
  /** Platform-wide configuration a merchant-bound user has no business seeing. */
  platformOnly?: boolean
}

export interface NavGroup {
  key: NavGroupKey
  items: readonly NavItem[]
}

export const NAVIGATION: readonly NavGroup[] = [
  {
    key: 'operations',
    items: [
      { key: 'createDeposit', path: '/orders/deposit', anyOf: [P.OPERATION_PAYMENT_WRITE, P.OPERATION_PAYMENT_GLOBAL_WRITE] },
      { key: 'createPayout', path: '/orders/payout', anyOf: [P.OPERATION_PAYOUT_WRITE, P.OPERATION_PAYOUT_GLOBAL_WRITE] },
      { key: 'orderQuery', path: '/orders', anyOf: [P.ORDER_READ] },
      {
        key: 'manualOperations',
        path: '/orders/manual',
        anyOf: [P.MANUAL_CLOSE_ORDER, P.MANUAL_REQUERY_ORDER, P.MANUAL_MARK_RESULT, P.MANUAL_RESEND_NOTIFICATION]
      },
      // Whoever may approve one of its kinds: a payout approver need not hold a manual-operation code.
      { key: 'approvals', path: '/orders/approvals', anyOf: APPROVERS },
      { key: 'outbox', path: '/orders/outbox', anyOf: [P.OUTBOX_READ] }
    ]
  },
  {
    key: 'afterSales',
    items: [
      { key: 'refunds', path: '/aftersales/refunds', anyOf: [P.REFUND_READ] },
      { key: 'disputes', path: '/aftersales/disputes', anyOf: [P.DISPUTE_READ] },
      { key: 'waybills', path: '/aftersales/waybills', anyOf: [P.WAYBILL_READ] },
      { key: 'withdrawals', path: '/finance/withdrawals', anyOf: [P.WITHDRAWAL_READ] }
    ]
  },
  {
    key: 'finance',
    items: [
      { key: 'ledger', path: '/ledger', anyOf: [P.LEDGER_READ] },
      { key: 'adjustments', path: '/finance/adjustments', anyOf: [P.ADJUSTMENT_REQUEST, P.ADJUSTMENT_APPROVE] },
      { key: 'fxRates', path: '/finance/fx-rates', anyOf: [P.FX_RATE_WRITE], platformOnly: true }
    ]
  },
  {
    key: 'reports',
    items: [
      { key: 'accountDetails', path: '/reports/account-details', anyOf: [P.REPORT_READ] },
      { key: 'transactionSummary', path: '/reports/transaction-summary', anyOf: [P.REPORT_READ] },
      { key: 'transactionDetails', path: '/reports/transaction-details', anyOf: [P.REPORT_READ] },
      { key: 'settlementSummary', path: '/reports/settlement-summary', anyOf: [P.REPORT_READ] },
      { key: 'settlementDetails', path: '/reports/settlement-details', anyOf: [P.REPORT_READ] }
    ]
  },
  {
    key: 'reconciliation',
    items: [
      { key: 'reconciliation', path: '/reconciliation', anyOf: [P.RECONCILIATION_READ] },
      // Sources, profiles and statements are the platform's (a merchant-bound user reads its own breaks only).
      { key: 'reconciliationImport', path: '/reconciliation/import', anyOf: [P.RECONCILIATION_READ], platformOnly: true },
      { key: 'reconciliationSources', path: '/reconciliation/sources', anyOf: [P.RECONCILIATION_READ], platformOnly: true }
    ]
  },
  {
    key: 'fieldTesting',
    items: [
      { key: 'fieldTestSimulator', path: '/fieldtest/simulator', anyOf: [P.FIELD_TEST_RUN], platformOnly: true },
      { key: 'fieldTestPlans', path: '/fieldtest/plans', anyOf: [P.FIELD_TEST_RUN, P.FIELD_TEST_REVIEW], platformOnly: true },
      { key: 'fieldTestRuns', path: '/fieldtest/runs', anyOf: [P.FIELD_TEST_RUN, P.FIELD_TEST_REVIEW], platformOnly: true },
      { key: 'fieldTestReports', path: '/fieldtest/reports', anyOf: [P.FIELD_TEST_RUN, P.FIELD_TEST_REVIEW], platformOnly: true }
    ]
  },
  {
    key: 'masterData',
    items: [
      { key: 'contracts', path: '/master/contracts', anyOf: [P.MASTER_DATA_READ] },
      { key: 'merchants', path: '/master/merchants', anyOf: [P.MASTER_DATA_READ] },
      { key: 'terminals', path: '/master/terminals', anyOf: [P.MASTER_DATA_READ] },
      { key: 'services', path: '/master/services', anyOf: [P.MASTER_DATA_READ] },
      { key: 'channels', path: '/master/channels', anyOf: [P.MASTER_DATA_READ], platformOnly: true },
      { key: 'channelServiceBindings', path: '/master/channel-service-bindings', anyOf: [P.MASTER_DATA_READ], platformOnly: true }
    ]
  },
  {
    key: 'administration',
    items: [
      { key: 'users', path: '/auth/users', anyOf: [P.USER_READ] },
      { key: 'roles', path: '/auth/roles', anyOf: [P.USER_READ] },
      { key: 'audit', path: '/audit', anyOf: [P.AUDIT_READ] },
      { key: 'settings', path: '/system/settings', anyOf: [P.SETTINGS_WRITE] }
    ]
  }
]

export const NAV_ITEMS: readonly NavItem[] = NAVIGATION.flatMap((group) => group.items)

export interface Viewer {
  permissions: readonly number[]
  merchantId: number | null
}

export function canOpen(item: NavItem, viewer: Viewer): boolean {
  if (item.platformOnly && viewer.merchantId !== null) return false
  return item.anyOf.some((code) => viewer.permissions.includes(code))
}

/**
 * The path of the menu item a page belongs to: its own, or the longest item path it lies below
 * (`/orders/42` is the order query's, `/orders/deposit` only the deposit form's).
 */
export function activeNavPath(pathname: string, items: readonly NavItem[] = NAV_ITEMS): string | undefined {
  const owners = items.map((item) => item.path).filter((path) => pathname === path || pathname.startsWith(`${path}/`))
  return owners.sort((a, b) => b.length - a.length)[0]
}

/** The groups and items this user may open, empty groups left out. */
export function visibleNavigation(viewer: Viewer): NavGroup[] {
  return NAVIGATION.map((group) => ({ key: group.key, items: group.items.filter((item) => canOpen(item, viewer)) })).filter(
    (group) => group.items.length > 0
  )
}

/** `data-testid` of a navigation link: `nav-` plus the route with slashes as dashes (`nav-auth-users`). */
export function navTestId(path: string): string {
  return path === '/' ? 'nav-home' : `nav-${path.replace(/^\//, '').replace(/\//g, '-')}`
}

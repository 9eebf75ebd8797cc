/** Hash routing: the packaged renderer loads from a file, where only the hash is ours. */
import type { ComponentType } from 'react'
import { createHashRouter, useLocation, type RouteObject } from 'react-router-dom'
import { AppLayout } from './layout/AppLayout'
import { canOpen, NAV_ITEMS, type NavItem, type NavItemKey } from './layout/navigation'
import { DisputeDetailPage, RefundDetailPage, WaybillDetailPage } from './pages/aftersales/CaseDetails'
import { DisputesPage, RefundsPage, WaybillsPage } from './pages/aftersales/CaseLists'
import { AuditPage } from './pages/audit/AuditPage'
import { ChangePasswordPage } from './pages/auth/ChangePasswordPage'
import { LoginPage } from './pages/auth/LoginPage'
import { RolesPage } from './pages/auth/RolesPage'
import { SetupPage } from './pages/auth/SetupPage'
import { UsersPage } from './pages/auth/UsersPage'
import { FIELD_TEST_PAGES, FIELD_TEST_SUB_PAGES } from './pages/fieldtest/routes'
import { HomePage } from './pages/HomePage'
import { AdjustmentDetailPage } from './pages/finance/AdjustmentDetailPage'
import { AdjustmentsPage } from './pages/finance/AdjustmentsPage'
import { FxRatesPage } from './pages/finance/FxRatesPage'
import { WithdrawalDetailPage } from './pages/finance/WithdrawalDetailPage'
import { WithdrawalsPage } from './pages/finance/WithdrawalsPage'
import { LedgerPage } from './pages/ledger/LedgerPage'
import { BindingsPage } from './pages/master/BindingsPage'
import { ChannelsPage } from './pages/master/ChannelsPage'
import { ContractsPage } from './pages/master/ContractsPage'
import { MerchantsPage } from './pages/master/MerchantsPage'
import { ServicesPage } from './pages/master/ServicesPage'
import { TerminalsPage } from './pages/master/TerminalsPage'
import { CreateDepositPage } from './pages/orders/CreateDepositPage'
import { CreatePayoutPage } from './pages/orders/CreatePayoutPage'
import { ManualOperationsPage } from './pages/orders/ManualOperationsPage'
import { OrderDetailPage } from './pages/orders/OrderDetailPage'
import { OrderQueryPage } from './pages/orders/OrderQueryPage'
import { OutboxPage } from './pages/orders/OutboxPage'
import { PaymentPage } from './pages/orders/PaymentPage'
import { ImportPage } from './pages/reconciliation/imports/ImportPage'
import { ProfileEditorPage } from './pages/reconciliation/profile/ProfileEditorPage'
import { RunPage } from './pages/reconciliation/runs/RunPage'
import { RunsPage } from './pages/reconciliation/runs/RunsPage'
import { SourcesPage } from './pages/reconciliation/SourcesPage'
import {
  AccountDetailsPage,
  SettlementDetailsPage,
  SettlementSummaryPage,
  TransactionDetailsPage,
  TransactionSummaryPage
} from './pages/reports/ReportPages'
import { ApprovalsPage } from './pages/orders/ApprovalsPage'
import { ForbiddenPage, NotFoundPage } from './pages/StatusPages'
import { SettingsPage } from './pages/system/SettingsPage'
import { useCurrentUser } from './session/currentUser'
import { CHANGE_PASSWORD_PATH, SessionGate } from './session/SessionGate'

/** Every navigation item's page. */
const PAGES: Record<NavItemKey, ComponentType> = {
  createDeposit: CreateDepositPage,
  createPayout: CreatePayoutPage,
  orderQuery: OrderQueryPage,
  manualOperations: ManualOperationsPage,
  approvals: ApprovalsPage,
  outbox: OutboxPage,
  refunds: RefundsPage,
  disputes: DisputesPage,
  waybills: WaybillsPage,
  users: UsersPage,
  roles: RolesPage,
  audit: AuditPage,
  settings: SettingsPage,
  merchants: MerchantsPage,
  contracts: ContractsPage,
  terminals: TerminalsPage,
  services: ServicesPage,
  channels: ChannelsPage,
  channelServiceBindings: BindingsPage,
  ledger: LedgerPage,
  adjustments: AdjustmentsPage,
  withdrawals: WithdrawalsPage,
  fxRates: FxRatesPage,
  accountDetails: AccountDetailsPage,
  transactionSummary: TransactionSummaryPage,
  transactionDetails: TransactionDetailsPage,
  settlementSummary: SettlementSummaryPage,
  settlementDetails: SettlementDetailsPage,
  reconciliation: RunsPage,
  reconciliationSources: SourcesPage,
  reconciliationImport: ImportPage,
  ...FIELD_TEST_PAGES
}

/**
 * Pages below a module's own, opened with that module's permission (an order's detail). React
 * Router ranks a fixed segment above `:id`, so `/orders/deposit` is the form, never an order.
 */
const SUB_PAGES: readonly { path: string; item: NavItemKey; page: ComponentType }[] = [
  { path: '/orders/:id', item: 'orderQuery', page: OrderDetailPage },
  { path: '/aftersales/refunds/:id', item: 'refunds', page: RefundDetailPage },
  { path: '/aftersales/disputes/:id', item: 'disputes', page: DisputeDetailPage },
  { path: '/aftersales/waybills/:id', item: 'waybills', page: WaybillDetailPage },
  { path: '/finance/withdrawals/:id', item: 'withdrawals', page: WithdrawalDetailPage },
  { path: '/finance/adjustments/:id', item: 'adjustments', page: AdjustmentDetailPage },
  { path: '/reconciliation/runs/:id', item: 'reconciliation', page: RunPage },
  { path: '/reconciliation/sources/new', item: 'reconciliationSources', page: ProfileEditorPage },
  { path: '/reconciliation/sources/:id/profile', item: 'reconciliationSources', page: ProfileEditorPage },
  ...FIELD_TEST_SUB_PAGES
]

function ModuleRoute({ item, page }: { item: NavItem; page?: ComponentType }) {
  const me = useCurrentUser()
  const { pathname } = useLocation()
  if (!canOpen(item, me)) return <ForbiddenPage />
  const Page = page ?? PAGES[item.key]
  // Keyed by its path: another run, order or case opened from the address bar (React Router keeps
  // the element when only `:id` changes) is a new page, never one holding the last one's filters.
  return <Page key={pathname} />
}

const routes: RouteObject[] = [
  { path: '/setup', element: <SetupPage /> },
  { path: '/login', element: <LoginPage /> },
  {
    element: <SessionGate />,
    children: [
      { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
      // A deposit's payment page opens in its own small window, without the app's shell.
      { path: '/payment/:orderId', element: <PaymentPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          ...NAV_ITEMS.map((item) => ({ path: item.path, element: <ModuleRoute item={item} /> })),
          ...SUB_PAGES.map((sub) => ({ path: sub.path, element: <ModuleRoute item={NAV_ITEMS.find((item) => item.key === sub.item)!} page={sub.page} /> })),
          { path: '*', element: <NotFoundPage /> }
        ]
      }
    ]
  }
]

export function createRouter() {
  return createHashRouter(routes)
}

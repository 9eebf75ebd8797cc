/** Hash routing: the packaged renderer loads from a file, where only the hash is ours. */
import type { ComponentType } from 'react'
import { createHashRouter, type RouteObject } from 'react-router-dom'
import { AppLayout } from './layout/AppLayout'
import { canOpen, NAV_ITEMS, type NavItem, type NavItemKey } from './layout/navigation'
import { AuditPage } from './pages/admin/AuditPage'
import { RolesPage } from './pages/admin/RolesPage'
import { SettingsPage } from './pages/admin/SettingsPage'
import { UsersPage } from './pages/admin/UsersPage'
import { ChangePasswordPage } from './pages/auth/ChangePasswordPage'
import { LoginPage } from './pages/auth/LoginPage'
import { SetupPage } from './pages/auth/SetupPage'
import { ComingPage } from './pages/ComingPage'
import { HomePage } from './pages/HomePage'
import { AdjustmentsPage } from './pages/finance/AdjustmentsPage'
import { LedgerPage } from './pages/finance/LedgerPage'
import { BindingsPage } from './pages/master/BindingsPage'
import { ChannelsPage } from './pages/master/ChannelsPage'
import { ContractsPage } from './pages/master/ContractsPage'
import { MerchantsPage } from './pages/master/MerchantsPage'
import { ServicesPage } from './pages/master/ServicesPage'
import { TerminalsPage } from './pages/master/TerminalsPage'
import { ForbiddenPage, NotFoundPage } from './pages/StatusPages'
import { useCurrentUser } from './session/currentUser'
import { CHANGE_PASSWORD_PATH, SessionGate } from './session/SessionGate'

/** Modules that have landed; every other navigation item opens the "coming" page. */
const PAGES: Partial<Record<NavItemKey, ComponentType>> = {
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
  adjustments: AdjustmentsPage
}

function ModuleRoute({ item }: { item: NavItem }) {
  const me = useCurrentUser()
  if (!canOpen(item, me)) return <ForbiddenPage />
  const Page = PAGES[item.key]
  return Page ? <Page /> : <ComingPage item={item.key} />
}

const routes: RouteObject[] = [
  { path: '/setup', element: <SetupPage /> },
  { path: '/login', element: <LoginPage /> },
  {
    element: <SessionGate />,
    children: [
      { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          ...NAV_ITEMS.map((item) => ({ path: item.path, element: <ModuleRoute item={item} /> })),
          { path: '*', element: <NotFoundPage /> }
        ]
      }
    ]
  }
]

export function createRouter() {
  return createHashRouter(routes)
}

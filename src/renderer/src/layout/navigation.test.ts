import { describe, expect, it } from 'vitest'
import { ALL_PERMISSION_CODES, BUILT_IN_ROLES, PERMISSIONS } from '../../../shared/permissions'
import { en } from '../i18n/en'
import { activeNavPath, NAV_ITEMS, navTestId, visibleNavigation } from './navigation'

const keysOf = (viewer: { permissions: readonly number[]; merchantId: number | null }) =>
  visibleNavigation(viewer).flatMap((group) => group.items.map((item) => item.key))

describe('navigation', () => {
  it('shows an administrator every module of the product', () => {
    expect(keysOf({ permissions: ALL_PERMISSION_CODES, merchantId: null })).toEqual(NAV_ITEMS.map((item) => item.key))
  })

  it("shows a merchant operator only its own merchant's modules", () => {
    const keys = keysOf({ permissions: BUILT_IN_ROLES.merchantOperator, merchantId: 7 })
    expect(keys).toEqual([
      'createDeposit',
      'createPayout',
      'orderQuery',
      'approvals',
      'refunds',
      'disputes',
      'waybills',
      'withdrawals',
      'ledger',
      'accountDetails',
      'transactionSummary',
      'transactionDetails',
      'settlementSummary',
      'settlementDetails',
      'contracts',
      'merchants',
      'terminals',
      'services'
    ])
  })

  it('opens the approvals queue to an approver who holds no manual-operation code', () => {
    const payoutApprover = keysOf({ permissions: [PERMISSIONS.ORDER_READ, PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE], merchantId: null })
    expect(payoutApprover).toContain('approvals')
    expect(payoutApprover).not.toContain('manualOperations')
    expect(keysOf({ permissions: [PERMISSIONS.CHANNEL_BALANCE_WRITE], merchantId: null })).toEqual(['approvals'])
    expect(keysOf({ permissions: [PERMISSIONS.ORDER_READ], merchantId: null })).not.toContain('approvals')
  })

  it('hides platform configuration from a merchant-bound user even when a role grants the code', () => {
    expect(keysOf({ permissions: ALL_PERMISSION_CODES, merchantId: 3 })).not.toContain('channels')
    expect(keysOf({ permissions: ALL_PERMISSION_CODES, merchantId: null })).toContain('channels')
  })

  it('leaves out groups with nothing to open', () => {
    expect(visibleNavigation({ permissions: BUILT_IN_ROLES.auditor, merchantId: null }).map((g) => g.key)).toEqual([
      'operations',
      'afterSales',
      'finance',
      'reports',
      'reconciliation',
      'masterData',
      'administration'
    ])
    expect(visibleNavigation({ permissions: [], merchantId: null })).toEqual([])
  })

  it('has a label, a unique route and a unique test id for every item', () => {
    for (const item of NAV_ITEMS) expect(en.nav.items[item.key]).toBeTruthy()
    expect(new Set(NAV_ITEMS.map((i) => i.path)).size).toBe(NAV_ITEMS.length)
    expect(navTestId('/auth/users')).toBe('nav-auth-users')
    expect(new Set(NAV_ITEMS.map((i) => navTestId(i.path))).size).toBe(NAV_ITEMS.length)
  })

  it("marks the item a page belongs to, the most specific one when paths nest", () => {
    expect(activeNavPath('/orders')).toBe('/orders')
    expect(activeNavPath('/orders/42')).toBe('/orders')
    expect(activeNavPath('/orders/deposit')).toBe('/orders/deposit')
    expect(activeNavPath('/finance/withdrawals/7')).toBe('/finance/withdrawals')
    expect(activeNavPath('/ordersx')).toBeUndefined()
    expect(activeNavPath('/')).toBeUndefined()
  })
})

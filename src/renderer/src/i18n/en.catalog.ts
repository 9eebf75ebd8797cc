/**
 * English labels for the product's catalogues: navigation, permission codes and their areas,
 * built-in roles, and the names of the fields refusals name. (The refusals themselves are server
 * texts: src/shared/i18n/server-text.{rules,errors}.en.ts.)
 */
import { serverTextEn } from '../../../shared/i18n/server-text.en'
import { BUILT_IN_ROLE_KEYS, PERMISSIONS, type BuiltInRoleKey, type PermissionName } from '../../../shared/permissions'
import { enFields } from './en.fields'

/**
 * Labels of a group of server-text words, by key as screens look them up (`permissions.USER_WRITE`
 * is `value.permission.USER_WRITE`), so a refusal and the screens name a permission or a built-in
 * role alike.
 */
function termLabels<K extends string>(texts: Record<keyof typeof serverTextEn, string>, group: 'permission' | 'builtInRole', keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, texts[`value.${group}.${key}` as keyof typeof serverTextEn]])) as Record<K, string>
}

const PERMISSION_NAMES = Object.keys(PERMISSIONS) as PermissionName[]
export const termLabelsOf = (texts: Record<keyof typeof serverTextEn, string>) => ({
  permissions: termLabels<PermissionName>(texts, 'permission', PERMISSION_NAMES),
  builtInRoles: termLabels<BuiltInRoleKey>(texts, 'builtInRole', BUILT_IN_ROLE_KEYS)
})

export const enCatalog = {
  nav: {
    groups: {
      operations: 'Operations',
      afterSales: 'After-sales',
      finance: 'Finance',
      reports: 'Reports',
      reconciliation: 'Reconciliation',
      fieldTesting: 'Field testing',
      masterData: 'Master data',
      administration: 'Administration'
    },
    items: {
      home: 'Home',
      createDeposit: 'Create deposit order',
      createPayout: 'Create payout order',
      orderQuery: 'Order query',
      manualOperations: 'Manual operations',
      approvals: 'Approvals',
      outbox: 'Outbox',
      refunds: 'Refunds',
      disputes: 'Disputes',
      waybills: 'Waybills',
      withdrawals: 'Withdrawals',
      ledger: 'Ledger',
      adjustments: 'Adjustments',
      fxRates: 'FX rates',
      accountDetails: 'Account details',
      transactionSummary: 'Transaction summary',
      transactionDetails: 'Transaction details',
      settlementSummary: 'Settlement summary',
      settlementDetails: 'Settlement details',
      reconciliation: 'Runs and breaks',
      reconciliationImport: 'Import statements',
      reconciliationSources: 'Sources and profiles',
      fieldTestSimulator: 'Simulator',
      fieldTestPlans: 'Test plans',
      fieldTestRuns: 'Test runs',
      fieldTestReports: 'Test reports',
      contracts: 'Contracts',
      merchants: 'Merchants',
      terminals: 'Terminals',
      services: 'Services',
      channels: 'Channels',
      channelServiceBindings: 'Channel–service bindings',
      users: 'Users',
      roles: 'Roles',
      audit: 'Audit log',
      settings: 'Settings'
    }
  },
  areas: {
    operations: 'Operations',
    afterSales: 'After-sales',
    ledger: 'Ledger and finance',
    reports: 'Reports',
    reconciliation: 'Reconciliation',
    fieldTesting: 'Field testing',
    masterData: 'Master data',
    administration: 'Administration'
  },
  permissions: termLabelsOf(serverTextEn).permissions,
  // The stored names of the built-in roles, exactly as the host creates them (matched by name).
  builtInRoles: termLabelsOf(serverTextEn).builtInRoles,
  builtInRoleDescriptions: {
    administrator: 'Everything, including users, roles and settings',
    operations: 'Orders for any merchant, manual operations, master data',
    merchantOperator: "Orders and reports of the user's own merchant",
    finance: 'Ledger, adjustments, withdrawals review, reports, reconciliation',
    auditor: 'Reads everything, changes nothing',
    fieldEngineer: 'Connects and proves new channels: provider settings, the simulator, field test runs'
  },
  fields: enFields
}

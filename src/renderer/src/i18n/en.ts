import { enAftersales } from './en.aftersales'
import { enCatalog } from './en.catalog'
import { enFieldtest } from './en.fieldtest'
import { enFinance } from './en.finance'
import { enHome } from './en.home'
import { enMaster } from './en.master'
import { enOrders } from './en.orders'
import { enReports } from './en.reports'
import { enRecon } from './en.recon'
import { enSafety } from './en.safety'
import { enFourEyes } from './en.fourEyes'
import { enViews } from './en.views'
import { enAuditNames } from './en.auditNames'
import { enTimeZones } from './en.timeZones'

/** English: the reference resource; every other language must have exactly these keys. */
export const en = {
  ...enCatalog,
  ...enMaster,
  ...enFinance,
  ...enOrders,
  ...enReports,
  ...enAftersales,
  ...enFieldtest,
  ...enRecon,
  ...enHome,
  ...enSafety,
  ...enFourEyes,
  ...enViews,
  ...enAuditNames,
  ...enTimeZones,
  app: {
    name: 'PayDesk',
    loading: 'Loading…',
    retry: 'Try again',
    loadFailed: 'Could not load this page',
    cannotOpen: 'This cannot be opened',
    toggleNavigation: 'Show or hide navigation',
    timesIn: 'Times are in your display time zone ({{zone}}).',
    daysAndTimes: 'Dates are business days (cut in {{business}}); times are in {{display}}.'
  },
  languages: {
    en: 'English',
    zhCN: '简体中文'
  },
  common: {
    close: 'Close',
    clear: 'Clear',
    revealToggle: 'Show or hide what you typed',
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    back: 'Back',
    all: 'All',
    active: 'Active',
    disabled: 'Disabled',
    status: 'Status',
    actions: 'Actions',
    search: 'Search',
    name: 'Name',
    description: 'Description',
    createdAt: 'Created',
    updatedAt: 'Updated',
    none: '—',
    builtIn: 'Built-in',
    platform: 'Platform (all merchants)'
  },
  table: {
    noRecords: 'Nothing to show',
    loading: 'Loading…',
    pagination: '{{from}}–{{to}} of {{total}}',
    recordsPerPage: 'Rows per page',
    firstPage: 'First page',
    lastPage: 'Last page',
    previousPage: 'Previous page',
    nextPage: 'Next page'
  },
  timeline: {
    time: 'Time',
    kind: 'Event',
    what: 'What happened',
    actor: 'By'
  },
  header: {
    language: 'Language',
    darkMode: 'Switch to dark mode',
    lightMode: 'Switch to light mode',
    userMenu: 'Account',
    changePassword: 'Change password',
    signOut: 'Sign out',
    signedOut: 'You are signed out',
    platformStaff: 'Platform staff'
  },
  notify: {
    errorTitle: 'Something went wrong',
    successTitle: 'Done',
    network: 'Cannot reach the PayDesk host; check that it is running',
    badResponse: 'The PayDesk host sent an answer that could not be read ({{status}})',
    sessionEnded: 'Your session has ended; sign in again'
  },
  validation: {
    passwordsDiffer: 'does not match the password',
    dateOrder: 'must not be before the start date'
  },
  setup: {
    title: 'Welcome to PayDesk',
    intro: 'Create the first administrator. You will use this account to add the rest of the staff.',
    username: 'Username',
    displayName: 'Display name',
    password: 'Password',
    confirmPassword: 'Confirm password',
    setupCode: 'Setup code',
    setupCodeHint: 'The setup code is printed on the console where PayDesk was started.',
    passwordHint: 'At least 10 characters, with letters and digits.',
    submit: 'Create administrator',
    created: 'Administrator created; you are signed in'
  },
  login: {
    title: 'Sign in to PayDesk',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in'
  },
  changePassword: {
    title: 'Change password',
    mustChange: 'You must choose a new password before you continue.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    submit: 'Change password',
    changed: 'Password changed; your other sessions were signed out'
  },
  home: {
    welcome: 'Welcome, {{name}}',
    username: 'Username',
    roles: 'Roles',
    merchant: 'Merchant',
    platformStaff: 'Platform staff: all merchants',
    noRoles: 'No roles assigned',
    hint: 'Use the navigation on the left to open the modules you have access to.'
  },
  forbidden: {
    title: 'No access',
    body: 'Your roles do not include the permission this page needs. Ask an administrator if you need it.'
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address.',
    home: 'Go to the home page'
  },
  users: {
    title: 'Users',
    newUser: 'New user',
    searchLabel: 'Search users',
    searchPlaceholder: 'Username or display name',
    statusFilter: 'Filter by status',
    roleFilter: 'Filter by role',
    colUsername: 'Username',
    colDisplayName: 'Display name',
    colMerchant: 'Merchant',
    colRoles: 'Roles',
    colStatus: 'Status',
    locked: 'Locked',
    mustChange: 'Must change password',
    username: 'Username',
    displayName: 'Display name',
    initialPassword: 'Initial password',
    initialPasswordHint: 'The user must change it at first sign-in.',
    merchant: 'Merchant',
    merchantHint: 'A merchant-bound user only ever sees that merchant’s data.',
    roles: 'Roles',
    createTitle: 'New user',
    create: 'Create user',
    editTitle: 'Edit user {{username}}',
    enable: 'Enable',
    disable: 'Disable',
    resetPassword: 'Reset password',
    resetTitle: 'Reset password of {{username}}',
    resetHint: 'The user must change it at next sign-in; their open sessions end now.',
    newPassword: 'New password',
    created: 'User {{username}} created',
    updated: 'User {{username}} saved',
    enabled: 'User {{username}} enabled',
    disabledDone: 'User {{username}} disabled',
    passwordReset: 'Password of {{username}} reset'
  },
  roles: {
    title: 'Roles',
    newRole: 'New role',
    name: 'Name',
    description: 'Description',
    permissions: 'Permissions',
    users: 'Users',
    readOnly: 'Built-in roles follow the permission catalog and cannot be edited.',
    createTitle: 'New role',
    editTitle: 'Edit role {{name}}',
    create: 'Create role',
    platformOnly: 'platform staff only',
    needsHint: 'Ticking a permission also ticks what its screens need (a list that picks a merchant needs View master data).',
    incomplete: 'Incomplete: {{needed}} ({{code}}) is missing, which {{permission}} needs; its screens answer “forbidden” until the role is saved with it.',
    created: 'Role {{name}} created',
    updated: 'Role {{name}} saved'
  },
  audit: {
    title: 'Audit log',
    procedure: 'Procedure',
    targetType: 'Target type',
    searchLabel: 'Search',
    searchPlaceholder: 'Summary or actor',
    from: 'From date',
    to: 'To date',
    colTime: 'Time',
    colActor: 'Actor',
    colProcedure: 'Procedure',
    colTarget: 'Target',
    colSummary: 'Summary',
    before: 'Before',
    after: 'After',
    nothing: 'Nothing recorded',
    expandHint: 'Click a row to see the values before and after the change.'
  },
  settings: {
    title: 'Settings',
    sessions: 'Sessions',
    general: 'Organisation and sessions',
    tenantName: 'Organisation name',
    tenantNameHint: 'Shown in the title bar beside PayDesk.',
    sessionsHint: 'A session ends after this long without activity, and in any case after the absolute limit.',
    idle: 'Session idle limit (minutes)',
    absolute: 'Session absolute limit (minutes)',
    saved: 'Settings saved'
  }
}

export type TranslationResource = typeof en

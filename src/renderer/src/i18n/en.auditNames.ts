/** English: what the audit log's procedure and target codes mean, for its filters (the codes are still what is sent). */
export const enAuditNames = {
  auditNames: {
    procedures: {
      system: { bootstrap: 'First start of the database', orderEngine: 'Order engine (provider answers, callbacks, expiry)' },
      auth: { setupAdmin: 'Create the first administrator', login: 'Sign in', logout: 'Sign out', changePassword: 'Change own password' },
      users: { create: 'Create user', update: 'Edit user', setStatus: 'Enable or disable user', resetPassword: 'Reset user password' },
      roles: { create: 'Create role', update: 'Edit role' },
      merchants: { create: 'Create merchant', update: 'Edit merchant', setStatus: 'Enable or disable merchant', rotateSecret: 'Rotate merchant signing secret' },
      settings: { update: 'Change settings', setBusinessZone: 'Change business time zone' },
      demo: { load: 'Load demo data' },
      contracts: { create: 'Create contract', update: 'Edit contract', setStatus: 'Enable or disable contract' },
      terminals: { create: 'Create terminal', update: 'Edit terminal', setStatus: 'Enable or disable terminal' },
      services: { create: 'Create service', update: 'Edit service', setStatus: 'Enable or disable service' },
      channels: {
        create: 'Create channel',
        update: 'Edit channel',
        setStatus: 'Enable or disable channel',
        adjustBalance: 'Top up or correct channel balance',
        testConnection: 'Test channel connection'
      },
      bindings: { create: 'Bind channel to service', update: 'Edit binding', setStatus: 'Enable or disable binding' },
      orders: {
        createDeposit: 'Create deposit order',
        createPayout: 'Create payout order',
        close: 'Close order',
        requery: 'Query order status',
        markResult: 'Force order result',
        resendNotification: 'Resend merchant notification',
        revealCardNumber: 'Reveal card number'
      },
      outbox: { retryNow: 'Retry outbox item now' },
      callbacks: { updateSettings: 'Change callback listener' },
      parked: { resolve: 'Resolve parked provider report' },
      reports: { exportStart: 'Start export', exportCancel: 'Cancel export' },
      refunds: { create: 'Create refund' },
      disputes: {
        create: 'Open dispute',
        addEvidence: 'Add dispute evidence',
        attachWaybill: 'Attach waybill to dispute',
        addNote: 'Add dispute note',
        submitEvidence: 'Submit dispute evidence',
        resolve: 'Resolve dispute'
      },
      waybills: { create: 'Create waybill', updateStatus: 'Update waybill status' },
      withdrawals: { request: 'Request withdrawal', review: 'Review withdrawal', complete: 'Complete withdrawal' },
      adjustments: { request: 'Request adjustment', decide: 'Approve or reject adjustment' },
      fx: { create: 'Add FX rate', import: 'Import FX rates' },
      recon: {
        sources: { create: 'Create reconciliation source', update: 'Edit reconciliation source' },
        profiles: { save: 'Save statement profile' },
        uploads: { put: 'Upload statement' },
        imports: { check: 'Check statement import', commit: 'Import statement' },
        jobs: { cancel: 'Cancel reconciliation job' },
        runs: { start: 'Start reconciliation run', export: 'Export reconciliation run' },
        breaks: { resolve: 'Decide reconciliation break', bulk: 'Decide breaks in bulk', importDecisions: 'Import break decisions' }
      },
      simulator: {
        start: 'Start simulator',
        stop: 'Stop simulator',
        connectChannel: 'Point channel at simulator',
        setBehaviour: 'Set simulator behaviour',
        clearBehaviours: 'Clear simulator behaviours',
        pay: 'Pay deposit in simulator'
      },
      fieldtest: {
        plans: { generate: 'Generate field test plan', save: 'Save field test plan' },
        runs: { start: 'Start field test run', confirm: 'Confirm field test step', stop: 'Stop field test run' },
        reports: { sign: 'Sign field test report', countersign: 'Countersign field test report' }
      },
      backups: { updateSettings: 'Change backup settings', create: 'Make backup', restore: 'Restore backup' },
      ledgerCheck: { run: 'Run ledger check' },
      fourEyes: { updateSettings: 'Change four-eyes settings' },
      approvals: { decide: 'Approve or reject request' },
      me: { updatePreferences: 'Change own preferences' },
      views: { save: 'Save view', delete: 'Delete view' }
    },
    targets: {
      adjustment: 'Adjustment',
      backup: 'Backup',
      binding: 'Channel–service binding',
      channel: 'Channel',
      contract: 'Contract',
      demo: 'Demo data',
      dispute: 'Dispute',
      fieldtest_plan: 'Field test plan',
      fieldtest_report: 'Field test report',
      fieldtest_run: 'Field test run',
      fx_rate: 'FX rate',
      ledger_check: 'Ledger check',
      merchant: 'Merchant',
      order: 'Order',
      outbox: 'Outbox item',
      recon_break: 'Reconciliation break',
      recon_run: 'Reconciliation run',
      recon_source: 'Reconciliation source',
      refund: 'Refund',
      report: 'Report export',
      role: 'Role',
      saved_view: 'Saved view',
      service: 'Service',
      settings: 'Settings',
      simulator: 'Simulator',
      terminal: 'Terminal',
      user: 'User',
      waybill: 'Waybill',
      withdrawal: 'Withdrawal'
    }
  }
}

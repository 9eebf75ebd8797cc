/** Settings › Backups and Ledger check. */
export const enSafety = {
  safety: {
    backups: 'Backups',
    backupsHint: 'A backup is a copy of the one database file that holds the ledger, made while PayDesk keeps working. Keep the folder on another disk or a network share.',
    folder: 'Backup folder',
    folderHint: 'Leave empty for the default. In use now: {{folder}}',
    everyHours: 'Back up every (hours)',
    everyHoursHint: '0 turns scheduled backups off.',
    keep: 'Backups to keep',
    settingsSaved: 'Backup settings saved',
    files: 'Backup files',
    inFolder: 'In {{folder}}. Times in {{zone}}.',
    backUpNow: 'Back up now',
    made: 'Backup {{file}} made ({{size}})',
    none: 'No backups in this folder yet.',
    listLabel: 'Backup files',
    file: 'File',
    madeAt: 'Made',
    size: 'Size',
    restore: 'Restore…',
    restoreTitle: 'Restore {{file}}?',
    restoreExplain:
      'The ledger check runs on the backup first; a backup with any problem is refused. A clean backup replaces the database at the next start of PayDesk: everything recorded after it was made is gone from the app. The database it replaces is kept beside it (paydesk.before-restore-….db).',
    restoreConfirm: 'Check and restore',
    restoreStagedTitle: 'Backup checked and ready',
    restoreChecked: 'The ledger check found no problem in its {{entries}} entries.',
    restartDesktop: 'PayDesk restarts now to put it in place.',
    restartBrowser: 'Stop PayDesk and start it again (npm start) to put it in place.',
    inMemory: 'This PayDesk runs on an in-memory database: there is no file to back up.',
    ledgerCheck: 'Ledger check',
    ledgerCheckHint: 'Recomputes every balance and every stored report day from the ledger’s entries and names any difference. It runs by itself once a day.',
    neverChecked: 'The ledger has not been checked yet.',
    checkedAt: 'Checked {{at}} by {{by}}',
    daily: 'the daily check',
    checkCounts: '{{postings}} postings, {{entries}} entries, {{accounts}} accounts',
    nextCheck: 'Next daily check: {{at}} ({{zone}})',
    runCheck: 'Run the ledger check now',
    status: { clean: 'No drift', drift: 'Drift found', failed: 'Could not check' },
    mark: {
      drift: 'The ledger check found drift',
      failed: 'The ledger check could not run',
      detail: 'Last check {{at}} ({{zone}}): {{count}} problem(s).',
      open: 'See what it found in Settings'
    }
  }
}

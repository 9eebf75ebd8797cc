/** English texts of backups, restore and the ledger check (spread into server-text.en.ts). */
export const safetyTextEn = {
  'rule.backup.absoluteFolder': 'must be a full folder path (such as /srv/paydesk-backups or D:\\Backups), or empty for the default',
  'rule.backup.fileName': 'must be the name of a .db file in the backup folder',
  'error.backup.folderNotWritable': 'The backup folder {{folder}} cannot be written: {{reason}}',
  'error.backup.running': 'A backup is already being made; wait for it to finish',
  'error.backup.inMemory': 'This PayDesk runs on an in-memory database: there is no file to back up or restore',
  'error.backup.notRestorable': 'Backup {{file}} was not restored: {{reason}}',
  'error.backup.drift': 'the ledger check found {{count}} problem(s) in it',
  'error.ledgerCheck.running': 'The ledger check is already running; wait for its result',
  'thing.backup': 'Backup {{name}}',
  'audit.backupSettings': 'Backup settings changed',
  'audit.backupMade': 'Backup {{file}} made ({{bytes}} bytes)',
  'audit.backupRestoreStaged': 'Backup {{file}} checked clean and staged: it replaces the database at the next start',
  'audit.ledgerCheck': 'Ledger check: {{status}}, {{drifts}} problem(s) in {{entries}} entries'
} as const

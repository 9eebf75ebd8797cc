/**
 * Backups, restore and the ledger self-check, from the app (docs/desktop.md): the folder, the
 * schedule and how many backups are kept; backup now; restore a backup (checked first, applied at
 * the next start); the ledger check run on demand, and its latest result (daily by itself).
 */
import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { mutation, query } from './define'

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: ruleMessage('rule.number') })
    .int(ruleMessage('rule.wholeNumber'))
    .min(min, ruleMessage('rule.minValue', { n: min }))
    .max(max, ruleMessage('rule.maxValue', { n: max }))

export const backupSettings = z.object({
  /** An absolute folder, or '' for `backups` beside the database. */
  folder: z
    .string({ error: ruleMessage('rule.text') })
    .trim()
    .max(1000, ruleMessage('rule.maxChars', { n: 1000 }))
    .refine((f) => f === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(f), ruleMessage('rule.backup.absoluteFolder')),
  /** Hours between scheduled backups; 0: none. */
  everyHours: wholeNumber(0, 168),
  /** Backups of PayDesk's own the folder keeps. */
  keep: wholeNumber(1, 365)
})
export type BackupSettings = z.infer<typeof backupSettings>

export const backupFile = z.object({ name: z.string(), bytes: z.number(), madeAt: z.number(), ours: z.boolean() })

const drift = z.object({ what: z.string(), detail: z.string() })
export const ledgerCheck = z.object({
  id: z.number(),
  target: z.enum(['live', 'backup']),
  file: z.string().nullable(),
  startedAt: z.number(),
  finishedAt: z.number(),
  status: z.enum(['clean', 'drift', 'failed']),
  postings: z.number(),
  entries: z.number(),
  accounts: z.number(),
  driftCount: z.number(),
  drifts: z.array(drift),
  error: z.string().nullable(),
  requestedBy: z.string().nullable()
})
export type LedgerCheck = z.infer<typeof ledgerCheck>

const backupName = z
  .string({ error: ruleMessage('rule.required') })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.db$/, ruleMessage('rule.backup.fileName'))

export const safetyContract = {
  'backups.settings': query({
    input: z.object({}),
    output: backupSettings.extend({ folderInUse: z.string(), available: z.boolean() }),
    access: PERMISSIONS.BACKUP_MANAGE,
    doc: 'The backup folder, schedule and retention; `folderInUse` is where backups go now.'
  }),
  'backups.updateSettings': mutation({
    input: backupSettings,
    output: backupSettings.extend({ folderInUse: z.string(), available: z.boolean() }),
    access: PERMISSIONS.BACKUP_MANAGE,
    doc: 'Changes the backup folder (created if missing, refused if it cannot be written), schedule and retention.'
  }),
  'backups.list': query({
    input: z.object({}),
    output: z.object({ folder: z.string(), available: z.boolean(), items: z.array(backupFile), running: z.boolean() }),
    access: PERMISSIONS.BACKUP_MANAGE,
    doc: 'The SQLite files in the backup folder, newest first.'
  }),
  'backups.create': mutation({
    input: z.object({}),
    output: z.object({ file: backupFile, pruned: z.array(z.string()) }),
    access: PERMISSIONS.BACKUP_MANAGE,
    doc: 'Backs the database up now (SQLite online backup, orders keep flowing); older backups beyond the kept number are deleted.'
  }),
  'backups.restore': mutation({
    input: z.object({ name: backupName }),
    output: z.object({ check: ledgerCheck, restartRequired: z.boolean() }),
    access: PERMISSIONS.BACKUP_MANAGE,
    doc: 'Runs the ledger check on a backup; when clean, stages it to replace the database at the next start (the desktop app restarts by itself).'
  }),
  'ledgerCheck.run': mutation({
    input: z.object({}),
    output: ledgerCheck,
    access: PERMISSIONS.BACKUP_MANAGE,
    doc: 'Runs the ledger self-check (npm run verify) on the live database, off the main thread, and records its result.'
  }),
  'ledgerCheck.latest': query({
    input: z.object({}),
    output: z.object({ live: ledgerCheck.nullable(), dueAt: z.number() }),
    access: PERMISSIONS.BACKUP_MANAGE,
    doc: 'The latest check of the live database (null before the first) and when the daily check runs next.'
  })
}

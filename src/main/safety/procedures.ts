/** Backups, restore and the ledger check from the app (contract/safety.ts; docs/desktop.md). */
import { and, desc, eq } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import type { LedgerCheck } from '../../shared/contract/safety'
import { actorOf, type Ctx } from '../core/context'
import { conflict } from '../core/errors'
import { handlers } from '../core/registry'
import { ledgerChecks, tenants, users } from '../db/schema'
import { transact } from '../db/transaction'
import { listBackups } from './files'
import { nextCheckAt } from './service'
import { backupFolderOf, backupSettingsOf, ensureWritableFolder, type StoredBackupSettings } from './settings'

function settingsView(ctx: Ctx, settings: StoredBackupSettings) {
  const dbPath = ctx.safety.dbPath
  return { ...settings, folderInUse: dbPath ? backupFolderOf(settings, dbPath) : '', available: dbPath !== null }
}

function checkById(ctx: Ctx, id: number): LedgerCheck {
  const row = ctx.db
    .select({ check: ledgerChecks, username: users.username })
    .from(ledgerChecks)
    .leftJoin(users, eq(users.id, ledgerChecks.requestedBy))
    .where(and(eq(ledgerChecks.tenantId, ctx.tenantId), eq(ledgerChecks.id, id)))
    .get()!
  const { tenantId: _tenant, requestedBy: _by, drifts, ...check } = row.check
  return { ...check, drifts: JSON.parse(drifts) as LedgerCheck['drifts'], requestedBy: row.username }
}

function auditCheck(ctx: Ctx, check: LedgerCheck): void {
  transact(ctx.db, (tx) =>
    ctx.audit(tx, {
      targetType: 'ledger_check',
      targetId: check.id,
      summary: say('audit.ledgerCheck', { status: check.status, drifts: check.driftCount, entries: check.entries }),
      after: { target: check.target, file: check.file, status: check.status, driftCount: check.driftCount, error: check.error }
    })
  )
}

export const safetyProcedures = handlers({
  'backups.settings': (ctx) => settingsView(ctx, backupSettingsOf(ctx.db, ctx.tenantId)),

  'backups.updateSettings': (ctx, input) => {
    const dbPath = ctx.safety.dbPath
    if (dbPath) {
      const folder = backupFolderOf(input, dbPath)
      const problem = ensureWritableFolder(folder)
      if (problem) throw conflict(say('error.backup.folderNotWritable', { folder, reason: problem }), { code: 'backup.folder_not_writable', field: 'folder' })
    }
    return transact(ctx.db, (tx) => {
      const before = backupSettingsOf(tx, ctx.tenantId)
      tx.update(tenants).set({ backupFolder: input.folder, backupEveryHours: input.everyHours, backupKeep: input.keep }).where(eq(tenants.id, ctx.tenantId)).run()
      ctx.audit(tx, { targetType: 'settings', targetId: ctx.tenantId, summary: say('audit.backupSettings'), before, after: input })
      return settingsView(ctx, input)
    })
  },

  'backups.list': (ctx) => {
    const dbPath = ctx.safety.dbPath
    if (!dbPath) return { folder: '', available: false, items: [], running: false }
    const folder = backupFolderOf(backupSettingsOf(ctx.db, ctx.tenantId), dbPath)
    return { folder, available: true, items: listBackups(folder), running: ctx.safety.backingUp() }
  },

  'backups.create': async (ctx) => {
    const made = await ctx.safety.backupNow(actorOf(ctx).userId)
    transact(ctx.db, (tx) =>
      ctx.audit(tx, { targetType: 'backup', summary: say('audit.backupMade', { file: made.file.name, bytes: made.file.bytes }), after: { file: made.file.name, bytes: made.file.bytes, pruned: made.pruned } })
    )
    return made
  },

  'backups.restore': async (ctx, { name }) => {
    const check = checkById(ctx, await ctx.safety.check({ backup: name }, actorOf(ctx).userId))
    auditCheck(ctx, check)
    if (check.status !== 'clean') {
      const reason = check.status === 'drift' ? say('error.backup.drift', { count: check.driftCount }) : say('text.verbatim', { text: check.error ?? '' })
      throw conflict(say('error.backup.notRestorable', { file: name, reason }), { code: 'backup.not_restorable', field: 'name' })
    }
    ctx.safety.stageRestore(name)
    transact(ctx.db, (tx) => ctx.audit(tx, { targetType: 'backup', summary: say('audit.backupRestoreStaged', { file: name }), after: { file: name, checkId: check.id } }))
    return { check, restartRequired: ctx.host.mode === 'browser' }
  },

  'ledgerCheck.run': async (ctx) => {
    const check = checkById(ctx, await ctx.safety.check({ live: true }, actorOf(ctx).userId))
    auditCheck(ctx, check)
    return check
  },

  'ledgerCheck.latest': (ctx) => {
    const last = ctx.db
      .select({ id: ledgerChecks.id })
      .from(ledgerChecks)
      .where(and(eq(ledgerChecks.tenantId, ctx.tenantId), eq(ledgerChecks.target, 'live')))
      .orderBy(desc(ledgerChecks.id))
      .limit(1)
      .get()
    return { live: last ? checkById(ctx, last.id) : null, dueAt: nextCheckAt(ctx.db, ctx.tenantId, ctx.clock.now()) }
  }
})

/**
 * Statement files: uploads (with the profile editor's live preview), the dry run and the import
 * as jobs in a worker thread, the jobs' progress and files, and the statements imported with
 * their lines. Platform staff only: a statement holds every merchant's lines.
 */
import { and, desc, eq, sql } from 'drizzle-orm'
import { say, term } from '../../../shared/server-text'
import type { ReconProfileInput, StatementFormat } from '../../../shared/contract/recon-profile'
import { readFileSync } from 'node:fs'
import { actorOf, type Ctx } from '../../core/context'
import { AppError, conflict, notFound, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { reconProfiles, reconSources, reconStatements, users } from '../../db/schema'
import { transact } from '../../db/transaction'
import { offsetOf } from '../../db/sql'
import { pagedList } from '../../reads/paged'
import { platformActor } from '../access'
import { previewStatement } from '../formats'
import type { ImportInput, ImportReport, CommitOutcome } from '../import'
import { jobOut } from '../job-text'
import type { ReconTask } from '../jobs'
import { RECON_READS } from '../reads'
import { currentProfile, loadSource } from '../sources'
import { putUpload, uploadOf } from '../uploads'

function auditRecon(ctx: Ctx, targetType: string, targetId: number | string | null, summary: ReturnType<typeof say>, after?: unknown): void {
  transact(ctx.db, (tx) => ctx.audit(tx, { targetType, targetId, summary, after }))
}

/** What an import of the upload into the source reads with: the source's current profile. */
function importInput(ctx: Ctx, sourceId: number, uploadId: string, userId: number): ImportInput {
  const source = loadSource(ctx.db, ctx.tenantId, sourceId)
  if (source.status !== 'active') throw conflict(say('error.recon.sourceDisabled', { name: source.name }), { code: 'recon.source_disabled', field: 'sourceId' })
  const upload = uploadOf(ctx.recon.folder, uploadId, userId)
  const profile = currentProfile(ctx.db, source.id)
  return { tenantId: ctx.tenantId, sourceId: source.id, profileId: profile.id, profile: profile.profile, sourceCurrency: source.currency, filePath: upload.path, fileName: upload.fileName, userId, now: ctx.clock.now() }
}

export const reconImportProcedures = handlers({
  'recon.uploads.put': async (ctx, input) => {
    const actor = platformActor(ctx)
    const upload = await putUpload(ctx.recon.folder, actor.userId, input.fileName, input.contentBase64, ctx.clock.now())
    auditRecon(ctx, 'recon_upload', upload.uploadId, say('audit.recon.uploaded', { fileName: upload.fileName, size: upload.size }), { sha256: upload.sha256 })
    return { uploadId: upload.uploadId, fileName: upload.fileName, size: upload.size, sha256: upload.sha256 }
  },

  'recon.uploads.preview': async (ctx, input) => {
    const actor = platformActor(ctx)
    const upload = uploadOf(ctx.recon.folder, input.uploadId, actor.userId)
    const draft = input.profile as ReconProfileInput & { format: StatementFormat }
    if (typeof draft.format !== 'string') throw validationError('profile.format', say('rule.required'))
    // The source's currency, as the import takes it (a source not saved yet: its form's).
    const sourceCurrency = input.sourceId !== undefined ? loadSource(ctx.db, ctx.tenantId, input.sourceId).currency : (input.currency ?? null)
    const preview = await previewStatement(upload.path, draft, { rows: input.rows, fileName: upload.fileName, sourceCurrency })
    return {
      ...preview,
      lines: preview.lines.map((l) => ({ lineNo: l.lineNo, kind: l.kind, orderNo: l.orderNo, merchantOrderNo: l.merchantOrderNo, upstreamNo: l.upstreamNo ?? l.endToEndId, refundNo: l.refundNo, currency: l.currency, gross: l.gross, fee: l.fee, net: l.net, at: l.at, status: l.status, counterparty: l.counterparty, raw: l.raw })),
      problems: preview.problems.map((p) => ({ lineNo: p.lineNo, field: p.field, reason: p.reason }))
    }
  },

  'recon.imports.check': (ctx, input) => {
    const actor = platformActor(ctx)
    const task: ReconTask = { kind: 'dry_run', input: importInput(ctx, input.sourceId, input.uploadId, actor.userId) }
    auditRecon(ctx, 'recon_source', input.sourceId, say('audit.recon.checkStarted', { fileName: task.input.fileName }))
    return jobOut(ctx.recon.start(task, actor.userId, () => {}))
  },

  'recon.imports.commit': (ctx, input) => {
    const actor = platformActor(ctx)
    const task: ReconTask = { kind: 'import', input: importInput(ctx, input.sourceId, input.uploadId, actor.userId) }
    const source = loadSource(ctx.db, ctx.tenantId, input.sourceId)
    auditRecon(ctx, 'recon_source', source.id, say('audit.recon.importStarted', { fileName: task.input.fileName, source: source.name }))
    const job = ctx.recon.start(task, actor.userId, (ended) => {
      const outcome = ended.result as CommitOutcome | null
      const report = (ended.error?.detail ?? outcome?.report) as ImportReport | undefined
      auditRecon(ctx, 'recon_statement', outcome?.statementId ?? null, say('audit.recon.importEnded', { fileName: task.input.fileName, state: term('reconJobState', ended.state) }), {
        jobId: ended.id,
        state: ended.state,
        statementId: outcome?.statementId ?? null,
        stored: outcome?.stored ?? null,
        repeated: outcome?.repeated ?? null,
        fileHash: report?.fileHash ?? null,
        error: ended.error ? { code: ended.error.code, message: ended.error.message } : null
      })
    })
    return jobOut(job)
  },

  'recon.jobs.status': (ctx, input) => jobOut(ctx.recon.status(input.jobId, actorOf(ctx).userId)),

  'recon.jobs.cancel': (ctx, input) => {
    const job = ctx.recon.cancel(input.jobId, actorOf(ctx).userId)
    auditRecon(ctx, 'recon_job', job.id, say('audit.recon.jobCancelled', { kind: term('reconJobKind', job.kind) }), { state: job.state })
    return jobOut(job)
  },

  'recon.jobs.file': (ctx, input) => {
    const job = ctx.recon.status(input.jobId, actorOf(ctx).userId)
    if (job.state !== 'finished') throw conflict(say('error.recon.jobNotFinished'), { code: 'recon.job_not_finished' })
    const file = job.kind === 'export' ? (job.result as { fileName: string; path: string } | null) : null
    if (!file) throw new AppError('validation', say('error.recon.notAnExport'), { code: 'recon.not_an_export', field: 'jobId' })
    return { fileName: file.fileName, contentBase64: readFileSync(file.path).toString('base64') }
  },

  'recon.statements.list': (ctx, input) => {
    platformActor(ctx)
    const where = and(eq(reconStatements.tenantId, ctx.tenantId), eq(reconStatements.status, 'imported'), input.sourceId === undefined ? undefined : eq(reconStatements.sourceId, input.sourceId))
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(reconStatements).where(where).get()?.n ?? 0
    const items = ctx.db
      .select({ s: reconStatements, sourceName: reconSources.name, profileVersion: reconProfiles.version, importedBy: users.username })
      .from(reconStatements)
      .innerJoin(reconSources, eq(reconSources.id, reconStatements.sourceId))
      .innerJoin(reconProfiles, eq(reconProfiles.id, reconStatements.profileId))
      .leftJoin(users, eq(users.id, reconStatements.importedBy))
      .where(where)
      .orderBy(desc(reconStatements.importedAt), desc(reconStatements.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map(({ s, sourceName, profileVersion, importedBy }) => ({
        id: s.id,
        sourceId: s.sourceId,
        sourceName,
        profileVersion,
        fileName: s.fileName,
        fileHash: s.fileHash,
        fileSize: s.fileSize,
        encoding: s.encoding,
        periodFrom: s.periodFrom,
        periodTo: s.periodTo,
        lineCount: s.lineCount,
        repeatedLines: s.repeatedLines,
        controls: s.controls,
        importedBy,
        importedAt: s.importedAt
      }))
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'recon.statements.lines': (ctx, { page, pageSize, statementId, search }) => {
    platformActor(ctx)
    const statement = ctx.db.select({ id: reconStatements.id }).from(reconStatements).where(and(eq(reconStatements.id, statementId), eq(reconStatements.tenantId, ctx.tenantId), eq(reconStatements.status, 'imported'))).get()
    if (!statement) throw notFound(say('thing.reconStatement', { id: statementId }))
    return pagedList(ctx, RECON_READS.reconLines, { statementId, search: search || undefined }, { page, pageSize })
  }
})

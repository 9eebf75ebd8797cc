/**
 * Report exports as procedures (contract: shared/contract/exports.ts). The export is a read of the
 * report, so it needs REPORT_READ as well as REPORT_EXPORT, and the report's merchant scope applies
 * to its filters. Each export is audited when it starts (who, which report, the filters, the rows
 * to write) and when it ends (the outcome and the rows written).
 */
import type { ExportReport } from '../../../shared/contract/exports'
import { PERMISSIONS } from '../../../shared/permissions'
import { permissionTerm, say, term, type ServerText } from '../../../shared/server-text'
import { actorOf, type Ctx } from '../../core/context'
import { forbidden } from '../../core/errors'
import { handlers } from '../../core/registry'
import { merchantFilter } from '../../core/scope'
import { displayZoneOf } from '../../core/tenant'
import { transact } from '../../db/transaction'
import { exportFileName } from '../export/file-name'
import { EXPORT_EXTENSIONS } from '../export/write'
import { readScope } from '../../reads/paged'

function auditExport(ctx: Ctx, report: ExportReport, merchantId: number | undefined, summary: ServerText, after: unknown): void {
  transact(ctx.db, (tx) => ctx.audit(tx, { targetType: 'report', targetId: report, merchantId: merchantId ?? null, summary, after }))
}

export const exportProcedures = handlers({
  'reports.exportStart': async (ctx, input) => {
    const actor = actorOf(ctx)
    if (!actor.permissions.has(PERMISSIONS.REPORT_READ)) throw forbidden(say('error.exports.needsRead', { procedure: 'reports.exportStart', permission: permissionTerm(PERMISSIONS.REPORT_READ), code: PERMISSIONS.REPORT_READ }), 'permission.missing')
    const { report, format, language } = input
    const filters = { ...input.filters, merchantId: merchantFilter(actor, input.filters.merchantId) }
    // Times are written in the zone the user reads them in on screen, and the header names it.
    const timeZone = displayZoneOf(ctx.db, actor.userId, ctx.tenantId)
    const fileName = exportFileName(report, EXPORT_EXTENSIONS[format], new Date(ctx.clock.now()), timeZone)
    // The job counts its rows and writes the file in a worker thread (reports/export/jobs.ts).
    const job = await ctx.exports.start({
      userId: actor.userId,
      request: { report, format, language, filters, timeZone },
      scope: readScope(ctx),
      fileName,
      onStart: (started) =>
        auditExport(ctx, report, filters.merchantId, say('audit.exportStarted', { report: term('report', report), format: format.toUpperCase(), rows: started.totalRows }), {
          jobId: started.id,
          format,
          language,
          timeZone,
          filters,
          totalRows: started.totalRows
        }),
      onEnd: (ended) =>
        auditExport(ctx, report, filters.merchantId, say('audit.exportEnded', { report: term('report', report), state: term('exportState', ended.state), rows: ended.rowsWritten }), {
          jobId: ended.id,
          state: ended.state,
          rowsWritten: ended.rowsWritten,
          file: ended.savedTo ?? ended.fileName,
          error: ended.error
        })
    })
    if (!job) auditExport(ctx, report, filters.merchantId, say('audit.exportNotStarted', { report: term('report', report) }), { jobId: null, format, language, filters, totalRows: null })
    return { job }
  },
  'reports.exportStatus': (ctx, { jobId }) => ctx.exports.status(jobId, actorOf(ctx).userId),
  'reports.exportCancel': (ctx, { jobId }) => {
    const job = ctx.exports.cancel(jobId, actorOf(ctx).userId)
    auditExport(ctx, job.report, undefined, say('audit.exportCancel', { report: term('report', job.report), rows: job.rowsWritten }), { jobId, state: job.state })
    return job
  }
})

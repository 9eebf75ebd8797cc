/** The signed report of a run: signing, countersigning, export (JSON and HTML), and the offline check in the app. */
import { eq } from 'drizzle-orm'
import { say, term } from '../../../shared/server-text'
import { actorOf } from '../../core/context'
import { conflict, forbidden } from '../../core/errors'
import { handlers } from '../../core/registry'
import { tenantZone } from '../../core/tenant'
import { fieldtestReports } from '../../db/schema'
import { transact } from '../../db/transaction'
import { canonicalJson } from '../report/canonical'
import { buildReport, newDocument, signDocument } from '../report/build'
import { renderReportHtml } from '../report/html'
import { documentOf, listReports, loadReport, reportRowOf } from '../report/store'
import { verifyReportText } from '../report/verify'
import { loadRun } from '../runs/store'

const ENDED = ['finished', 'stopped']

export const reportProcedures = handlers({
  'fieldtest.reports.sign': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const run = loadRun(tx, ctx.tenantId, input.runId)
      if (!ENDED.includes(run.status)) throw conflict(say('error.fieldtest.runNotEnded', { id: run.id, status: term('runStatus', run.status) }), { code: 'fieldtest.run_not_ended', field: 'runId' })
      if (tx.select({ id: fieldtestReports.id }).from(fieldtestReports).where(eq(fieldtestReports.runId, run.id)).get()) {
        throw conflict(say('error.fieldtest.reportExists', { id: run.id }), { code: 'fieldtest.report_exists', field: 'runId' })
      }
      const now = ctx.clock.now()
      const { header, steps } = buildReport(tx, run, { version: ctx.host.version, timeZone: tenantZone(tx, ctx.tenantId), now })
      const doc = newDocument(header, steps)
      doc.signatures.push(signDocument(tx, ctx.secrets, doc, 'engineer', actor, now))
      const report = tx.insert(fieldtestReports).values({ tenantId: ctx.tenantId, runId: run.id, document: canonicalJson(doc), head: doc.chain.head, signedBy: actor.userId, createdAt: now, updatedAt: now }).returning().get()
      ctx.audit(tx, { targetType: 'fieldtest_report', targetId: report.id, summary: say('audit.fieldtest.reportSigned', { run: run.id, head: doc.chain.head.slice(0, 16) }), after: { runId: run.id, head: doc.chain.head, fingerprint: doc.signatures[0].fingerprint } })
      return reportRowOf(report)
    })
  },

  'fieldtest.reports.countersign': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const report = loadReport(tx, ctx.tenantId, input.id)
      const doc = documentOf(report)
      // Four eyes: the reviewer is someone else than the engineer who ran and signed it.
      if (report.signedBy === actor.userId || doc.header.ranBy.userId === actor.userId) throw forbidden(say('error.fieldtest.ownReport'), 'fieldtest.own_report')
      if (doc.signatures.some((s) => s.role === 'reviewer')) throw conflict(say('error.fieldtest.countersigned', { id: report.id }), { code: 'fieldtest.countersigned' })
      const check = verifyReportText(report.document)
      if (!check.ok) throw conflict(say('error.fieldtest.reportAltered', { id: report.id }), { code: 'fieldtest.report_altered' })
      const now = ctx.clock.now()
      doc.signatures.push(signDocument(tx, ctx.secrets, doc, 'reviewer', actor, now))
      tx.update(fieldtestReports).set({ document: canonicalJson(doc), countersignedBy: actor.userId, updatedAt: now }).where(eq(fieldtestReports.id, report.id)).run()
      ctx.audit(tx, { targetType: 'fieldtest_report', targetId: report.id, summary: say('audit.fieldtest.reportCountersigned', { run: report.runId, head: doc.chain.head.slice(0, 16) }) })
      return reportRowOf(loadReport(tx, ctx.tenantId, report.id))
    })
  },

  'fieldtest.reports.list': (ctx, input) => listReports(ctx.db, ctx.tenantId, input),

  'fieldtest.reports.get': (ctx, input) => {
    const report = loadReport(ctx.db, ctx.tenantId, input.id)
    return { ...reportRowOf(report), verification: verifyReportText(report.document) }
  },

  'fieldtest.reports.export': (ctx, input) => {
    const report = loadReport(ctx.db, ctx.tenantId, input.id)
    const doc = documentOf(report)
    return { fileName: `paydesk-field-test-run-${report.runId}`, json: `${JSON.stringify(doc, null, 2)}\n`, html: renderReportHtml(doc, input.language) }
  },

  'fieldtest.reports.verify': (_ctx, input) => verifyReportText(input.text)
})

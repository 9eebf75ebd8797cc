/**
 * `GET /exports/{id}/file`: the file of a finished export job, for the browser (the desktop app
 * saves where the user chose). The bearer token, REPORT_EXPORT and the job's owner are checked by
 * dispatching `reports.exportStatus` for the caller, the one place that decides them for both
 * transports; only then is the file streamed.
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type { Context, Hono } from 'hono'
import type { ExportJob } from '../../shared/contract/exports'
import { say, term } from '../../shared/server-text'
import type { Clock } from '../core/context'
import { conflict, toErrorEnvelope } from '../core/errors'
import type { Registry } from '../core/registry'
import type { ExportJobs } from '../reports/export/jobs'

const CONTENT_TYPES: Record<ExportJob['format'], string> = {
  csv: 'text/csv; charset=UTF-8',
  'csv-gbk': 'text/csv; charset=GBK',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
}

export interface ExportRoutesDeps {
  registry: Registry
  exports: ExportJobs
  clock: Clock
  bearerToken(c: Context): string | null
}

export function registerExportRoutes(app: Hono, deps: ExportRoutesDeps): void {
  app.get('/exports/:id/file', async (c) => {
    const id = c.req.param('id')
    const envelope = await deps.registry.dispatch('reports.exportStatus', { jobId: id }, { token: deps.bearerToken(c), transport: 'http' })
    if (envelope.status !== 200) return c.json(envelope, envelope.status)
    const job = envelope.data as ExportJob
    const file = deps.exports.downloadable(id)
    if (!file) return c.json(toErrorEnvelope(conflict(say('error.exports.noFile', { id, state: term('exportState', job.state) }), { code: 'export.no_file' }), deps.clock.now()), 409)
    return c.body(Readable.toWeb(createReadStream(file.path)) as ReadableStream, 200, {
      'content-type': CONTENT_TYPES[job.format],
      'content-disposition': `attachment; filename="${file.fileName}"`
    })
  })
}

/**
 * Export of a report's whole filtered set (not just a page) to a file, as a job in the main
 * process: start → status (rows written of the total) → done, cancelled (the partial file is
 * deleted) or failed. The desktop app asks where to save; the headless host writes into its data
 * folder's `exports/` and serves the file at `GET /exports/{id}/file` to the job's owner.
 * See docs/exports.md.
 */
import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { REPORT_LANGUAGES } from '../report-columns'
import { mutation, query } from './define'
import { dailyInput, entriesInput } from './reports'

export const EXPORT_REPORTS = ['accountDetails', 'transactionStatistics', 'transactionList', 'settlementStatistics', 'settlementList'] as const
export type ExportReport = (typeof EXPORT_REPORTS)[number]

/** `csv`: UTF-8 with a byte-order mark (Excel opens it as UTF-8); `csv-gbk`: GBK for older Chinese tools; `xlsx`. */
export const EXPORT_FORMATS = ['csv', 'csv-gbk', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_STATES = ['running', 'done', 'cancelled', 'failed'] as const

const REPORT_INPUTS = {
  accountDetails: entriesInput,
  transactionStatistics: dailyInput,
  transactionList: dailyInput,
  settlementStatistics: dailyInput,
  settlementList: dailyInput
} as const

const exportStartInput = z
  .object({
    report: z.enum(EXPORT_REPORTS, { error: ruleMessage('rule.oneOf', { values: EXPORT_REPORTS.join(', ') }) }),
    format: z.enum(EXPORT_FORMATS, { error: ruleMessage('rule.oneOf', { values: EXPORT_FORMATS.join(', ') }) }),
    /** The language of the header row (the user's). */
    language: z.enum(REPORT_LANGUAGES, { error: ruleMessage('rule.oneOf', { values: REPORT_LANGUAGES.join(', ') }) }).default('en'),
    /**
     * The report's own filters, checked as the report checks them; paging is ignored (every row is
     * written). Not a z.record: it drops a `__proto__` key, which would then go unnoticed instead of
     * being refused by name like any other filter the report does not have.
     */
    filters: z
      .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: ruleMessage('rule.reportFilters') })
      .default({})
  })
  .transform((value, ctx) => {
    const parsed = REPORT_INPUTS[value.report].safeParse(value.filters)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['filters', ...issue.path] })
      return z.NEVER
    }
    const { pageIndex: _pageIndex, pageSize: _pageSize, withTotals: _withTotals, ...filters } = parsed.data
    return { ...value, filters }
  })

export const exportJob = z.object({
  id: z.string(),
  report: z.enum(EXPORT_REPORTS),
  format: z.enum(EXPORT_FORMATS),
  state: z.enum(EXPORT_STATES),
  rowsWritten: z.number(),
  /** The filtered set's size when the export started. */
  totalRows: z.number(),
  fileName: z.string(),
  /** Desktop: the file the user chose. Null in browser mode (the file is downloaded). */
  savedTo: z.string().nullable(),
  /** Browser mode, once done: the host path to GET the file from (bearer token). */
  downloadPath: z.string().nullable(),
  error: z.string().nullable()
})
export type ExportJob = z.infer<typeof exportJob>

const jobId = z.object({ jobId: z.string({ error: ruleMessage('rule.exportJobId') }).trim().min(1, ruleMessage('rule.exportJobId')).max(64, ruleMessage('rule.exportJobId')) })

const access = PERMISSIONS.REPORT_EXPORT
const also = 'Needs REPORT_EXPORT and REPORT_READ; merchant scope applies as in the report.'

export const exportsContract = {
  'reports.exportStart': mutation({
    input: exportStartInput,
    output: z.object({ job: exportJob.nullable() }),
    access,
    doc: `Starts exporting every row of a report's filtered set to CSV (UTF-8 with BOM, or GBK) or XLSX; null when the save dialog was dismissed. ${also}`
  }),
  'reports.exportStatus': query({
    input: jobId,
    output: exportJob,
    access,
    doc: 'An export job of the caller: its state and the rows written so far.'
  }),
  'reports.exportCancel': mutation({
    input: jobId,
    output: exportJob,
    access,
    doc: 'Cancels a running export of the caller; its partial file is deleted.'
  })
}

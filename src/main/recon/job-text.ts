/**
 * A reconciliation job as the caller sees it: its error carries a catalog text (the screens show it
 * in the user's language) beside the code and the English, and an export's result names its file
 * without the folder it sits in.
 */
import type { ReconJobView } from '../../shared/contract/reconciliation'
import { isServerText, say, verbatim, type ServerText } from '../../shared/server-text'
import type { ReconJob } from '../core/ports'
import type { ImportReport } from './import'

function errorText(code: string, message: string, detail: unknown): ServerText {
  if (code === 'recon.file_already_imported') return say('error.recon.fileAlreadyImported', { statementId: (detail as ImportReport | undefined)?.refused?.statementId ?? '?' })
  if (code === 'recon.nothing_new') {
    const report = detail as ImportReport | undefined
    return say('error.recon.nothingNew', { count: report?.lineCount ?? 0, statements: verbatim((report?.repeatedIn ?? []).map((r) => `${r.statementId} (${r.fileName})`).join(', ')) })
  }
  if (code === 'recon.bad_lines') {
    const report = detail as ImportReport | undefined
    const first = report?.problems[0]
    return say('error.recon.badLines', { count: report?.problemCount ?? 0, lineNo: first?.lineNo ?? '?', reason: first?.reason ?? verbatim(message) })
  }
  // A reader's refusal given as a catalog text travels in its detail (the job's error has no other place for it).
  const text = (detail as { text?: unknown } | undefined)?.text
  // The reader's own words say where the header is and what it was decoded as: a wrong encoding looks like a changed layout.
  if (code === 'recon.header_mismatch') return isServerText(text) ? text : say('error.recon.headerMismatch', { missing: verbatim(((detail as { missing?: string[] } | undefined)?.missing ?? []).join(', ')) })
  return say('error.recon.readFailed', { reason: isServerText(text) ? text : verbatim(message) })
}

export function jobOut(job: ReconJob): ReconJobView {
  const result = job.kind === 'export' && job.result ? { fileName: (job.result as { fileName: string }).fileName, rows: (job.result as { rows: number }).rows } : job.result
  return {
    ...job,
    result,
    error: job.error ? { ...job.error, text: errorText(job.error.code, job.error.message, job.error.detail) } : null
  }
}

/**
 * Reading a statement file into normalized lines: the one entry the import (dry run and commit)
 * uses. Lines reach `hooks.onLine` as they are read, bad rows `hooks.onProblem`; the promise
 * resolves with the header, period, control totals and encoding, or rejects with a
 * StatementReadError. A header that does not fit the profile rejects before any line; any later
 * rejection (a truncated file, a cancel) means the lines already delivered must be discarded:
 * the importer writes them in a transaction it rolls back, or marks the statement importing until
 * the promise resolves.
 */
import { reconProfile, type ReconProfile } from '../../../shared/contract/recon-profile'
import { textOfIssue } from '../../../shared/rule-message'
import { say } from '../../../shared/server-text'
import { englishOfIssue } from '../../core/errors'
import { readCamt053 } from './camt053'
import { readCsv } from './csv'
import { openInput } from './input'
import { readMt940 } from './mt940'
import { LineSink } from './sink'
import { StatementReadError, type ReadHooks, type ReadOptions, type StatementInput, type StatementReadResult } from './types'
import { readXlsx } from './xlsx'

/** The profile as given, checked (a saved profile from an older version may no longer parse). */
export function checkedProfile(profile: unknown): ReconProfile {
  const parsed = reconProfile.safeParse(profile)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  // The profile's rules carry their text (rule messages): read here in English.
  throw new StatementReadError('invalid_profile', say('recon.read.invalidProfile', { path: issue.path.join('.') || 'profile', problem: textOfIssue(issue) }), { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: englishOfIssue(i) })) })
}

export async function readStatement(input: StatementInput, profile: ReconProfile, hooks: ReadHooks = {}, options: ReadOptions = {}): Promise<StatementReadResult> {
  const checked = checkedProfile(profile)
  if (hooks.signal?.aborted) throw new StatementReadError('aborted', say('recon.read.cancelled'))
  const opened = await openInput(input, checked.format, checked.zipEntry, hooks, options)
  const sink = new LineSink(hooks, options)
  const base = {
    format: checked.format,
    header: [],
    headerRow: null,
    anchorsFound: [],
    absentColumns: [],
    period: null,
    sheet: null,
    statements: [],
    notBooked: {},
    zipEntry: opened.zipEntry
  } satisfies Partial<StatementReadResult>
  try {
    let read: Partial<StatementReadResult> & Pick<StatementReadResult, 'encoding' | 'encodingSource' | 'controls' | 'stoppedEarly'>
    if (checked.format === 'csv') read = await readCsv(opened.source, checked, sink)
    else if (checked.format === 'xlsx') read = await readXlsx(opened, checked, sink)
    else if (checked.format === 'camt053') read = await readCamt053(opened.source, checked, sink)
    else read = await readMt940(opened.source, checked, sink)
    opened.source.done()
    return { ...base, ...read, lineCount: sink.lineCount, problemCount: sink.problemCount, bytesRead: opened.source.bytesRead }
  } catch (error) {
    throw asReadError(error)
  } finally {
    opened.source.close()
    await opened.cleanup()
  }
}

function asReadError(error: unknown): unknown {
  if (error instanceof StatementReadError) return error
  const cause = (error as { cause?: unknown } | null)?.cause
  if (cause instanceof StatementReadError) return cause
  if (error instanceof Error && error.name === 'AbortError') return new StatementReadError('aborted', say('recon.read.cancelled'))
  return error
}

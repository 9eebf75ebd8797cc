/**
 * What an import job answers, read through the contract's shapes (the job view types a result as
 * unknown, since each kind of job answers differently): a result of another shape reads as none.
 */
import { commitResult, dryRunReport, type CommitResult, type DryRunReport } from '../../../../../shared/contract/reconciliation'

export type { CommitResult, DryRunReport }

export function asDryRunReport(value: unknown): DryRunReport | null {
  const parsed = dryRunReport.safeParse(value)
  return parsed.success ? parsed.data : null
}

export function asCommitResult(value: unknown): CommitResult | null {
  const parsed = commitResult.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** A clean dry run: read whole, no bad row, not a file imported before. */
export function isClean(report: DryRunReport): boolean {
  return report.refused === null && report.problemCount === 0
}

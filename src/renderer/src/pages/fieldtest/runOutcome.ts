/**
 * How a run's outcome reads wherever it is shown (badge, run pickers): "finished" is a clean pass
 * only when no step failed and every step ran to a verdict. A finished run with a failed step reads
 * red, one with a step blocked (a payout the four-eyes rule held and nobody approved, a cap),
 * skipped or not run reads orange, as the sign dialog warns of them (signConfirm.ts).
 */
import type { RunRow, RunStatus } from '../../../../shared/contract/fieldtest'

export type RunOutcome = RunStatus | 'finished_failed' | 'finished_attention'

/** Failed steps, else steps without a verdict, else none: what the run's words and colour warn of. */
export function runWarning(totals: Pick<RunRow['totals'], 'failed' | 'blocked' | 'skipped' | 'pending'>): 'failed' | 'attention' | null {
  if (totals.failed > 0) return 'failed'
  return totals.blocked + totals.skipped + totals.pending > 0 ? 'attention' : null
}

export function runOutcome(run: Pick<RunRow, 'status' | 'totals'>): RunOutcome {
  if (run.status !== 'finished') return run.status
  const warning = runWarning(run.totals)
  return warning ? `finished_${warning}` : 'finished'
}

export const OUTCOME_COLORS: Record<RunOutcome, string> = {
  running: 'blue',
  awaiting_confirmation: 'orange',
  stopping: 'orange',
  stopped: 'gray',
  finished: 'green',
  finished_failed: 'red',
  finished_attention: 'orange',
  interrupted: 'red'
}

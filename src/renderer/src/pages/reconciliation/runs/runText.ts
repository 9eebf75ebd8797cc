import type { RunRow } from '../../../../../shared/contract/reconciliation'
import { formatDateTime } from '../../../format/time'

/** The period a run matched, in the computer's zone. */
export const runPeriod = (run: Pick<RunRow, 'scope'>) => `${formatDateTime(run.scope.from)} – ${formatDateTime(run.scope.to)}`

/** 0.953 → "95.3 %"; a run with no line of theirs has no rate: a dash, never 100 %. The exported run report writes it alike. */
export { matchRateText as matchRate } from '../../../../../shared/recon-labels'

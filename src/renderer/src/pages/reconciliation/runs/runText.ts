import type { RunRow } from '../../../../../shared/contract/reconciliation'
import { formatDateTime } from '../../../format/time'

/** The period a run matched, in the computer's zone. */
export const runPeriod = (run: Pick<RunRow, 'scope'>) => `${formatDateTime(run.scope.from)} – ${formatDateTime(run.scope.to)}`

/** 0.953 → "95.3 %". */
export const matchRate = (rate: number) => `${(rate * 100).toFixed(1)} %`

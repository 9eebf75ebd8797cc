import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BreakRow, RunRow } from '../../../../shared/contract/reconciliation'
import { reconLabel } from './labels'

const RUN_COLORS: Record<RunRow['status'], string> = { running: 'blue', finished: 'green', failed: 'red', cancelled: 'gray' }
const BREAK_COLORS: Record<BreakRow['status'], string> = { open: 'red', awaiting_approval: 'yellow', resolved: 'green' }

export function RunStatusBadge({ status }: { status: RunRow['status'] }) {
  const { t } = useTranslation()
  return (
    <Badge color={RUN_COLORS[status]} variant="light" data-testid="run-status">
      {reconLabel(t, 'jobStates', status)}
    </Badge>
  )
}

/** Open, waiting for a second user's approval (an adjustment's or a forced result's), or resolved (and how). */
export function BreakStatusBadge({ row }: { row: Pick<BreakRow, 'status' | 'resolution'> }) {
  const { t } = useTranslation()
  return (
    <Badge color={BREAK_COLORS[row.status]} variant="light" data-testid="break-status">
      {row.status === 'resolved' && row.resolution ? reconLabel(t, 'resolutions', row.resolution) : reconLabel(t, 'breakStatuses', row.status)}
    </Badge>
  )
}

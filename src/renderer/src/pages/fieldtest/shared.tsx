/** Small pieces the field testing pages share: status badges, the channel picker. */
import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RunRow, StepStatus } from '../../../../shared/contract/fieldtest'
import type { ReactNode } from 'react'
import { RemoteSelect } from '../../components/RemoteSelect'
import { OUTCOME_COLORS, runOutcome } from './runOutcome'

const STEP_COLORS: Record<StepStatus, string> = { pending: 'gray', running: 'blue', passed: 'green', failed: 'red', blocked: 'orange', skipped: 'gray' }

/** A run's status as its outcome reads: a finished run with a failed, blocked or skipped step is not a clean pass. */
export function RunStatusBadge({ run }: { run: Pick<RunRow, 'status' | 'totals'> }) {
  const { t } = useTranslation()
  const outcome = runOutcome(run)
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant="light" data-testid="run-status" data-status={run.status} data-outcome={outcome}>
      {t(`fieldtest.runs.statuses.${outcome}`)}
    </Badge>
  )
}

export function StepStatusBadge({ status }: { status: StepStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={STEP_COLORS[status]} variant={status === 'skipped' ? 'outline' : 'light'} data-status={status}>
      {t(`fieldtest.runs.stepStatuses.${status}`)}
    </Badge>
  )
}

export function TargetBadge({ target }: { target: 'live' | 'simulator' }) {
  const { t } = useTranslation()
  return (
    <Badge color={target === 'live' ? 'red' : 'grape'} variant="outline">
      {t(`fieldtest.runs.targetShort.${target}`)}
    </Badge>
  )
}

/**
 * A channel picked by name (searched on the host); platform channels only, as field testing is.
 * Never a rehearsal copy: a channel is planned, rehearsed and pointed at the simulator itself.
 */
export function ChannelPicker({ value = null, onChange, label, clearable, placeholder, error }: { value?: string | null; onChange: (value: string | null) => void; label: string; clearable?: boolean; placeholder?: string; error?: ReactNode }) {
  return <RemoteSelect procedure="channels.list" filter={{ rehearsalCopies: false }} toOption={(c) => ({ value: String(c.id), label: `${c.name} · ${c.currency}` })} label={label} value={value} onChange={(v) => onChange(v)} clearable={clearable} placeholder={placeholder} error={error} />
}

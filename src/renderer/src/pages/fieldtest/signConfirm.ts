/** What the sign dialog says before a report is signed: the plan, the outcome counts, and a warning when steps failed or need attention. */
import type { TFunction } from 'i18next'
import type { RunRow } from '../../../../shared/contract/fieldtest'
import { runWarning } from './runOutcome'

export interface SignConfirmText {
  title: string
  what: string
  counts: string
  /** Failed steps (red), else steps without a verdict (orange); null when every step passed. */
  warning: { level: 'failed' | 'attention'; text: string } | null
  allPassed: string | null
}

export function signConfirmText(run: Pick<RunRow, 'id' | 'planName' | 'planVersion' | 'channelName' | 'target' | 'totals'>, t: TFunction): SignConfirmText {
  const k = run.totals
  const level = runWarning(k)
  const warning = level === 'failed' ? { level, text: t('fieldtest.runs.signConfirm.failed', { count: k.failed }) } : level === 'attention' ? { level, text: t('fieldtest.runs.signConfirm.attention', { count: k.blocked + k.skipped + k.pending }) } : null
  return {
    title: t('fieldtest.runs.signConfirm.title', { id: run.id }),
    what: t('fieldtest.runs.signConfirm.what', { plan: run.planName, version: run.planVersion, channel: run.channelName, target: t(`fieldtest.runs.targets.${run.target}`) }),
    counts: t('fieldtest.runs.signConfirm.counts', { steps: k.steps, passed: k.passed, failed: k.failed, blocked: k.blocked, skipped: k.skipped, pending: k.pending }),
    warning,
    allPassed: warning ? null : t('fieldtest.runs.signConfirm.allPassed')
  }
}

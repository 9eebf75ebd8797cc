/** A reconciliation job as it runs: a progress bar and Cancel; once ended, how it ended. */
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReconJobView } from '../../../../shared/contract/reconciliation'
import { useServerText } from '../../i18n/serverText'
import type { ReconJob } from './useReconJob'

/** A failed job's refusal, in the reader's language when the main process gave a text. */
export function useJobError(): (error: NonNullable<ReconJobView['error']>) => string {
  const say = useServerText()
  return (error) => say(error.text, error.message)
}

export function JobProgress({ follow, hideFailure = false }: { follow: ReconJob; hideFailure?: boolean }) {
  const { t } = useTranslation()
  const errorText = useJobError()
  const { job } = follow
  if (!job) return null
  const percent = job.total > 0 ? Math.min(100, (job.done / job.total) * 100) : 0
  const kind = t(`recon.jobKinds.${job.kind}`)
  return (
    <Stack gap={4} role="status" aria-label={t('recon.job.progressLabel', { kind })} data-testid="recon-job">
      {job.state === 'running' && (
        <>
          <Progress value={job.total > 0 ? percent : 100} animated striped={job.total === 0} aria-label={t('recon.job.progressLabel', { kind })} />
          <Group justify="space-between" gap="xs">
            <Text size="sm">{job.total > 0 ? t('recon.job.progress', { kind, percent: Math.floor(percent) }) : t('recon.job.starting', { kind })}</Text>
            <Button size="compact-sm" variant="light" color="red" loading={follow.cancelling} onClick={follow.cancel}>
              {t('recon.job.cancel')}
            </Button>
          </Group>
        </>
      )}
      {job.state === 'cancelled' && <Text size="sm">{t('recon.job.cancelled', { kind })}</Text>}
      {job.state === 'failed' && job.error && !hideFailure && (
        <Alert color="red" title={t('recon.job.failed', { kind })} data-testid="recon-job-error">
          {errorText(job.error)}
        </Alert>
      )}
    </Stack>
  )
}

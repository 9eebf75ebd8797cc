/**
 * Export of the whole filtered set (not the page): a menu of formats, then the job's progress with
 * a Cancel button. The job runs in the main process (reports.exportStart); this only follows it
 * (reports.exportStatus every 250 ms while it runs). Desktop: the main process asked where to save;
 * browser: the finished file is fetched with the session's token and handed to the browser as a
 * download.
 */
import { Alert, Button, Group, Menu, Progress, Stack, Text } from '@mantine/core'
import { IconChevronDown, IconDownload } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportFormat, ExportJob, ExportReport } from '../../../../shared/contract/exports'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { storedToken } from '../../api/session'
import { apiErrorMessage, notifyError } from '../../components/notify'
import { currentLanguage } from '../../i18n'

const FORMATS: { format: ExportFormat; label: 'csv' | 'csvGbk' | 'xlsx' }[] = [
  { format: 'csv', label: 'csv' },
  { format: 'csv-gbk', label: 'csvGbk' },
  { format: 'xlsx', label: 'xlsx' }
]

/** Browser mode: the finished file, fetched with the bearer token, saved by the browser. */
async function downloadFile(job: ExportJob): Promise<void> {
  const token = storedToken()
  const response = await fetch(job.downloadPath!, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = job.fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function ExportMenu({ report, filters }: { report: ExportReport; filters: Record<string, unknown> }) {
  const { t } = useTranslation()
  const [jobId, setJobId] = useState<string | null>(null)
  const start = useApiMutation('reports.exportStart')
  const cancel = useApiMutation('reports.exportCancel')
  const status = useApiQuery('reports.exportStatus', { jobId: jobId ?? '' }, {
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' || !query.state.data ? 250 : false),
    gcTime: 0
  })
  const job = jobId ? status.data : undefined
  const running = start.isPending || job?.state === 'running'
  const downloaded = useRef<string | null>(null)

  useEffect(() => {
    if (job?.state !== 'done' || !job.downloadPath || downloaded.current === job.id) return
    downloaded.current = job.id
    downloadFile(job).catch(notifyError)
  }, [job])

  const begin = (format: ExportFormat) =>
    start.mutate({ report, format, language: currentLanguage(), filters }, { onSuccess: ({ job: started }) => setJobId(started?.id ?? null), onError: notifyError })

  const percent = job && job.totalRows > 0 ? Math.min(100, (job.rowsWritten / job.totalRows) * 100) : job?.state === 'done' ? 100 : 0
  return (
    <Stack gap={4} data-testid="report-export" miw={260}>
      <Group justify="flex-end">
        <Menu position="bottom-end" disabled={running}>
          <Menu.Target>
            <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} disabled={running}>
              {t('reports.export.button')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {FORMATS.map(({ format, label }) => (
              <Menu.Item key={format} onClick={() => begin(format)}>
                {t(`reports.export.${label}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {job && (
        <Stack gap={4} role="status" aria-label={t('reports.export.progressLabel')}>
          {job.state === 'running' && (
            <>
              <Progress value={percent} animated aria-label={t('reports.export.progressLabel')} />
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t('reports.export.progress', { written: job.rowsWritten, total: job.totalRows })}</Text>
                <Button size="compact-sm" variant="light" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ jobId: job.id }, { onError: notifyError })}>
                  {t('reports.export.cancel')}
                </Button>
              </Group>
            </>
          )}
          {job.state === 'done' && (
            <Text size="sm" c="green">
              {job.savedTo ? t('reports.export.savedTo', { count: job.rowsWritten, path: job.savedTo }) : t('reports.export.done', { count: job.rowsWritten, file: job.fileName })}
            </Text>
          )}
          {job.state === 'cancelled' && <Text size="sm">{t('reports.export.cancelled')}</Text>}
          {job.state === 'failed' && (
            <Alert color="red" p="xs">
              {t('reports.export.failed', { error: job.error ?? '' })}
            </Alert>
          )}
        </Stack>
      )}
      {status.error && <Text size="sm" c="red">{apiErrorMessage(status.error)}</Text>}
    </Stack>
  )
}

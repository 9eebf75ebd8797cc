/**
 * A run's breaks, matches or report (its inputs' and result's hashes) exported to CSV or XLSX in
 * the user's language, in a worker (progress, Cancel); the finished file comes back through
 * `recon.jobs.file` and is saved as a download.
 */
import { Button, Menu, Stack, Text } from '@mantine/core'
import { IconChevronDown, IconDownload } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api/client'
import { notifyError } from '../../../components/notify'
import { currentLanguage } from '../../../i18n'
import { saveBase64File } from '../download'
import { JobProgress } from '../JobProgress'
import { useReconJob } from '../useReconJob'

const WHAT = ['breaks', 'matches', 'report'] as const
const FORMATS = ['csv', 'xlsx'] as const

export function RunExports({ runId }: { runId: number }) {
  const { t } = useTranslation()
  const exporting = useReconJob()
  const [saved, setSaved] = useState<string | null>(null)
  const fetched = useRef<string | null>(null)
  const job = exporting.job

  useEffect(() => {
    if (job?.state !== 'finished' || fetched.current === job.id) return
    fetched.current = job.id
    call('recon.jobs.file', { jobId: job.id })
      .then((file) => {
        saveBase64File(file.fileName, file.contentBase64)
        setSaved(file.fileName)
      })
      .catch(notifyError)
  }, [job])

  const start = (what: (typeof WHAT)[number], format: (typeof FORMATS)[number]) => {
    setSaved(null)
    void exporting.follow(call('recon.runs.export', { id: runId, what, format, language: currentLanguage() }))
  }
  return (
    <Stack gap={4} miw={260} data-testid="run-export">
      <Menu position="bottom-end" disabled={exporting.running}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} disabled={exporting.running}>
            {t('recon.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {WHAT.map((what) =>
            FORMATS.map((format) => (
              <Menu.Item key={`${what}.${format}`} onClick={() => start(what, format)}>
                {t('recon.export.item', { what: t(`recon.export.what.${what}`), format: format.toUpperCase() })}
              </Menu.Item>
            ))
          )}
        </Menu.Dropdown>
      </Menu>
      <JobProgress follow={exporting} />
      {saved && job?.state === 'finished' && (
        <Text size="sm" c="green" data-testid="export-saved">
          {t('recon.export.saved', { file: saved })}
        </Text>
      )}
    </Stack>
  )
}

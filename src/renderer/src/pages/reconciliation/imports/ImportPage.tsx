/**
 * `#/reconciliation/import`: a statement file into a source. Upload, then a dry run in a worker
 * (progress, Cancel) reports every bad row, the control totals, repeated lines and overlapping
 * statements, and refuses a file imported before; only a clean dry run enables the import, and a
 * failing control total must be acknowledged (it becomes a break of the run). A header the
 * profile does not match leads to a new profile version made from this very file.
 */
import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { PERMISSIONS } from '../../../../../shared/permissions'
import { call } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { PageHeader } from '../../../components/PageHeader'
import { useCan } from '../../../session/currentUser'
import { HeaderDifference, headerDifferenceOf, isHeaderMismatch } from '../HeaderDifference'
import { JobProgress, useJobError } from '../JobProgress'
import { controlLabel } from '../labels'
import { profilePath, RECON_PATHS } from '../paths'
import { UploadField, type Upload } from '../UploadField'
import { useReconJob } from '../useReconJob'
import { DryRunReport } from './DryRunReport'
import { asCommitResult, asDryRunReport, isClean } from './report'
import { StatementsList } from './StatementsList'
import { TimeZoneNote } from '../../../components/TimeZoneNote'

export function ImportPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const errorText = useJobError()
  const [params] = useSearchParams()
  const canWrite = useCan(PERMISSIONS.RECONCILIATION_WRITE)
  const sources = useApiQuery('recon.sources.list', {})
  const [sourceId, setSourceId] = useState<string | null>(params.get('source'))
  const [upload, setUpload] = useState<Upload | null>(null)
  const [acknowledged, setAcknowledged] = useState(false)
  const dryRun = useReconJob()
  const commit = useReconJob(['recon.statements.list', 'recon.sources.list'])
  const source = sources.data?.find((s) => String(s.id) === sourceId)
  const restart = () => {
    dryRun.reset()
    commit.reset()
    setAcknowledged(false)
  }
  const check = () => {
    if (!source || !upload) return
    restart()
    void dryRun.follow(call('recon.imports.check', { sourceId: source.id, uploadId: upload.uploadId }))
  }
  const report = dryRun.job?.state === 'finished' ? asDryRunReport(dryRun.job.result) : null
  const failure = dryRun.job?.state === 'failed' ? dryRun.job.error : commit.job?.state === 'failed' ? commit.job.error : null
  const headerChanged = failure && isHeaderMismatch(failure.code) ? failure : null
  const diff = headerChanged ? headerDifferenceOf(headerChanged.detail) : null
  const failingControls = report?.controls.filter((c) => !c.ok) ?? []
  const committable = report !== null && isClean(report) && (failingControls.length === 0 || acknowledged)
  const imported = commit.job?.state === 'finished' ? asCommitResult(commit.job.result) : null
  return (
    <Stack>
      <PageHeader title={t('recon.import.title')} />
      <TimeZoneNote />
      <Paper withBorder p="md">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('recon.import.source')}
              placeholder={t('recon.import.pickSource')}
              data={(sources.data ?? []).filter((s) => s.status === 'active').map((s) => ({ value: String(s.id), label: s.name }))}
              value={sourceId}
              onChange={(value) => {
                setSourceId(value)
                restart()
              }}
              searchable
            />
            <UploadField
              label={t('recon.import.file')}
              description={t('recon.import.fileHint')}
              upload={upload}
              onUploaded={(next) => {
                setUpload(next)
                restart()
              }}
              disabled={!canWrite}
            />
          </SimpleGrid>
          {source && <Text size="sm" c="dimmed">{t('recon.import.profileUsed', { version: source.profileVersion })}</Text>}
          <Group>
            <Button onClick={check} disabled={!source || !upload || dryRun.running || commit.running || !canWrite}>
              {t('recon.import.dryRun')}
            </Button>
          </Group>
          <JobProgress follow={dryRun} hideFailure={headerChanged !== null} />
        </Stack>
      </Paper>
      {headerChanged && source && upload && (
        <HeaderDifference diff={diff ?? { missing: [], unmapped: [], found: [], row: null }}>
          <Text size="sm">{errorText(headerChanged)}</Text>
          <Button w="fit-content" onClick={() => navigate(profilePath(source.id, upload))}>
            {t('recon.import.newVersionFromFile')}
          </Button>
        </HeaderDifference>
      )}
      {report && <DryRunReport report={report} />}
      {report && isClean(report) && !imported && (
        <Paper withBorder p="md">
          <Stack>
            {failingControls.length > 0 && (
              <Checkbox
                label={t('recon.import.acknowledgeControls', { names: failingControls.map((c) => controlLabel(t, c.name)).join(', ') })}
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.currentTarget.checked)}
              />
            )}
            <Group>
              <Button color="green" disabled={!committable || commit.running} onClick={() => source && upload && void commit.follow(call('recon.imports.commit', { sourceId: source.id, uploadId: upload.uploadId }))}>
                {t('recon.import.commit', { count: report.lineCount })}
              </Button>
            </Group>
            <JobProgress follow={commit} hideFailure={headerChanged !== null} />
          </Stack>
        </Paper>
      )}
      {imported && source && (
        <Alert color="green" title={t('recon.import.doneTitle')} data-testid="import-done">
          <Stack gap="xs">
            <Text size="sm">{t('recon.import.done', { id: imported.statementId, stored: imported.stored, repeated: imported.repeated })}</Text>
            <Button w="fit-content" onClick={() => navigate(`${RECON_PATHS.runs}?source=${source.id}&statement=${imported.statementId}`)}>
              {t('recon.import.startRun')}
            </Button>
          </Stack>
        </Alert>
      )}
      <StatementsList sourceId={source?.id} />
    </Stack>
  )
}

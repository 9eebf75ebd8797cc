/**
 * Decisions worked offline on an exported break list (its [id], [action] and [reason] columns) applied
 * back to the run, each line with its result.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../../../shared/contract'
import { call } from '../../../api/client'
import { apiErrorMessage } from '../../../components/notify'
import { UploadField, type Upload } from '../UploadField'
import { BulkResults } from './BulkDialog'
import { useBreakReads } from './ResolveDialog'

function DecisionsForm({ runId, onClose }: { runId: number; onClose: () => void }) {
  const { t } = useTranslation()
  const refresh = useBreakReads()
  const [upload, setUpload] = useState<Upload | null>(null)
  const [result, setResult] = useState<OutputOf<'recon.breaks.importDecisions'> | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const apply = async () => {
    if (!upload) return
    setBusy(true)
    setRefusal(null)
    try {
      setResult(await call('recon.breaks.importDecisions', { runId, uploadId: upload.uploadId }))
      await refresh()
    } catch (error) {
      setRefusal(apiErrorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  const applied = result?.results.filter((r) => r.ok).length ?? 0
  return (
    <Stack>
      <Text size="sm">{t('recon.decisions.intro')}</Text>
      <UploadField label={t('recon.decisions.file')} accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" upload={upload} onUploaded={(next) => { setUpload(next); setResult(null) }} />
      {refusal && <Alert color="red">{refusal}</Alert>}
      {result && (
        <>
          <Alert color={applied === result.results.length ? 'green' : 'yellow'} data-testid="decisions-summary">
            {t('recon.decisions.summary', { applied, refused: result.results.length - applied })}
            {result.results.some((r) => r.waiting) && ` ${t('recon.bulk.waitingCount', { n: result.results.filter((r) => r.waiting).length })}`}
          </Alert>
          <BulkResults results={result.results} testId="decisions-results" />
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button onClick={() => void apply()} disabled={!upload || result !== null} loading={busy}>
          {t('recon.decisions.apply')}
        </Button>
      </Group>
    </Stack>
  )
}

export function ImportDecisions({ runId, opened, onClose }: { runId: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('recon.decisions.title')} size="lg">
      {opened && <DecisionsForm runId={runId} onClose={onClose} />}
    </Modal>
  )
}

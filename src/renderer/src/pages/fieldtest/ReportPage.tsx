/**
 * `#/fieldtest/reports/:id`: a signed report: its check (hash chain and signatures), who signed
 * it, its HTML and JSON downloaded (in the reader's language), and a reviewer's countersignature.
 * A report file someone sent is checked here too (ReportFileCheck.tsx).
 */
import { Alert, Button, Code, Group, Modal, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import { PERMISSIONS } from '../../../../shared/permissions'
import { call } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { PageError } from '../../components/FullPageState'
import { PageHeader } from '../../components/PageHeader'
import { notifyError, notifySuccess } from '../../components/notify'
import { formatDateTime } from '../../format/time'
import { currentLanguage } from '../../i18n'
import { useServerText } from '../../i18n/serverText'
import { useCan, useCurrentUser } from '../../session/currentUser'
import { saveBase64File } from '../reconciliation/download'
import { runPath } from './paths'
import { ReportFileCheck } from './ReportFileCheck'
import { TargetBadge } from './shared'
import { TimeZoneNote } from '../../components/TimeZoneNote'

/** Text as base64 of its UTF-8 bytes, in slices (a report can be megabytes: one spread of all its bytes would overflow the stack). */
function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function ReportPage() {
  const { t } = useTranslation()
  const say = useServerText()
  const navigate = useNavigate()
  const id = Number(useParams().id)
  const canReview = useCan(PERMISSIONS.FIELD_TEST_REVIEW)
  const me = useCurrentUser()
  const report = useApiQuery('fieldtest.reports.get', { id })
  const countersign = useApiMutation('fieldtest.reports.countersign', { invalidate: ['fieldtest.reports.get', 'fieldtest.reports.list'] })
  const [confirming, setConfirming] = useState(false)
  const [exporting, setExporting] = useState<'html' | 'json' | null>(null)
  if (report.error) return <PageError error={report.error} onRetry={() => report.refetch()} />
  if (!report.data) return null
  const r = report.data
  const reviewed = r.signatures.some((s) => s.role === 'reviewer')
  // The engineer who signed is never its reviewer (the main process refuses it too): not offered.
  const signedItMyself = r.signatures.some((s) => s.role === 'engineer' && s.userId === me.id)

  const download = async (kind: 'html' | 'json') => {
    setExporting(kind)
    try {
      const language = currentLanguage()
      const file = await call('fieldtest.reports.export', { id: r.id, language })
      // The HTML page is written in the reader's language: its name says which, so both can sit side by side.
      const name = kind === 'html' ? `${file.fileName}.${language}.html` : `${file.fileName}.json`
      saveBase64File(name, utf8Base64(kind === 'html' ? file.html : file.json))
      notifySuccess(t('fieldtest.reports.exported', { file: name }))
    } catch (error) {
      notifyError(error)
    } finally {
      setExporting(null)
    }
  }
  const sign = async () => {
    try {
      await countersign.mutateAsync({ id: r.id })
      notifySuccess(t('fieldtest.reports.countersigned'))
      setConfirming(false)
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <Stack>
      <PageHeader title={t('fieldtest.reports.report', { id: r.runId })}>
        <Button variant="light" onClick={() => download('html')} loading={exporting === 'html'}>
          {t('fieldtest.reports.exportHtml')}
        </Button>
        <Button variant="light" onClick={() => download('json')} loading={exporting === 'json'}>
          {t('fieldtest.reports.exportJson')}
        </Button>
        {canReview && !reviewed && !signedItMyself && <Button onClick={() => setConfirming(true)}>{t('fieldtest.reports.countersign')}</Button>}
      </PageHeader>
      <TimeZoneNote />
      <Group gap="sm">
        <TargetBadge target={r.target} />
        <Text size="sm">
          <Text span c="blue" style={{ cursor: 'pointer' }} onClick={() => navigate(runPath(r.runId))}>
            {t('fieldtest.runs.run', { id: r.runId })}
          </Text>
          {` · ${r.planName} · ${t('fieldtest.plans.versionOf', { version: r.planVersion })} · ${r.channelName} · ${t('fieldtest.reports.stepCount')}: ${r.stepCount}`}
        </Text>
      </Group>
      <Alert color={r.verification.ok ? 'green' : 'red'} title={t('fieldtest.reports.verification')} data-testid="report-verification" data-ok={r.verification.ok ? 'yes' : 'no'}>
        <Stack gap={4}>
          <Text size="sm">{r.verification.ok ? t('fieldtest.reports.intact') : t('fieldtest.reports.altered')}</Text>
          {r.verification.problems.map((p, i) => (
            <Text key={i} size="sm">
              {say(p.text)}
            </Text>
          ))}
        </Stack>
      </Alert>
      <Text size="sm">
        {t('fieldtest.reports.head')}: <Code>{r.head}</Code>
      </Text>
      <Title order={4}>{t('fieldtest.reports.signatures')}</Title>
      <Stack gap={4} data-testid="report-signatures">
        {r.signatures.map((s) => (
          <Text key={s.role} size="sm" data-role={s.role}>
            {t('fieldtest.reports.signedBy', { role: t(`fieldtest.reports.roles.${s.role}`), name: s.displayName, username: s.username, fingerprint: s.fingerprint, at: formatDateTime(s.signedAt) })}
          </Text>
        ))}
        {!reviewed && (
          <Text size="sm" c="dimmed">
            {t('fieldtest.reports.notCountersigned')}
          </Text>
        )}
      </Stack>
      <ReportFileCheck />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('fieldtest.reports.countersign')}>
        <Stack>
          <Text size="sm">{t('fieldtest.reports.countersignConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={sign} loading={countersign.isPending} data-testid="countersign-confirm">
              {t('fieldtest.reports.countersign')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}

/**
 * A report file someone sent (its HTML or JSON) checked in the app, as the command `verify-report`
 * checks it (`fieldtest.reports.verify`: no database, nothing looked up): the packaged app's users
 * have no npm, and the exported page sends its reader here. On the reports list (a reader with no
 * report of their own to open) and on each report.
 */
import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Verification } from '../../../../shared/contract/fieldtest'
import { call } from '../../api/client'
import { notifyError } from '../../components/notify'
import { useServerText } from '../../i18n/serverText'

export function ReportFileCheck() {
  const { t } = useTranslation()
  const [checking, setChecking] = useState(false)
  const [checked, setChecked] = useState<{ file: string; result: Verification } | null>(null)
  const checkFile = async (file: File | null) => {
    if (!file) return
    setChecking(true)
    try {
      setChecked({ file: file.name, result: await call('fieldtest.reports.verify', { text: await file.text() }) })
    } catch (error) {
      notifyError(error)
    } finally {
      setChecking(false)
    }
  }
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <FileButton onChange={(file) => void checkFile(file)} accept=".html,.json,text/html,application/json">
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={checking}>
              {t('fieldtest.reports.checkFile')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('fieldtest.reports.verifyHint')}
        </Text>
      </Group>
      {checked && <FileCheck file={checked.file} result={checked.result} />}
    </Stack>
  )
}

/** A report file's check: intact, altered (with each problem), or a page this version cannot check. */
function FileCheck({ file, result }: { file: string; result: Verification }) {
  const { t } = useTranslation()
  const say = useServerText()
  const unverifiable = !result.ok && result.problems.every((p) => p.code === 'html_unverifiable')
  const verdict = result.ok ? 'intact' : unverifiable ? 'notVerifiable' : 'altered'
  return (
    <Alert color={result.ok ? 'green' : unverifiable ? 'yellow' : 'red'} title={t('fieldtest.reports.fileChecked', { file })} data-testid="report-file-check" data-verdict={verdict}>
      <Stack gap={4}>
        <Text size="sm">{t(`fieldtest.reports.${verdict}`)}</Text>
        {/* The keys that signed it: the reader compares the engineer's with the fingerprint they were given. */}
        {result.signatures.map((s) => (
          <Text key={s.role} size="sm" data-role={s.role}>
            {t('fieldtest.reports.checkedSignature', { role: t(`fieldtest.reports.roles.${s.role}`, { defaultValue: s.role }), username: s.username, fingerprint: s.fingerprint, verdict: t(s.valid ? 'fieldtest.reports.signatureValid' : 'fieldtest.reports.signatureInvalid') })}
          </Text>
        ))}
        {result.problems.map((p, i) => (
          <Text key={i} size="sm">
            {say(p.text)}
          </Text>
        ))}
      </Stack>
    </Alert>
  )
}

/**
 * Home's red mark when the last ledger check (daily by itself, or run from Settings) found drift or
 * could not run. Shown to those who may run it; it links to Settings, where the check lists what it found.
 */
import { Alert, Anchor } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { formatDateTime, displayTimeZone } from '../../format/time'
import { useCan } from '../../session/currentUser'

function Mark() {
  const { t } = useTranslation()
  const latest = useApiQuery('ledgerCheck.latest', {}, { refetchInterval: 60_000, meta: { silent: true } })
  const check = latest.data?.live
  if (!check || check.status === 'clean') return null
  return (
    <Alert color="red" variant="filled" title={t(`safety.mark.${check.status}`)} data-testid="ledger-check-mark">
      {t('safety.mark.detail', { at: formatDateTime(check.finishedAt), zone: displayTimeZone(), count: check.driftCount })}{' '}
      <Anchor href="#/system/settings" c="white" underline="always">
        {t('safety.mark.open')}
      </Anchor>
    </Alert>
  )
}

export function LedgerCheckMark() {
  return useCan(PERMISSIONS.BACKUP_MANAGE) ? <Mark /> : null
}

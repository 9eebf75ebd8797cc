/**
 * Settings › Ledger check: the latest run of the ledger self-check on the live database (daily by
 * itself), what it found, and a button to run it now. Home marks drift red from the same read.
 */
import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { LedgerCheck } from '../../../../shared/contract/safety'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { notifyError } from '../../components/notify'
import { formatDateTime, displayTimeZone } from '../../format/time'

const COLOR: Record<LedgerCheck['status'], string> = { clean: 'green', drift: 'red', failed: 'orange' }

export function LedgerCheckBadge({ status }: { status: LedgerCheck['status'] }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLOR[status]} variant={status === 'clean' ? 'light' : 'filled'}>
      {t(`safety.status.${status}`)}
    </Badge>
  )
}

function CheckResult({ check }: { check: LedgerCheck }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs" data-testid="ledger-check-result">
      <Group>
        <LedgerCheckBadge status={check.status} />
        <Text size="sm">
          {t('safety.checkedAt', { at: formatDateTime(check.finishedAt), by: check.requestedBy ?? t('safety.daily') })}
        </Text>
      </Group>
      <Text size="sm">{t('safety.checkCounts', { postings: check.postings, entries: check.entries, accounts: check.accounts })}</Text>
      {check.error && <Text size="sm" c="orange">{check.error}</Text>}
      {check.drifts.length > 0 && (
        <List size="sm" c="red">
          {check.drifts.map((d, i) => (
            <List.Item key={i}>{d.detail}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  )
}

export function LedgerCheckSection() {
  const { t } = useTranslation()
  const latest = useApiQuery('ledgerCheck.latest', {})
  const run = useApiMutation('ledgerCheck.run', { invalidate: ['ledgerCheck.latest', 'audit.list'] })
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('safety.ledgerCheck')}</Title>
        <Text size="sm" c="dimmed">
          {t('safety.ledgerCheckHint')}
        </Text>
        {latest.data && (latest.data.live ? <CheckResult check={latest.data.live} /> : <Text size="sm">{t('safety.neverChecked')}</Text>)}
        {latest.data && (
          <Text size="xs" c="dimmed">
            {t('safety.nextCheck', { at: formatDateTime(latest.data.dueAt), zone: displayTimeZone() })}
          </Text>
        )}
        <Group>
          <Button onClick={() => run.mutate({}, { onError: notifyError })} loading={run.isPending}>
            {t('safety.runCheck')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

/**
 * `#/finance/adjustments/:id`: one adjustment request, the merchant's balance in its currency, the
 * decision buttons for holders of ADJUSTMENT_APPROVE, and its timeline. The host refuses a decision
 * by the requester (maker-checker); the page says so before anyone tries.
 */
import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { TimeZoneNote } from '../../components/TimeZoneNote'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDetailQuery } from '../../api/detailRef'
import { contract, type OutputOf } from '../../../../shared/contract'
import { PERMISSIONS } from '../../../../shared/permissions'
import { call } from '../../api/client'
import { invalidateAfter } from '../../api/stales'
import { FieldGrid } from '../../components/DetailDrawer'
import { PageError } from '../../components/FullPageState'
import { Timeline } from '../../components/Timeline'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useServerText } from '../../i18n/serverText'
import { useCan, useCurrentUser } from '../../session/currentUser'
import { BackLink, BalanceCard, CaseStatusBadge, StepButtons, StepDialog, NeedsPermission } from './CaseParts'

type Adjustment = OutputOf<'adjustments.get'>
type Decision = 'approve' | 'reject'

function AdjustmentView({ a }: { a: Adjustment }) {
  const { t } = useTranslation()
  const serverText = useServerText()
  const me = useCurrentUser()
  const canDecide = useCan(PERMISSIONS.ADJUSTMENT_APPROVE)
  const queryClient = useQueryClient()
  const [decision, setDecision] = useState<Decision | null>(null)
  const when = (at: number | null) => (at === null ? '' : formatDateTime(at))
  const pending = canDecide && a.status === 'pending'
  // Read again even when refused: an approval refused because its reconciliation break no longer holds withdraws the request.
  const decide = (input: { id: number; decision: Decision; note: string }) => call('adjustments.decide', input).finally(() => invalidateAfter(queryClient, 'adjustments.decide'))
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={2}>{t('adjustments.detailTitle', { adjustmentNo: a.adjustmentNo })}</Title>
        <TimeZoneNote />
        <Group gap="sm">
          <Text fw={600}>{formatAmount(a.amount, a.currency)}</Text>
          <CaseStatusBadge status={a.status} />
        </Group>
      </Stack>
      {pending && a.requestedById === me.id && (
        <Alert color="yellow" data-testid="maker-checker-note">
          {t('adjustments.ownRequest')}
        </Alert>
      )}
      {!canDecide && a.status === 'pending' && <NeedsPermission code={PERMISSIONS.ADJUSTMENT_APPROVE} />}
      <StepButtons
        steps={
          pending
            ? [
                { key: 'approve', label: t('adjustments.steps.approve'), color: 'green' },
                { key: 'reject', label: t('adjustments.steps.reject'), color: 'red' }
              ]
            : []
        }
        onOpen={(key) => setDecision(key as Decision)}
      />
      <BalanceCard balance={a.balance} />
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t('finance.summary')}</Title>
          <FieldGrid
            fields={[
              { label: t('adjustments.adjustmentNo'), value: a.adjustmentNo },
              { label: t('master.merchant'), value: a.merchantName },
              { label: t('adjustments.contract'), value: `#${a.contractId}` },
              { label: t('adjustments.amount'), value: formatAmount(a.amount, a.currency) },
              { label: t('adjustments.reason'), value: a.fromBreak ? `${a.reason} · ${serverText(a.fromBreak)}` : a.reason },
              { label: t('finance.requestedBy'), value: `${a.requestedBy} · ${when(a.createdAt)}` },
              { label: t('adjustments.decidedBy'), value: a.decidedBy ? `${a.decidedBy} · ${when(a.decidedAt)}` : '' },
              { label: t('adjustments.decisionNote'), value: a.decisionNote ?? '' },
              { label: t('adjustments.postingId'), value: a.postingId === null ? '' : String(a.postingId) }
            ]}
          />
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={4}>{t('finance.timeline')}</Title>
        <Timeline events={a.timeline} />
      </Stack>
      <StepDialog
        opened={decision !== null}
        title={decision ? `${t(`adjustments.steps.${decision}`)} · ${a.adjustmentNo}` : ''}
        intro={decision === 'approve' ? t('adjustments.approveIntro', { amount: formatAmount(a.amount, a.currency), merchant: a.merchantName }) : t('adjustments.rejectIntro')}
        fields={[{ name: 'note', label: decision === 'reject' ? t('adjustments.rejectReason') : t('adjustments.decisionNote'), multiline: true }]}
        schema={contract['adjustments.decide'].input}
        toInput={(v) => ({ id: a.id, decision: decision ?? 'approve', note: v.note })}
        confirmLabel={decision ? t(`adjustments.steps.${decision}`) : ''}
        run={decide}
        done={decision ? t(`adjustments.decidedAs.${decision}`, { adjustmentNo: a.adjustmentNo }) : ''}
        onClose={() => setDecision(null)}
      />
    </Stack>
  )
}

export function AdjustmentDetailPage() {
  const { t } = useTranslation()
  const result = useDetailQuery('adjustments.get')
  return (
    <Stack>
      <BackLink to="/finance/adjustments" label={t('adjustments.back')} />
      {result.isPending && <Loader aria-label={t('app.loading')} />}
      {result.isError && <PageError error={result.error} onRetry={() => void result.refetch()} />}
      {result.data && <AdjustmentView a={result.data} />}
    </Stack>
  )
}

/**
 * `#/finance/withdrawals/:id`: one withdrawal, the merchant's balance in its currency, the
 * review steps the user holds, and its timeline. Review and completion are refused by the host to
 * the user who requested the withdrawal (maker-checker); the page says so before anyone tries.
 */
import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { TimeZoneNote } from '../../components/TimeZoneNote'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDetailQuery } from '../../api/detailRef'
import { useServerText } from '../../i18n/serverText'
import { contract, type OutputOf } from '../../../../shared/contract'
import { PERMISSIONS } from '../../../../shared/permissions'
import { bank, bankCountryOf, bankLabel } from '../../../../shared/reference'
import { call } from '../../api/client'
import { invalidateAfter } from '../../api/stales'
import { FieldGrid } from '../../components/DetailDrawer'
import { PageError } from '../../components/FullPageState'
import { Timeline } from '../../components/Timeline'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useCan, useCurrentUser } from '../../session/currentUser'
import { BackLink, BalanceCard, CaseStatusBadge, StepButtons, StepDialog, type StepButton, NeedsPermission } from './CaseParts'

type Withdrawal = OutputOf<'withdrawals.get'>
type Step = 'approve' | 'reject' | 'paid' | 'failed'


function WithdrawalView({ w }: { w: Withdrawal }) {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const canReview = useCan(PERMISSIONS.WITHDRAWAL_REVIEW)
  const say = useServerText()
  const queryClient = useQueryClient()
  const [step, setStep] = useState<Step | null>(null)
  const money = (amount: string) => formatAmount(amount, w.currency)
  const when = (at: number | null) => (at === null ? '' : formatDateTime(at))
  const country = bankCountryOf(w.currency)
  const known = country ? bank(country, w.bankCode) : undefined
  const steps: StepButton[] = !canReview
    ? []
    : w.status === 'pending_review'
      ? [
          { key: 'approve', label: t('withdrawals.steps.approve'), color: 'green' },
          { key: 'reject', label: t('withdrawals.steps.reject'), color: 'red' }
        ]
      : w.status === 'approved'
        ? [
            { key: 'paid', label: t('withdrawals.steps.paid'), color: 'green' },
            { key: 'failed', label: t('withdrawals.steps.failed'), color: 'orange' }
          ]
        : []
  const review = (input: { id: number; decision: 'approve' | 'reject'; note: string }) => call('withdrawals.review', input).then(() => invalidateAfter(queryClient, 'withdrawals.review'))
  const complete = (input: { id: number; outcome: 'paid' | 'failed'; bankReference: string; reason: string }) => call('withdrawals.complete', input).then(() => invalidateAfter(queryClient, 'withdrawals.complete'))
  const close = () => setStep(null)
  const title = (s: Step) => t(`withdrawals.steps.${s}`) + ' · ' + w.withdrawalNo
  // The toast says what happened to which withdrawal: approved, rejected, marked paid or failed.
  const done = step ? t(`withdrawals.stepsDone.${step}`, { withdrawalNo: w.withdrawalNo }) : ''
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t('withdrawals.detailTitle', { withdrawalNo: w.withdrawalNo })}</Title>
          <TimeZoneNote />
          <Group gap="sm">
            <Text fw={600}>{money(w.amount)}</Text>
            <CaseStatusBadge status={w.status} />
          </Group>
        </Stack>
      </Group>
      {w.approvalRefused && (
        <Alert color="red" title={t('withdrawals.merchantOwes')} data-testid="withdrawal-merchant-owes">
          {say(w.approvalRefused)}
        </Alert>
      )}
      {steps.length > 0 && w.requestedById === me.id && (
        <Alert color="yellow" data-testid="maker-checker-note">
          {t('withdrawals.ownRequest')}
        </Alert>
      )}
      {!canReview && (w.status === 'pending_review' || w.status === 'approved') && <NeedsPermission code={PERMISSIONS.WITHDRAWAL_REVIEW} />}
      <StepButtons steps={steps} onOpen={(key) => setStep(key as Step)} />
      <BalanceCard balance={w.balance} />
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t('finance.summary')}</Title>
          <FieldGrid
            fields={[
              { label: t('withdrawals.withdrawalNo'), value: w.withdrawalNo },
              { label: t('master.merchant'), value: w.merchantName },
              { label: t('withdrawals.amount'), value: money(w.amount) },
              { label: t('withdrawals.fee'), value: money(w.fee) },
              { label: t('withdrawals.bank'), value: known ? bankLabel(known) : w.bankCode },
              { label: t('withdrawals.accountNo'), value: w.accountNo },
              { label: t('withdrawals.holderName'), value: w.holderName },
              { label: t('withdrawals.note'), value: w.note },
              { label: t('finance.requestedBy'), value: `${w.requestedBy} · ${when(w.createdAt)}` },
              { label: t('withdrawals.reviewedBy'), value: w.reviewedBy ? `${w.reviewedBy} · ${when(w.reviewedAt)}` : '' },
              { label: t('withdrawals.reviewNote'), value: w.reviewNote ?? '' },
              { label: t('withdrawals.settledBy'), value: w.settledBy ? `${w.settledBy} · ${when(w.settledAt)}` : '' },
              { label: t('withdrawals.bankReference'), value: w.bankReference ?? '' },
              { label: t('withdrawals.failureReason'), value: w.failureReason ?? '' }
            ]}
          />
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={4}>{t('finance.timeline')}</Title>
        <Timeline events={w.timeline} />
      </Stack>
      <StepDialog
        opened={step === 'approve' || step === 'reject'}
        title={step ? title(step) : ''}
        intro={step === 'approve' ? t('withdrawals.approveIntro') : t('withdrawals.rejectIntro', { amount: money(w.amount) })}
        fields={[{ name: 'note', label: step === 'reject' ? t('withdrawals.rejectReason') : t('withdrawals.reviewNote'), multiline: true }]}
        schema={contract['withdrawals.review'].input}
        toInput={(v) => ({ id: w.id, decision: step === 'reject' ? ('reject' as const) : ('approve' as const), note: v.note })}
        confirmLabel={step ? t(`withdrawals.steps.${step}`) : ''}
        run={review}
        done={done}
        onClose={close}
      />
      <StepDialog
        opened={step === 'paid' || step === 'failed'}
        title={step ? title(step) : ''}
        intro={step === 'paid' ? t('withdrawals.paidIntro', { amount: money(w.amount), account: `${w.bankCode} ${w.accountNo}` }) : t('withdrawals.failedIntro')}
        fields={step === 'paid' ? [{ name: 'bankReference', label: t('withdrawals.bankReference'), description: t('withdrawals.bankReferenceHint') }] : [{ name: 'reason', label: t('withdrawals.failureReason'), multiline: true }]}
        schema={contract['withdrawals.complete'].input}
        toInput={(v) => ({ id: w.id, outcome: step === 'failed' ? ('failed' as const) : ('paid' as const), bankReference: v.bankReference ?? '', reason: v.reason ?? '' })}
        confirmLabel={step ? t(`withdrawals.steps.${step}`) : ''}
        run={complete}
        done={done}
        onClose={close}
      />
    </Stack>
  )
}

export function WithdrawalDetailPage() {
  const { t } = useTranslation()
  const result = useDetailQuery('withdrawals.get')
  return (
    <Stack>
      <BackLink to="/finance/withdrawals" label={t('withdrawals.back')} />
      {result.isPending && <Loader aria-label={t('app.loading')} />}
      {result.isError && <PageError error={result.error} onRetry={() => void result.refetch()} />}
      {result.data && <WithdrawalView w={result.data} />}
    </Stack>
  )
}

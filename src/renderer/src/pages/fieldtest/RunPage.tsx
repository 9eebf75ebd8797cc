/**
 * `#/fieldtest/runs/:id`: a run as it goes: progress, caps spent, each step's status with its
 * cause and amounts (a step opens its evidence), the stop button, the live confirmation, the
 * report signed once it ends, and another run of the plan to compare with.
 */
import { Alert, Button, Group, Modal, NumberInput, Progress, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import type { RunDetail } from '../../../../shared/contract/fieldtest'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { PageError } from '../../components/FullPageState'
import { PageHeader } from '../../components/PageHeader'
import { apiErrorMessage, notifyError, notifySuccess } from '../../components/notify'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useServerText } from '../../i18n/serverText'
import { useCan } from '../../session/currentUser'
import { comparePath, planPath, reportPath } from './paths'
import { amountsLine, stepTitle } from './stepText'
import { signConfirmText } from './signConfirm'
import { OUTCOME_COLORS, runOutcome } from './runOutcome'
import { RunStatusBadge, StepStatusBadge, TargetBadge } from './shared'
import { StepEvidenceDrawer } from './StepEvidence'
import { TimeZoneNote } from '../../components/TimeZoneNote'

const ACTIVE = ['running', 'stopping', 'awaiting_confirmation']
const STOPPABLE = ['running', 'awaiting_confirmation', 'interrupted', 'stopping']
const ENDED = ['finished', 'stopped']
const invalidate = ['fieldtest.runs.get', 'fieldtest.runs.list', 'fieldtest.runs.step', 'fieldtest.reports.list'] as const

export function RunPage() {
  const { t } = useTranslation()
  const say = useServerText()
  const navigate = useNavigate()
  const id = Number(useParams().id)
  const canRun = useCan(PERMISSIONS.FIELD_TEST_RUN)
  const run = useApiQuery('fieldtest.runs.get', { id }, { refetchInterval: (q) => (q.state.data && ACTIVE.includes(q.state.data.status) ? 1000 : false) })
  const stop = useApiMutation('fieldtest.runs.stop', { invalidate })
  const sign = useApiMutation('fieldtest.reports.sign', { invalidate })
  const [confirming, setConfirming] = useState(false)
  const [signing, setSigning] = useState(false)
  const [shown, setShown] = useState<number | null>(null)
  if (run.error) return <PageError error={run.error} onRetry={() => run.refetch()} />
  if (!run.data) return null
  const r = run.data
  const done = r.steps.filter((s) => s.status !== 'pending' && s.status !== 'running').length

  const act = async (action: () => Promise<unknown>, message: string) => {
    try {
      await action()
      notifySuccess(message)
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <Stack>
      <PageHeader title={t('fieldtest.runs.run', { id: r.id })}>
        <TargetBadge target={r.target} />
        <RunStatusBadge run={r} />
        {canRun && STOPPABLE.includes(r.status) && (
          <Button color="red" onClick={() => act(() => stop.mutateAsync({ id: r.id }), t('fieldtest.runs.stopped', { id: r.id }))} loading={stop.isPending}>
            {t('fieldtest.runs.stop')}
          </Button>
        )}
        {canRun && ENDED.includes(r.status) && r.reportId === null && (
          <Button onClick={() => setSigning(true)} loading={sign.isPending}>
            {t('fieldtest.runs.sign')}
          </Button>
        )}
        {r.reportId !== null && (
          <Button variant="light" onClick={() => navigate(reportPath(r.reportId!))}>
            {t('fieldtest.runs.openReport')}
          </Button>
        )}
      </PageHeader>
      <TimeZoneNote />
      <Text size="sm">
        <Text span c="blue" style={{ cursor: 'pointer' }} onClick={() => navigate(planPath(r.planId))}>
          {r.planName} · {t('fieldtest.plans.versionOf', { version: r.planVersion })}
        </Text>
        {` · ${r.channelName} · ${formatDateTime(r.startedAt)} · ${r.startedBy}`}
      </Text>
      {r.statusText && (
        <Alert color={r.status === 'awaiting_confirmation' || r.status === 'interrupted' ? 'orange' : r.status === 'finished' ? OUTCOME_COLORS[runOutcome(r)] : 'gray'} data-testid="run-status-text">
          <Group justify="space-between">
            <Text size="sm">{say(r.statusText)}</Text>
            {canRun && (r.status === 'awaiting_confirmation' || r.status === 'interrupted') && (
              <Button color="orange" onClick={() => setConfirming(true)}>
                {r.status === 'awaiting_confirmation' ? t('fieldtest.runs.confirm') : t('fieldtest.runs.resume')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {r.confirmedBy && r.confirmedAt !== null && <Text size="sm">{t('fieldtest.runs.confirmedBy', { user: r.confirmedBy, at: formatDateTime(r.confirmedAt) })}</Text>}
      <Stack gap={4}>
        <Progress value={r.totals.steps ? (done / r.totals.steps) * 100 : 0} animated={ACTIVE.includes(r.status)} aria-label={t('fieldtest.runs.progress', { done, total: r.totals.steps })} />
        <Group justify="space-between">
          <Text size="sm" data-testid="run-progress">
            {t('fieldtest.runs.progress', { done, total: r.totals.steps })} · {t('fieldtest.runs.totals', r.totals)}
          </Text>
          <Text size="sm" data-testid="run-spent">
            {t('fieldtest.runs.spent', { orders: r.totals.orders, maxOrders: r.caps.maxOrders, amount: formatAmount(r.totals.amount, r.currency), maxAmount: formatAmount(r.caps.maxAmount, r.currency) })}
          </Text>
        </Group>
        {r.faults.length > 0 && (
          <Text size="sm" data-testid="run-faults">
            {t('fieldtest.runs.faultsOn', { faults: r.faults.map((f) => `${t(`fieldtest.simulator.behaviourNames.${f.behaviour}`)}${f.amountPattern ? ` (${f.amountPattern})` : ''}`).join(', ') })}
          </Text>
        )}
      </Stack>
      <StepsTable run={r} onOpen={setShown} />
      <CompareWith run={r} />
      {shown !== null && <StepEvidenceDrawer runId={r.id} index={shown} currency={r.currency} onClose={() => setShown(null)} />}
      <Modal opened={signing} onClose={() => setSigning(false)} title={signConfirmText(r, t).title}>
        {signing && (
          <SignConfirm
            run={r}
            loading={sign.isPending}
            onCancel={() => setSigning(false)}
            onSign={() =>
              act(async () => {
                const report = await sign.mutateAsync({ runId: r.id })
                setSigning(false)
                navigate(reportPath(report.id))
              }, t('fieldtest.runs.signed', { id: r.id }))
            }
          />
        )}
      </Modal>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('fieldtest.runs.confirmTitle')}>
        {confirming && <ConfirmForm run={r} onDone={() => setConfirming(false)} />}
      </Modal>
    </Stack>
  )
}

/** What is about to be signed, said before the signature is made. */
function SignConfirm({ run, loading, onCancel, onSign }: { run: RunDetail; loading: boolean; onCancel: () => void; onSign: () => void }) {
  const { t } = useTranslation()
  const text = signConfirmText(run, t)
  return (
    <Stack data-testid="sign-confirm">
      <Text size="sm">{text.what}</Text>
      <Text size="sm" data-testid="sign-confirm-counts">
        {text.counts}
      </Text>
      {text.warning ? (
        <Alert color={text.warning.level === 'failed' ? 'red' : 'orange'} data-testid="sign-confirm-warning" data-level={text.warning.level}>
          {text.warning.text}
        </Alert>
      ) : (
        <Text size="sm" c="green">
          {text.allPassed}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color={text.warning?.level === 'failed' ? 'red' : undefined} onClick={onSign} loading={loading} data-testid="sign-confirm-button">
          {t('fieldtest.runs.signConfirm.confirm')}
        </Button>
      </Group>
    </Stack>
  )
}

function StepsTable({ run, onOpen }: { run: RunDetail; onOpen: (index: number) => void }) {
  const { t } = useTranslation()
  const say = useServerText()
  return (
    <Table withTableBorder striped highlightOnHover data-testid="run-steps">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>{t('fieldtest.plans.stepCol')}</Table.Th>
          <Table.Th>{t('fieldtest.runs.status')}</Table.Th>
          <Table.Th>{t('fieldtest.runs.cause')}</Table.Th>
          <Table.Th>{`${t('fieldtest.runs.requested')} → ${t('fieldtest.runs.acceptedUpstream')} → ${t('fieldtest.runs.paidInCallback')} → ${t('fieldtest.runs.postedToLedger')}`}</Table.Th>
          <Table.Th>{t('fieldtest.runs.signature')}</Table.Th>
          <Table.Th>{t('fieldtest.runs.delay')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {run.steps.map((step) => (
          <Table.Tr key={step.index} data-step={step.index} data-status={step.status} style={{ cursor: 'pointer' }} onClick={() => onOpen(step.index)}>
            <Table.Td>{step.index + 1}</Table.Td>
            <Table.Td>
              {stepTitle(step, t)}
              <Text size="xs" c="dimmed">
                {t(`fieldtest.plans.actions.${step.action}`)}
                {step.orderNo ? ` · ${step.orderNo}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <StepStatusBadge status={step.status} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" data-testid="step-cause">
                {say(step.cause)}
              </Text>
            </Table.Td>
            <Table.Td>{amountsLine(step)}</Table.Td>
            <Table.Td>{step.signature === 'none' ? '' : t(`fieldtest.runs.signatures.${step.signature}`)}</Table.Td>
            <Table.Td>{step.callbackDelayMs !== null ? t('fieldtest.ms', { n: step.callbackDelayMs }) : ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function ConfirmForm({ run, onDone }: { run: RunDetail; onDone: () => void }) {
  const { t } = useTranslation()
  const confirm = useApiMutation('fieldtest.runs.confirm', { invalidate })
  const [maxOrders, setMaxOrders] = useState<number | string>('')
  const [maxAmount, setMaxAmount] = useState('')
  const [errors, setErrors] = useState<{ maxOrders?: string; maxAmount?: string }>({})
  const go = async () => {
    try {
      await confirm.mutateAsync({ id: run.id, maxOrders: Number(maxOrders), maxAmount: maxAmount.trim() })
      notifySuccess(t('fieldtest.runs.confirmed', { id: run.id }))
      onDone()
    } catch (error) {
      const field = (error as { field?: string }).field
      if (field === 'maxOrders' || field === 'maxAmount') setErrors({ [field]: apiErrorMessage(error) })
      else notifyError(error)
    }
  }
  return (
    <Stack>
      <Alert color={run.status === 'interrupted' ? 'orange' : 'red'}>{run.status === 'interrupted' ? t('fieldtest.runs.resumeBody') : t('fieldtest.runs.confirmBody')}</Alert>
      <NumberInput label={t('fieldtest.runs.maxOrders')} withAsterisk allowDecimal={false} min={1} value={maxOrders} onChange={setMaxOrders} error={errors.maxOrders} />
      <TextInput label={t('fieldtest.runs.maxAmount', { currency: run.currency })} withAsterisk value={maxAmount} onChange={(e) => setMaxAmount(e.currentTarget.value)} error={errors.maxAmount} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button color="orange" onClick={go} loading={confirm.isPending}>
          {t('fieldtest.runs.confirm')}
        </Button>
      </Group>
    </Stack>
  )
}

function CompareWith({ run }: { run: RunDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const others = useApiQuery('fieldtest.runs.list', { page: 1, pageSize: 100, planId: run.planId })
  const options = (others.data?.items ?? []).filter((o) => o.id !== run.id)
  if (options.length === 0) return null
  return (
    <Select
      label={t('fieldtest.runs.compare')}
      placeholder={t('fieldtest.runs.compareWith')}
      data={options.map((o) => ({ value: String(o.id), label: `${t('fieldtest.runs.run', { id: o.id })} · ${t(`fieldtest.runs.targetShort.${o.target}`)} · ${t(`fieldtest.runs.statuses.${runOutcome(o)}`)}` }))}
      value={null}
      onChange={(v) => v && navigate(comparePath(run.id, Number(v)))}
      w={360}
      data-testid="compare-with"
    />
  )
}

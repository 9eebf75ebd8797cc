/**
 * The evidence of one step of a run, in a drawer: its outcome and cause, the amount checked four
 * ways with the fees, the requests and responses (masked by the main process), the callbacks with
 * their signature verdict and delay, the order's timeline and its ledger entries.
 */
import { Alert, Badge, Code, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import type { StepEvidence } from '../../../../shared/contract/fieldtest'
import { upstreamFailureText } from '../../../../shared/upstream-failure'
import { useApiQuery } from '../../api/hooks'
import { useTableText } from '../../components/tableText'
import { Timeline } from '../../components/Timeline'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useServerText } from '../../i18n/serverText'
import { StepStatusBadge } from './shared'
import { stepTitle } from './stepText'
import { TimeZoneNote } from '../../components/TimeZoneNote'
import { enFinance } from '../../i18n/en.finance'
import { enOrders } from '../../i18n/en.orders'
import { codeLabel } from '../orders/codeLabel'

const AMOUNTS = ['requested', 'acceptedUpstream', 'paidInCallback', 'postedToLedger', 'feeExpected', 'feePosted'] as const

export function StepEvidenceDrawer({ runId, index, currency, onClose }: { runId: number; index: number; currency: string; onClose: () => void }) {
  const { t } = useTranslation()
  const say = useServerText()
  const tableText = useTableText()
  const result = useApiQuery('fieldtest.runs.step', { id: runId, index }, { refetchInterval: (q) => (q.state.data?.step.status === 'running' ? 1000 : false) })
  const step = result.data?.step
  const evidence = result.data?.evidence
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={t('fieldtest.runs.evidence', { n: index + 1 })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {step && (
        <Stack data-testid="step-evidence">
          <TimeZoneNote />
          <Group gap="sm">
            <StepStatusBadge status={step.status} />
            <Text fw={500}>{stepTitle(step, t)}</Text>
            {step.orderNo && <Badge variant="outline" tt="none">{`${t('fieldtest.runs.order')} ${step.orderNo}`}</Badge>}
          </Group>
          {step.cause && <Text size="sm">{say(step.cause)}</Text>}
          {step.amounts && (
            <Table withTableBorder data-testid="step-amounts">
              <Table.Tbody>
                {AMOUNTS.map((key) => (
                  <Table.Tr key={key} data-amount={key}>
                    <Table.Td>{t(`fieldtest.runs.${key}`)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{step.amounts![key] !== null ? formatAmount(step.amounts![key]!, step.amounts!.currency || currency) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {!evidence && <Text c="dimmed">{t('fieldtest.runs.noEvidence')}</Text>}
          {evidence && <EvidenceBody evidence={evidence} tableText={tableText} />}
        </Stack>
      )}
    </Drawer>
  )
}

function EvidenceBody({ evidence, tableText }: { evidence: StepEvidence; tableText: ReturnType<typeof useTableText> }) {
  const { t } = useTranslation()
  const say = useServerText()
  return (
    <Stack>
      {evidence.refusal && <Alert color="orange">{t('fieldtest.runs.refusal', { text: say(evidence.refusal.text) })}</Alert>}
      {evidence.notes.map((note, i) => (
        <Text key={i} size="sm">
          {say(note)}
        </Text>
      ))}
      {evidence.payment && <Text size="sm">{t(`fieldtest.runs.payment.${evidence.payment}`)}</Text>}
      {evidence.hold && <Text size="sm">{t('fieldtest.runs.hold', { atSubmit: evidence.hold.atSubmit ?? '—', final: evidence.hold.final ?? '—' })}</Text>}
      <Title order={5}>{t('fieldtest.runs.exchanges')}</Title>
      {evidence.exchanges.length === 0 && <Text c="dimmed">{tableText.noRecordsText}</Text>}
      {evidence.exchanges.map((x, i) => (
        <Stack key={i} gap={4} data-testid="step-exchange">
          <Text size="sm" fw={500}>
            {`${formatDateTime(x.at)} · ${x.operation} · ${x.url} · ${t('fieldtest.ms', { n: x.durationMs })}${x.attempt > 1 ? ` · #${x.attempt}` : ''}`}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{`${t('fieldtest.runs.request')}:\n${x.requestBody}`}</Code>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {`${t('fieldtest.runs.response')}: ${x.responseStatus !== null ? `HTTP ${x.responseStatus}` : t('fieldtest.connectTest.noAnswer')}\n${x.responseBody ?? (x.error ? say(upstreamFailureText(x.error)) : '')}`}
          </Code>
        </Stack>
      ))}
      <Title order={5}>{t('fieldtest.runs.callbacks')}</Title>
      <DataTable
        withTableBorder
        minHeight={80}
        records={evidence.callbacks}
        idAccessor={(c) => `${c.receivedAt}:${c.eventKey ?? ''}:${c.outcome}`}
        noRecordsText={tableText.noRecordsText}
        data-testid="step-callbacks"
        columns={[
          { accessor: 'receivedAt', title: t('fieldtest.runs.received'), noWrap: true, render: (c) => formatDateTime(c.receivedAt) },
          { accessor: 'delayMs', title: t('fieldtest.runs.delay'), render: (c) => (c.delayMs !== null ? t('fieldtest.ms', { n: c.delayMs }) : '—') },
          { accessor: 'signatureValid', title: t('fieldtest.runs.signature'), render: (c) => <Badge color={c.signatureValid ? 'green' : 'red'} variant="light">{t(`fieldtest.runs.signatures.${c.signatureValid ? 'valid' : 'invalid'}`)}</Badge> },
          { accessor: 'outcome', title: t('fieldtest.simulator.outcome'), render: (c) => codeLabel(t, enOrders.orderDetail.callbackOutcomes, 'orderDetail.callbackOutcomes', c.outcome) },
          { accessor: 'paidAmount', title: t('fieldtest.runs.paidInCallback'), render: (c) => c.paidAmount ?? '—' },
          { accessor: 'body', title: t('fieldtest.runs.body'), render: (c) => <Text size="xs" style={{ overflowWrap: 'anywhere' }}>{c.body}</Text> }
        ]}
      />
      <Title order={5}>{t('fieldtest.runs.timeline')}</Title>
      <Timeline events={evidence.timeline.map((e, i) => ({ id: i, at: e.at, kind: e.kind, summary: e.summary, text: e.text, actor: '' }))} />
      <Title order={5}>{t('fieldtest.runs.ledger')}</Title>
      <DataTable
        withTableBorder
        minHeight={80}
        records={evidence.ledger}
        idAccessor="postingId"
        noRecordsText={tableText.noRecordsText}
        data-testid="step-ledger"
        columns={[
          { accessor: 'postingId', title: '#' },
          { accessor: 'accountKind', title: t('fieldtest.runs.account'), render: (l) => codeLabel(t, enFinance.ledger.kinds, 'ledger.kinds', l.accountKind) },
          { accessor: 'amount', title: t('fieldtest.amount'), textAlign: 'right', render: (l) => formatAmount(l.amount, l.currency) },
          { accessor: 'remark', title: t('fieldtest.runs.remark') }
        ]}
      />
    </Stack>
  )
}

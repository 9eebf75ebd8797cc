/**
 * The selected break: what it is and why (its type and likely cause), the link to the adjustment
 * it waits for, the decisions allowed (and why accepting theirs is not, when their line moved no
 * money), both sides side by side, the orders a person could match
 * their line to, anything else the run noted (a control total's figures), and its history.
 */
import { Alert, Anchor, Button, Group, Kbd, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { BreakAction, BreakDetail } from '../../../../../shared/contract/reconciliation'
import { isServerText } from '../../../../../shared/server-text'
import { useApiQuery } from '../../../api/hooks'
import { useTableText } from '../../../components/tableText'
import { formatAmount } from '../../../format/amount'
import { formatDateTime } from '../../../format/time'
import { useServerText } from '../../../i18n/serverText'
import { BreakStatusBadge } from '../badges'
import { breakTypeLabel, causeLabel, controlLabel, historyEventLabel } from '../labels'
import { controlFigure, differenceText } from './breakMoney'
import { SideBySide } from './SideBySide'
import { SHORTCUTS } from './useReviewKeys'

type History = BreakDetail['history'][number]

/** What the break waits for, as its history's request says it (marking its order, or closing it unbooked); null for a request older than that step. */
const waitingFor = (d: BreakDetail) => d.history.filter((e) => e.action === 'requested').at(-1)?.text ?? null
type Candidate = BreakDetail['candidates'][number]

/** What the run noted beside a break that the sides do not show (a control total's figures, a group's size). */
const EXTRAS = ['name', 'stated', 'computed', 'difference', 'members', 'theirsCurrency'] as const
const FIGURES = new Set<string>(['stated', 'computed', 'difference'])

function Extras({ detail }: { detail: Record<string, unknown> }) {
  const { t } = useTranslation()
  const text = useServerText()
  // A control total that could not be computed says why in place of the figure.
  const shown = (key: string, value: unknown) => {
    if (key === 'computed' && isServerText(detail.problem)) return text(detail.problem)
    if (key === 'name') return controlLabel(t, String(value))
    return FIGURES.has(key) ? controlFigure(String(value), detail.currency) : String(value)
  }
  const entries = EXTRAS.filter((key) => typeof detail[key] === 'string' || typeof detail[key] === 'number').map((key) => [key, detail[key]] as const)
  if (entries.length === 0) return null
  return (
    <Table withTableBorder fz="sm" data-testid="break-extras">
      <Table.Tbody>
        {entries.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Td c="dimmed">{t(`recon.detail.extras.${key}`)}</Table.Td>
            <Table.Td>{shown(key, value)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export function useBreakDetail(id: number | null) {
  return useApiQuery('recon.breaks.get', { id: id ?? 0 }, { enabled: id !== null })
}

export function BreakDetailPanel({ id, canDecide, onAction }: { id: number; canDecide: boolean; onAction: (action: BreakAction, candidateId?: number) => void }) {
  const { t } = useTranslation()
  const say = useServerText()
  const tableText = useTableText()
  const result = useBreakDetail(id)
  const d = result.data
  if (!d) return <Loader aria-label={t('app.loading')} />
  const shortcut = (action: BreakAction) => SHORTCUTS.find((s) => s.action === action)?.key
  return (
    <Paper withBorder p="md" data-testid="break-detail">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={4}>{t('recon.detail.title', { id: d.id, type: breakTypeLabel(t, d.type) })}</Title>
            <Group gap="xs">
              <BreakStatusBadge row={d} />
              <Text size="sm">{causeLabel(t, d.causeKey)}</Text>
              <Text size="sm" c="dimmed">
                {t('recon.breaks.days', { n: d.ageDays })} · {formatDateTime(d.at)}
                {d.assignedTo ? ` · ${t('recon.detail.assigned', { name: d.assignedTo })}` : ''}
              </Text>
            </Group>
          </Stack>
          {d.difference !== null && <Text fw={700}>{differenceText(t, d, true)}</Text>}
        </Group>
        {d.status === 'awaiting_approval' && d.adjustmentId !== null && (
          <Alert color="yellow" data-testid="awaiting-adjustment">
            {t('recon.detail.awaiting')}{' '}
            <Anchor component={Link} to={`/finance/adjustments/${d.adjustmentId}`}>
              {t('recon.detail.openAdjustment', { id: d.adjustmentId })}
            </Anchor>
          </Alert>
        )}
        {d.status === 'awaiting_approval' && d.approvalId !== null && (
          <Alert color="yellow" data-testid="awaiting-approval">
            {waitingFor(d) ? say(waitingFor(d)!) : t('recon.detail.awaitingMark', { orderNo: d.orderNo ?? '' })}{' '}
            <Anchor component={Link} to="/orders/approvals">
              {t('recon.detail.openApproval', { id: d.approvalId })}
            </Anchor>
          </Alert>
        )}
        {canDecide && d.actions.length > 0 && (
          <Group gap="xs" data-testid="break-actions">
            {d.actions.map((action) => (
              <Button key={action} size="compact-sm" variant="light" onClick={() => onAction(action)} rightSection={shortcut(action) ? <Kbd size="xs">{shortcut(action)}</Kbd> : undefined}>
                {t(`recon.resolve.confirm.${action}`)}
              </Button>
            ))}
          </Group>
        )}
        {canDecide && d.acceptRefused && (
          <Text size="sm" c="dimmed" data-testid="accept-refused">
            {t('recon.detail.acceptRefused', { reason: say(d.acceptRefused) })}
          </Text>
        )}
        <SideBySide detail={d} />
        <Extras detail={d.detail} />
        {d.candidates.length > 0 && (
          <Stack gap={4}>
            <Title order={5}>{t('recon.detail.candidates')}</Title>
            <DataTable<Candidate>
              withTableBorder
              records={d.candidates}
              noRecordsText={tableText.noRecordsText}
              data-testid="break-candidates"
              columns={[
                { accessor: 'orderNo', title: t('recon.fields.orderNo') },
                { accessor: 'status', title: t('recon.fields.status'), render: (c) => t(`orders.statuses.${c.status as 'created'}`, { defaultValue: c.status }) },
                { accessor: 'amount', title: t('recon.fields.gross'), textAlign: 'right', render: (c) => formatAmount(c.amount, c.currency) },
                { accessor: 'createdAt', title: t('common.createdAt'), render: (c) => formatDateTime(c.createdAt) },
                {
                  accessor: 'actions',
                  title: t('common.actions'),
                  render: (c) =>
                    canDecide && d.actions.includes('match') ? (
                      <Button size="compact-sm" variant="subtle" onClick={() => onAction('match', c.id)}>
                        {t('recon.resolve.confirm.match')}
                      </Button>
                    ) : null
                }
              ]}
            />
          </Stack>
        )}
        <Stack gap={4}>
          <Title order={5}>{t('recon.detail.history')}</Title>
          <DataTable<History>
            withTableBorder
            striped
            minHeight={80}
            records={d.history}
            noRecordsText={tableText.noRecordsText}
            data-testid="break-history"
            columns={[
              { accessor: 'at', title: t('timeline.time'), noWrap: true, render: (h) => formatDateTime(h.at) },
              { accessor: 'action', title: t('recon.detail.action'), render: (h) => historyEventLabel(t, h) },
              { accessor: 'summary', title: t('timeline.what'), render: (h) => say(h.text, h.summary) },
              { accessor: 'actor', title: t('timeline.actor') }
            ]}
          />
        </Stack>
      </Stack>
    </Paper>
  )
}

/**
 * Four eyes: requests waiting for a second user (a payout's send, a forced order result, a channel
 * balance correction over the tenant's threshold). Shown on its own page (Operations › Approvals,
 * for every approver), in Manual operations (every pending one) and on an order's page (that order's, with the "awaiting approval" notice). The requester sees
 * their own but cannot decide it; the main process enforces the same rule.
 */
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { keepPreviousData, useQueryClient } from '@tanstack/react-query'
import { DataTable } from 'mantine-datatable'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { contract } from '../../../../shared/contract'
import { APPROVERS, type ApprovalRow } from '../../../../shared/contract/four-eyes'
import type { OrderDetail } from '../../../../shared/contract/orders'
import { asManualResult } from '../../../../shared/order-actions'
import { call } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { invalidateAfter } from '../../api/stales'
import { pagedTableProps } from '../../components/list/pagedTable'
import { useListState } from '../../components/list/useListState'
import { useTableText } from '../../components/tableText'
import { formatAmount } from '../../format/amount'
import { formatDateTime, displayTimeZone } from '../../format/time'
import { holdsAny, useCurrentUser } from '../../session/currentUser'
import { StepDialog } from '../finance/CaseParts'
import { useServerText } from '../../i18n/serverText'
import { orderPath } from './paths'
import { orderApprovalsTitle, type OrderApprovalsTitle } from './approvalsTitle'
import type { TFunction } from 'i18next'

type Decision = 'approve' | 'reject'



const STATUS_COLOR: Record<ApprovalRow['status'], string> = { pending: 'orange', approved: 'green', rejected: 'red', withdrawn: 'gray' }

function useWhat() {
  const { t } = useTranslation()
  return (r: ApprovalRow) => {
    if (r.kind === 'mark_result') return t('fourEyes.what.markResult', { status: t(`fourEyes.results.${asManualResult(r.action)}`) })
    if (r.kind === 'recon_write_off') return t(r.action === 'ignore' ? 'fourEyes.what.reconIgnore' : 'fourEyes.what.reconWriteOff')
    if (r.kind === 'channel_balance') return t('fourEyes.what.channelBalance', { kind: t(`fourEyes.balanceKinds.${r.action === 'top_up' ? 'top_up' : 'correction'}`), channel: r.channelName ?? '' })
    return t('fourEyes.what.payout')
  }
}

function orderTitle(t: TFunction, title: OrderApprovalsTitle): string {
  return title.key === 'pending' ? `${t('fourEyes.queueTitle')} (${title.count})` : t(`fourEyes.orderTitles.${title.key}`)
}

/** A pending request's decision, or why this user has none (the host says why, as it would refuse the decision). */
function DecideButtons({ row, onPick }: { row: ApprovalRow; onPick: (d: Decision) => void }) {
  const { t } = useTranslation()
  const say = useServerText()
  const me = useCurrentUser()
  if (row.status !== 'pending') return null
  if (row.requestedById === me.id) {
    return (
      <Text size="xs" c="dimmed" data-testid="approval-own">
        {t('fourEyes.ownRequest')}
      </Text>
    )
  }
  if (!row.canDecide) {
    return (
      <Text size="xs" c="dimmed" data-testid="approval-cannot-decide">
        {say(row.cannotDecide, t('fourEyes.cannotDecide'))}
      </Text>
    )
  }
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        <Button size="compact-xs" variant="light" color="green" onClick={() => onPick('approve')}>
          {t('fourEyes.approve')}
        </Button>
        <Button size="compact-xs" variant="light" color="red" onClick={() => onPick('reject')}>
          {t('fourEyes.reject')}
        </Button>
      </Group>
      {row.approvalRefused && (
        <Text size="xs" c="orange" data-testid="approval-refused">
          {say(row.approvalRefused)}
        </Text>
      )}
    </Stack>
  )
}

/** Pending requests of the tenant (Manual operations), or one order's, decided ones included (the order's page). */
export function Approvals({ orderId }: { orderId?: number }) {
  const serverText = useServerText()
  const { t } = useTranslation()
  const tableText = useTableText()
  const what = useWhat()
  const me = useCurrentUser()
  const queryClient = useQueryClient()
  const list = useListState(null, {})
  const [picked, setPicked] = useState<{ row: ApprovalRow; decision: Decision } | null>(null)
  const allowed = holdsAny(me, APPROVERS)
  const input = orderId ? { orderId, page: list.table.page, pageSize: list.table.pageSize } : { status: 'pending' as const, page: list.table.page, pageSize: list.table.pageSize }
  const result = useApiQuery('approvals.list', input, { placeholderData: keepPreviousData, refetchInterval: 10_000, enabled: allowed })
  if (!allowed || (orderId && (result.data?.total ?? 0) === 0)) return null
  // Read again even when refused: an approval refused because its reconciliation break no longer holds withdraws the request.
  const decide = (v: { id: number; decision: Decision; note: string }) => call('approvals.decide', v).finally(() => invalidateAfter(queryClient, 'approvals.decide'))
  return (
    <Paper withBorder p="md" data-testid="approvals">
      <Stack gap="xs">
        <Title order={4} data-testid="approvals-title">
          {orderId && result.data ? orderTitle(t, orderApprovalsTitle(result.data.items)) : `${t('fourEyes.queueTitle')} (${result.data?.total ?? '…'})`}
        </Title>
        <Text size="sm" c="dimmed">
          {t('fourEyes.queueHint', { zone: displayTimeZone() })}
        </Text>
        <DataTable<ApprovalRow>
          withTableBorder
          striped
          minHeight={orderId ? undefined : 150}
          {...pagedTableProps(list.table, result)}
          {...tableText}
          columns={[
            { accessor: 'createdAt', title: t('common.createdAt'), noWrap: true, render: (r) => formatDateTime(r.createdAt) },
            { accessor: 'kind', title: t('fourEyes.kind'), render: (r) => what(r) },
            {
              accessor: 'subject',
              title: t('fourEyes.subject'),
              render: (r) =>
                r.orderId ? (
                  <Text component={Link} to={orderPath(r.orderId)} size="sm" ff="monospace" c="blue">
                    {r.orderNo}
                  </Text>
                ) : (
                  // A channel's balance names its channel; a reconciliation break, its merchant (the break itself is under the reason).
                  <Text size="sm">{r.channelName ?? r.merchantName ?? '—'}</Text>
                )
            },
            { accessor: 'amount', title: t('fourEyes.amount'), textAlign: 'right', noWrap: true, render: (r) => formatAmount(r.amount, r.currency) },
            { accessor: 'requestedBy', title: t('fourEyes.requestedBy') },
            {
              accessor: 'reason',
              title: t('fourEyes.reason'),
              render: (r) => (
                <Stack gap={0}>
                  <Text size="sm">{r.reason || '—'}</Text>
                  {r.fromBreak && (
                    <Text size="xs" c="dimmed" data-testid="approval-from-break">
                      {serverText(r.fromBreak)}
                    </Text>
                  )}
                </Stack>
              )
            },
            {
              accessor: 'status',
              title: t('common.status'),
              render: (r) => (
                <Badge variant="light" color={STATUS_COLOR[r.status]}>
                  {t(`fourEyes.statuses.${r.status}`)}
                </Badge>
              )
            },
            { accessor: 'decidedBy', title: t('fourEyes.decidedBy'), render: (r) => (r.decidedAt ? `${r.decidedBy ?? t('fourEyes.bySystem')} · ${formatDateTime(r.decidedAt)}${r.decisionNote ? ` · ${r.decisionNote}` : ''}` : '') },
            { accessor: 'actions', title: '', render: (r) => <DecideButtons row={r} onPick={(decision) => setPicked({ row: r, decision })} /> }
          ]}
        />
      </Stack>
      <StepDialog<{ id: number; decision: Decision; note: string }>
        opened={picked !== null}
        title={picked ? t(`fourEyes.titles.${picked.decision}`, { what: what(picked.row), amount: formatAmount(picked.row.amount, picked.row.currency) }) : ''}
        intro={picked ? t(`fourEyes.intro.${picked.row.kind}.${picked.decision}`) : undefined}
        fields={[{ name: 'note', label: picked?.decision === 'reject' ? t('fourEyes.rejectNote') : t('fourEyes.approveNote'), multiline: true }]}
        schema={contract['approvals.decide'].input}
        toInput={(v) => ({ id: picked?.row.id ?? 0, decision: picked?.decision ?? 'approve', note: v.note })}
        confirmLabel={picked ? t(`fourEyes.${picked.decision}`) : ''}
        run={decide}
        done={picked ? t(`fourEyes.done.${picked.decision}`) : ''}
        onClose={() => setPicked(null)}
      />
    </Paper>
  )
}

/** The order page's notice: what on this order waits for a second user. */
export function AwaitingApprovalNotice({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  if (order.awaitingApproval.length === 0) return null
  return (
    <Alert color="yellow" title={t('fourEyes.awaitingTitle')} data-testid="awaiting-approval">
      <Stack gap={2}>
        {order.awaitingApproval.map((a) => (
          <Text key={a.id} size="sm">
            {a.kind === 'payout'
              ? t('fourEyes.awaitingPayout', { user: a.requestedBy, at: formatDateTime(a.createdAt), zone: displayTimeZone() })
              : t('fourEyes.awaitingResult', { status: t(`fourEyes.results.${asManualResult(a.result)}`), user: a.requestedBy, at: formatDateTime(a.createdAt), zone: displayTimeZone() })}
          </Text>
        ))}
      </Stack>
    </Alert>
  )
}

/**
 * An order's after-sales, on its detail page: the refund / open dispute / add waybill actions the
 * user holds (paid deposits only; refund and dispute disabled, with the host's reason, on an order
 * that cannot have them, such as one settled in another currency), and the order's refunds,
 * disputes and waybills, each linking to its own page.
 */
import { Button, Group, Modal, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { WaybillRow } from '../../../../shared/contract/aftersales'
import type { OrderDetail } from '../../../../shared/contract/orders'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useServerText } from '../../i18n/serverText'
import { useCan } from '../../session/currentUser'
import { DeadlineText, DisputeStatusBadge, RefundStatusBadge, WaybillStatusBadge } from './badges'
import { CaseLink, disputePath, refundPath, waybillPath } from './CaseLink'
import { OrderCaseDialog, type OrderCaseAction } from './OrderCaseDialogs'

function Section({ title, testId, empty, children }: { title: string; testId: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4} data-testid={testId}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('aftersales.orderSection.none')}
        </Text>
      ) : (
        <Table withTableBorder striped fz="sm">
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}

/** Waybills as table rows: tracking number (to its page), carrier, status, shipped at. */
export function WaybillRows({ waybills }: { waybills: readonly WaybillRow[] }) {
  return waybills.map((w) => (
    <Table.Tr key={w.id}>
      <Table.Td>
        <CaseLink to={waybillPath(w.id)}>{w.trackingNo}</CaseLink>
      </Table.Td>
      <Table.Td>{w.carrier}</Table.Td>
      <Table.Td>
        <WaybillStatusBadge status={w.status} />
      </Table.Td>
      <Table.Td>{formatDateTime(w.shippedAt)}</Table.Td>
    </Table.Tr>
  ))
}

function OrderCases({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  const canRefunds = useCan(PERMISSIONS.REFUND_READ)
  const canDisputes = useCan(PERMISSIONS.DISPUTE_READ)
  const canWaybills = useCan(PERMISSIONS.WAYBILL_READ)
  // Refunds under way are read again until the provider has answered.
  const refunds = useApiQuery('refunds.list', { orderId: order.id, pageSize: 100 }, { enabled: canRefunds, refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'requested' || r.status === 'processing') ? 3000 : false) })
  const disputes = useApiQuery('disputes.list', { orderId: order.id, pageSize: 100 }, { enabled: canDisputes })
  const waybills = useApiQuery('waybills.list', { orderId: order.id, pageSize: 100 }, { enabled: canWaybills })
  const money = (amount: string) => formatAmount(amount, order.currency)
  return (
    <Stack>
      {canRefunds && (
        <Section title={t('aftersales.orderSection.refunds')} testId="order-refunds" empty={(refunds.data?.items.length ?? 0) === 0}>
          {refunds.data?.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <CaseLink to={refundPath(r.id)}>{r.refundNo}</CaseLink>
              </Table.Td>
              <Table.Td>{money(r.amount)}</Table.Td>
              <Table.Td>
                <RefundStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Section>
      )}
      {canDisputes && (
        <Section title={t('aftersales.orderSection.disputes')} testId="order-disputes" empty={(disputes.data?.items.length ?? 0) === 0}>
          {disputes.data?.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <CaseLink to={disputePath(d.id)}>{d.disputeNo}</CaseLink>
              </Table.Td>
              <Table.Td>{money(d.amount)}</Table.Td>
              <Table.Td>
                <DisputeStatusBadge status={d.status} />
              </Table.Td>
              <Table.Td>
                <DeadlineText dispute={d} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Section>
      )}
      {canWaybills && (
        <Section title={t('aftersales.orderSection.waybills')} testId="order-waybills" empty={(waybills.data?.items.length ?? 0) === 0}>
          <WaybillRows waybills={waybills.data?.items ?? []} />
        </Section>
      )}
    </Stack>
  )
}

export function OrderAftersales({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  const say = useServerText()
  const [open, setOpen] = useState<OrderCaseAction | null>(null)
  const allowed = {
    refund: useCan(PERMISSIONS.REFUND_WRITE),
    dispute: useCan(PERMISSIONS.DISPUTE_WRITE),
    waybill: useCan(PERMISSIONS.WAYBILL_WRITE)
  }
  const reads = useCan(PERMISSIONS.REFUND_READ, PERMISSIONS.DISPUTE_READ, PERMISSIONS.WAYBILL_READ)
  const paidDeposit = order.direction === 'deposit' && order.status === 'succeeded'
  const givesBack = useCan(PERMISSIONS.REFUND_READ, PERMISSIONS.DISPUTE_READ) && (allowed.refund || allowed.dispute)
  // Whether the order can have a refund or dispute at all (an FX-settled one cannot yet): the host's own words.
  const quote = useApiQuery('refunds.quote', { orderId: order.id }, { enabled: paidDeposit && givesBack })
  if (!paidDeposit || !reads) return null
  const actions = (['refund', 'dispute', 'waybill'] as const).filter((a) => allowed[a])
  const unavailable = quote.data?.unavailable ? say(quote.data.unavailable) : null
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('nav.groups.afterSales')}</Title>
          <Group gap="xs" data-testid="aftersales-actions">
            {actions.map((a) => {
              const why = a === 'waybill' ? null : unavailable
              const button = (
                <Button key={a} size="xs" variant="light" disabled={why !== null} onClick={() => setOpen(a)} data-action={a}>
                  {t(`aftersales.${a}.action`)}
                </Button>
              )
              if (!why) return button
              return (
                <Tooltip key={a} label={why} multiline maw={320}>
                  <span aria-label={`${t(`aftersales.${a}.action`)}: ${why}`} data-testid={`aftersales-unavailable-${a}`}>
                    {button}
                  </span>
                </Tooltip>
              )
            })}
          </Group>
        </Group>
        {unavailable && (
          <Text size="sm" c="dimmed" data-testid="aftersales-unavailable">
            {t('aftersales.unavailable', { reason: unavailable })}
          </Text>
        )}
        <OrderCases order={order} />
      </Stack>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? t(`aftersales.${open}.dialogTitle`, { orderNo: order.orderNo }) : ''}>
        {open && <OrderCaseDialog key={open} action={open} order={order} onClose={() => setOpen(null)} />}
      </Modal>
    </Paper>
  )
}

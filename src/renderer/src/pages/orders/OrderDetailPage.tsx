/**
 * `#/orders/:id`: one order. The header carries its numbers, merchant, channel, service
 * type, amounts, status (with its reason) and test flag, the manual operations the user holds and,
 * for a deposit, the payment page; below, its history (OrderHistory). Refreshed while not final.
 */
import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useServerText } from '../../i18n/serverText'
import { Link, useParams } from 'react-router-dom'
import { SEALED_ORDER_FIELDS, type OrderDetail } from '../../../../shared/contract/orders'
import { PERMISSIONS } from '../../../../shared/permissions'
import { FieldGrid, type DetailField } from '../../components/DetailDrawer'
import { PageError } from '../../components/FullPageState'
import { formatAmount } from '../../format/amount'
import { formatDateTime, zoned } from '../../format/time'
import { enOrders } from '../../i18n/en.orders'
import { useReferenceLabels } from '../../i18n/reference'
import { codeLabel } from './codeLabel'
import { OrderAftersales } from '../aftersales/OrderAftersales'
import { useCan } from '../../session/currentUser'
import { ManualActions } from './ManualActions'
import { ParkedReports } from './ParkedReports'
import { Approvals, AwaitingApprovalNotice } from './Approvals'
import { ChannelName } from '../master/ChannelName'
import { OrderStateBadges } from './OrderBadges'
import { OrderHistory } from './OrderHistory'
import { RevealableNumber } from './RevealCardNumber'
import { openPaymentWindow, useLiveOrder } from './liveOrder'

const when = (at: number | null) => (at === null ? '' : formatDateTime(at))

function useSummary(order: OrderDetail): DetailField[] {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const money = (amount: string | null) => (amount === null ? '' : formatAmount(amount, order.currency))
  return [
    { label: t('orders.orderNo'), value: order.orderNo },
    { label: t('orders.merchantOrderNo'), value: order.merchantOrderNo },
    { label: t('orders.upstreamNo'), value: order.upstreamNo },
    { label: t('orders.txnNo'), value: String(order.txnNo) },
    { label: t('master.merchant'), value: order.merchantName },
    { label: t('orders.channel'), value: <ChannelName channel={{ name: order.channelName, rehearsalOf: order.rehearsalOf }} /> },
    ...(order.terminal ? [{ label: t('orderForm.terminal'), value: [order.terminal.identifier, order.terminal.name].filter(Boolean).join(' · ') }] : []),
    { label: t('master.serviceType'), value: labels.serviceType(order.serviceType) },
    { label: t('master.direction'), value: t(`master.directions.${order.direction}`) },
    { label: t('orders.amount'), value: money(order.amount) },
    { label: order.direction === 'payout' ? t('orders.paidOutAmount') : t('orders.paidAmount'), value: money(order.paidAmount) },
    { label: t('orders.fee'), value: formatAmount(order.fee, order.feeCurrency) },
    { label: t('orders.isTest'), value: order.isTest ? t('orders.yes') : t('orders.no') },
    { label: zoned(t('common.createdAt')), value: when(order.createdAt) },
    { label: zoned(t('orders.sentAt')), value: when(order.sentAt) },
    { label: zoned(t('orders.expiresAt')), value: when(order.expiresAt) },
    { label: zoned(t('orders.finalizedAt')), value: when(order.finalizedAt) },
    ...(order.holdStatus ? [{ label: t('orderDetail.hold'), value: t(`orders.holdStatuses.${order.holdStatus}`) }] : [])
  ]
}

/** The payer's or recipient's fields; card and account numbers come masked, revealed one at a time by holders of CARD_NUMBER_REVEAL. */
function OrderFieldsGrid({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  const canReveal = useCan(PERMISSIONS.CARD_NUMBER_REVEAL)
  const entries = Object.entries(order.fields)
  if (entries.length === 0) return null
  const field = (name: string, value: string): DetailField => {
    const label = codeLabel(t, enOrders.orders.fields, 'orders.fields', name)
    const sealed = SEALED_ORDER_FIELDS.find((f) => f === name)
    return { label, value: sealed ? <RevealableNumber order={order} field={sealed} label={label} masked={value} canReveal={canReveal} /> : value }
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{t('orderDetail.orderFields')}</Title>
        <FieldGrid fields={entries.map(([name, value]) => field(name, value))} />
      </Stack>
    </Paper>
  )
}

function OrderView({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  const say = useServerText()
  const summary = useSummary(order)
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t('orderDetail.title', { orderNo: order.orderNo })}</Title>
          <Group gap="sm">
            <Text fw={600}>{formatAmount(order.amount, order.currency)}</Text>
            <OrderStateBadges order={order} />
          </Group>
          {order.statusReason && (
            <Text size="sm" c="dimmed" data-testid="order-status-reason">
              {t('orders.statusReason')}: {say(order.statusReasonText, order.statusReason)}
            </Text>
          )}
        </Stack>
        {order.direction === 'deposit' && (
          <Button variant="light" onClick={() => openPaymentWindow(order.id)}>
            {t('orderForm.openPayment')}
          </Button>
        )}
      </Group>
      <AwaitingApprovalNotice order={order} />
      <ManualActions order={order} />
      <Approvals orderId={order.id} />
      <ParkedReports orderId={order.id} />
      <OrderAftersales order={order} />
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t('orderDetail.summary')}</Title>
          <FieldGrid fields={summary} />
        </Stack>
      </Paper>
      <OrderFieldsGrid order={order} />
      <OrderHistory order={order} />
    </Stack>
  )
}

export function OrderDetailPage() {
  const { t } = useTranslation()
  const order = useLiveOrder(useParams().id ?? '', 5000)
  return (
    <Stack>
      <Anchor component={Link} to="/orders" size="sm">
        ← {t('orderDetail.back')}
      </Anchor>
      {order.isPending && <Loader aria-label={t('app.loading')} />}
      {order.isError && <PageError error={order.error} onRetry={() => void order.refetch()} back={{ to: '/orders', label: t('orderDetail.back') }} />}
      {order.data && <OrderView order={order.data} />}
    </Stack>
  )
}

/** The order just created: its number (linking to its detail), amount and live status; a deposit can reopen its payment page. */
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useServerText } from '../../i18n/serverText'
import { Link } from 'react-router-dom'
import type { OrderDetail } from '../../../../shared/contract/orders'
import { formatAmount } from '../../format/amount'
import { OrderStateBadges } from './OrderBadges'
import { orderPath } from './paths'
import { openPaymentWindow, useLiveOrder } from './liveOrder'

interface CreatedOrderProps {
  order: OrderDetail
  /** False when the payment window did not open. */
  paymentOpened?: boolean
  onPaymentOpened?: (opened: boolean) => void
}

export function CreatedOrder({ order, paymentOpened = true, onPaymentOpened }: CreatedOrderProps) {
  const { t } = useTranslation()
  const say = useServerText()
  const live = useLiveOrder(String(order.id))
  const current = live.data ?? order
  return (
    <Alert color="green" variant="light" title={t('orderForm.created', { orderNo: order.orderNo })} data-testid="created-order">
      <Stack gap="xs">
        <Group gap="sm">
          <Text size="sm" fw={500}>
            {formatAmount(current.amount, current.currency)}
          </Text>
          <OrderStateBadges order={current} />
        </Group>
        {current.statusReason && <Text size="sm">{say(current.statusReasonText, current.statusReason)}</Text>}
        {!paymentOpened && (
          <Text size="sm" c="orange">
            {t('orderForm.popupBlocked')}
          </Text>
        )}
        <Group gap="sm">
          <Anchor component={Link} to={orderPath(order.id)}>
            {t('orderForm.openDetail')}
          </Anchor>
          {order.direction === 'deposit' && (
            <Button size="compact-sm" variant="light" onClick={() => onPaymentOpened?.(openPaymentWindow(order.id))}>
              {t('orderForm.openPayment')}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  )
}

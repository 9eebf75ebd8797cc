/** How an order's state reads everywhere: its status, and whether it is queued, a test or past its expiry. */
import { Badge, Group, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OrderRow } from '../../../../shared/contract/orders'
import { isFinal } from '../../../../shared/order-actions'

type OrderStatus = OrderRow['status']

// Badges in a narrow table cell keep their words whole rather than shrink to an ellipsis: a badge's
// label hides its overflow, which lets the table squeeze the cell below the word's width.
const KEEP_WIDTH = { flexShrink: 0, minWidth: 'max-content' }

const COLORS: Record<OrderStatus, string> = {
  created: 'gray',
  pending: 'blue',
  unknown: 'orange',
  succeeded: 'green',
  failed: 'red',
  closed: 'dark',
  returned: 'grape'
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLORS[status]} variant="light" style={KEEP_WIDTH} data-testid="order-status">
      {t(`orders.statuses.${status}`)}
    </Badge>
  )
}

/** A deposit still open after its expiry time (the expiry job normally closes it). */
export function isOverdue(order: Pick<OrderRow, 'status' | 'expiresAt'>, now: number): boolean {
  return !isFinal(order.status) && order.expiresAt !== null && order.expiresAt < now
}

/** The status with the flags that matter beside it. */
export function OrderStateBadges({
  order,
  now = Date.now(),
  wrap = false
}: {
  order: Pick<OrderRow, 'status' | 'queued' | 'isTest' | 'expiresAt'>
  now?: number
  /** In a narrow table cell the flags go under the status rather than widen the column. */
  wrap?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap={wrap ? 'wrap' : 'nowrap'}>
      <OrderStatusBadge status={order.status} />
      {order.queued && (
        <Tooltip label={t('orders.queuedHint')}>
          <Badge color="yellow" variant="light" style={KEEP_WIDTH}>
            {t('orders.queued')}
          </Badge>
        </Tooltip>
      )}
      {isOverdue(order, now) && (
        <Badge color="red" variant="outline" style={KEEP_WIDTH}>
          {t('orders.overdue')}
        </Badge>
      )}
      {order.isTest && (
        <Badge color="grape" variant="outline" style={KEEP_WIDTH}>
          {t('orders.testBadge')}
        </Badge>
      )}
    </Group>
  )
}

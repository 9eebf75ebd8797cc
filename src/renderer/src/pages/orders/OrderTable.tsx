/** A server-paged table of orders; clicking a row opens the order's detail. Used by Order Query and Manual Operations. */
import { Stack, Text } from '@mantine/core'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { OrderRow } from '../../../../shared/contract/orders'
import { pagedTableProps, type PagedResult } from '../../components/list/pagedTable'
import type { ListTableState } from '../../components/list/useListState'
import { useTableText } from '../../components/tableText'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useReferenceLabels } from '../../i18n/reference'
import { OrderStateBadges } from './OrderBadges'
import { orderPath } from './paths'


interface OrderTableProps {
  table: ListTableState
  result: PagedResult<OrderRow>
  /** Reads to compare expiry times against. */
  now?: number
}

export function OrderTable({ table, result, now = Date.now() }: OrderTableProps) {
  const { t } = useTranslation()
  const tableText = useTableText()
  const labels = useReferenceLabels()
  const navigate = useNavigate()
  return (
    <DataTable<OrderRow>
      withTableBorder
      striped
      highlightOnHover
      minHeight={180}
      {...pagedTableProps(table, result)}
      onRowClick={({ record }) => void navigate(orderPath(record.id))}
      {...tableText}
      columns={[
        {
          accessor: 'orderNo',
          title: t('orders.orderNo'),
          noWrap: true,
          render: (order) => (
            <Stack gap={0}>
              <Text size="sm" ff="monospace">
                {order.orderNo}
              </Text>
              {order.merchantOrderNo !== order.orderNo && (
                <Text size="xs" c="dimmed">
                  {order.merchantOrderNo}
                </Text>
              )}
            </Stack>
          )
        },
        { accessor: 'merchantName', title: t('master.merchant') },
        { accessor: 'channelName', title: t('orders.channel') },
        { accessor: 'serviceType', title: t('master.serviceType'), render: (order) => labels.serviceType(order.serviceType) },
        { accessor: 'direction', title: t('master.direction'), render: (order) => t(`master.directions.${order.direction}`) },
        { accessor: 'amount', title: t('orders.amount'), textAlign: 'right', noWrap: true, render: (order) => formatAmount(order.amount, order.currency) },
        { accessor: 'status', title: t('common.status'), noWrap: true, render: (order) => <OrderStateBadges order={order} now={now} /> },
        { accessor: 'createdAt', title: t('common.createdAt'), noWrap: true, render: (order) => formatDateTime(order.createdAt) }
      ]}
    />
  )
}

/** A server-paged table of orders; clicking a row opens the order's detail. Used by Order Query and Manual Operations. */
import { Stack, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { DataTable } from 'mantine-datatable'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { OrderRow } from '../../../../shared/contract/orders'
import { pagedTableProps, type PagedResult } from '../../components/list/pagedTable'
import type { ListTableState } from '../../components/list/useListState'
import { useTableText } from '../../components/tableText'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useReferenceLabels } from '../../i18n/reference'
import { channelLabel, ChannelName } from '../master/ChannelName'
import { OrderStateBadges } from './OrderBadges'
import { orderPath } from './paths'

/**
 * Below this width (a 1024–1366 px window less the menu) eight columns do not fit: the merchant
 * takes its channel beneath it, the service type its direction, and the time may break between
 * date and clock, so the status and Created stay in view without sideways scrolling.
 */
const ROOMY = '(min-width: 90em)'

/** Breaks only between words: a date stays whole above its time, an amount above its currency. */
function WholeWords({ text }: { text: string }) {
  const words = text.split(' ')
  return words.map((word, index) => (
    <Fragment key={index}>
      {index > 0 && ' '}
      <span style={{ whiteSpace: 'nowrap' }}>{word}</span>
    </Fragment>
  ))
}

function TwoLines({ first, second }: { first: string; second: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{first}</Text>
      <Text size="xs" c="dimmed">
        {second}
      </Text>
    </Stack>
  )
}

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
  const roomy = useMediaQuery(ROOMY, true) ?? true
  return (
    <DataTable<OrderRow>
      withTableBorder
      horizontalSpacing={roomy ? undefined : 'xs'}
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
        ...(roomy
          ? [
              { accessor: 'merchantName', title: t('master.merchant') },
              { accessor: 'channelName', title: t('orders.channel'), render: (order: OrderRow) => <ChannelName channel={{ name: order.channelName, rehearsalOf: order.rehearsalOf }} /> },
              { accessor: 'serviceType', title: t('master.serviceType'), render: (order: OrderRow) => labels.serviceType(order.serviceType) },
              { accessor: 'direction', title: t('master.direction'), render: (order: OrderRow) => t(`master.directions.${order.direction}`) }
            ]
          : [
              {
                accessor: 'merchantName',
                title: `${t('master.merchant')} / ${t('orders.channel')}`,
                render: (order: OrderRow) => <TwoLines first={order.merchantName} second={channelLabel(t, { name: order.channelName, rehearsalOf: order.rehearsalOf })} />
              },
              {
                accessor: 'serviceType',
                title: t('master.serviceType'),
                render: (order: OrderRow) => <TwoLines first={labels.serviceType(order.serviceType)} second={t(`master.directions.${order.direction}`)} />
              }
            ]),
        {
          accessor: 'amount',
          title: t('orders.amount'),
          textAlign: 'right',
          noWrap: roomy,
          render: (order) => <WholeWords text={formatAmount(order.amount, order.currency)} />
        },
        { accessor: 'status', title: t('common.status'), render: (order) => <OrderStateBadges order={order} now={now} wrap /> },
        { accessor: 'createdAt', title: t('common.createdAt'), noWrap: roomy, render: (order) => <WholeWords text={formatDateTime(order.createdAt)} /> }
      ]}
    />
  )
}

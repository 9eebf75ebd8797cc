/**
 * Everything that happened to an order, tab by tab: the timeline, the upstream log (request and
 * response bodies, already masked by the main process), callbacks with their signature result,
 * merchant notifications, and the ledger entries of its transaction.
 */
import { Badge, Code, Group, Paper, Stack, Tabs, Text } from '@mantine/core'
import { DataTable, type DataTableColumn } from 'mantine-datatable'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderDetail } from '../../../../shared/contract/orders'
import { ENTRY_TYPES } from '../../../../shared/ledger'
import { upstreamFailureText } from '../../../../shared/upstream-failure'
import { useTableText } from '../../components/tableText'
import { Timeline } from '../../components/Timeline'
import { formatAmount } from '../../format/amount'
import { displayTimeZone, formatDateTime, zoned } from '../../format/time'
import { enFinance } from '../../i18n/en.finance'
import { enOrders } from '../../i18n/en.orders'
import { useServerText } from '../../i18n/serverText'
import { codeLabel } from './codeLabel'

type EntryTypeName = keyof typeof ENTRY_TYPES
const ENTRY_NAMES = new Map(Object.entries(ENTRY_TYPES).map(([name, code]) => [code as number, name as EntryTypeName]))

function HistoryTable<T extends { id: number }>({ records, columns }: { records: T[]; columns: DataTableColumn<T>[] }) {
  const tableText = useTableText()
  return <DataTable<T> withTableBorder striped minHeight={120} records={records} columns={columns} noRecordsText={tableText.noRecordsText} />
}

function Body({ label, text }: { label: string; text: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Code>
    </Stack>
  )
}

function UpstreamLog({ exchanges }: { exchanges: OrderDetail['exchanges'] }) {
  const { t } = useTranslation()
  const say = useServerText()
  if (exchanges.length === 0) return <Text c="dimmed">{t('orderDetail.none')}</Text>
  return (
    <Stack>
      {exchanges.map((x) => (
        <Paper key={x.id} withBorder p="sm">
          <Stack gap="xs">
            <Group gap="sm">
              <Text fw={500}>{x.operation}</Text>
              <Text size="sm" c="dimmed">
                {formatDateTime(x.at)} ({displayTimeZone()}) · {t('orderDetail.attempt', { n: x.attempt })} · {t('orderDetail.duration', { ms: x.durationMs })}
              </Text>
              <Badge color={x.responseStatus !== null && x.responseStatus < 300 ? 'green' : 'red'} variant="light">
                {x.responseStatus === null ? t('orderDetail.noAnswer') : t('orderDetail.httpStatus', { status: x.responseStatus })}
              </Badge>
            </Group>
            <Text size="xs" ff="monospace">
              {x.url}
            </Text>
            <Body label={t('orderDetail.request')} text={x.requestBody} />
            {x.responseBody !== null && <Body label={t('orderDetail.response')} text={x.responseBody} />}
            {x.error && <Body label={t('orderDetail.error')} text={say(upstreamFailureText(x.error))} />}
          </Stack>
        </Paper>
      ))}
    </Stack>
  )
}

type Row<K extends 'timeline' | 'callbacks' | 'notifications' | 'ledgerEntries'> = OrderDetail[K][number]

function timeColumn<T>(t: TFunction, accessor: keyof T & string): DataTableColumn<T> {
  return { accessor, title: zoned(t('orderDetail.time')), noWrap: true, render: (row: T) => formatDateTime(row[accessor] as number) }
}

function callbackColumns(t: TFunction): DataTableColumn<Row<'callbacks'>>[] {
  return [
    timeColumn(t, 'receivedAt'),
    {
      accessor: 'signatureValid',
      title: t('orderDetail.signatureValid'),
      render: (c) => (
        <Badge color={c.signatureValid ? 'green' : 'red'} variant="light">
          {c.signatureValid ? t('orderDetail.signatureValid') : t('orderDetail.signatureInvalid')}
        </Badge>
      )
    },
    { accessor: 'outcome', title: t('orderDetail.outcome'), render: (c) => codeLabel(t, enOrders.orderDetail.callbackOutcomes, 'orderDetail.callbackOutcomes', c.outcome) },
    { accessor: 'eventKey', title: t('orderDetail.eventKey') },
    { accessor: 'body', title: t('orderDetail.request'), render: (c) => <Code block>{c.body}</Code> }
  ]
}

function notificationColumns(t: TFunction): DataTableColumn<Row<'notifications'>>[] {
  return [
    timeColumn(t, 'at'),
    { accessor: 'attempt', title: t('orderDetail.attemptCol') },
    { accessor: 'url', title: t('orderDetail.url') },
    { accessor: 'responseStatus', title: t('orderDetail.response'), render: (n) => (n.responseStatus === null ? t('orderDetail.noAnswer') : t('orderDetail.httpStatus', { status: n.responseStatus })) },
    { accessor: 'acknowledged', title: t('orderDetail.outcome'), render: (n) => (n.acknowledged ? t('orderDetail.acknowledged') : t('orderDetail.notAcknowledged')) },
    { accessor: 'error', title: t('orderDetail.error') }
  ]
}

function ledgerColumns(t: TFunction): DataTableColumn<Row<'ledgerEntries'>>[] {
  const typeName = (type: number | null) => {
    const name = type === null ? undefined : ENTRY_NAMES.get(type)
    return name ? `${type} · ${t(`orders.entryTypes.${name}`)}` : (type ?? '—')
  }
  return [
    timeColumn(t, 'createdAt'),
    { accessor: 'accountKind', title: t('orderDetail.account'), render: (e) => codeLabel(t, enFinance.ledger.kinds, 'ledger.kinds', e.accountKind) },
    { accessor: 'type', title: t('orderDetail.entryType'), render: (e) => typeName(e.type) },
    { accessor: 'amount', title: t('orders.amount'), textAlign: 'right', noWrap: true, render: (e) => formatAmount(e.amount, e.currency) },
    { accessor: 'postingId', title: t('orderDetail.posting') },
    { accessor: 'remark', title: t('orderDetail.remark') }
  ]
}

const TABS = ['timeline', 'upstream', 'callbacks', 'notifications', 'ledger'] as const

export function OrderHistory({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  const content: Record<(typeof TABS)[number], ReactNode> = {
    timeline: <Timeline events={order.timeline} kindLabel={(kind) => codeLabel(t, enOrders.orders.eventKinds, 'orders.eventKinds', kind)} />,
    upstream: <UpstreamLog exchanges={order.exchanges} />,
    callbacks: <HistoryTable records={order.callbacks} columns={callbackColumns(t)} />,
    notifications: <HistoryTable records={order.notifications} columns={notificationColumns(t)} />,
    ledger: (
      <Stack gap="xs">
        {order.holdPostingId !== null && order.holdStatus !== 'posted' && (
          <Text size="sm" c="dimmed" data-testid="order-hold-note">
            {t(order.holdStatus === 'voided' ? 'orderDetail.holdVoided' : 'orderDetail.holdPending', { posting: order.holdPostingId })}
          </Text>
        )}
        <HistoryTable records={order.ledgerEntries} columns={ledgerColumns(t)} />
      </Stack>
    )
  }
  return (
    <Tabs defaultValue="timeline" keepMounted={false}>
      <Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Tab key={tab} value={tab}>
            {t(`orderDetail.tabs.${tab}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {TABS.map((tab) => (
        <Tabs.Panel key={tab} value={tab} pt="sm" data-testid={`order-${tab}`}>
          {content[tab]}
        </Tabs.Panel>
      ))}
    </Tabs>
  )
}

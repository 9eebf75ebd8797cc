/** What the simulator holds, received and sent: its orders (a pending deposit paid from here), the requests, the callbacks. */
import { Button, Card, Tabs } from '@mantine/core'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import type { SimulatorStatus } from '../../../../shared/contract/fieldtest-connect'
import { useApiMutation } from '../../api/hooks'
import { notifyError, notifySuccess } from '../../components/notify'
import { useTableText } from '../../components/tableText'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { requestAmount, requestOutcomeName, simulatorStatusName } from './simulatorText'
import { ChannelName, channelLabel, type NamedChannel } from '../master/ChannelName'

type Order = SimulatorStatus['orders'][number]
type Request = SimulatorStatus['requests'][number]
type Callback = SimulatorStatus['callbacks'][number]

export function SimulatorActivity({ status }: { status: SimulatorStatus }) {
  const { t } = useTranslation()
  const tableText = useTableText()
  const pay = useApiMutation('simulator.pay', { invalidate: ['simulator.status'] })
  const yesNo = (v: boolean) => t(v ? 'fieldtest.simulator.yes' : 'fieldtest.simulator.no')
  // The channels holding the merchant number a request or callback carried (a rehearsal copy by its live channel).
  const named = (channels: NamedChannel[]) => (channels.length ? channels.map((c) => channelLabel(t, c)).join(', ') : '—')
  const payNow = async (order: Order) => {
    try {
      const paid = await pay.mutateAsync({ orderNo: order.orderNo, ...(order.channel ? { channelId: order.channel.id } : {}) })
      notifySuccess(t('fieldtest.simulator.paid', { orderNo: paid.orderNo, status: simulatorStatusName(paid.status, t) }))
    } catch (error) {
      notifyError(error)
    }
  }
  const table = { withTableBorder: true, striped: true, minHeight: 120, noRecordsText: tableText.noRecordsText }
  return (
    <Card withBorder>
      <Tabs defaultValue="orders">
        <Tabs.List>
          <Tabs.Tab value="orders">{t('fieldtest.simulator.orders')}</Tabs.Tab>
          <Tabs.Tab value="requests">{t('fieldtest.simulator.requests')}</Tabs.Tab>
          <Tabs.Tab value="callbacks">{t('fieldtest.simulator.callbacks')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="orders" pt="sm">
          <DataTable<Order>
            {...table}
            records={status.orders}
            idAccessor={(o) => `${o.channel?.id ?? ''}:${o.orderNo}`}
            data-testid="simulator-orders"
            columns={[
              { accessor: 'createdAt', title: t('fieldtest.simulator.at'), noWrap: true, render: (o) => formatDateTime(o.createdAt) },
              { accessor: 'channel', title: t('fieldtest.channel'), render: (o) => (o.channel ? <ChannelName channel={o.channel} /> : '—') },
              { accessor: 'orderNo', title: t('fieldtest.simulator.orderNo') },
              { accessor: 'direction', title: t('fieldtest.simulator.direction'), render: (o) => t(`fieldtest.simulator.directions.${o.direction}`) },
              { accessor: 'amount', title: t('fieldtest.amount'), textAlign: 'right', render: (o) => formatAmount(o.amount, o.currency) },
              { accessor: 'paidAmount', title: t('fieldtest.simulator.paidAmount'), textAlign: 'right', render: (o) => (o.paidAmount ? formatAmount(o.paidAmount, o.currency) : '—') },
              { accessor: 'status', title: t('fieldtest.simulator.status'), render: (o) => simulatorStatusName(o.status, t) },
              {
                accessor: 'pay',
                title: t('common.actions'),
                render: (o) =>
                  o.direction === 'deposit' && o.status === 'PENDING' ? (
                    <Button size="compact-sm" variant="light" onClick={() => payNow(o)}>
                      {t('fieldtest.simulator.pay')}
                    </Button>
                  ) : null
              }
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="requests" pt="sm">
          <DataTable<Request>
            {...table}
            records={status.requests}
            idAccessor={(r) => `${r.at}:${r.path}:${r.orderNo ?? ''}`}
            data-testid="simulator-requests"
            columns={[
              { accessor: 'at', title: t('fieldtest.simulator.at'), noWrap: true, render: (r) => formatDateTime(r.at) },
              { accessor: 'path', title: t('fieldtest.simulator.path') },
              { accessor: 'channels', title: t('fieldtest.channel'), render: (r) => named(r.channels) },
              { accessor: 'orderNo', title: t('fieldtest.simulator.orderNo'), render: (r) => r.orderNo ?? '—' },
              { accessor: 'amount', title: t('fieldtest.amount'), textAlign: 'right', render: (r) => requestAmount(r) },
              { accessor: 'signatureValid', title: t('fieldtest.simulator.signatureValid'), render: (r) => t(r.signatureValid ? 'fieldtest.simulator.valid' : 'fieldtest.simulator.invalid') },
              { accessor: 'outcome', title: t('fieldtest.simulator.outcome'), render: (r) => requestOutcomeName(r.outcome, t) }
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="callbacks" pt="sm">
          <DataTable<Callback>
            {...table}
            records={status.callbacks}
            idAccessor={(c) => `${c.at}:${c.orderNo}:${c.attempt}`}
            data-testid="simulator-callbacks"
            columns={[
              { accessor: 'at', title: t('fieldtest.simulator.at'), noWrap: true, render: (c) => formatDateTime(c.at) },
              { accessor: 'channels', title: t('fieldtest.channel'), render: (c) => named(c.channels) },
              { accessor: 'orderNo', title: t('fieldtest.simulator.orderNo') },
              { accessor: 'status', title: t('fieldtest.simulator.status'), render: (c) => simulatorStatusName(c.status, t) },
              { accessor: 'attempt', title: t('fieldtest.simulator.attempt'), textAlign: 'right' },
              { accessor: 'signed', title: t('fieldtest.simulator.signatureValid'), render: (c) => t(c.signed ? 'fieldtest.simulator.valid' : 'fieldtest.simulator.invalid') },
              { accessor: 'acknowledged', title: t('fieldtest.simulator.acknowledged'), render: (c) => `${yesNo(c.acknowledged)}${c.httpStatus !== null ? ` (HTTP ${c.httpStatus})` : ''}` }
            ]}
          />
        </Tabs.Panel>
      </Tabs>
    </Card>
  )
}

import { Button, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { BindingRow } from '../../../../shared/contract/bindings'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { DetailDrawer, lifecycleFields, DetailSection, FieldGrid } from '../../components/DetailDrawer'
import { statusColumn } from '../../components/list/columns'
import { EntityDialogs } from '../../components/list/EntityDialogs'
import { CommonFilters } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useEntityPage } from '../../components/list/useEntityPage'
import { formatRange } from '../../format/amount'
import { useReferenceLabels } from '../../i18n/reference'
import { AvailableRangeCell, RangeText } from './AvailableRange'
import { BindingForm } from './BindingForm'
import { channelLabel, ChannelName } from './ChannelName'

type Input = InputOf<'bindings.list'>
type Filters = Pick<Input, 'merchantId' | 'status' | 'currency' | 'direction' | 'serviceType'>

export function BindingsPage() {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const nameOf = (b: BindingRow) => `${channelLabel(t, { name: b.channelName, rehearsalOf: b.rehearsalOf })} ↔ ${b.merchantName} · ${labels.serviceType(b.serviceType)}`
  const page = useEntityPage({
    procedure: 'bindings.list',
    sort: { sortBy: 'createdAt', sortDirection: 'desc' },
    filters: {} as Filters,
    setStatus: 'bindings.setStatus',
    invalidate: ['bindings.list', 'limits.availableRange', 'services.list'],
    write: PERMISSIONS.CHANNEL_WRITE,
    keyOf: (b) => ({ channelId: b.channelId, serviceId: b.serviceId }),
    nameOf,
    // A rehearsal copy's bindings are its live channel's, copied at every rehearsal.
    keptBy: (b) => (b.rehearsalOf ? t('channels.keptInStep', { name: b.rehearsalOf.name }) : null)
  })

  return (
    <ListPage<BindingRow>
      title={t('bindings.title')}
      actions={page.canWrite && <Button onClick={page.dialogs.create}>{t('bindings.new')}</Button>}
      source={page}
      search={{ label: t('bindings.searchLabel'), placeholder: t('bindings.searchPlaceholder') }}
      filters={<CommonFilters list={page.list} show={['merchantId', 'status', 'serviceType', 'direction', 'currency']} />}
      idAccessor={(b) => `${b.channelId}:${b.serviceId}`}
      columns={[
        { accessor: 'channelName', title: t('bindings.channel'), sortable: true, render: (b) => <ChannelName channel={{ name: b.channelName, rehearsalOf: b.rehearsalOf }} /> },
        { accessor: 'merchantName', title: t('master.merchant'), sortable: true },
        { accessor: 'serviceType', title: t('master.serviceType'), sortable: true, render: (b) => `${labels.serviceType(b.serviceType)} (#${b.serviceId})` },
        { accessor: 'direction', title: t('master.direction'), render: (b) => t(`master.directions.${b.direction}`) },
        { accessor: 'currency', title: t('master.currency'), sortable: true },
        { accessor: 'boundLower', title: t('bindings.bounds'), noWrap: true, render: (b) => formatRange(b.boundLower, b.boundUpper, b.currency, t) },
        {
          accessor: 'availableRange',
          title: t('bindings.availableRange'),
          render: (b) => <AvailableRangeCell channelId={b.channelId} serviceId={b.serviceId} />
        },
        statusColumn(t),
        page.actions
      ]}
    >
      <EntityDialogs
        dialogs={page.dialogs}
        createTitle={t('bindings.createTitle')}
        editTitle={(b) => t('bindings.editTitle', { name: nameOf(b) })}
        form={(binding, done) => <BindingForm binding={binding} onDone={done} />}
        details={(b, close) => <BindingDetail binding={b} title={nameOf(b)} onClose={close} />}
      />
    </ListPage>
  )
}

function BindingDetail({ binding: b, title, onClose }: { binding: BindingRow; title: string; onClose: () => void }) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const range = useApiQuery('limits.availableRange', { channelId: b.channelId, serviceId: b.serviceId })
  const sources = range.data?.sources
  return (
    <DetailDrawer opened title={t('bindings.detailTitle', { name: title })} onClose={onClose}>
      <FieldGrid
        fields={[
          { label: t('bindings.channel'), value: `${channelLabel(t, { name: b.channelName, rehearsalOf: b.rehearsalOf })} (#${b.channelId})` },
          { label: t('bindings.service'), value: `${labels.serviceType(b.serviceType)} (#${b.serviceId})` },
          { label: t('master.merchant'), value: b.merchantName },
          { label: t('master.direction'), value: t(`master.directions.${b.direction}`) },
          { label: t('master.currency'), value: labels.currency(b.currency) },
          { label: t('bindings.bounds'), value: formatRange(b.boundLower, b.boundUpper, b.currency, t) },
          ...lifecycleFields(t, b)
        ]}
      />
      <DetailSection title={t('bindings.availableRange')}>
        {range.data && <RangeText range={range.data} />}
        {sources && (
          <Table withTableBorder>
            <Table.Tbody>
              {(['channel', 'service', 'binding'] as const).map((source) => (
                <Table.Tr key={source}>
                  <Table.Td>{t(`limits.sources.${source}`)}</Table.Td>
                  <Table.Td>{sources[source] ? formatRange(sources[source].lower, sources[source].upper, b.currency, t) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </DetailSection>
    </DetailDrawer>
  )
}

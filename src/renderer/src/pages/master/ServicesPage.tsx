import { Badge, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { ServiceRow } from '../../../../shared/contract/services'
import { PERMISSIONS } from '../../../../shared/permissions'
import { DetailDrawer, lifecycleFields, FieldGrid } from '../../components/DetailDrawer'
import { statusColumn } from '../../components/list/columns'
import { EntityDialogs } from '../../components/list/EntityDialogs'
import { CommonFilters, FilterSelect } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useEntityPage } from '../../components/list/useEntityPage'
import { formatRange } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useReferenceLabels } from '../../i18n/reference'
import { ServiceForm } from './ServiceForm'

type Input = InputOf<'services.list'>
type Filters = Pick<Input, 'merchantId' | 'status' | 'serviceType' | 'direction' | 'currency' | 'activated'>

function ActivatedBadge({ activated }: { activated: boolean }) {
  const { t } = useTranslation()
  return (
    <Badge color={activated ? 'teal' : 'gray'} variant="light">
      {activated ? t('services.activated') : t('services.notActivated')}
    </Badge>
  )
}

export function ServicesPage() {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const nameOf = (s: ServiceRow) => `${s.merchantName} · ${labels.serviceType(s.serviceType)}`
  const page = useEntityPage({
    procedure: 'services.list',
    sort: { sortBy: 'id', sortDirection: 'desc' },
    filters: {} as Filters,
    setStatus: 'services.setStatus',
    invalidate: ['services.list', 'bindings.list', 'limits.availableRange'],
    write: PERMISSIONS.SERVICE_WRITE,
    keyOf: (s) => ({ id: s.id }),
    nameOf
  })
  const activation = page.list.filters.activated

  return (
    <ListPage<ServiceRow>
      title={t('services.title')}
      actions={page.canWrite && <Button onClick={page.dialogs.create}>{t('services.new')}</Button>}
      source={page}
      search={{ label: t('services.searchLabel'), placeholder: t('services.searchPlaceholder') }}
      filters={
        <>
          <CommonFilters list={page.list} show={['merchantId', 'status', 'serviceType', 'direction', 'currency']} />
          <FilterSelect
            label={t('services.activation')}
            value={activation === undefined ? undefined : activation ? 'yes' : 'no'}
            onChange={(v) => page.list.setFilter('activated', v === undefined ? undefined : v === 'yes')}
            options={[
              { value: 'yes', label: t('services.activated') },
              { value: 'no', label: t('services.notActivated') }
            ]}
          />
        </>
      }
      columns={[
        { accessor: 'id', title: t('master.colId'), sortable: true, width: 70 },
        { accessor: 'merchantName', title: t('master.merchant'), sortable: true },
        { accessor: 'serviceType', title: t('master.serviceType'), sortable: true, render: (s) => labels.serviceType(s.serviceType) },
        { accessor: 'direction', title: t('master.direction'), sortable: true, render: (s) => t(`master.directions.${s.direction}`) },
        { accessor: 'currency', title: t('master.currency'), sortable: true },
        { accessor: 'singleLower', title: t('services.singleLimit'), noWrap: true, render: (s) => formatRange(s.singleLower, s.singleUpper, s.currency, t) },
        { accessor: 'activated', title: t('services.activation'), render: (s) => <ActivatedBadge activated={s.activated} /> },
        { accessor: 'channelCount', title: t('services.channelCount') },
        statusColumn(t),
        page.actions
      ]}
    >
      <EntityDialogs
        dialogs={page.dialogs}
        createTitle={t('services.createTitle')}
        editTitle={(s) => t('services.editTitle', { name: nameOf(s) })}
        form={(service, done) => <ServiceForm service={service} onDone={done} />}
        details={(s, close) => (
          <DetailDrawer opened title={t('services.detailTitle', { name: nameOf(s) })} onClose={close}>
            <FieldGrid
              fields={[
                { label: t('master.colId'), value: s.id },
                { label: t('master.merchant'), value: s.merchantName },
                { label: t('master.serviceType'), value: `${labels.serviceType(s.serviceType)} (${s.serviceType})` },
                { label: t('master.direction'), value: t(`master.directions.${s.direction}`) },
                { label: t('master.currency'), value: labels.currency(s.currency) },
                { label: t('services.singleLimit'), value: formatRange(s.singleLower, s.singleUpper, s.currency, t) },
                { label: t('services.activation'), value: <ActivatedBadge activated={s.activated} /> },
                { label: t('services.activatedAt'), value: s.activatedAt ? formatDateTime(s.activatedAt) : '' },
                { label: t('services.channelCount'), value: s.channelCount },
                ...lifecycleFields(t, s)
              ]}
            />
          </DetailDrawer>
        )}
      />
    </ListPage>
  )
}

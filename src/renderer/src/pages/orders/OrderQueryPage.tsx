/**
 * Order Query: one box for any of an order's numbers (order, merchant order, upstream) and the
 * status, with more filters on demand (merchant for platform staff, channel, direction, test flag,
 * creation dates); paged on the host. A row opens the order's detail.
 */
import { Button, Collapse, Group, Pill, Stack, Text, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import { ORDER_STATUS_VALUES, type OrderRow } from '../../../../shared/contract/orders'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { DateFilter } from '../../components/list/DateFilter'
import { FilterSelect, MerchantFilter } from '../../components/list/filters'
import { SavedViewsControl } from '../../components/list/SavedViewsControl'
import { useUrlFilters } from '../../components/list/urlFilters'
import { useListState } from '../../components/list/useListState'
import { PageHeader } from '../../components/PageHeader'
import { RemoteSelect } from '../../components/RemoteSelect'
import { useCan, useCurrentUser } from '../../session/currentUser'
import { displayTimeZone } from '../../format/time'
import { zoneLabel } from '../../../../shared/time-zone'
import { OrderTable } from './OrderTable'
import { channelLabel } from '../master/ChannelName'

interface OrderFilters {
  status?: OrderRow['status']
  merchantId?: number
  channelId?: number
  direction?: OrderRow['direction']
  test?: 'test' | 'real'
  dateFrom: string
  dateTo: string
  /** Unpaid orders past their expiry not yet closed (Home's attention list links here with it). */
  overdue?: 'true'
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const ADVANCED = ['merchantId', 'channelId', 'direction', 'test', 'dateFrom', 'dateTo'] as const satisfies readonly (keyof OrderFilters)[]

export function OrderQueryPage() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const seesChannels = useCan(PERMISSIONS.MASTER_DATA_READ) && me.merchantId === null
  const businessZone = useApiQuery('system.info', {}, { staleTime: Infinity }).data?.timeZone ?? '+08:00'
  const fromUrl = useUrlFilters({ status: ORDER_STATUS_VALUES, direction: ['deposit', 'payout'], overdue: ['true'] })
  const [advanced, toggle] = useDisclosure(fromUrl.direction !== undefined)
  const list = useListState<never, OrderFilters>(null, { dateFrom: '', dateTo: '', ...fromUrl })
  const { filters, setFilter } = list
  const from = DAY.test(filters.dateFrom) ? filters.dateFrom : undefined
  const to = DAY.test(filters.dateTo) ? filters.dateTo : undefined
  const inverted = from !== undefined && to !== undefined && to < from
  const input: InputOf<'orders.list'> = {
    page: list.table.page,
    pageSize: list.table.pageSize,
    search: list.input.search,
    status: filters.status,
    merchantId: filters.merchantId,
    channelId: filters.channelId,
    direction: filters.direction,
    isTest: filters.test === undefined ? undefined : filters.test === 'test',
    dateFrom: inverted ? undefined : from,
    dateTo: inverted ? undefined : to,
    overdue: filters.overdue === 'true' ? true : undefined
  }
  const result = useApiQuery('orders.list', input, { placeholderData: keepPreviousData })

  return (
    <Stack>
      <PageHeader title={t('nav.items.orderQuery')}>
        <SavedViewsControl
          list="orders"
          filters={list.view.current}
          onApply={(view) => {
            list.view.apply(view)
            // A view that sets a filter kept under "More filters" shows them.
            if (ADVANCED.some((key) => view[key] !== undefined && view[key] !== '')) toggle.open()
          }}
        />
      </PageHeader>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('orderQuery.searchLabel')}
          placeholder={t('orderQuery.searchPlaceholder')}
          w={320}
          value={list.search}
          onChange={(event) => list.setSearch(event.currentTarget.value)}
        />
        <FilterSelect
          label={t('common.status')}
          value={filters.status}
          onChange={(value) => setFilter('status', value)}
          options={ORDER_STATUS_VALUES.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
        />
        {filters.overdue && (
          <Pill size="lg" withRemoveButton onRemove={() => setFilter('overdue', undefined)} data-testid="overdue-filter" removeButtonProps={{ 'aria-label': t('common.clear') }}>
            {t('dashboard.overdueFilter')}
          </Pill>
        )}
        <Button variant="subtle" onClick={toggle.toggle} aria-expanded={advanced}>
          {advanced ? t('orderQuery.hideAdvanced') : t('orderQuery.showAdvanced')}
        </Button>
      </Group>
      <Collapse expanded={advanced}>
        <Group align="flex-start" wrap="wrap">
          <MerchantFilter value={filters.merchantId} onChange={(value) => setFilter('merchantId', value)} />
          {seesChannels && (
            <RemoteSelect
              procedure="channels.list"
              // A rehearsal copy holds the rehearsals' orders: listed, by its own label.
              toOption={(c) => ({ value: String(c.id), label: channelLabel(t, c) })}
              label={t('orders.channel')}
              placeholder={t('common.all')}
              clearable
              value={filters.channelId === undefined ? null : String(filters.channelId)}
              onChange={(value) => setFilter('channelId', value ? Number(value) : undefined)}
            />
          )}
          <FilterSelect
            label={t('master.direction')}
            value={filters.direction}
            onChange={(value) => setFilter('direction', value)}
            options={(['deposit', 'payout'] as const).map((d) => ({ value: d, label: t(`master.directions.${d}`) }))}
          />
          <FilterSelect
            label={t('orderQuery.testFilter')}
            value={filters.test}
            onChange={(value) => setFilter('test', value)}
            options={[
              { value: 'test', label: t('orderQuery.testOnly') },
              { value: 'real', label: t('orderQuery.realOnly') }
            ]}
          />
          <DateFilter label={t('orderQuery.dateFrom')} value={filters.dateFrom} onChange={(value) => setFilter('dateFrom', value)} />
          <DateFilter label={t('orderQuery.dateTo')} value={filters.dateTo} onChange={(value) => setFilter('dateTo', value)} error={inverted ? t('validation.dateOrder') : undefined} />
        </Group>
      </Collapse>
      <Text size="sm" c="dimmed">
        {t('orderQuery.openHint')} {t('app.daysAndTimes', { business: zoneLabel(businessZone), display: displayTimeZone() })}
      </Text>
      <OrderTable table={list.table} result={result} />
    </Stack>
  )
}

/**
 * Outbox: work waiting to reach a provider or a merchant (newest first), with its attempts and last
 * error; "Retry now" (1042) makes a waiting or given-up item due at once. Refreshes every 5 s.
 */
import { Anchor, Button, Text } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OutputOf } from '../../../../shared/contract'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FilterSelect } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useUrlFilters } from '../../components/list/urlFilters'
import { useListState } from '../../components/list/useListState'
import { notifyError, notifySuccess } from '../../components/notify'
import { formatDateTime } from '../../format/time'
import { enOrders } from '../../i18n/en.orders'
import { useServerText } from '../../i18n/serverText'
import { useCan } from '../../session/currentUser'
import { codeLabel } from './codeLabel'
import { orderPath } from './paths'

type OutboxItem = OutputOf<'outbox.list'>['items'][number]
type OutboxStatus = keyof typeof enOrders.outbox.statuses
type OutboxOperation = keyof typeof enOrders.outbox.operations

const STATUSES = Object.keys(enOrders.outbox.statuses) as OutboxStatus[]
const OPERATIONS = Object.keys(enOrders.outbox.operations) as OutboxOperation[]
// Only these have a next attempt; a done or given-up item has none.
const WAITING: readonly string[] = ['pending', 'in_flight']

export function OutboxPage() {
  const { t } = useTranslation()
  const say = useServerText()
  const canRetry = useCan(PERMISSIONS.OUTBOX_WRITE)
  const list = useListState<never, { status?: OutboxStatus; operation?: OutboxOperation }>(null, useUrlFilters({ status: STATUSES, operation: OPERATIONS }))
  const { filters } = list
  const result = useApiQuery(
    'outbox.list',
    { page: list.table.page, pageSize: list.table.pageSize, status: filters.status, operation: filters.operation },
    { placeholderData: keepPreviousData, refetchInterval: 5000 }
  )
  const retry = useApiMutation('outbox.retryNow', { invalidate: ['outbox.list'] })
  const retryNow = async (item: OutboxItem) => {
    try {
      await retry.mutateAsync({ id: item.id })
      notifySuccess(t('outbox.retried', { id: item.id }))
    } catch (error) {
      notifyError(error)
    }
  }
  return (
    <ListPage<OutboxItem>
      title={t('nav.items.outbox')}
      zoneNote="times"
      source={{ list, result: result }}
      filters={
        <>
          <FilterSelect
            label={t('outbox.statusFilter')}
            value={filters.status}
            onChange={(value) => list.setFilter('status', value)}
            options={STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))}
          />
          <FilterSelect
            label={t('outbox.operationFilter')}
            value={filters.operation}
            onChange={(value) => list.setFilter('operation', value)}
            options={OPERATIONS.map((o) => ({ value: o, label: t(`outbox.operations.${o}`) }))}
          />
          <Text size="sm" c="dimmed" pb={6}>
            {t('outbox.intro')}
          </Text>
        </>
      }
      columns={[
        {
          accessor: 'orderNo',
          title: t('outbox.order'),
          noWrap: true,
          render: (item) => (
            <Anchor component={Link} to={orderPath(item.orderId)} ff="monospace" size="sm">
              {item.orderNo}
            </Anchor>
          )
        },
        { accessor: 'operation', title: t('outbox.operation'), render: (item) => codeLabel(t, enOrders.outbox.operations, 'outbox.operations', item.operation) },
        { accessor: 'status', title: t('common.status'), render: (item) => codeLabel(t, enOrders.outbox.statuses, 'outbox.statuses', item.status) },
        { accessor: 'attempts', title: t('outbox.attempts'), textAlign: 'right' },
        { accessor: 'nextAttemptAt', title: t('outbox.nextAttempt'), noWrap: true, render: (item) => (WAITING.includes(item.status) ? formatDateTime(item.nextAttemptAt) : '') },
        { accessor: 'lastError', title: t('outbox.lastError'), render: (item) => say(item.lastErrorText, item.lastError) },
        {
          accessor: 'actions',
          title: t('common.actions'),
          hidden: !canRetry,
          render: (item) =>
            (item.status === 'pending' || item.status === 'gave_up') && (
              <Button size="compact-sm" variant="light" onClick={() => void retryNow(item)}>
                {t('outbox.retryNow')}
              </Button>
            )
        }
      ]}
    />
  )
}

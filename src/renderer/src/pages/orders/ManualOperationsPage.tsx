/**
 * Manual Operations: what needs a person: parked provider reports (ParkedReports), and orders
 * (outcome unknown; created but not sent, queued ones marked; pending, those past their expiry
 * marked), each list paged on the host. The actions
 * themselves are on the order's detail page, where each is shown to the holders of its code.
 */
import { Paper, Stack, Text, Title } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { OrderRow } from '../../../../shared/contract/orders'
import { useApiQuery } from '../../api/hooks'
import { useListState } from '../../components/list/useListState'
import { PageHeader } from '../../components/PageHeader'
import { OrderTable } from './OrderTable'
import { ParkedReports } from './ParkedReports'
import { Approvals } from './Approvals'

type Section = 'unknown' | 'queued' | 'pending'

const STATUS_OF: Record<Section, OrderRow['status']> = { unknown: 'unknown', queued: 'created', pending: 'pending' }

function AttentionList({ section }: { section: Section }) {
  const { t } = useTranslation()
  const list = useListState(null, {})
  const result = useApiQuery(
    'orders.list',
    { page: list.table.page, pageSize: list.table.pageSize, status: STATUS_OF[section] },
    { placeholderData: keepPreviousData, refetchInterval: 10_000 }
  )
  return (
    <Paper withBorder p="md" data-testid={`attention-${section}`}>
      <Stack gap="xs">
        <Title order={4}>
          {t(`manualPage.${section}`)} ({result.data?.total ?? '…'})
        </Title>
        <Text size="sm" c="dimmed">
          {t(`manualPage.${section}Hint`)}
        </Text>
        <OrderTable table={list.table} result={result} />
      </Stack>
    </Paper>
  )
}

export function ManualOperationsPage() {
  const { t } = useTranslation()
  return (
    <Stack>
      <PageHeader title={t('nav.items.manualOperations')} />
      <Text>{t('manualPage.intro')}</Text>
      <Approvals />
      <ParkedReports />
      {(['unknown', 'queued', 'pending'] as const).map((section) => (
        <AttentionList key={section} section={section} />
      ))}
    </Stack>
  )
}

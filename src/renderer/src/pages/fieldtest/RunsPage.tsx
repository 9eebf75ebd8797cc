/** `#/fieldtest/runs`: field test runs, newest first (of one plan when shown on its page), each opening its progress and evidence. */
import { Button, Stack } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { RunRow } from '../../../../shared/contract/fieldtest'
import { useApiQuery } from '../../api/hooks'
import { pagedTableProps } from '../../components/list/pagedTable'
import { PageHeader } from '../../components/PageHeader'
import { useTableText } from '../../components/tableText'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { usePaging } from '../reconciliation/usePaging'
import { runPath } from './paths'
import { RunStatusBadge, TargetBadge } from './shared'
import { TimeZoneNote } from '../../components/TimeZoneNote'

const ACTIVE = ['running', 'stopping', 'awaiting_confirmation']

export function RunsPage() {
  const { t } = useTranslation()
  return (
    <Stack>
      <PageHeader title={t('fieldtest.runs.title')} />
      <TimeZoneNote />
      <RunsTable />
    </Stack>
  )
}

export function RunsTable({ planId }: { planId?: number }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const tableText = useTableText()
  const paging = usePaging()
  const runs = useApiQuery(
    'fieldtest.runs.list',
    { page: paging.page, pageSize: paging.pageSize, ...(planId ? { planId } : {}) },
    { placeholderData: keepPreviousData, refetchInterval: (q) => (q.state.data?.items.some((r) => ACTIVE.includes(r.status)) ? 2000 : false) }
  )
  return (
    <DataTable<RunRow>
      withTableBorder
      striped
      minHeight={140}
      {...pagedTableProps(paging, runs)}
      {...tableText}
      noRecordsText={t('fieldtest.runs.noRuns')}
      data-testid="runs"
      onRowClick={({ record }) => navigate(runPath(record.id))}
      columns={[
        { accessor: 'id', title: '#', textAlign: 'right' },
        { accessor: 'planName', title: t('fieldtest.runs.plan'), render: (r) => `${r.planName} · ${t('fieldtest.plans.versionOf', { version: r.planVersion })}` },
        { accessor: 'channelName', title: t('fieldtest.channel') },
        { accessor: 'target', title: t('fieldtest.runs.target'), render: (r) => <TargetBadge target={r.target} /> },
        { accessor: 'status', title: t('fieldtest.runs.status'), render: (r) => <RunStatusBadge run={r} /> },
        { accessor: 'totals', title: t('fieldtest.plans.steps'), render: (r) => t('fieldtest.runs.totals', r.totals) },
        { accessor: 'amount', title: t('fieldtest.amount'), textAlign: 'right', noWrap: true, render: (r) => formatAmount(r.totals.amount, r.currency) },
        { accessor: 'startedAt', title: t('fieldtest.startedAt'), noWrap: true, render: (r) => `${formatDateTime(r.startedAt)} · ${r.startedBy}` },
        {
          accessor: 'open',
          title: t('common.actions'),
          render: (r) => (
            <Button size="compact-sm" variant="subtle" onClick={() => navigate(runPath(r.id))}>
              {t('fieldtest.open')}
            </Button>
          )
        }
      ]}
    />
  )
}

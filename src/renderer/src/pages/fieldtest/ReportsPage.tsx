/**
 * `#/fieldtest/reports`: signed field test reports, newest first, each with who signed and
 * countersigned it; and the check of a report file someone sent (where the exported page sends its
 * reader, who may have no report here to open).
 */
import { Button, Stack } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { ReportRow } from '../../../../shared/contract/fieldtest'
import { useApiQuery } from '../../api/hooks'
import { pagedTableProps } from '../../components/list/pagedTable'
import { PageHeader } from '../../components/PageHeader'
import { useTableText } from '../../components/tableText'
import { formatDateTime } from '../../format/time'
import { usePaging } from '../reconciliation/usePaging'
import { reportPath } from './paths'
import { ReportFileCheck } from './ReportFileCheck'
import { TargetBadge } from './shared'
import { TimeZoneNote } from '../../components/TimeZoneNote'

export function ReportsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const tableText = useTableText()
  const paging = usePaging()
  const reports = useApiQuery('fieldtest.reports.list', { page: paging.page, pageSize: paging.pageSize }, { placeholderData: keepPreviousData })
  const signer = (r: ReportRow, role: 'engineer' | 'reviewer') => r.signatures.find((s) => s.role === role)?.displayName ?? '—'
  return (
    <Stack>
      <PageHeader title={t('fieldtest.reports.title')} />
      <TimeZoneNote />
      <ReportFileCheck />
      <DataTable<ReportRow>
        withTableBorder
        striped
        minHeight={140}
        {...pagedTableProps(paging, reports)}
        {...tableText}
        data-testid="reports"
        onRowClick={({ record }) => navigate(reportPath(record.id))}
        columns={[
          { accessor: 'runId', title: t('fieldtest.runs.run', { id: '' }).trim(), render: (r) => `#${r.runId}` },
          { accessor: 'planName', title: t('fieldtest.runs.plan'), render: (r) => `${r.planName} · ${t('fieldtest.plans.versionOf', { version: r.planVersion })}` },
          { accessor: 'channelName', title: t('fieldtest.channel') },
          { accessor: 'target', title: t('fieldtest.runs.target'), render: (r) => <TargetBadge target={r.target} /> },
          { accessor: 'stepCount', title: t('fieldtest.reports.stepCount'), textAlign: 'right' },
          { accessor: 'engineer', title: t('fieldtest.reports.roles.engineer'), render: (r) => signer(r, 'engineer') },
          { accessor: 'reviewer', title: t('fieldtest.reports.roles.reviewer'), render: (r) => signer(r, 'reviewer') },
          { accessor: 'createdAt', title: t('fieldtest.reports.createdAt'), noWrap: true, render: (r) => formatDateTime(r.createdAt) },
          {
            accessor: 'open',
            title: t('common.actions'),
            render: (r) => (
              <Button size="compact-sm" variant="subtle" onClick={() => navigate(reportPath(r.id))}>
                {t('fieldtest.open')}
              </Button>
            )
          }
        ]}
      />
    </Stack>
  )
}

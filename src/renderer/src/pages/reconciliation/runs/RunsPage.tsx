/**
 * `#/reconciliation`: reconciliation runs, newest first (paged on the host, by source), each
 * opening its page of breaks; a new run starts from here (or from an import just committed).
 */
import { Button, Group, Modal, Select, Stack } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { DataTable } from 'mantine-datatable'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import type { RunRow } from '../../../../../shared/contract/reconciliation'
import { PERMISSIONS } from '../../../../../shared/permissions'
import { useApiQuery } from '../../../api/hooks'
import { pagedTableProps } from '../../../components/list/pagedTable'
import { PageHeader } from '../../../components/PageHeader'
import { useTableText } from '../../../components/tableText'
import { formatDateTime } from '../../../format/time'
import { useCan, useCurrentUser } from '../../../session/currentUser'
import { RunStatusBadge } from '../badges'
import { runPath } from '../paths'
import { usePaging } from '../usePaging'
import { matchRate, runPeriod } from './runText'
import { StartRunForm } from './StartRunForm'
import { TimeZoneNote } from '../../../components/TimeZoneNote'


export function RunsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const tableText = useTableText()
  const [params, setParams] = useSearchParams()
  const canWrite = useCan(PERMISSIONS.RECONCILIATION_WRITE)
  // Sources are the platform's: a merchant-bound user sees its runs without the source filter.
  const platform = useCurrentUser().merchantId === null
  const [sourceId, setSourceId] = useState<string | null>(null)
  const paging = usePaging()
  const sources = useApiQuery('recon.sources.list', {}, { enabled: platform })
  const runs = useApiQuery('recon.runs.list', { page: paging.page, pageSize: paging.pageSize, sourceId: sourceId ? Number(sourceId) : undefined }, { placeholderData: keepPreviousData, refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 2000 : false) })
  // An import just committed opens the form with its source and statement chosen.
  const preset = params.get('source') ? { sourceId: params.get('source'), statementId: params.get('statement') } : null
  const [starting, setStarting] = useState(preset !== null)
  const close = () => {
    setStarting(false)
    if (preset) setParams({}, { replace: true })
  }
  return (
    <Stack>
      <PageHeader title={t('recon.runs.title')}>{canWrite && <Button onClick={() => setStarting(true)}>{t('recon.runs.new')}</Button>}</PageHeader>
      <TimeZoneNote />
      <Group>
        {platform && (
          <Select
            label={t('recon.runs.source')}
            placeholder={t('common.all')}
            data={(sources.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={sourceId}
            onChange={(v) => {
              setSourceId(v)
              paging.reset()
            }}
            clearable
          />
        )}
      </Group>
      <DataTable<RunRow>
        withTableBorder
        striped
        minHeight={160}
        {...pagedTableProps(paging, runs)}
        {...tableText}
        data-testid="recon-runs"
        columns={[
          { accessor: 'id', title: t('recon.runs.id'), textAlign: 'right' },
          { accessor: 'sourceName', title: t('recon.runs.source') },
          { accessor: 'status', title: t('common.status'), render: (r) => <RunStatusBadge status={r.status} /> },
          { accessor: 'period', title: t('recon.runs.period'), noWrap: true, render: runPeriod },
          { accessor: 'statements', title: t('recon.runs.statements'), render: (r) => r.scope.statementIds.map((id) => `#${id}`).join(', ') },
          { accessor: 'lines', title: t('recon.summary.lines'), textAlign: 'right', render: (r) => r.summary?.lines ?? '' },
          { accessor: 'matchRate', title: t('recon.summary.matchRate'), textAlign: 'right', render: (r) => (r.summary ? matchRate(r.summary.matchRate) : '') },
          { accessor: 'open', title: t('recon.summary.open'), textAlign: 'right', render: (r) => r.summary?.open ?? '' },
          { accessor: 'startedAt', title: t('recon.runs.startedAt'), noWrap: true, render: (r) => `${formatDateTime(r.startedAt)}${r.createdBy ? ` · ${r.createdBy}` : ''}` },
          {
            accessor: 'actions',
            title: t('common.actions'),
            render: (r) => (
              <Button size="compact-sm" variant="subtle" onClick={() => navigate(runPath(r.id))}>
                {t('recon.runs.open')}
              </Button>
            )
          }
        ]}
      />
      <Modal opened={starting} onClose={close} title={t('recon.runs.new')} size="xl">
        {starting && <StartRunForm preset={preset ?? { sourceId: null, statementId: null }} onClose={close} />}
      </Modal>
    </Stack>
  )
}

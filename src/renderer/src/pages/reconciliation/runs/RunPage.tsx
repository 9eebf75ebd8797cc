/**
 * `#/reconciliation/runs/:id`: one run. Its summary and replayable record, its exports, its breaks
 * grouped by likely cause (each group shown in the list or resolved at once), and the break list
 * with each break's detail and decisions.
 */
import { Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import { PERMISSIONS } from '../../../../../shared/permissions'
import { useApiQuery } from '../../../api/hooks'
import { PageError } from '../../../components/FullPageState'
import { useCan } from '../../../session/currentUser'
import { BackLink } from '../../finance/CaseParts'
import { RunStatusBadge } from '../badges'
import { BreakReview } from '../breaks/BreakReview'
import { BulkDialog } from '../breaks/BulkDialog'
import { useReviewPlace } from '../breaks/reviewPlace'
import type { BreakFilter } from '../breaks/BreakFilters'
import { causeLabel } from '../labels'
import { RECON_PATHS } from '../paths'
import { CauseGroups } from './CauseGroups'
import { RunExports } from './RunExports'
import { RunSummary } from './RunSummary'
import { TimeZoneNote } from '../../../components/TimeZoneNote'

export function RunPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const canDecide = useCan(PERMISSIONS.RECONCILIATION_WRITE)
  const run = useApiQuery('recon.runs.get', { id }, { refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false) })
  const place = useReviewPlace(id)
  const [bulk, setBulk] = useState<{ filter: BreakFilter; title: string } | null>(null)
  const data = run.data
  return (
    <Stack>
      <BackLink to={RECON_PATHS.runs} label={t('recon.runs.title')} />
      {run.isPending && <Loader aria-label={t('app.loading')} />}
      {run.isError && <PageError error={run.error} onRetry={() => void run.refetch()} />}
      {data && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={2}>{t('recon.run.title', { id: data.id, source: data.sourceName })}</Title>
              <Group gap="xs">
                <RunStatusBadge status={data.status} />
                <TimeZoneNote />
              </Group>
            </Stack>
            {data.status === 'finished' && <RunExports runId={data.id} />}
          </Group>
          <RunSummary run={data} />
          {data.status === 'finished' && (
            <>
              <CauseGroups
                causes={data.causes}
                onShow={(cause) => place.setFilter({ type: cause.type, causeKey: cause.causeKey, status: undefined, merchantId: undefined, assignedToMe: undefined })}
                onResolve={canDecide ? (cause) => setBulk({ filter: { runId: id, type: cause.type, causeKey: cause.causeKey, status: 'open' }, title: t('recon.bulk.groupTitle', { cause: causeLabel(t, cause.causeKey) }) }) : undefined}
              />
              <BreakReview
                place={place}
                causeKeys={[...new Set(data.causes.map((c) => c.causeKey))]}
                canDecide={canDecide}
                onBulk={(current) => setBulk({ filter: current, title: t('recon.bulk.filterTitle') })}
              />
            </>
          )}
          {data.status === 'running' && <Text>{t('recon.run.running')}</Text>}
        </>
      )}
      <BulkDialog filter={bulk?.filter ?? null} title={bulk?.title ?? ''} onClose={() => setBulk(null)} />
    </Stack>
  )
}

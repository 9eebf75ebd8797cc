/**
 * `#/reconciliation/sources`: the statement sources (a channel's bills, a bank account), each
 * with its fee schedule and current profile version; a new source starts in the profile editor
 * from a sample file.
 */
import { Badge, Button, Group, Modal, Stack } from '@mantine/core'
import { DataTable } from 'mantine-datatable'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { SourceRow } from '../../../../shared/contract/reconciliation'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { listLoading } from '../../components/list/pagedTable'
import { PageHeader } from '../../components/PageHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { useTableText } from '../../components/tableText'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useCan } from '../../session/currentUser'
import { ChannelName } from '../master/ChannelName'
import { newSourcePath, profilePath, RECON_PATHS } from './paths'
import { SourceForm } from './SourceForm'
import { TimeZoneNote } from '../../components/TimeZoneNote'

export function feeSchedule(source: Pick<SourceRow, 'feeRate' | 'feeFixed' | 'currency'>): string {
  const parts = [source.feeRate !== null ? `${source.feeRate} %` : null, source.feeFixed !== null ? formatAmount(source.feeFixed, source.currency ?? '') : null]
  return parts.filter(Boolean).join(' + ')
}

export function SourcesPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const tableText = useTableText()
  const canWrite = useCan(PERMISSIONS.RECONCILIATION_WRITE)
  const sources = useApiQuery('recon.sources.list', {})
  const [editing, setEditing] = useState<SourceRow | null>(null)
  return (
    <Stack>
      <PageHeader title={t('recon.sources.title')}>
        {canWrite && <Button onClick={() => navigate(newSourcePath())}>{t('recon.sources.new')}</Button>}
      </PageHeader>
      <TimeZoneNote />
      <DataTable<SourceRow>
        withTableBorder
        striped
        minHeight={160}
        fetching={listLoading(sources)}
        records={sources.data ?? []}
        noRecordsText={tableText.noRecordsText}
        data-testid="recon-sources"
        columns={[
          { accessor: 'name', title: t('recon.source.name') },
          { accessor: 'kind', title: t('recon.source.kind'), render: (s) => t(`recon.source.kinds.${s.kind}`) },
          { accessor: 'channelName', title: t('recon.source.channel'), render: (s) => (s.channelName === null ? '' : <ChannelName channel={{ name: s.channelName, rehearsalOf: s.rehearsalOf }} />) },
          { accessor: 'fee', title: t('recon.source.fee'), render: feeSchedule },
          { accessor: 'status', title: t('common.status'), render: (s) => <StatusBadge status={s.status} /> },
          {
            accessor: 'profileVersion',
            title: t('recon.sources.profile'),
            render: (s) => (
              <Badge variant="light">
                {t('recon.profile.versionShort', { version: s.profileVersion })}
                {s.profile.builtIn ? ` · ${t(`recon.builtIn.${s.profile.builtIn}`)}` : ''}
              </Badge>
            )
          },
          { accessor: 'statementCount', title: t('recon.sources.statements'), textAlign: 'right' },
          { accessor: 'lastImportAt', title: t('recon.sources.lastImport'), noWrap: true, render: (s) => (s.lastImportAt ? formatDateTime(s.lastImportAt) : '') },
          {
            accessor: 'actions',
            title: t('common.actions'),
            render: (s) => (
              <Group gap={4} wrap="nowrap">
                {canWrite && (
                  <Button size="compact-sm" variant="light" onClick={() => setEditing(s)}>
                    {t('common.edit')}
                  </Button>
                )}
                <Button size="compact-sm" variant="light" onClick={() => navigate(profilePath(s.id))}>
                  {t('recon.sources.editProfile')}
                </Button>
                {canWrite && s.status === 'active' && (
                  <Button size="compact-sm" variant="subtle" onClick={() => navigate(`${RECON_PATHS.import}?source=${s.id}`)}>
                    {t('recon.sources.importFile')}
                  </Button>
                )}
              </Group>
            )
          }
        ]}
      />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t('recon.source.editTitle', { name: editing.name }) : ''}>
        {editing && <SourceForm source={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  )
}

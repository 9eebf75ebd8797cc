/** A source's profile versions, newest first; any of them can be loaded into the editor as the start of a new one. */
import { Button } from '@mantine/core'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../../../shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { useTableText } from '../../../components/tableText'
import { formatDateTime } from '../../../format/time'
import type { Draft } from './draft'

type Version = OutputOf<'recon.profiles.list'>[number]

export function useProfileVersions(sourceId: number | null) {
  return useApiQuery('recon.profiles.list', { sourceId: sourceId ?? 0 }, { enabled: sourceId !== null })
}

export function ProfileVersions({ versions, onLoad }: { versions: Version[]; onLoad: (profile: Draft) => void }) {
  const { t } = useTranslation()
  const tableText = useTableText()
  return (
    <DataTable<Version>
      withTableBorder
      striped
      minHeight={100}
      records={versions}
      idAccessor="version"
      noRecordsText={tableText.noRecordsText}
      data-testid="profile-versions"
      columns={[
        { accessor: 'version', title: t('recon.profile.version'), textAlign: 'right' },
        { accessor: 'note', title: t('recon.profile.note') },
        { accessor: 'createdBy', title: t('recon.profile.savedBy'), render: (v) => v.createdBy ?? '' },
        { accessor: 'createdAt', title: t('recon.profile.savedAt'), noWrap: true, render: (v) => formatDateTime(v.createdAt) },
        {
          accessor: 'actions',
          title: t('common.actions'),
          render: (v) => (
            <Button size="compact-sm" variant="subtle" onClick={() => onLoad(v.profile)}>
              {t('recon.profile.loadVersion')}
            </Button>
          )
        }
      ]}
    />
  )
}

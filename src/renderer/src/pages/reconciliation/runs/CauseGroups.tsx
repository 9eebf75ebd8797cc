/**
 * The run's breaks grouped by likely cause (a fee, the cut-off, one rate, rounding, a lost
 * callback…), so one decision with one reason can clear a group: show it in the list, or resolve
 * it in bulk.
 */
import { Button, Group, Paper, Stack, Title } from '@mantine/core'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../../../shared/contract'
import { useTableText } from '../../../components/tableText'
import { formatAmount } from '../../../format/amount'
import { breakTypeLabel, causeLabel } from '../labels'

export type Cause = OutputOf<'recon.runs.get'>['causes'][number]

interface CauseGroupsProps {
  causes: Cause[]
  onShow: (cause: Cause) => void
  /** Absent when the user may not decide breaks. */
  onResolve?: (cause: Cause) => void
}

export function CauseGroups({ causes, onShow, onResolve }: CauseGroupsProps) {
  const { t } = useTranslation()
  const tableText = useTableText()
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{t('recon.causeGroups.title')}</Title>
        <DataTable<Cause>
          withTableBorder
          striped
          minHeight={100}
          records={causes}
          idAccessor={(c) => `${c.type}:${c.causeKey}`}
          noRecordsText={tableText.noRecordsText}
          data-testid="cause-groups"
          columns={[
            { accessor: 'causeKey', title: t('recon.causeGroups.cause'), render: (c) => causeLabel(t, c.causeKey) },
            { accessor: 'type', title: t('recon.breaks.type'), render: (c) => breakTypeLabel(t, c.type) },
            { accessor: 'open', title: t('recon.causeGroups.open'), textAlign: 'right' },
            { accessor: 'total', title: t('recon.causeGroups.total'), textAlign: 'right' },
            {
              accessor: 'amounts',
              title: t('recon.summary.amounts'),
              render: (c) =>
                Object.entries(c.amounts)
                  .map(([currency, amount]) => formatAmount(amount, currency))
                  .join(' · ')
            },
            {
              accessor: 'actions',
              title: t('common.actions'),
              render: (c) => (
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-sm" variant="subtle" onClick={() => onShow(c)}>
                    {t('recon.causeGroups.show')}
                  </Button>
                  {onResolve && c.open > 0 && (
                    <Button size="compact-sm" variant="light" onClick={() => onResolve(c)}>
                      {t('recon.causeGroups.resolveGroup')}
                    </Button>
                  )}
                </Group>
              )
            }
          ]}
        />
      </Stack>
    </Paper>
  )
}

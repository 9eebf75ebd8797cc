/** Imported statements, newest first (optionally of one source), each opening its lines as read. */
import { Badge, Button, Drawer, Stack, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { DataTable } from 'mantine-datatable'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../../../shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { pagedTableProps } from '../../../components/list/pagedTable'
import { useTableText } from '../../../components/tableText'
import { formatDateTime } from '../../../format/time'
import { LineTable } from '../LineTable'
import { usePaging } from '../usePaging'

type Statement = OutputOf<'recon.statements.list'>['items'][number]

const period = (s: Statement) => (s.periodFrom !== null && s.periodTo !== null ? `${formatDateTime(s.periodFrom)} – ${formatDateTime(s.periodTo)}` : '—')

function StatementLines({ statement, onClose }: { statement: Statement; onClose: () => void }) {
  const { t } = useTranslation()
  const paging = usePaging()
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search.trim(), 300)
  const lines = useApiQuery('recon.statements.lines', { statementId: statement.id, page: paging.page, pageSize: paging.pageSize, search: query || undefined }, { placeholderData: keepPreviousData })
  return (
    <Drawer opened onClose={onClose} position="right" size="90%" title={t('recon.statements.linesOf', { id: statement.id, file: statement.fileName })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <TextInput label={t('recon.statements.searchLines')} placeholder={t('recon.statements.searchLinesHint')} value={search} onChange={(e) => {
            setSearch(e.currentTarget.value)
            paging.reset()
          }}
        />
        <LineTable
          lines={lines.data?.items ?? []}
          testId="statement-lines"
          paging={pagedTableProps(paging, lines)}
        />
      </Stack>
    </Drawer>
  )
}

export function StatementsList({ sourceId }: { sourceId?: number }) {
  const { t } = useTranslation()
  const tableText = useTableText()
  const paging = usePaging(10)
  const [open, setOpen] = useState<Statement | null>(null)
  const result = useApiQuery('recon.statements.list', { page: paging.page, pageSize: paging.pageSize, sourceId }, { placeholderData: keepPreviousData })
  return (
    <Stack gap="xs">
      <Title order={4}>{t('recon.statements.title')}</Title>
      <DataTable<Statement>
        withTableBorder
        striped
        minHeight={140}
        {...pagedTableProps(paging, result)}
        {...tableText}
        data-testid="statements"
        columns={[
          { accessor: 'id', title: t('recon.statements.id'), textAlign: 'right' },
          { accessor: 'sourceName', title: t('recon.statements.source') },
          { accessor: 'fileName', title: t('recon.statements.file') },
          { accessor: 'period', title: t('recon.report.period'), noWrap: true, render: period },
          { accessor: 'lineCount', title: t('recon.report.lines'), textAlign: 'right' },
          { accessor: 'repeatedLines', title: t('recon.report.repeated'), textAlign: 'right' },
          {
            accessor: 'controls',
            title: t('recon.statements.controls'),
            render: (s) =>
              s.controls.length === 0 ? '—' : (
                <Badge color={s.controls.every((c) => c.ok) ? 'green' : 'red'} variant="light">
                  {s.controls.every((c) => c.ok) ? t('recon.report.controlOk') : t('recon.report.controlFailed')}
                </Badge>
              )
          },
          { accessor: 'profileVersion', title: t('recon.profile.version'), textAlign: 'right' },
          { accessor: 'importedAt', title: t('recon.statements.importedAt'), noWrap: true, render: (s) => `${formatDateTime(s.importedAt)}${s.importedBy ? ` · ${s.importedBy}` : ''}` },
          {
            accessor: 'actions',
            title: t('common.actions'),
            render: (s) => (
              <Button size="compact-sm" variant="subtle" onClick={() => setOpen(s)}>
                {t('recon.statements.lines')}
              </Button>
            )
          }
        ]}
      />
      {open && <StatementLines statement={open} onClose={() => setOpen(null)} />}
    </Stack>
  )
}

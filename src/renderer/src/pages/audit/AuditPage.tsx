import { Code, Grid, Group, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { DataTable } from 'mantine-datatable'
import { pagedTableProps } from '../../components/list/pagedTable'
import { SavedViewsControl } from '../../components/list/SavedViewsControl'
import { filtersOfView, viewFiltersOf } from '../../components/list/savedViews'
import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useServerText } from '../../i18n/serverText'
import type { AuditRow } from '../../../../shared/contract/audit'
import { useApiQuery } from '../../api/hooks'
import { PageHeader } from '../../components/PageHeader'
import { TimeZoneNote } from '../../components/TimeZoneNote'
import { useTableText } from '../../components/tableText'
import { DateFilter } from '../../components/list/DateFilter'
import { formatDateTime, displayDayBound, zoned } from '../../format/time'
import { AuditCodeSelect } from './AuditCodeSelect'
import { AUDIT_TARGET_TYPES, AUDITED_PROCEDURES, procedureName, targetTypeName } from './auditCodes'

function Snapshot({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation()
  const empty = value === null || value === undefined
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('audit.nothing')}
        </Text>
      ) : (
        <Code block>{JSON.stringify(value, null, 2)}</Code>
      )}
    </Stack>
  )
}

const NO_FILTERS = { procedure: '', targetType: '', search: '', from: '', to: '' }

export function AuditPage() {
  const { t } = useTranslation()
  const say = useServerText()
  const tableText = useTableText()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [filters, setFilters] = useState(NO_FILTERS)
  const [debounced] = useDebouncedValue(filters, 300)
  const from = displayDayBound(debounced.from)
  const to = displayDayBound(debounced.to, true)
  const rangeInverted = from !== undefined && to !== undefined && to < from

  const audit = useApiQuery(
    'audit.list',
    {
      page,
      pageSize,
      procedure: debounced.procedure.trim() || undefined,
      targetType: debounced.targetType.trim() || undefined,
      search: debounced.search.trim() || undefined,
      from,
      to
    },
    { placeholderData: keepPreviousData, enabled: !rangeInverted }
  )

  const setValue = (key: keyof typeof filters, value: string) => {
    setFilters((current) => ({ ...current, [key]: value }))
    setPage(1)
  }
  const setFilter = (key: keyof typeof filters) => (event: ChangeEvent<HTMLInputElement>) => setValue(key, event.currentTarget.value)

  return (
    <Stack>
      <PageHeader title={t('audit.title')}>
        <SavedViewsControl
          list="audit"
          filters={viewFiltersOf(filters)}
          onApply={(view) => {
            setFilters(filtersOfView(NO_FILTERS, view))
            setPage(1)
          }}
        />
      </PageHeader>
      <TimeZoneNote />
      <Group align="flex-start">
        <AuditCodeSelect label={t('audit.procedure')} codes={AUDITED_PROCEDURES} nameOf={(code) => procedureName(t, code)} value={filters.procedure} onChange={(code) => setValue('procedure', code)} />
        <AuditCodeSelect label={t('audit.targetType')} codes={AUDIT_TARGET_TYPES} nameOf={(code) => targetTypeName(t, code)} value={filters.targetType} onChange={(code) => setValue('targetType', code)} />
        <TextInput label={t('audit.searchLabel')} placeholder={t('audit.searchPlaceholder')} value={filters.search} onChange={setFilter('search')} />
        <DateFilter label={zoned(t('audit.from'))} value={filters.from} onChange={(value) => setValue('from', value)} />
        <DateFilter label={zoned(t('audit.to'))} value={filters.to} onChange={(value) => setValue('to', value)} error={rangeInverted ? t('validation.dateOrder') : undefined} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('audit.expandHint')}
      </Text>
      <DataTable<AuditRow>
        withTableBorder
        striped
        highlightOnHover
        minHeight={180}
        {...pagedTableProps({ page, pageSize, setPage, setPageSize: (size) => { setPageSize(size); setPage(1) } }, audit)}
        {...tableText}
        columns={[
          { accessor: 'at', title: zoned(t('audit.colTime')), render: (row) => formatDateTime(row.at), noWrap: true },
          { accessor: 'actor', title: t('audit.colActor') },
          // Named in the reader's language; the procedure's code beside its name (what a developer greps for).
          {
            accessor: 'procedure',
            title: t('audit.colProcedure'),
            render: (row) => {
              const name = procedureName(t, row.procedure)
              return name === row.procedure ? (
                <Code>{row.procedure}</Code>
              ) : (
                <>
                  {name} <Code>{row.procedure}</Code>
                </>
              )
            }
          },
          {
            accessor: 'targetType',
            title: t('audit.colTarget'),
            render: (row) => (row.targetId ? `${targetTypeName(t, row.targetType)} #${row.targetId}` : targetTypeName(t, row.targetType))
          },
          { accessor: 'summary', title: t('audit.colSummary'), render: (row) => say(row.text, row.summary) }
        ]}
        rowExpansion={{
          allowMultiple: true,
          content: ({ record }) => (
            <Grid p="sm">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Snapshot label={t('audit.before')} value={record.before} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Snapshot label={t('audit.after')} value={record.after} />
              </Grid.Col>
            </Grid>
          )
        }}
      />
    </Stack>
  )
}

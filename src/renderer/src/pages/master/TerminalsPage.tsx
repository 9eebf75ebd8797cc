import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { TerminalRow } from '../../../../shared/contract/terminals'
import { PERMISSIONS } from '../../../../shared/permissions'
import { DetailDrawer, lifecycleFields, FieldGrid } from '../../components/DetailDrawer'
import { statusColumn, timeColumns } from '../../components/list/columns'
import { EntityDialogs } from '../../components/list/EntityDialogs'
import { CommonFilters, FilterSelect } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useEntityPage } from '../../components/list/useEntityPage'
import { TERMINAL_TYPES, TerminalForm } from './TerminalForm'

type Input = InputOf<'terminals.list'>

export function TerminalsPage() {
  const { t } = useTranslation()
  const page = useEntityPage({
    procedure: 'terminals.list',
    sort: { sortBy: 'id', sortDirection: 'desc' },
    filters: {} as Pick<Input, 'merchantId' | 'status' | 'type'>,
    setStatus: 'terminals.setStatus',
    invalidate: ['terminals.list'],
    write: PERMISSIONS.TERMINAL_WRITE,
    keyOf: (row) => ({ id: row.id }),
    nameOf: (row) => row.identifier
  })

  return (
    <ListPage<TerminalRow>
      title={t('terminals.title')}
      actions={page.canWrite && <Button onClick={page.dialogs.create}>{t('terminals.new')}</Button>}
      source={page}
      search={{ label: t('terminals.searchLabel'), placeholder: t('terminals.searchPlaceholder') }}
      filters={
        <>
          <CommonFilters list={page.list} show={['merchantId', 'status']} />
          <FilterSelect
            label={t('terminals.type')}
            value={page.list.filters.type}
            onChange={(v) => page.list.setFilter('type', v)}
            options={TERMINAL_TYPES.map((type) => ({ value: type, label: t(`terminals.types.${type}`) }))}
          />
        </>
      }
      columns={[
        { accessor: 'id', title: t('master.colId'), sortable: true, width: 70 },
        { accessor: 'identifier', title: t('terminals.identifier'), sortable: true },
        { accessor: 'name', title: t('terminals.name'), sortable: true },
        { accessor: 'type', title: t('terminals.type'), sortable: true, render: (row) => t(`terminals.types.${row.type}`) },
        { accessor: 'merchantName', title: t('master.merchant'), sortable: true },
        statusColumn(t),
        ...timeColumns<TerminalRow>(t),
        page.actions
      ]}
    >
      <EntityDialogs
        dialogs={page.dialogs}
        createTitle={t('terminals.createTitle')}
        editTitle={(row) => t('terminals.editTitle', { name: row.identifier })}
        form={(terminal, done) => <TerminalForm terminal={terminal} onDone={done} />}
        details={(row, close) => (
          <DetailDrawer opened title={t('terminals.detailTitle', { name: row.identifier })} onClose={close}>
            <FieldGrid
              fields={[
                { label: t('master.colId'), value: row.id },
                { label: t('terminals.identifier'), value: row.identifier },
                { label: t('terminals.name'), value: row.name },
                { label: t('terminals.type'), value: t(`terminals.types.${row.type}`) },
                { label: t('master.merchant'), value: row.merchantName },
                ...lifecycleFields(t, row)
              ]}
            />
          </DetailDrawer>
        )}
      />
    </ListPage>
  )
}

import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { ContractRow } from '../../../../shared/contract/contracts'
import { PERMISSIONS } from '../../../../shared/permissions'
import { DetailDrawer, lifecycleFields, FieldGrid } from '../../components/DetailDrawer'
import { statusColumn } from '../../components/list/columns'
import { EntityDialogs } from '../../components/list/EntityDialogs'
import { CommonFilters } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useEntityPage } from '../../components/list/useEntityPage'
import { formatAmount } from '../../format/amount'
import { ContractForm } from './ContractForm'

type Input = InputOf<'contracts.list'>

export function ContractsPage() {
  const { t } = useTranslation()
  const page = useEntityPage({
    procedure: 'contracts.list',
    sort: { sortBy: 'id', sortDirection: 'desc' },
    filters: {} as Pick<Input, 'merchantId' | 'status' | 'currency'>,
    setStatus: 'contracts.setStatus',
    invalidate: ['contracts.list'],
    write: PERMISSIONS.CONTRACT_WRITE,
    keyOf: (c) => ({ id: c.id }),
    nameOf: (c) => c.name
  })

  return (
    <ListPage<ContractRow>
      title={t('contracts.title')}
      actions={page.canWrite && <Button onClick={page.dialogs.create}>{t('contracts.new')}</Button>}
      source={page}
      search={{ label: t('contracts.searchLabel'), placeholder: t('contracts.searchPlaceholder') }}
      filters={<CommonFilters list={page.list} show={['merchantId', 'status', 'currency']} />}
      columns={[
        { accessor: 'id', title: t('master.colId'), sortable: true, width: 70 },
        { accessor: 'name', title: t('contracts.name'), sortable: true },
        { accessor: 'merchantName', title: t('master.merchant'), sortable: true },
        { accessor: 'settlementCurrency', title: t('contracts.settlementCurrency'), sortable: true },
        { accessor: 'feeRate', title: t('contracts.feeRate'), render: (c) => `${c.feeRate} %` },
        { accessor: 'fixedFee', title: t('contracts.fixedFee'), noWrap: true, render: (c) => formatAmount(c.fixedFee, c.settlementCurrency) },
        { accessor: 'validFrom', title: t('contracts.validFrom'), sortable: true, noWrap: true },
        { accessor: 'validTo', title: t('contracts.validTo'), sortable: true, noWrap: true, render: (c) => c.validTo ?? t('contracts.openEnded') },
        statusColumn(t),
        page.actions
      ]}
    >
      <EntityDialogs
        dialogs={page.dialogs}
        createTitle={t('contracts.createTitle')}
        editTitle={(c) => t('contracts.editTitle', { name: c.name })}
        form={(contract, done) => <ContractForm contract={contract} onDone={done} />}
        details={(contract, close) => <ContractDetail contract={contract} onClose={close} />}
      />
    </ListPage>
  )
}

function ContractDetail({ contract: c, onClose }: { contract: ContractRow; onClose: () => void }) {
  const { t } = useTranslation()
  const money = (amount: string) => formatAmount(amount, c.settlementCurrency)
  return (
    <DetailDrawer opened title={t('contracts.detailTitle', { name: c.name })} onClose={onClose}>
      <FieldGrid
        fields={[
          { label: t('master.colId'), value: c.id },
          { label: t('contracts.name'), value: c.name },
          { label: t('master.merchant'), value: c.merchantName },
          { label: t('contracts.settlementCurrency'), value: c.settlementCurrency },
          { label: t('contracts.feeRate'), value: `${c.feeRate} %` },
          { label: t('contracts.fixedFee'), value: money(c.fixedFee) },
          { label: t('contracts.refundFee'), value: money(c.refundFee) },
          { label: t('contracts.disputeFee'), value: money(c.disputeFee) },
          { label: t('contracts.withdrawalFee'), value: money(c.withdrawalFee) },
          { label: t('contracts.reserveRate'), value: `${c.reserveRate} %` },
          { label: t('contracts.reserveHoldDays'), value: c.reserveHoldDays },
          { label: t('contracts.validFrom'), value: c.validFrom },
          { label: t('contracts.validTo'), value: c.validTo ?? t('contracts.openEnded') },
          ...lifecycleFields(t, c)
        ]}
      />
    </DetailDrawer>
  )
}

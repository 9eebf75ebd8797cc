import { Button } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { MerchantRow } from '../../../../shared/contract/merchants'
import { PERMISSIONS } from '../../../../shared/permissions'
import { statusColumn, timeColumns } from '../../components/list/columns'
import { EntityDialogs } from '../../components/list/EntityDialogs'
import { CommonFilters } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useEntityPage } from '../../components/list/useEntityPage'
import { MerchantDetail } from './MerchantDetail'
import { MerchantForm } from './MerchantForm'
import { SigningSecretModal, type ShownSecret } from './SigningSecretModal'

type Input = InputOf<'merchants.list'>

export function MerchantsPage() {
  const { t } = useTranslation()
  const page = useEntityPage({
    procedure: 'merchants.list',
    sort: { sortBy: 'name', sortDirection: 'asc' },
    filters: {} as Pick<Input, 'status'>,
    setStatus: 'merchants.setStatus',
    invalidate: ['merchants.list', 'merchants.get'],
    write: PERMISSIONS.MERCHANT_WRITE,
    keyOf: (m) => ({ id: m.id }),
    nameOf: (m) => m.name
  })
  const [secret, setSecret] = useState<ShownSecret | null>(null)

  return (
    <ListPage<MerchantRow>
      title={t('merchants.title')}
      actions={page.canWrite && <Button onClick={page.dialogs.create}>{t('merchants.newMerchant')}</Button>}
      source={page}
      search={{ label: t('merchants.searchLabel'), placeholder: t('merchants.searchPlaceholder') }}
      filters={<CommonFilters list={page.list} show={['status']} />}
      columns={[
        { accessor: 'id', title: t('merchants.colId'), sortable: true, width: 70 },
        { accessor: 'name', title: t('merchants.name'), sortable: true },
        { accessor: 'contactName', title: t('merchants.contactName') },
        { accessor: 'contactEmail', title: t('merchants.contactEmail') },
        statusColumn(t),
        ...timeColumns<MerchantRow>(t),
        page.actions
      ]}
    >
      <EntityDialogs
        dialogs={page.dialogs}
        createTitle={t('merchants.createTitle')}
        editTitle={(m) => t('merchants.editTitle', { name: m.name })}
        form={(merchant, done) => <MerchantForm merchant={merchant} onDone={done} onSecret={setSecret} />}
        details={(merchant, close) => <MerchantDetail id={merchant.id} onClose={close} onSecret={setSecret} />}
      />
      <SigningSecretModal shown={secret} onClose={() => setSecret(null)} />
    </ListPage>
  )
}

import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { DataTable } from 'mantine-datatable'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MerchantRow } from '../../../../shared/contract/merchants'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { PageHeader } from '../../components/PageHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { useTableText } from '../../components/tableText'
import { formatDateTime } from '../../format/time'
import { useCan } from '../../session/currentUser'
import { MerchantForm } from './MerchantForm'

type Dialog = { kind: 'create' } | { kind: 'edit'; merchant: MerchantRow } | null
type StatusFilter = 'all' | 'active' | 'disabled'

export function MerchantsPage() {
  const { t } = useTranslation()
  const tableText = useTableText()
  const canWrite = useCan(PERMISSIONS.MERCHANT_WRITE)
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [search, setSearch] = useState('')
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300)
  const [status, setStatus] = useState<StatusFilter>('all')
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)

  const merchants = useApiQuery(
    'merchants.list',
    { page, pageSize, search: debouncedSearch || undefined, status: status === 'all' ? undefined : status },
    { placeholderData: keepPreviousData }
  )

  return (
    <Stack>
      <PageHeader title={t('merchants.title')}>
        {canWrite && <Button onClick={() => setDialog({ kind: 'create' })}>{t('merchants.newMerchant')}</Button>}
      </PageHeader>
      <Group align="flex-end">
        <TextInput
          label={t('merchants.searchLabel')}
          placeholder={t('merchants.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value)
            setPage(1)
          }}
        />
        <Select
          label={t('merchants.statusFilter')}
          value={status}
          allowDeselect={false}
          onChange={(value) => {
            setStatus((value as StatusFilter | null) ?? 'all')
            setPage(1)
          }}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'active', label: t('common.active') },
            { value: 'disabled', label: t('common.disabled') }
          ]}
        />
      </Group>
      <DataTable<MerchantRow>
        withTableBorder
        striped
        minHeight={180}
        fetching={merchants.isFetching}
        records={merchants.data?.items ?? []}
        totalRecords={merchants.data?.total ?? 0}
        page={page}
        onPageChange={setPage}
        recordsPerPage={pageSize}
        onRecordsPerPageChange={(size: number) => {
          setPageSize(size)
          setPage(1)
        }}
        {...tableText}
        columns={[
          { accessor: 'id', title: t('merchants.colId'), width: 80 },
          { accessor: 'name', title: t('merchants.name') },
          { accessor: 'status', title: t('merchants.status'), render: (m) => <StatusBadge status={m.status} /> },
          { accessor: 'createdAt', title: t('common.createdAt'), render: (m) => formatDateTime(m.createdAt), noWrap: true },
          { accessor: 'updatedAt', title: t('common.updatedAt'), render: (m) => formatDateTime(m.updatedAt), noWrap: true },
          {
            accessor: 'actions',
            title: t('common.actions'),
            hidden: !canWrite,
            render: (merchant) => (
              <Button size="compact-sm" variant="light" onClick={() => setDialog({ kind: 'edit', merchant })}>
                {t('common.edit')}
              </Button>
            )
          }
        ]}
      />
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog?.kind === 'edit' ? t('merchants.editTitle', { name: dialog.merchant.name }) : t('merchants.createTitle')}
      >
        {dialog?.kind === 'create' && <MerchantForm onDone={close} />}
        {dialog?.kind === 'edit' && <MerchantForm merchant={dialog.merchant} onDone={close} />}
      </Modal>
    </Stack>
  )
}

/**
 * Manual adjustments (entry type 99) under maker-checker: the list of requests (paged, searched and
 * filtered on the host) and the request form. A request moves no money; a different user approves
 * (posts, against suspense) or rejects it on its detail page. The request key is made once per
 * opened form, so a double submit or a retry creates one request.
 */
import { Button, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { contract, type InputOf } from '../../../../shared/contract'
import { ADJUSTMENT_STATUS_VALUES, REQUESTER_VALUES, type AdjustmentRow } from '../../../../shared/contract/finance'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { MerchantField, useDefaultMerchant } from '../../components/form/MerchantField'
import { useEntityForm } from '../../components/form/useEntityForm'
import { CommonFilters, FilterSelect } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useUrlFilters } from '../../components/list/urlFilters'
import { useListState } from '../../components/list/useListState'
import { RemoteSelect } from '../../components/RemoteSelect'
import { formatAmount } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useServerText } from '../../i18n/serverText'
import { useCan } from '../../session/currentUser'
import { RequesterFilter } from './RequesterFilter'
import { CaseStatusBadge } from './CaseParts'

type Input = InputOf<'adjustments.list'>
type Filters = Pick<Input, 'status' | 'merchantId' | 'currency' | 'requestedBy'>

interface Values {
  merchantId: string
  contractId: string
  currency: string
  amount: string
  reason: string
}

function RequestForm({ onDone }: { onDone: (id: number) => void }) {
  const { t } = useTranslation()
  const [requestKey] = useState(() => crypto.randomUUID())
  const request = useApiMutation('adjustments.request', { invalidate: ['adjustments.list'] })
  const { form, submit } = useEntityForm<Values, InputOf<'adjustments.request'>>({
    initialValues: { merchantId: useDefaultMerchant(), contractId: '', currency: '', amount: '', reason: '' },
    schema: contract['adjustments.request'].input,
    toInput: (v) => ({
      merchantId: v.merchantId ? Number(v.merchantId) : Number.NaN,
      contractId: v.contractId ? Number(v.contractId) : Number.NaN,
      currency: v.currency,
      amount: v.amount,
      reason: v.reason,
      requestKey
    }),
    save: async (input) => {
      const answer = await request.mutateAsync(input)
      onDone(answer.id)
      return t('adjustments.requested', { adjustmentNo: answer.adjustmentNo })
    },
    onDone: () => undefined
  })
  const merchantInput = form.getInputProps('merchantId')
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('adjustments.intro')}
        </Text>
        <MerchantField
          {...merchantInput}
          onChange={(value) => {
            merchantInput.onChange(value)
            form.setValues({ contractId: '', currency: '' })
          }}
        />
        <RemoteSelect
          key={form.values.merchantId}
          procedure="contracts.list"
          filter={{ merchantId: Number(form.values.merchantId) || undefined }}
          enabled={form.values.merchantId !== ''}
          disabled={form.values.merchantId === ''}
          toOption={(c) => ({ value: String(c.id), label: `#${c.id} ${c.name} · ${c.settlementCurrency}` })}
          label={t('adjustments.contract')}
          placeholder={form.values.merchantId ? t('adjustments.pickContract') : t('adjustments.pickMerchantFirst')}
          value={form.values.contractId || null}
          error={form.errors.contractId}
          onChange={(value, row) => form.setValues({ contractId: value ?? '', currency: row?.settlementCurrency ?? '' })}
        />
        <TextInput label={t('adjustments.currency')} description={t('adjustments.currencyHint')} value={form.values.currency} readOnly error={form.errors.currency} />
        <TextInput label={t('adjustments.amount')} description={t('adjustments.amountHint')} inputMode="decimal" autoComplete="off" {...form.getInputProps('amount')} />
        <Textarea label={t('adjustments.reason')} autosize minRows={2} {...form.getInputProps('reason')} />
        <FormButtons onCancel={() => onDone(0)} submitLabel={t('adjustments.submit')} loading={form.submitting} />
      </Stack>
    </form>
  )
}

export function AdjustmentsPage() {
  const serverText = useServerText()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const canRequest = useCan(PERMISSIONS.ADJUSTMENT_REQUEST)
  const [requesting, setRequesting] = useState(false)
  const list = useListState<NonNullable<Input['sortBy']>, Filters>({ sortBy: 'createdAt', sortDirection: 'desc' }, useUrlFilters({ status: ADJUSTMENT_STATUS_VALUES, requestedBy: REQUESTER_VALUES }))
  const result = useApiQuery('adjustments.list', list.input, { placeholderData: keepPreviousData })
  return (
    <ListPage<AdjustmentRow>
      title={t('adjustments.title')}
      zoneNote="times"
      views="adjustments"
      actions={canRequest && <Button onClick={() => setRequesting(true)}>{t('adjustments.request')}</Button>}
      source={{ list, result }}
      search={{ label: t('adjustments.searchLabel'), placeholder: t('adjustments.searchPlaceholder') }}
      filters={
        <>
          <FilterSelect
            label={t('common.status')}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={ADJUSTMENT_STATUS_VALUES.map((s) => ({ value: s, label: t(`finance.statuses.${s}`) }))}
          />
          <RequesterFilter value={list.filters.requestedBy} onChange={(v) => list.setFilter('requestedBy', v)} />
          <CommonFilters list={list} show={['merchantId', 'currency']} />
        </>
      }
      columns={[
        { accessor: 'adjustmentNo', title: t('adjustments.adjustmentNo'), sortable: true, noWrap: true },
        { accessor: 'merchantName', title: t('master.merchant'), sortable: true },
        { accessor: 'amount', title: t('adjustments.amount'), sortable: true, textAlign: 'right', noWrap: true, render: (r) => formatAmount(r.amount, r.currency) },
        {
          accessor: 'reason',
          title: t('adjustments.reason'),
          render: (r) => (
            <Stack gap={0}>
              <Text size="sm">{r.reason}</Text>
              {r.fromBreak && (
                <Text size="xs" c="dimmed" data-testid="adjustment-from-break">
                  {serverText(r.fromBreak)}
                </Text>
              )}
            </Stack>
          )
        },
        { accessor: 'status', title: t('common.status'), sortable: true, render: (r) => <CaseStatusBadge status={r.status} /> },
        { accessor: 'requestedBy', title: t('finance.requestedBy') },
        { accessor: 'createdAt', title: t('common.createdAt'), sortable: true, noWrap: true, render: (r) => formatDateTime(r.createdAt) },
        {
          accessor: 'actions',
          title: t('common.actions'),
          render: (r) => (
            <Button size="compact-sm" variant="subtle" onClick={() => navigate(`/finance/adjustments/${r.id}`)}>
              {t('finance.details')}
            </Button>
          )
        }
      ]}
    >
      <Modal opened={requesting} onClose={() => setRequesting(false)} title={t('adjustments.request')} size="lg">
        {requesting && (
          <RequestForm
            onDone={(id) => {
              setRequesting(false)
              if (id) navigate(`/finance/adjustments/${id}`)
            }}
          />
        )}
      </Modal>
    </ListPage>
  )
}

/**
 * Withdrawals: the list (paged, searched and filtered on the host) and the request form. Requesting
 * holds amount + the contract's withdrawal fee; a different user reviews it on its detail page.
 */
import { Badge, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core'
import { useServerText } from '../../i18n/serverText'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { contract, type InputOf } from '../../../../shared/contract'
import { WITHDRAWAL_STATUS_VALUES, REQUESTER_VALUES, type WithdrawalRow } from '../../../../shared/contract/finance'
import { PERMISSIONS } from '../../../../shared/permissions'
import { BANKS, bankCountryOf, bankLabel } from '../../../../shared/reference'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { MerchantField, useDefaultMerchant } from '../../components/form/MerchantField'
import { useEntityForm } from '../../components/form/useEntityForm'
import { CommonFilters, FilterSelect } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useUrlFilters } from '../../components/list/urlFilters'
import { useListState } from '../../components/list/useListState'
import { RemoteSelect } from '../../components/RemoteSelect'
import { formatAmount, formatBalance, isBelowZero } from '../../format/amount'
import { formatDateTime } from '../../format/time'
import { useCan } from '../../session/currentUser'
import { RequesterFilter } from './RequesterFilter'
import { CaseStatusBadge } from './CaseParts'

type Input = InputOf<'withdrawals.list'>
type Filters = Pick<Input, 'status' | 'merchantId' | 'currency' | 'requestedBy'>

interface Values {
  merchantId: string
  contractId: string
  currency: string
  fee: string
  amount: string
  bankCode: string
  accountNo: string
  holderName: string
  note: string
}

function AvailableHint({ merchantId, currency }: { merchantId: string; currency: string }) {
  const { t } = useTranslation()
  const enabled = merchantId !== '' && currency !== ''
  const balances = useApiQuery('ledger.balances', { merchantId: Number(merchantId) || undefined, currency: currency || undefined, kind: 'merchant_available' }, { enabled })
  if (!enabled || !balances.data) return null
  const available = balances.data.items[0]?.available ?? '0'
  // Below zero (a chargeback booked on a short balance) nothing can be withdrawn: said in red.
  const owes = isBelowZero(available)
  return (
    <Text size="sm" c={owes ? 'red' : 'dimmed'} data-testid="withdrawal-available">
      {t('withdrawals.availableNow', { amount: formatBalance(available, currency, 'merchant', t) })}
    </Text>
  )
}

function RequestForm({ onDone }: { onDone: (id: number) => void }) {
  const { t } = useTranslation()
  const [requestKey] = useState(() => crypto.randomUUID())
  const request = useApiMutation('withdrawals.request', { invalidate: ['withdrawals.list', 'ledger.balances'] })
  const { form, submit } = useEntityForm<Values, InputOf<'withdrawals.request'>>({
    initialValues: { merchantId: useDefaultMerchant(), contractId: '', currency: '', fee: '', amount: '', bankCode: '', accountNo: '', holderName: '', note: '' },
    schema: contract['withdrawals.request'].input,
    toInput: (v) => ({
      merchantId: v.merchantId ? Number(v.merchantId) : Number.NaN,
      currency: v.currency,
      amount: v.amount,
      bankCode: v.bankCode,
      accountNo: v.accountNo,
      holderName: v.holderName,
      note: v.note,
      requestKey
    }),
    save: async (input) => {
      const answer = await request.mutateAsync(input)
      onDone(answer.id)
      return t('withdrawals.requested', { withdrawalNo: answer.withdrawalNo })
    },
    onDone: () => undefined
  })
  const merchantInput = form.getInputProps('merchantId')
  const country = form.values.currency ? bankCountryOf(form.values.currency) : null
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <MerchantField
          {...merchantInput}
          onChange={(value) => {
            merchantInput.onChange(value)
            form.setValues({ contractId: '', currency: '', fee: '', bankCode: '' })
          }}
        />
        <RemoteSelect
          key={form.values.merchantId}
          procedure="contracts.list"
          filter={{ merchantId: Number(form.values.merchantId) || undefined, status: 'active' }}
          enabled={form.values.merchantId !== ''}
          disabled={form.values.merchantId === ''}
          toOption={(c) => ({ value: String(c.id), label: `#${c.id} ${c.name} · ${c.settlementCurrency}` })}
          label={t('adjustments.contract')}
          description={t('withdrawals.contractHint')}
          placeholder={form.values.merchantId ? t('adjustments.pickContract') : t('adjustments.pickMerchantFirst')}
          value={form.values.contractId || null}
          error={form.errors.currency}
          onChange={(value, row) => form.setValues({ contractId: value ?? '', currency: row?.settlementCurrency ?? '', fee: row?.withdrawalFee ?? '', bankCode: '' })}
        />
        <AvailableHint merchantId={form.values.merchantId} currency={form.values.currency} />
        <TextInput
          label={t('withdrawals.amount')}
          description={form.values.fee ? t('withdrawals.feeHint', { fee: formatAmount(form.values.fee, form.values.currency) }) : undefined}
          inputMode="decimal"
          autoComplete="off"
          {...form.getInputProps('amount')}
        />
        <Select
          label={t('withdrawals.bank')}
          placeholder={form.values.currency ? undefined : t('withdrawals.pickContractFirst')}
          disabled={!country}
          searchable
          data={country ? BANKS[country].map((b) => ({ value: b.code, label: bankLabel(b) })) : []}
          {...form.getInputProps('bankCode')}
        />
        <TextInput label={t('withdrawals.accountNo')} autoComplete="off" {...form.getInputProps('accountNo')} />
        <TextInput label={t('withdrawals.holderName')} autoComplete="off" {...form.getInputProps('holderName')} />
        <Textarea label={t('withdrawals.note')} autosize minRows={1} {...form.getInputProps('note')} />
        <FormButtons onCancel={() => onDone(0)} submitLabel={t('withdrawals.submit')} loading={form.submitting} />
      </Stack>
    </form>
  )
}

export function WithdrawalsPage() {
  const { t } = useTranslation()
  const say = useServerText()
  const navigate = useNavigate()
  const canRequest = useCan(PERMISSIONS.WITHDRAWAL_REQUEST)
  const [requesting, setRequesting] = useState(false)
  const list = useListState<NonNullable<Input['sortBy']>, Filters>({ sortBy: 'createdAt', sortDirection: 'desc' }, useUrlFilters({ status: WITHDRAWAL_STATUS_VALUES, requestedBy: REQUESTER_VALUES }))
  const result = useApiQuery('withdrawals.list', list.input, { placeholderData: keepPreviousData })
  const open = (row: WithdrawalRow) => navigate(`/finance/withdrawals/${row.id}`)
  return (
    <ListPage<WithdrawalRow>
      title={t('withdrawals.title')}
      zoneNote="times"
      views="withdrawals"
      actions={canRequest && <Button onClick={() => setRequesting(true)}>{t('withdrawals.request')}</Button>}
      source={{ list, result }}
      search={{ label: t('withdrawals.searchLabel'), placeholder: t('withdrawals.searchPlaceholder') }}
      filters={
        <>
          <FilterSelect
            label={t('common.status')}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={WITHDRAWAL_STATUS_VALUES.map((s) => ({ value: s, label: t(`finance.statuses.${s}`) }))}
          />
          <RequesterFilter value={list.filters.requestedBy} onChange={(v) => list.setFilter('requestedBy', v)} />
          <CommonFilters list={list} show={['merchantId', 'currency']} />
        </>
      }
      columns={[
        { accessor: 'withdrawalNo', title: t('withdrawals.withdrawalNo'), sortable: true, noWrap: true },
        { accessor: 'merchantName', title: t('master.merchant'), sortable: true },
        { accessor: 'amount', title: t('withdrawals.amount'), sortable: true, textAlign: 'right', noWrap: true, render: (r) => formatAmount(r.amount, r.currency) },
        { accessor: 'fee', title: t('withdrawals.fee'), textAlign: 'right', noWrap: true, render: (r) => formatAmount(r.fee, r.currency) },
        { accessor: 'account', title: t('withdrawals.account'), render: (r) => `${r.bankCode} ${r.accountNo}` },
        {
          accessor: 'status',
          title: t('common.status'),
          sortable: true,
          render: (r) => (
            <Group gap={4} wrap="nowrap">
              <CaseStatusBadge status={r.status} />
              {r.approvalRefused && (
                <Tooltip label={say(r.approvalRefused)} multiline w={320}>
                  <Badge color="red" variant="light" data-testid="withdrawal-merchant-owes">
                    {t('withdrawals.merchantOwes')}
                  </Badge>
                </Tooltip>
              )}
            </Group>
          )
        },
        { accessor: 'requestedBy', title: t('finance.requestedBy') },
        { accessor: 'createdAt', title: t('common.createdAt'), sortable: true, noWrap: true, render: (r) => formatDateTime(r.createdAt) },
        {
          accessor: 'actions',
          title: t('common.actions'),
          render: (r) => (
            <Button size="compact-sm" variant="subtle" onClick={() => open(r)}>
              {t('finance.details')}
            </Button>
          )
        }
      ]}
    >
      <Modal opened={requesting} onClose={() => setRequesting(false)} title={t('withdrawals.request')} size="lg">
        {requesting && (
          <RequestForm
            onDone={(id) => {
              setRequesting(false)
              if (id) navigate(`/finance/withdrawals/${id}`)
            }}
          />
        )}
      </Modal>
    </ListPage>
  )
}

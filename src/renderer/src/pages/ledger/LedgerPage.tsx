/** Ledger account balances (posted, available, held), paged on the host. */
import { keepPreviousData } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { BalanceRow } from '../../../../shared/contract/ledger'
import { useApiQuery } from '../../api/hooks'
import { CommonFilters, FilterSelect } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useListState } from '../../components/list/useListState'
import { BalanceText } from '../../components/BalanceText'
import { formatAmount } from '../../format/amount'
import { useCurrentUser } from '../../session/currentUser'
import { ChannelName } from '../master/ChannelName'

type Input = InputOf<'ledger.balances'>
type Kind = NonNullable<Input['kind']>

const KINDS: readonly Kind[] = ['merchant_available', 'merchant_reserve', 'channel', 'platform_fee', 'fx', 'suspense']
// A merchant-bound user only ever has its merchant's two accounts.
const MERCHANT_KINDS: readonly Kind[] = ['merchant_available', 'merchant_reserve']

export function LedgerPage() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const list = useListState<never, Pick<Input, 'kind' | 'merchantId' | 'currency'>>(null, {})
  const result = useApiQuery('ledger.balances', list.input, { placeholderData: keepPreviousData })
  const kinds = me.merchantId === null ? KINDS : MERCHANT_KINDS
  const money = (amount: string, row: BalanceRow) => formatAmount(amount, row.currency)
  // A merchant's or a channel's balance below zero is said so (suspense and FX are clearing accounts: below zero is ordinary there).
  const balance = (amount: string, row: BalanceRow) => {
    const owner = row.kind === 'channel' ? 'channel' : row.kind === 'merchant_available' || row.kind === 'merchant_reserve' ? 'merchant' : null
    return owner ? <BalanceText amount={amount} currency={row.currency} owner={owner} /> : money(amount, row)
  }

  return (
    <ListPage<BalanceRow>
      title={t('ledger.title')}
      zoneNote="times"
      source={{ list, result }}
      filters={
        <>
          <FilterSelect
            label={t('ledger.kind')}
            value={list.filters.kind}
            onChange={(v) => list.setFilter('kind', v)}
            options={kinds.map((kind) => ({ value: kind, label: t(`ledger.kinds.${kind}`) }))}
          />
          <CommonFilters list={list} show={['merchantId', 'currency']} />
        </>
      }
      idAccessor={(row) => row.accountId}
      columns={[
        { accessor: 'accountId', title: t('ledger.account'), width: 90 },
        { accessor: 'kind', title: t('ledger.kind'), render: (row) => t(`ledger.kinds.${row.kind as Kind}`, { defaultValue: row.kind }) },
        { accessor: 'owner', title: t('ledger.owner'), render: (row) => row.merchantName ?? (row.channelName !== null ? <ChannelName channel={{ name: row.channelName, rehearsalOf: row.rehearsalOf }} /> : t('ledger.platform')) },
        { accessor: 'currency', title: t('master.currency') },
        { accessor: 'balance', title: t('ledger.balance'), textAlign: 'right', noWrap: true, render: (row) => balance(row.balance, row) },
        { accessor: 'available', title: t('ledger.available'), textAlign: 'right', noWrap: true, render: (row) => balance(row.available, row) },
        { accessor: 'held', title: t('ledger.held'), textAlign: 'right', noWrap: true, render: (row) => money(row.held, row) }
      ]}
    />
  )
}

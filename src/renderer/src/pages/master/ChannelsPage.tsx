import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { ChannelRow } from '../../../../shared/contract/channels'
import { PERMISSIONS } from '../../../../shared/permissions'
import { statusColumn } from '../../components/list/columns'
import { EntityDialogs } from '../../components/list/EntityDialogs'
import { CommonFilters } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useEntityPage } from '../../components/list/useEntityPage'
import { BalanceText } from '../../components/BalanceText'
import { formatRange } from '../../format/amount'
import { ChannelDetail, DirectionBadges } from './ChannelDetail'
import { ChannelForm } from './ChannelForm'
import { channelLabel, ChannelName } from './ChannelName'
import { useCurrentUser } from '../../session/currentUser'

type Input = InputOf<'channels.list'>

export function ChannelsPage() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const page = useEntityPage({
    procedure: 'channels.list',
    sort: { sortBy: 'name', sortDirection: 'asc' },
    filters: {} as Pick<Input, 'merchantId' | 'status' | 'currency' | 'direction'>,
    setStatus: 'channels.setStatus',
    invalidate: ['channels.list', 'channels.get', 'bindings.list', 'limits.availableRange'],
    write: PERMISSIONS.CHANNEL_WRITE,
    keyOf: (c) => ({ id: c.id }),
    nameOf: (c) => channelLabel(t, c),
    // A field test's rehearsal copy follows its live channel at every rehearsal: it is changed there.
    keptBy: (c) => (c.rehearsalOf ? t('channels.keptInStep', { name: c.rehearsalOf.name }) : null)
  })

  return (
    <ListPage<ChannelRow>
      title={t('channels.title')}
      actions={page.canWrite && <Button onClick={page.dialogs.create}>{t('channels.new')}</Button>}
      source={page}
      search={{ label: t('channels.searchLabel'), placeholder: t('channels.searchPlaceholder') }}
      filters={<CommonFilters list={page.list} show={['merchantId', 'status', 'currency', 'direction']} />}
      columns={[
        { accessor: 'id', title: t('master.colId'), sortable: true, width: 70 },
        { accessor: 'name', title: t('channels.name'), sortable: true, render: (c) => <ChannelName channel={c} /> },
        { accessor: 'provider', title: t('channels.provider'), sortable: true },
        { accessor: 'currency', title: t('master.currency'), sortable: true },
        { accessor: 'supportsDeposit', title: t('channels.directions'), noWrap: true, width: 170, render: (c) => <DirectionBadges channel={c} /> },
        {
          accessor: 'paymentLower',
          title: t('channels.depositLimits'),
          noWrap: true,
          render: (c) => (c.supportsDeposit ? formatRange(c.paymentLower, c.paymentUpper, c.currency, t) : '—')
        },
        {
          accessor: 'payoutLower',
          title: t('channels.payoutLimits'),
          noWrap: true,
          render: (c) => (c.supportsPayout ? formatRange(c.payoutLower, c.payoutUpper, c.currency, t) : '—')
        },
        // A merchant-bound user sees no channel balance (channels are shared by merchants).
        ...(me.merchantId === null ? [{ accessor: 'balance', title: t('channels.balance'), noWrap: true, render: (c: ChannelRow) => (c.balance ? <BalanceText amount={c.balance.posted} currency={c.currency} owner="channel" /> : '—') }] : []),
        statusColumn(t),
        page.actions
      ]}
    >
      <EntityDialogs
        dialogs={page.dialogs}
        createTitle={t('channels.createTitle')}
        editTitle={(c) => t('channels.editTitle', { name: channelLabel(t, c) })}
        form={(channel, done) => <ChannelForm channel={channel} onDone={done} />}
        details={(channel, close) => <ChannelDetail id={channel.id} onClose={close} />}
      />
    </ListPage>
  )
}

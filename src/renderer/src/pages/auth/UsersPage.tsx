/** Staff users on the list scaffold: search, status and role filters, paged on the host. */
import { Badge, Button, Group, Modal } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import type { DataTableColumn } from 'mantine-datatable'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { UserRow } from '../../../../shared/contract/users'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { EntityDialogs, useEntityDialogs } from '../../components/list/EntityDialogs'
import { FilterSelect } from '../../components/list/filters'
import { ListPage } from '../../components/list/ListPage'
import { useListState } from '../../components/list/useListState'
import { notifyError, notifySuccess } from '../../components/notify'
import { StatusBadge } from '../../components/StatusBadge'
import { roleLabel } from '../../i18n/labels'
import { useCan } from '../../session/currentUser'
import { ResetPasswordForm } from './ResetPasswordForm'
import { UserForm } from './UserForm'

type Input = InputOf<'users.list'>

export function UsersPage() {
  const { t } = useTranslation()
  const canWrite = useCan(PERMISSIONS.USER_WRITE)
  const list = useListState<never, Pick<Input, 'status' | 'roleId'>>(null, {})
  const result = useApiQuery('users.list', list.input, { placeholderData: keepPreviousData })
  const roles = useApiQuery('roles.list', {})
  const dialogs = useEntityDialogs<UserRow>()
  const [resetting, setResetting] = useState<UserRow | null>(null)
  const setUserStatus = useApiMutation('users.setStatus', { invalidate: ['users.list'] })

  const toggleStatus = async (user: UserRow) => {
    const next = user.status === 'active' ? 'disabled' : 'active'
    try {
      await setUserStatus.mutateAsync({ id: user.id, status: next })
      notifySuccess(t(next === 'active' ? 'users.enabled' : 'users.disabledDone', { username: user.username }))
    } catch (error) {
      notifyError(error)
    }
  }

  const roleRows = roles.data ?? []
  const now = Date.now()
  const actions: DataTableColumn<UserRow> = {
    accessor: 'actions',
    title: t('common.actions'),
    render: (user) => (
      <Group gap={4} wrap="nowrap">
        <Button size="compact-sm" variant="light" onClick={() => dialogs.edit(user)}>
          {t('common.edit')}
        </Button>
        <Button size="compact-sm" variant="light" color={user.status === 'active' ? 'red' : 'green'} onClick={() => void toggleStatus(user)}>
          {user.status === 'active' ? t('users.disable') : t('users.enable')}
        </Button>
        <Button size="compact-sm" variant="light" color="gray" onClick={() => setResetting(user)}>
          {t('users.resetPassword')}
        </Button>
      </Group>
    )
  }

  return (
    <ListPage<UserRow>
      title={t('users.title')}
      actions={canWrite && <Button onClick={dialogs.create}>{t('users.newUser')}</Button>}
      source={{ list, result }}
      search={{ label: t('users.searchLabel'), placeholder: t('users.searchPlaceholder') }}
      filters={
        <>
          <FilterSelect
            label={t('users.statusFilter')}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`common.${s}`) }))}
          />
          <FilterSelect
            label={t('users.roleFilter')}
            value={list.filters.roleId === undefined ? undefined : String(list.filters.roleId)}
            onChange={(v) => list.setFilter('roleId', v === undefined ? undefined : Number(v))}
            options={roleRows.map((role) => ({ value: String(role.id), label: roleLabel(t, role) }))}
          />
        </>
      }
      columns={[
        { accessor: 'username', title: t('users.colUsername') },
        { accessor: 'displayName', title: t('users.colDisplayName') },
        { accessor: 'merchantName', title: t('users.colMerchant'), render: (user) => user.merchantName ?? t('common.platform') },
        {
          accessor: 'roles',
          title: t('users.colRoles'),
          render: (user) => (
            <Group gap={4}>
              {user.roles.map((role) => (
                <Badge key={role.id} variant="light" size="sm">
                  {roleLabel(t, role)}
                </Badge>
              ))}
            </Group>
          )
        },
        {
          accessor: 'status',
          title: t('users.colStatus'),
          render: (user) => (
            <Group gap={4}>
              <StatusBadge status={user.status} />
              {user.lockedUntil !== null && user.lockedUntil > now && (
                <Badge color="red" variant="light">
                  {t('users.locked')}
                </Badge>
              )}
              {user.mustChangePassword && (
                <Badge color="yellow" variant="light">
                  {t('users.mustChange')}
                </Badge>
              )}
            </Group>
          )
        },
        ...(canWrite ? [actions] : [])
      ]}
    >
      <EntityDialogs
        dialogs={dialogs}
        createTitle={t('users.createTitle')}
        editTitle={(user) => t('users.editTitle', { username: user.username })}
        form={(user, done) => <UserForm user={user} roles={roleRows} onDone={done} />}
      />
      <Modal opened={resetting !== null} onClose={() => setResetting(null)} title={resetting ? t('users.resetTitle', { username: resetting.username }) : ''}>
        {resetting && <ResetPasswordForm user={resetting} onDone={() => setResetting(null)} />}
      </Modal>
    </ListPage>
  )
}

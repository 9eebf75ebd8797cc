import { Badge, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { DataTable } from 'mantine-datatable'
import { pagedTableProps } from '../../components/list/pagedTable'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserRow } from '../../../../shared/contract/users'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { notifyError, notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { useTableText } from '../../components/tableText'
import { roleLabel } from '../../i18n/labels'
import { useCan } from '../../session/currentUser'
import { ResetPasswordForm } from './ResetPasswordForm'
import { UserCreateForm } from './UserCreateForm'
import { UserEditForm } from './UserEditForm'

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserRow } | { kind: 'reset'; user: UserRow } | null
type StatusFilter = 'all' | 'active' | 'disabled'

export function UsersPage() {
  const { t } = useTranslation()
  const tableText = useTableText()
  const canWrite = useCan(PERMISSIONS.USER_WRITE)
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [search, setSearch] = useState('')
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300)
  const [status, setStatus] = useState<StatusFilter>('all')
  const [roleId, setRoleId] = useState<string | null>(null)
  const [dialog, setDialog] = useState<Dialog>(null)

  const users = useApiQuery(
    'users.list',
    {
      page,
      pageSize,
      search: debouncedSearch || undefined,
      status: status === 'all' ? undefined : status,
      roleId: roleId ? Number(roleId) : undefined
    },
    { placeholderData: keepPreviousData }
  )
  const roles = useApiQuery('roles.list', {})
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

  const close = () => setDialog(null)
  const roleRows = roles.data ?? []
  const now = Date.now()

  return (
    <Stack>
      <PageHeader title={t('users.title')}>
        {canWrite && <Button onClick={() => setDialog({ kind: 'create' })}>{t('users.newUser')}</Button>}
      </PageHeader>
      <Group align="flex-end">
        <TextInput
          label={t('users.searchLabel')}
          placeholder={t('users.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value)
            setPage(1)
          }}
        />
        <Select
          label={t('users.statusFilter')}
          value={status}
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
        <Select
          label={t('users.roleFilter')}
          value={roleId}
          placeholder={t('common.all')}
          clearable
          allowDeselect
          onChange={(value) => {
            setRoleId(value)
            setPage(1)
          }}
          data={roleRows.map((role) => ({ value: String(role.id), label: roleLabel(t, role) }))}
        />
      </Group>
      <DataTable<UserRow>
        withTableBorder
        striped
        minHeight={180}
        {...pagedTableProps({ page, pageSize, setPage, setPageSize: (size) => { setPageSize(size); setPage(1) } }, users)}
        {...tableText}
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
          {
            accessor: 'actions',
            title: t('common.actions'),
            hidden: !canWrite,
            render: (user) => (
              <Group gap={4} wrap="nowrap">
                <Button size="compact-sm" variant="light" onClick={() => setDialog({ kind: 'edit', user })}>
                  {t('common.edit')}
                </Button>
                <Button size="compact-sm" variant="light" color={user.status === 'active' ? 'red' : 'green'} onClick={() => void toggleStatus(user)}>
                  {user.status === 'active' ? t('users.disable') : t('users.enable')}
                </Button>
                <Button size="compact-sm" variant="light" color="gray" onClick={() => setDialog({ kind: 'reset', user })}>
                  {t('users.resetPassword')}
                </Button>
              </Group>
            )
          }
        ]}
      />
      <Modal opened={dialog?.kind === 'create'} onClose={close} title={t('users.createTitle')}>
        {dialog?.kind === 'create' && <UserCreateForm roles={roleRows} onDone={close} />}
      </Modal>
      <Modal opened={dialog?.kind === 'edit'} onClose={close} title={dialog?.kind === 'edit' ? t('users.editTitle', { username: dialog.user.username }) : ''}>
        {dialog?.kind === 'edit' && <UserEditForm user={dialog.user} roles={roleRows} onDone={close} />}
      </Modal>
      <Modal opened={dialog?.kind === 'reset'} onClose={close} title={dialog?.kind === 'reset' ? t('users.resetTitle', { username: dialog.user.username }) : ''}>
        {dialog?.kind === 'reset' && <ResetPasswordForm user={dialog.user} onDone={close} />}
      </Modal>
    </Stack>
  )
}

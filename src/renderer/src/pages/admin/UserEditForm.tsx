import { Button, Group, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf } from '../../../../shared/contract'
import type { RoleRow, UserRow } from '../../../../shared/contract/users'
import { useApiMutation } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { applyApiError, zodFormErrors } from '../../forms/zodForm'
import { MerchantSelect, merchantIdOf, PLATFORM, RoleMultiSelect } from './userFields'

interface Values {
  displayName: string
  merchantId: string
  roleIds: string[]
}

export function UserEditForm({ user, roles, onDone }: { user: UserRow; roles: readonly RoleRow[]; onDone: () => void }) {
  const { t } = useTranslation()
  const update = useApiMutation('users.update', { invalidate: ['users.list', 'roles.list', 'auth.me'] })
  const toInput = (values: Values): InputOf<'users.update'> => ({
    id: user.id,
    displayName: values.displayName,
    merchantId: merchantIdOf(values.merchantId),
    roleIds: values.roleIds.map(Number)
  })
  const form = useForm<Values>({
    initialValues: {
      displayName: user.displayName,
      merchantId: user.merchantId === null ? PLATFORM : String(user.merchantId),
      roleIds: user.roles.map((role) => String(role.id))
    },
    validate: (values) => zodFormErrors(contract['users.update'].input, toInput(values))
  })

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(toInput(values))
      notifySuccess(t('users.updated', { username: saved.username }))
      onDone()
    } catch (error) {
      applyApiError(form, error)
    }
  })

  const current = user.merchantId !== null && user.merchantName ? { id: user.merchantId, name: user.merchantName } : null
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('users.displayName')} autoComplete="off" data-autofocus {...form.getInputProps('displayName')} />
        <MerchantSelect current={current} {...form.getInputProps('merchantId')} />
        <RoleMultiSelect roles={roles} {...form.getInputProps('roleIds')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

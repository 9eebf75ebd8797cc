import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf } from '../../../../shared/contract'
import type { RoleRow } from '../../../../shared/contract/users'
import { useApiMutation } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { applyApiError, zodFormErrors } from '../../forms/zodForm'
import { MerchantSelect, merchantIdOf, PLATFORM, RoleMultiSelect } from './userFields'

interface Values {
  username: string
  displayName: string
  password: string
  merchantId: string
  roleIds: string[]
}

function toInput(values: Values): InputOf<'users.create'> {
  return {
    username: values.username,
    displayName: values.displayName,
    password: values.password,
    merchantId: merchantIdOf(values.merchantId),
    roleIds: values.roleIds.map(Number)
  }
}

export function UserCreateForm({ roles, onDone }: { roles: readonly RoleRow[]; onDone: () => void }) {
  const { t } = useTranslation()
  const create = useApiMutation('users.create', { invalidate: ['users.list', 'roles.list'] })
  const form = useForm<Values>({
    initialValues: { username: '', displayName: '', password: '', merchantId: PLATFORM, roleIds: [] },
    validate: (values) => zodFormErrors(contract['users.create'].input, toInput(values))
  })

  const submit = form.onSubmit(async (values) => {
    try {
      const user = await create.mutateAsync(toInput(values))
      notifySuccess(t('users.created', { username: user.username }))
      onDone()
    } catch (error) {
      applyApiError(form, error)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('users.username')} autoComplete="off" data-autofocus {...form.getInputProps('username')} />
        <TextInput label={t('users.displayName')} autoComplete="off" {...form.getInputProps('displayName')} />
        <PasswordInput
          label={t('users.initialPassword')}
          description={t('users.initialPasswordHint')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <MerchantSelect {...form.getInputProps('merchantId')} />
        <RoleMultiSelect roles={roles} {...form.getInputProps('roleIds')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

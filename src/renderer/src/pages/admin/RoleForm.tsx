import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../shared/contract'
import type { RoleRow } from '../../../../shared/contract/users'
import { useApiMutation } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { applyApiError, zodFormErrors } from '../../forms/zodForm'
import { PermissionChecklist } from './PermissionChecklist'

interface Values {
  name: string
  description: string
  permissions: string[]
}

const toFields = (values: Values) => ({ name: values.name, description: values.description, permissions: values.permissions.map(Number) })

/** Creates a custom role, or edits one when `role` is given. */
export function RoleForm({ role, onDone }: { role?: RoleRow; onDone: () => void }) {
  const { t } = useTranslation()
  const invalidate = ['roles.list', 'users.list', 'auth.me'] as const
  const create = useApiMutation('roles.create', { invalidate })
  const update = useApiMutation('roles.update', { invalidate })
  const form = useForm<Values>({
    initialValues: {
      name: role?.name ?? '',
      description: role?.description ?? '',
      permissions: role?.permissions.map(String) ?? []
    },
    validate: (values) =>
      role
        ? zodFormErrors(contract['roles.update'].input, { id: role.id, ...toFields(values) })
        : zodFormErrors(contract['roles.create'].input, toFields(values))
  })

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = role ? await update.mutateAsync({ id: role.id, ...toFields(values) }) : await create.mutateAsync(toFields(values))
      notifySuccess(t(role ? 'roles.updated' : 'roles.created', { name: saved.name }))
      onDone()
    } catch (error) {
      applyApiError(form, error)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('roles.name')} autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <Textarea label={t('roles.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <PermissionChecklist {...form.getInputProps('permissions')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {role ? t('common.save') : t('roles.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

import { Button, Group, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../shared/contract'
import type { MerchantRow } from '../../../../shared/contract/merchants'
import { useApiMutation } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { applyApiError, zodFormErrors } from '../../forms/zodForm'

interface Values {
  name: string
  status: 'active' | 'disabled'
}

/** Creates a merchant, or edits one when `merchant` is given. */
export function MerchantForm({ merchant, onDone }: { merchant?: MerchantRow; onDone: () => void }) {
  const { t } = useTranslation()
  const create = useApiMutation('merchants.create', { invalidate: ['merchants.list', 'users.list'] })
  const update = useApiMutation('merchants.update', { invalidate: ['merchants.list', 'users.list', 'auth.me'] })
  const form = useForm<Values>({
    initialValues: { name: merchant?.name ?? '', status: merchant?.status ?? 'active' },
    validate: (values) =>
      merchant
        ? zodFormErrors(contract['merchants.update'].input, { id: merchant.id, ...values })
        : zodFormErrors(contract['merchants.create'].input, values)
  })

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = merchant ? await update.mutateAsync({ id: merchant.id, ...values }) : await create.mutateAsync(values)
      notifySuccess(t(merchant ? 'merchants.updated' : 'merchants.created', { name: saved.name }))
      onDone()
    } catch (error) {
      applyApiError(form, error)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('merchants.name')} autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <Select
          label={t('merchants.status')}
          allowDeselect={false}
          data={[
            { value: 'active', label: t('common.active') },
            { value: 'disabled', label: t('common.disabled') }
          ]}
          {...form.getInputProps('status')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {merchant ? t('common.save') : t('merchants.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

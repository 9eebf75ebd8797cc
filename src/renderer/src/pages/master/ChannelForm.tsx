import { Fieldset, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract as api, type InputOf } from '../../../../shared/contract'
import type { ChannelRow } from '../../../../shared/contract/channels'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { LimitFields } from '../../components/form/LimitFields'
import { useEntityForm } from '../../components/form/useEntityForm'
import { useReferenceLabels } from '../../i18n/reference'
import { CredentialKeys, credentialsOf, CredentialsEditor, type CredentialRow } from './CredentialsEditor'

interface Values {
  name: string
  provider: string
  supportsDeposit: boolean
  supportsPayout: boolean
  currency: string
  paymentLower: string
  paymentUpper: string
  payoutLower: string
  payoutUpper: string
  /** Edit only: off keeps the stored credentials, on replaces them with `credentials`. */
  replaceCredentials: boolean
  credentials: CredentialRow[]
}

/** Creates a channel, or edits one (its currency is fixed; stored credentials are kept unless replaced). */
export function ChannelForm({ channel, onDone }: { channel?: ChannelRow; onDone: () => void }) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const invalidate = ['channels.list', 'channels.get', 'bindings.list', 'limits.availableRange'] as const
  const create = useApiMutation('channels.create', { invalidate })
  const update = useApiMutation('channels.update', { invalidate })
  const { form, submit } = useEntityForm<Values, InputOf<'channels.create'> | InputOf<'channels.update'>>({
    initialValues: {
      name: channel?.name ?? '',
      provider: channel?.provider ?? '',
      supportsDeposit: channel?.supportsDeposit ?? true,
      supportsPayout: channel?.supportsPayout ?? false,
      currency: channel?.currency ?? '',
      paymentLower: channel?.paymentLower ?? '0',
      paymentUpper: channel?.paymentUpper ?? '0',
      payoutLower: channel?.payoutLower ?? '0',
      payoutUpper: channel?.payoutUpper ?? '0',
      replaceCredentials: false,
      credentials: channel ? [] : [{ key: '', value: '' }]
    },
    schema: channel ? api['channels.update'].input : api['channels.create'].input,
    toInput: ({ replaceCredentials, credentials, currency, ...fields }) => {
      const given = credentialsOf(credentials)
      if (!channel) return { ...fields, currency, credentials: given }
      return { id: channel.id, ...fields, ...(replaceCredentials ? { credentials: given } : {}) }
    },
    save: async (input) => {
      const saved = 'id' in input ? await update.mutateAsync(input) : await create.mutateAsync(input)
      return t(channel ? 'channels.updated' : 'channels.created', { name: saved.name })
    },
    onDone
  })
  const currency = channel?.currency ?? (form.values.currency || null)

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label={t('channels.name')} autoComplete="off" data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('channels.provider')} description={t('channels.providerHint')} autoComplete="off" {...form.getInputProps('provider')} />
        </SimpleGrid>
        {channel ? (
          <TextInput label={t('master.currency')} value={labels.currency(channel.currency)} readOnly />
        ) : (
          <Select label={t('master.currency')} data={labels.currencyOptions()} searchable {...form.getInputProps('currency')} />
        )}
        <Group>
          <Switch label={t('channels.supportsDeposit')} {...form.getInputProps('supportsDeposit', { type: 'checkbox' })} />
          <Switch label={t('channels.supportsPayout')} {...form.getInputProps('supportsPayout', { type: 'checkbox' })} />
        </Group>
        {form.values.supportsDeposit && (
          <LimitFields form={form} lower="paymentLower" upper="paymentUpper" legend={t('channels.depositLimits')} currency={currency} />
        )}
        {form.values.supportsPayout && (
          <LimitFields form={form} lower="payoutLower" upper="payoutUpper" legend={t('channels.payoutLimits')} currency={currency} />
        )}
        <Fieldset legend={t('channels.credentials')}>
          {channel && (
            <Stack gap="xs" mb={form.values.replaceCredentials ? 'sm' : 0}>
              <Group gap={4}>
                <Text size="sm">{t('channels.storedKeys')}</Text>
                <CredentialKeys keys={channel.credentialKeys} />
              </Group>
              <Switch
                label={t('channels.replaceCredentials')}
                description={t('channels.replaceCredentialsHint')}
                {...form.getInputProps('replaceCredentials', { type: 'checkbox' })}
              />
            </Stack>
          )}
          {(!channel || form.values.replaceCredentials) && <CredentialsEditor {...form.getInputProps('credentials')} />}
        </Fieldset>
        <FormButtons onCancel={onDone} submitLabel={channel ? t('common.save') : t('channels.create')} loading={form.submitting} />
      </Stack>
    </form>
  )
}

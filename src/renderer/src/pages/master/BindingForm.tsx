import { Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract as api, type InputOf } from '../../../../shared/contract'
import type { BindingRow } from '../../../../shared/contract/bindings'
import type { ChannelRow } from '../../../../shared/contract/channels'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { LimitFields } from '../../components/form/LimitFields'
import { useEntityForm } from '../../components/form/useEntityForm'
import { RemoteSelect } from '../../components/RemoteSelect'
import { formatRange } from '../../format/amount'
import { useReferenceLabels } from '../../i18n/reference'

interface Values {
  channelId: string
  serviceId: string
  boundLower: string
  boundUpper: string
}

/** The services a channel can serve: its currency, and its direction when it supports only one. */
function serviceFilter(channel: ChannelRow | undefined): Partial<InputOf<'services.list'>> | undefined {
  if (!channel) return undefined
  const direction: 'deposit' | 'payout' | undefined = channel.supportsDeposit && channel.supportsPayout ? undefined : channel.supportsDeposit ? 'deposit' : 'payout'
  return { currency: channel.currency, direction, status: 'active' as const }
}

/** Binds a channel to a service (same currency and direction), or edits a binding's bounds. */
export function BindingForm({ binding, onDone }: { binding?: BindingRow; onDone: () => void }) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const [channel, setChannel] = useState<ChannelRow | undefined>()
  const invalidate = ['bindings.list', 'limits.availableRange', 'services.list', 'channels.list'] as const
  const create = useApiMutation('bindings.create', { invalidate })
  const update = useApiMutation('bindings.update', { invalidate })
  const { form, submit } = useEntityForm<Values, InputOf<'bindings.create'>>({
    initialValues: {
      channelId: binding ? String(binding.channelId) : '',
      serviceId: binding ? String(binding.serviceId) : '',
      boundLower: binding?.boundLower ?? '0',
      boundUpper: binding?.boundUpper ?? '0'
    },
    schema: binding ? api['bindings.update'].input : api['bindings.create'].input,
    toInput: (v) => ({
      channelId: v.channelId ? Number(v.channelId) : Number.NaN,
      serviceId: v.serviceId ? Number(v.serviceId) : Number.NaN,
      boundLower: v.boundLower,
      boundUpper: v.boundUpper
    }),
    save: async (input) => {
      const saved = binding ? await update.mutateAsync({ ...input, boundLower: input.boundLower ?? '0', boundUpper: input.boundUpper ?? '0' }) : await create.mutateAsync(input)
      return t(binding ? 'bindings.updated' : 'bindings.created', { channel: saved.channelName, merchant: saved.merchantName })
    },
    onDone
  })
  const currency = binding?.currency ?? channel?.currency ?? null

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {binding ? (
          <Text size="sm">
            {binding.channelName} ↔ {binding.merchantName} · {labels.serviceType(binding.serviceType)} · {t(`master.directions.${binding.direction}`)} ·{' '}
            {binding.currency}
          </Text>
        ) : (
          <>
            <RemoteSelect
              procedure="channels.list"
              // A rehearsal copy takes its live channel's bindings at every rehearsal.
              filter={{ status: 'active', rehearsalCopies: false }}
              toOption={(c) => ({ value: String(c.id), label: `${c.name} · ${c.currency}` })}
              label={t('bindings.channel')}
              placeholder={t('bindings.pickChannel')}
              value={form.values.channelId || null}
              error={form.errors.channelId}
              onChange={(value, row) => {
                form.setFieldValue('channelId', value ?? '')
                form.setFieldValue('serviceId', '')
                setChannel(row)
              }}
            />
            <RemoteSelect
              key={form.values.channelId}
              procedure="services.list"
              filter={serviceFilter(channel)}
              enabled={channel !== undefined}
              disabled={channel === undefined}
              toOption={(s) => ({
                value: String(s.id),
                label: `#${s.id} ${s.merchantName} · ${labels.serviceType(s.serviceType)} · ${t(`master.directions.${s.direction}`)} · ${formatRange(s.singleLower, s.singleUpper, s.currency, t)}`
              })}
              label={t('bindings.service')}
              description={t('bindings.serviceHint')}
              placeholder={channel ? t('bindings.pickService') : t('bindings.pickChannelFirst')}
              value={form.values.serviceId || null}
              error={form.errors.serviceId}
              onChange={(value) => form.setFieldValue('serviceId', value ?? '')}
            />
          </>
        )}
        <LimitFields form={form} lower="boundLower" upper="boundUpper" legend={t('bindings.bounds')} currency={currency} />
        <FormButtons onCancel={onDone} submitLabel={binding ? t('common.save') : t('bindings.create')} loading={form.submitting} />
      </Stack>
    </form>
  )
}

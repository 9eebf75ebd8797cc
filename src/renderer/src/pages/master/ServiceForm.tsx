import { SegmentedControl, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract as api, type InputOf } from '../../../../shared/contract'
import type { ServiceRow } from '../../../../shared/contract/services'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { LimitFields } from '../../components/form/LimitFields'
import { MerchantField, useDefaultMerchant } from '../../components/form/MerchantField'
import { useEntityForm } from '../../components/form/useEntityForm'
import { currenciesOfServiceType, useReferenceLabels } from '../../i18n/reference'

interface Values {
  merchantId: string
  serviceType: string
  direction: 'deposit' | 'payout'
  currency: string
  singleLower: string
  singleUpper: string
  activated: boolean
}

/** Activates a service type for a merchant, or edits its limits and activation (type, direction and currency are fixed). */
export function ServiceForm({ service, onDone }: { service?: ServiceRow; onDone: () => void }) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const defaultMerchant = useDefaultMerchant()
  const invalidate = ['services.list', 'services.get', 'bindings.list', 'limits.availableRange'] as const
  const create = useApiMutation('services.create', { invalidate })
  const update = useApiMutation('services.update', { invalidate })
  const { form, submit } = useEntityForm<Values, InputOf<'services.create'> | InputOf<'services.update'>>({
    initialValues: {
      merchantId: service ? String(service.merchantId) : defaultMerchant,
      serviceType: service?.serviceType ?? '',
      direction: service?.direction ?? 'deposit',
      currency: service?.currency ?? '',
      singleLower: service?.singleLower ?? '0',
      singleUpper: service?.singleUpper ?? '0',
      activated: service?.activated ?? true
    },
    schema: service ? api['services.update'].input : api['services.create'].input,
    toInput: ({ merchantId, singleLower, singleUpper, activated, ...fixed }) =>
      service
        ? { id: service.id, singleLower, singleUpper, activated }
        : { merchantId: merchantId ? Number(merchantId) : Number.NaN, ...fixed, singleLower, singleUpper, activated },
    save: async (input) => {
      const saved = 'id' in input ? await update.mutateAsync(input) : await create.mutateAsync(input)
      const name = `${saved.merchantName} · ${labels.serviceType(saved.serviceType)}`
      return t(service ? 'services.updated' : 'services.created', { name })
    },
    onDone
  })
  const allowed = currenciesOfServiceType(form.values.serviceType)
  const typeInput = form.getInputProps('serviceType')

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {service ? (
          <Text size="sm">
            {service.merchantName} · {labels.serviceType(service.serviceType)} · {t(`master.directions.${service.direction}`)} · {service.currency}
          </Text>
        ) : (
          <>
            <MerchantField {...form.getInputProps('merchantId')} />
            <SimpleGrid cols={2}>
              <Select
                label={t('master.serviceType')}
                data={labels.serviceTypeOptions()}
                {...typeInput}
                onChange={(type) => {
                  typeInput.onChange(type)
                  // The currency must be one the type allows; a type with one currency sets it.
                  const currencies = currenciesOfServiceType(type ?? '')
                  form.setFieldValue('currency', currencies.length === 1 ? currencies[0] : currencies.includes(form.values.currency) ? form.values.currency : '')
                }}
              />
              <Select
                label={t('master.currency')}
                data={labels.currencyOptions(allowed)}
                disabled={allowed.length === 0}
                placeholder={allowed.length === 0 ? t('services.pickTypeFirst') : undefined}
                {...form.getInputProps('currency')}
              />
            </SimpleGrid>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('master.direction')}
              </Text>
              <SegmentedControl
                data={[
                  { value: 'deposit', label: t('master.directions.deposit') },
                  { value: 'payout', label: t('master.directions.payout') }
                ]}
                {...form.getInputProps('direction')}
              />
            </Stack>
          </>
        )}
        <LimitFields form={form} lower="singleLower" upper="singleUpper" legend={t('services.singleLimit')} currency={service?.currency ?? (form.values.currency || null)} />
        <Switch label={t('services.activatedSwitch')} description={t('services.activatedHint')} {...form.getInputProps('activated', { type: 'checkbox' })} />
        <FormButtons onCancel={onDone} submitLabel={service ? t('common.save') : t('services.create')} loading={form.submitting} />
      </Stack>
    </form>
  )
}

/**
 * Step 4: the fields the chosen service type needs for this direction (the seed's table, from the
 * shared `requiredFields`): names, card number, remark code, bank (from the type's country list),
 * phone, ID number, recipient account and USDT network.
 */
import { Select, SimpleGrid, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { requiredFields } from '../../../../../shared/order-fields'
import { BANKS, bankLabel, serviceType, USDT_NETWORKS, type OrderField } from '../../../../../shared/reference'
import type { OrderFormState } from './useOrderForm'

const HINTS = ['remarkCode', 'idNumber', 'recipientAccount', 'bankCode'] as const
type Hinted = (typeof HINTS)[number]
const hinted = (name: OrderField): name is Hinted => (HINTS as readonly string[]).includes(name)

export function OrderFieldInputs({ state }: { state: OrderFormState }) {
  const { t } = useTranslation()
  const { form, service, direction } = state
  if (!service) return null
  const type = serviceType(service.serviceType)
  const names = requiredFields(service.serviceType, direction)
  if (names.length === 0) return null
  const input = (name: OrderField) => {
    const common = {
      label: t(`orders.fields.${name}`),
      description: hinted(name) ? t(`orders.fieldHints.${name}`) : undefined,
      withAsterisk: true,
      ...form.getInputProps(`fields.${name}`)
    }
    // The bank from the service type's country list; the USDT network from the supported ones.
    const choices =
      name === 'bankCode' && type?.bankList
        ? BANKS[type.bankList].map((bank) => ({ value: bank.code, label: bankLabel(bank) }))
        : name === 'network'
          ? [...USDT_NETWORKS]
          : null
    if (choices) {
      return (
        <Select
          key={name}
          {...common}
          value={form.values.fields[name] || null}
          onChange={(value) => form.setFieldValue(`fields.${name}`, value ?? '')}
          data={choices}
          searchable={name === 'bankCode'}
          nothingFoundMessage={t('table.noRecords')}
        />
      )
    }
    return <TextInput key={name} {...common} autoComplete="off" inputMode={name === 'cardNumber' || name === 'phone' ? 'numeric' : undefined} />
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="order-fields">
      {names.map(input)}
    </SimpleGrid>
  )
}

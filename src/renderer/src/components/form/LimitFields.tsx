/** A lower and an upper amount limit side by side, "0" meaning no limit on that side. */
import { Group, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'

interface LimitFieldsProps<V> {
  form: UseFormReturnType<V>
  lower: keyof V & string
  upper: keyof V & string
  /** "Deposit limits", "Single limit"… */
  legend: string
  currency: string | null
}

export function LimitFields<V>({ form, lower, upper, legend, currency }: LimitFieldsProps<V>) {
  const { t } = useTranslation()
  const suffix = currency ? ` (${currency})` : ''
  return (
    <Group grow align="flex-start">
      {([lower, upper] as const).map((field, index) => (
        <TextInput
          key={field}
          label={`${legend}: ${index === 0 ? t('master.lower') : t('master.upper')}${suffix}`}
          description={t('master.zeroNoLimit')}
          inputMode="decimal"
          autoComplete="off"
          {...form.getInputProps(field)}
        />
      ))}
    </Group>
  )
}

/**
 * How a run matches a source's lines (tolerances, the time window, the grace before the period's
 * end, the cut-off margin): saved with the profile, and overridable for one run, where an empty
 * field keeps the profile's value (shown as its placeholder).
 */
import { NumberInput, SimpleGrid, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { MatchingSettings } from '../../../../shared/contract/recon-profile'

type Minutes = 'windowMinutes' | 'graceMinutes' | 'cutoffMinutes'
const MINUTES: readonly Minutes[] = ['windowMinutes', 'graceMinutes', 'cutoffMinutes']

interface MatchingFieldsProps {
  values: Partial<MatchingSettings>
  onChange: (patch: Partial<MatchingSettings>) => void
  /** For a run: the profile's settings, which an empty field keeps. */
  placeholders?: MatchingSettings
  /** Problems by field name. */
  errors?: Partial<Record<keyof MatchingSettings, string>>
}

export function MatchingFields({ values, onChange, placeholders, errors = {} }: MatchingFieldsProps) {
  const { t } = useTranslation()
  const placeholder = (field: keyof MatchingSettings) => (placeholders ? String(placeholders[field]) : undefined)
  const text = (field: 'toleranceAmount' | 'tolerancePercent') => (
    <TextInput
      label={t(`recon.matching.${field}`)}
      description={t(`recon.matching.${field}Hint`)}
      inputMode="decimal"
      placeholder={placeholder(field)}
      value={values[field] ?? ''}
      onChange={(e) => onChange({ [field]: e.currentTarget.value === '' ? undefined : e.currentTarget.value })}
      error={errors[field]}
    />
  )
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} data-testid="matching-fields">
      {text('toleranceAmount')}
      {text('tolerancePercent')}
      {MINUTES.map((field) => (
        <NumberInput
          key={field}
          label={t(`recon.matching.${field}`)}
          description={t(`recon.matching.${field}Hint`)}
          min={0}
          allowDecimal={false}
          placeholder={placeholder(field)}
          value={values[field] ?? ''}
          onChange={(v) => onChange({ [field]: typeof v === 'number' ? v : undefined })}
          error={errors[field]}
        />
      ))}
    </SimpleGrid>
  )
}

/**
 * Settings › Four eyes: which manual money movements wait for a second user's approval, from which
 * amount. One rule per kind and currency, its threshold in that currency: amounts at or over it
 * wait; a kind or currency without a rule never waits (off by default).
 */
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf, OutputOf } from '../../../../shared/contract'
import { FOUR_EYES_KIND_VALUES, type FourEyesRule } from '../../../../shared/contract/four-eyes'
import { useApiQuery } from '../../api/hooks'
import { useReferenceLabels } from '../../i18n/reference'
import { SaveButton, SettingsSection, useSettingsForm } from './SettingsSection'

interface Values {
  rules: FourEyesRule[]
}

const toInput = (values: Values) => ({ rules: values.rules.map((r) => ({ kind: r.kind, currency: r.currency, threshold: r.threshold.trim() })) }) as InputOf<'fourEyes.updateSettings'>

function FourEyesForm({ settings }: { settings: OutputOf<'fourEyes.settings'> }) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const { form, submit } = useSettingsForm({ update: 'fourEyes.updateSettings', read: 'fourEyes.settings', initialValues: { rules: settings.rules } as Values, toInput, savedMessage: t('fourEyes.settings.saved') })
  const kinds = FOUR_EYES_KIND_VALUES.map((k) => ({ value: k, label: t(`fourEyes.kinds.${k}`) }))
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {form.values.rules.length === 0 && (
          <Text size="sm" data-testid="four-eyes-off">
            {t('fourEyes.settings.off')}
          </Text>
        )}
        {form.values.rules.map((_, i) => (
          <Group key={i} align="flex-start" wrap="nowrap" data-testid="four-eyes-rule">
            <Select label={t('fourEyes.settings.kind')} data={kinds} allowDeselect={false} {...form.getInputProps(`rules.${i}.kind`)} />
            <Select label={t('fourEyes.settings.currency')} data={labels.currencyOptions()} searchable allowDeselect={false} w={120} {...form.getInputProps(`rules.${i}.currency`)} />
            <TextInput label={t('fourEyes.settings.threshold')} description={t('fourEyes.settings.thresholdHint')} inputMode="decimal" {...form.getInputProps(`rules.${i}.threshold`)} />
            <ActionIcon variant="subtle" color="red" mt={26} aria-label={t('fourEyes.settings.remove')} onClick={() => form.removeListItem('rules', i)}>
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem('rules', { kind: 'payout', currency: '', threshold: '' })}>
            {t('fourEyes.settings.add')}
          </Button>
        </Group>
        <SaveButton loading={form.submitting} />
      </Stack>
    </form>
  )
}

export function FourEyesSection() {
  const { t } = useTranslation()
  const query = useApiQuery('fourEyes.settings', {}, { meta: { silent: true } })
  return (
    <SettingsSection<'fourEyes.settings'> title={t('fourEyes.settings.title')} hint={t('fourEyes.settings.hint')} query={query}>
      {(settings) => <FourEyesForm key={JSON.stringify(settings)} settings={settings} />}
    </SettingsSection>
  )
}

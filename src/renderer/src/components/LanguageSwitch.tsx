import { Group, NativeSelect, Text } from '@mantine/core'
import { useId } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { currentLanguage, isLanguage, setLanguage, type Language } from '../i18n'

/**
 * A native <select> with a visible label, so keyboards, screen readers and tests all find it.
 * `onChange` hears the new choice (signed in: it is saved for the user).
 */
export function LanguageSwitch({ onChange }: { onChange?: (language: Language) => void }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <Group gap={6} wrap="nowrap">
      <Text component="label" htmlFor={id} size="sm">
        {t('header.language')}
      </Text>
      <NativeSelect
        id={id}
        size="xs"
        value={currentLanguage()}
        onChange={(event) => {
          const value = event.currentTarget.value
          if (!isLanguage(value)) return
          setLanguage(value)
          onChange?.(value)
        }}
        data={[
          { value: 'en', label: t('languages.en') },
          { value: 'zh-CN', label: t('languages.zhCN') }
        ]}
      />
    </Group>
  )
}

import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme, type MantineColorScheme } from '@mantine/core'
import { IconMoon, IconSun } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

/** `onChange` hears the new scheme (signed in: it is saved for the user). */
export function ColorSchemeToggle({ onChange }: { onChange?: (scheme: MantineColorScheme) => void }) {
  const { t } = useTranslation()
  const { setColorScheme } = useMantineColorScheme()
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false })
  const label = scheme === 'dark' ? t('header.lightMode') : t('header.darkMode')
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={label}
        onClick={() => {
          const next = scheme === 'dark' ? 'light' : 'dark'
          setColorScheme(next)
          onChange?.(next)
        }}
      >
        {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  )
}

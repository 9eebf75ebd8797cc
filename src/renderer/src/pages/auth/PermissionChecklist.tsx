import { Checkbox, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PLATFORM_ONLY_CODES, withNeeds } from '../../../../shared/permissions'
import { permissionLabel } from '../../i18n/labels'
import { groupByArea } from './permissionGroups'

interface PermissionChecklistProps {
  value?: string[]
  onChange: (value: string[]) => void
  error?: ReactNode
}

/** Every permission of the catalog, one checkbox group per area. */
export function PermissionChecklist({ value = [], onChange, error }: PermissionChecklistProps) {
  const { t } = useTranslation()
  const groups = groupByArea()
  // Each area is its own group; the role holds the union of what is ticked in all of them. Ticking a
  // code ticks what it needs too; unticking a needed code is left to the contract's refusal to say.
  const setArea = (areaCodes: readonly number[], ticked: string[]) => {
    const next = [...value.filter((code) => !areaCodes.includes(Number(code))), ...ticked]
    const added = ticked.some((code) => !value.includes(code))
    onChange(added ? withNeeds(next.map(Number)).map(String) : next)
  }
  return (
    <Stack gap="sm">
      <Text fw={500} size="sm">
        {t('roles.permissions')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('roles.needsHint')}
      </Text>
      {groups.map((group) => (
        <Fieldset key={group.area} legend={t(`areas.${group.area}`)} variant="filled">
          <Checkbox.Group
            aria-label={t(`areas.${group.area}`)}
            value={value.filter((code) => group.codes.includes(Number(code) as never))}
            onChange={(ticked) => setArea(group.codes, ticked)}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {group.codes.map((code) => (
                <Checkbox
                  key={code}
                  value={String(code)}
                  label={`${permissionLabel(t, code)} (${code})`}
                  description={PLATFORM_ONLY_CODES.includes(code) ? t('roles.platformOnly') : undefined}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Fieldset>
      ))}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  )
}

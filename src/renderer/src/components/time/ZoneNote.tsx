/**
 * "Times in UTC+08:00" at the foot of the navigation, on every page: the zone every time on the
 * screen is shown in. It opens the dialog to choose another.
 */
import { Button } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconClock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { displayTimeZone } from '../../format/time'
import { DisplayZoneDialog } from './DisplayZoneDialog'

export function ZoneNote() {
  const { t } = useTranslation()
  const [opened, dialog] = useDisclosure(false)
  return (
    <>
      <Button variant="subtle" color="gray" size="compact-xs" leftSection={<IconClock size={12} />} onClick={dialog.open} data-testid="zone-note">
        {t('timeZones.shownIn', { zone: displayTimeZone() })}
      </Button>
      <DisplayZoneDialog opened={opened} onClose={dialog.close} />
    </>
  )
}

import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { displayTimeZone } from '../../format/time'

/** Every time on these screens is shown in the computer's own zone (format/time.ts); the screen says which. */
export function TimeZoneNote() {
  const { t } = useTranslation()
  return (
    <Text size="xs" c="dimmed" data-testid="time-zone-note">
      {t('recon.timesIn', { zone: displayTimeZone() })}
    </Text>
  )
}

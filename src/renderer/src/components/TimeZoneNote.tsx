import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { displayTimeZone } from '../format/time'

/** The zone every time on the page is shown in: the user's display zone (format/time.ts), named. */
export function TimeZoneNote() {
  const { t } = useTranslation()
  return (
    <Text size="xs" c="dimmed" data-testid="time-zone-note">
      {t('app.timesIn', { zone: displayTimeZone() })}
    </Text>
  )
}

import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { zoneLabel } from '../../../shared/time-zone'
import { useApiQuery } from '../api/hooks'
import { displayTimeZone } from '../format/time'

/**
 * The zone every time on the page is shown in: the user's display zone (format/time.ts), named.
 * `days`: the page also filters by date, and its dates are business days cut in the tenant's zone.
 */
export function TimeZoneNote({ days = false }: { days?: boolean }) {
  const { t } = useTranslation()
  const businessZone = useApiQuery('system.info', {}, { staleTime: Infinity, enabled: days }).data?.timeZone
  return (
    <Text size="xs" c="dimmed" data-testid="time-zone-note">
      {days && businessZone ? t('app.daysAndTimes', { business: zoneLabel(businessZone), display: displayTimeZone() }) : t('app.timesIn', { zone: displayTimeZone() })}
    </Text>
  )
}

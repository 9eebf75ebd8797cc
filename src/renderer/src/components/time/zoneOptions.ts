/** The zones a picker offers: the common ones, this computer's, and the one already chosen. */
import { COMMON_TIME_ZONES, zoneLabel } from '../../../../shared/time-zone'

export interface ZoneOption {
  value: string
  label: string
}

export function zoneOptions(extra: (string | null | undefined)[] = []): ZoneOption[] {
  const zones = [...new Set([...extra.filter((z): z is string => !!z), ...COMMON_TIME_ZONES])]
  return zones.map((zone) => ({ value: zone, label: zoneLabel(zone) }))
}

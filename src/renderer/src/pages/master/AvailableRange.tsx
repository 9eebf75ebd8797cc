/**
 * The amount range a service can take on a channel (SPEC §3), as `limits.availableRange` works
 * it out from the channel, service and binding bounds: the range with the source of each side,
 * or "No available range" with why. The crossing case is worded here from the answer's numbers
 * and sources, so both languages read it whole; other reasons are the host's texts, translated.
 */
import { Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { AvailableRangeOutput } from '../../../../shared/contract/limits'
import { Decimal } from '../../../../shared/money'
import { useApiQuery } from '../../api/hooks'
import { formatAmount, formatRange, isNoLimit } from '../../format/amount'
import { translateText } from '../../i18n/messages'

type Source = 'channel' | 'service' | 'binding'

function sourceLabel(t: TFunction, source: Source | null): string {
  return source ? t(`limits.sources.${source}`) : t('limits.sources.none')
}

/** True when the sides cross: upper set and below lower. */
export function rangeCrosses(range: Pick<AvailableRangeOutput, 'lower' | 'upper'>): boolean {
  return !isNoLimit(range.upper) && new Decimal(range.upper).lt(range.lower)
}

/** Why the pair is unusable, in the interface language. */
export function unusableReason(t: TFunction, range: AvailableRangeOutput): string {
  if (rangeCrosses(range)) {
    return t('limits.crossing', {
      upper: formatAmount(range.upper, range.currency),
      upperSource: sourceLabel(t, range.upperSource),
      lower: formatAmount(range.lower, range.currency),
      lowerSource: sourceLabel(t, range.lowerSource)
    })
  }
  return range.reasonText ? translateText(range.reasonText, t) : (range.reason ?? '')
}

export function RangeText({ range }: { range: AvailableRangeOutput }) {
  const { t } = useTranslation()
  const crosses = rangeCrosses(range)
  const sides = [
    !isNoLimit(range.lower) && t('limits.lowerFrom', { source: sourceLabel(t, range.lowerSource) }),
    !isNoLimit(range.upper) && t('limits.upperFrom', { source: sourceLabel(t, range.upperSource) })
  ].filter(Boolean)
  return (
    <Stack gap={0}>
      {range.usable ? (
        <Text size="sm" fw={500}>
          {formatRange(range.lower, range.upper, range.currency, t)}
        </Text>
      ) : (
        <>
          <Text size="sm" fw={500} c="red">
            {t('limits.noRange')}
          </Text>
          <Text size="xs" c="red">
            {unusableReason(t, range)}
          </Text>
        </>
      )}
      {!crosses && (
        <Text size="xs" c="dimmed">
          {!range.usable && `${t('limits.limitsAre', { range: formatRange(range.lower, range.upper, range.currency, t) })} · `}
          {sides.length > 0 ? sides.join(' · ') : t('limits.unlimited')}
        </Text>
      )}
    </Stack>
  )
}

/** One binding's available range, asked of the host (cached per channel and service). */
export function AvailableRangeCell({ channelId, serviceId }: { channelId: number; serviceId: number }) {
  const { t } = useTranslation()
  const range = useApiQuery('limits.availableRange', { channelId, serviceId })
  return (
    <div data-testid="available-range">
      {range.data ? (
        <RangeText range={range.data} />
      ) : (
        <Text size="sm" c="dimmed">
          {range.isError ? t('limits.unknown') : t('table.loading')}
        </Text>
      )}
    </div>
  )
}

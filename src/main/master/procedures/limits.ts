/**
 * limits.availableRange: the limit engine over stored rows. An unbound pair is not an error: it
 * answers usable=false with the reason, like a disabled side or crossing bounds, so the order form
 * shows one hint whatever is wrong. A service or channel the caller cannot see is a 404.
 */
import { and, eq } from 'drizzle-orm'
import type { AvailableRangeOutput } from '../../../shared/contract/limits'
import { fromMinor } from '../../../shared/money'
import { say } from '../../../shared/server-text'
import { services } from '../../db/schema'
import { evaluatePair } from '../limits'
import { actorOf } from '../../core/context'
import { notFound } from '../../core/errors'
import { inEnglish } from '../../core/text'
import { handlers } from '../../core/registry'
import { assertCanRead } from '../../core/scope'
import { visibleChannel } from '../channels'

export const limitProcedures = handlers({
  'limits.availableRange': (ctx, input): AvailableRangeOutput => {
    const service = ctx.db.select().from(services).where(and(eq(services.id, input.serviceId), eq(services.tenantId, ctx.tenantId))).get()
    if (!service) throw notFound(say('thing.service', { id: input.serviceId }))
    assertCanRead(actorOf(ctx), service.merchantId, say('thing.service', { id: input.serviceId }))
    const channel = visibleChannel(ctx.db, ctx, input.channelId)
    const { binding, channelBounds, range, blockers, format } = evaluatePair(ctx.db, service, channel)
    const currency = service.currency
    const payout = service.direction === 'payout'
    // A channel is shared by merchants: a merchant-bound user sees its range, never its balance.
    const channelAvailable = payout && actorOf(ctx).merchantId === null ? ctx.ledger.balance({ kind: 'channel', channelId: channel.id, currency: channel.currency }).available : null
    const merchantAvailable = payout ? ctx.ledger.balance({ kind: 'merchant_available', merchantId: service.merchantId, currency }).available : null
    return {
      serviceId: service.id,
      channelId: channel.id,
      currency,
      direction: service.direction,
      usable: blockers.length === 0,
      lower: format(range.lower),
      upper: format(range.upper),
      lowerSource: range.lowerSource,
      upperSource: range.upperSource,
      reason: blockers.length ? inEnglish(blockers[0]) : null,
      reasonText: blockers[0] ?? null,
      sources: {
        channel: { lower: fromMinor(channelBounds.lower, channel.currency), upper: fromMinor(channelBounds.upper, channel.currency) },
        service: { lower: format(service.singleLowerMinor), upper: format(service.singleUpperMinor) },
        binding: binding ? { lower: format(binding.boundLowerMinor), upper: format(binding.boundUpperMinor) } : null
      },
      channelAvailable: channelAvailable === null ? null : fromMinor(channelAvailable, channel.currency),
      merchantAvailable: merchantAvailable === null ? null : format(merchantAvailable)
    }
  }
})

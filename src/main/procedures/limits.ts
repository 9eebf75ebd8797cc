/**
 * limits.availableRange: the limit engine over stored rows. An unbound pair is not an error: it
 * answers usable=false with the reason, like a disabled side or crossing bounds, so the order form
 * shows one hint whatever is wrong. A service or channel the caller cannot see is a 404.
 */
import { and, eq } from 'drizzle-orm'
import type { AvailableRangeOutput } from '../../shared/contract/limits'
import { availableRange, type Bounds } from '../../shared/limits'
import { fromMinor } from '../../shared/money'
import { channelServiceBindings as bindings, services } from '../db/schema'
import { actorOf } from '../core/context'
import { notFound } from '../core/errors'
import { handlers } from '../core/registry'
import { assertCanRead } from '../core/scope'
import { visibleChannel } from './channels'

const NO_LIMIT: Bounds = { lower: 0, upper: 0 }

export const limitProcedures = handlers({
  'limits.availableRange': (ctx, input): AvailableRangeOutput => {
    const service = ctx.db.select().from(services).where(and(eq(services.id, input.serviceId), eq(services.tenantId, ctx.tenantId))).get()
    if (!service) throw notFound(`Service ${input.serviceId}`)
    assertCanRead(actorOf(ctx), service.merchantId, `Service ${input.serviceId}`)
    const channel = visibleChannel(ctx.db, ctx, input.channelId)
    const binding = ctx.db
      .select()
      .from(bindings)
      .where(and(eq(bindings.channelId, channel.id), eq(bindings.serviceId, service.id)))
      .get()

    const currency = service.currency
    const payout = service.direction === 'payout'
    const channelBounds: Bounds = payout
      ? { lower: channel.payoutLowerMinor, upper: channel.payoutUpperMinor }
      : { lower: channel.paymentLowerMinor, upper: channel.paymentUpperMinor }
    const sameCurrency = channel.currency === currency
    const format = (minor: number) => fromMinor(minor, currency)
    // Bounds in another currency cannot be compared: such a pair is refused below, and its range
    // is the service's alone.
    const range = availableRange(
      {
        channel: sameCurrency ? channelBounds : NO_LIMIT,
        service: { lower: service.singleLowerMinor, upper: service.singleUpperMinor },
        binding: binding ? { lower: binding.boundLowerMinor, upper: binding.boundUpperMinor } : NO_LIMIT
      },
      format
    )

    const blockers = [
      !sameCurrency && `channel "${channel.name}" is in ${channel.currency} but the service is in ${currency}`,
      !(payout ? channel.supportsPayout : channel.supportsDeposit) && `channel "${channel.name}" does not support ${service.direction}s`,
      !binding && `channel "${channel.name}" is not bound to this service`,
      service.status !== 'active' && 'the service is disabled',
      service.activatedAt === null && 'the service is not activated',
      channel.status !== 'active' && `channel "${channel.name}" is disabled`,
      binding && binding.status !== 'active' && 'the binding of this channel to the service is disabled',
      range.reason
    ].filter((r): r is string => typeof r === 'string')

    const channelAvailable = payout ? ctx.ledger.balance({ kind: 'channel', channelId: channel.id, currency: channel.currency }).available : null
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
      reason: blockers[0] ?? null,
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

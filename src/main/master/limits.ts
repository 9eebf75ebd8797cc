/**
 * A service on a channel: the available range from the limit engine plus everything else that
 * makes the pair unusable (not bound, disabled, not activated, another currency or direction).
 * Used by `limits.availableRange`, the order form's options and order creation alike.
 */
import { and, eq } from 'drizzle-orm'
import { availableRange, type AvailableRange, type Bounds } from '../../shared/limits'
import { fromMinor } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { say, term, type ServerText } from '../../shared/server-text'
import type { Db } from '../db/open'
import { channelServiceBindings as bindings, type channels, type services } from '../db/schema'
import type { Tx } from '../db/transaction'
import { channelText } from './channels'

type Service = typeof services.$inferSelect
type Channel = Omit<typeof channels.$inferSelect, 'credentialsEnc'>
type Binding = typeof bindings.$inferSelect

const NO_LIMIT: Bounds = { lower: 0, upper: 0 }

export interface PairEvaluation {
  service: Service
  channel: Channel
  binding: Binding | null
  channelBounds: Bounds
  range: AvailableRange
  /** Every reason the pair cannot take orders, most fundamental first. */
  blockers: ServerText[]
  usable: boolean
  /** An amount as data: the currency's decimal string ("20000.00"). */
  format: (minor: number | bigint) => string
  /** An amount in a sentence, as the screens write it ("20,000.00 CNY"). */
  money: (minor: number | bigint) => string
}

export function channelBoundsFor(channel: Channel, direction: 'deposit' | 'payout'): Bounds {
  return direction === 'payout'
    ? { lower: channel.payoutLowerMinor, upper: channel.payoutUpperMinor }
    : { lower: channel.paymentLowerMinor, upper: channel.paymentUpperMinor }
}

export function evaluatePair(db: Db | Tx, service: Service, channel: Channel): PairEvaluation {
  const binding = db.select().from(bindings).where(and(eq(bindings.channelId, channel.id), eq(bindings.serviceId, service.id))).get() ?? null
  const currency = service.currency
  const payout = service.direction === 'payout'
  const channelBounds = channelBoundsFor(channel, service.direction)
  const sameCurrency = channel.currency === currency
  const format = (minor: number | bigint) => fromMinor(minor, currency)
  const money = (minor: number | bigint) => moneyText(minor, currency)
  // Bounds in another currency cannot be compared: such a pair is refused below, and its range
  // is the service's and binding's alone.
  const range = availableRange(
    {
      channel: sameCurrency ? channelBounds : NO_LIMIT,
      service: { lower: service.singleLowerMinor, upper: service.singleUpperMinor },
      binding: binding ? { lower: binding.boundLowerMinor, upper: binding.boundUpperMinor } : NO_LIMIT
    },
    money
  )
  // Named only when a reason is given (a rehearsal copy by its live channel: one more look-up).
  const name = () => channelText(db, channel)
  const blockers = [
    !sameCurrency && say('error.pair.currency', { name: name(), currency: channel.currency, serviceCurrency: currency }),
    !(payout ? channel.supportsPayout : channel.supportsDeposit) && say('error.pair.direction', { name: name(), direction: term('directionWord', service.direction) }),
    !binding && say('error.pair.notBound', { name: name() }),
    service.status !== 'active' && say('error.pair.serviceDisabled'),
    service.activatedAt === null && say('error.pair.serviceNotActivated'),
    channel.status !== 'active' && say('error.pair.channelDisabled', { name: name() }),
    binding && binding.status !== 'active' && say('error.pair.bindingDisabled'),
    range.reason
  ].filter((r): r is ServerText => typeof r === 'object' && r !== null)
  return { service, channel, binding, channelBounds, range, blockers, usable: blockers.length === 0, format, money }
}

import { z } from 'zod'
import { PERMISSIONS } from '../permissions'
import { id } from '../schemas'
import { serverTextSchema } from '../server-text'
import { query } from './define'
import { direction } from './master-fields'

const source = z.enum(['channel', 'service', 'binding'])
const bounds = z.object({ lower: z.string(), upper: z.string() })

/** The amount range of a service on a channel: amounts are decimal strings, "0" = no limit on that side. */
export const availableRangeOutput = z.object({
  serviceId: z.number(),
  channelId: z.number(),
  currency: z.string(),
  direction,
  /** True when an amount can be entered: bound, everything enabled and activated, and the range not empty. */
  usable: z.boolean(),
  lower: z.string(),
  upper: z.string(),
  lowerSource: source.nullable(),
  upperSource: source.nullable(),
  /** Why the pair is not usable (not bound, disabled, not activated, or the sides cross), in English. */
  reason: z.string().nullable(),
  /** The same reason as a catalog text: what screens show. */
  reasonText: serverTextSchema.nullable(),
  sources: z.object({ channel: bounds, service: bounds, binding: bounds.nullable() }),
  /** Payout services only: what the channel can pay out now (null for a merchant-bound user), and what the merchant has available; null for deposits. */
  channelAvailable: z.string().nullable(),
  merchantAvailable: z.string().nullable()
})
export type AvailableRangeOutput = z.infer<typeof availableRangeOutput>

export const limitsContract = {
  'limits.availableRange': query({
    input: z.object({ serviceId: id, channelId: id }),
    output: availableRangeOutput,
    access: [
      PERMISSIONS.OPERATION_PAYMENT_WRITE,
      PERMISSIONS.OPERATION_PAYMENT_GLOBAL_WRITE,
      PERMISSIONS.OPERATION_PAYOUT_WRITE,
      PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE,
      PERMISSIONS.MASTER_DATA_READ
    ],
    doc: 'The amount range of a service on a channel: max of the lowers, min of the uppers (0 = no limit), which source set each side, and why it is unusable; an unbound pair answers usable=false.'
  })
}

import { z } from 'zod'
import { PERMISSIONS } from '../permissions'
import { id, optionalSearch, pageOf, status } from '../schemas'
import { mutation, query } from './define'
import { amount, currencyCode, direction, limitAmount, listInput, serviceTypeCode } from './master-fields'

/** Which channel may serve which service, with the service's bounds on that channel's wallet (service_bounds). */
export const bindingRow = z.object({
  channelId: z.number(),
  channelName: z.string(),
  serviceId: z.number(),
  serviceType: z.string(),
  direction,
  merchantId: z.number(),
  merchantName: z.string(),
  currency: z.string(),
  /** "0" = no limit. */
  boundLower: z.string(),
  boundUpper: z.string(),
  /** When the channel is the field test's rehearsal copy of a live channel, that one: the binding is kept in step with the live channel's (no edit, no enabling or disabling). */
  rehearsalOf: z.object({ id: z.number(), name: z.string() }).nullable(),
  status,
  createdAt: z.number(),
  updatedAt: z.number()
})
export type BindingRow = z.infer<typeof bindingRow>

const key = { channelId: id, serviceId: id }

const BINDING_SORT = ['channelName', 'merchantName', 'serviceType', 'currency', 'status', 'createdAt', 'updatedAt'] as const

export const bindingsContract = {
  'bindings.list': query({
    input: listInput(BINDING_SORT, 'createdAt', 'desc').extend({
      search: optionalSearch,
      channelId: id.optional(),
      serviceId: id.optional(),
      merchantId: id.optional(),
      status: status.optional(),
      currency: currencyCode.optional(),
      direction: direction.optional(),
      serviceType: serviceTypeCode.optional()
    }),
    output: pageOf(bindingRow),
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: "Channel–service bindings (search: channel or merchant name); a merchant-bound user sees only its merchant's services'."
  }),
  'bindings.get': query({
    input: z.object(key),
    output: bindingRow,
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: 'One binding, by channel and service.'
  }),
  'bindings.create': mutation({
    input: z.object({ ...key, boundLower: limitAmount, boundUpper: limitAmount, status: status.default('active') }),
    output: bindingRow,
    access: PERMISSIONS.CHANNEL_WRITE,
    doc: "Binds a channel to a service: same currency, and the channel must support the service's direction."
  }),
  'bindings.update': mutation({
    input: z.object({ ...key, boundLower: amount, boundUpper: amount }),
    output: bindingRow,
    access: PERMISSIONS.CHANNEL_WRITE,
    doc: "Changes a binding's service bounds."
  }),
  'bindings.setStatus': mutation({
    input: z.object({ ...key, status }),
    output: bindingRow,
    access: PERMISSIONS.CHANNEL_WRITE,
    doc: 'Enables or disables a binding.'
  })
}

import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { id, optionalSearch, pageOf, status } from '../schemas'
import { mutation, query } from './define'
import { amount, currencyCode, direction, limitAmount, listInput, serviceTypeCode } from './master-fields'

/** A payment product activated for a merchant; limits are amounts in its currency, "0" = no limit. */
export const serviceRow = z.object({
  id: z.number(),
  merchantId: z.number(),
  merchantName: z.string(),
  serviceType: z.string(),
  direction,
  currency: z.string(),
  /** single_limit_lower_bound / single_limit_upper_bound. */
  singleLower: z.string(),
  singleUpper: z.string(),
  activated: z.boolean(),
  activatedAt: z.number().nullable(),
  /** Channel–service bindings of this service (any status). */
  channelCount: z.number(),
  status,
  createdAt: z.number(),
  updatedAt: z.number()
})
export type ServiceRow = z.infer<typeof serviceRow>

const SERVICE_SORT = ['id', 'merchantName', 'serviceType', 'direction', 'currency', 'status', 'createdAt', 'updatedAt'] as const

export const servicesContract = {
  'services.list': query({
    input: listInput(SERVICE_SORT, 'id', 'desc').extend({
      search: optionalSearch,
      merchantId: id.optional(),
      status: status.optional(),
      serviceType: serviceTypeCode.optional(),
      direction: direction.optional(),
      currency: currencyCode.optional(),
      activated: z.boolean({ error: ruleMessage('rule.trueOrFalse') }).optional()
    }),
    output: pageOf(serviceRow),
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: "Services (search: merchant name or service type); a merchant-bound user sees only its merchant's."
  }),
  'services.get': query({
    input: z.object({ id }),
    output: serviceRow,
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: 'One service.'
  }),
  'services.create': mutation({
    input: z.object({
      merchantId: id,
      serviceType: serviceTypeCode,
      direction,
      currency: currencyCode,
      singleLower: limitAmount,
      singleUpper: limitAmount,
      activated: z.boolean({ error: ruleMessage('rule.trueOrFalse') }).default(false),
      status: status.default('active')
    }),
    output: serviceRow,
    access: PERMISSIONS.SERVICE_WRITE,
    doc: "Activates a service type for a merchant in one direction and currency (one the type allows), with its single limits."
  }),
  'services.update': mutation({
    input: z.object({ id, singleLower: amount, singleUpper: amount, activated: z.boolean({ error: ruleMessage('rule.trueOrFalse') }) }),
    output: serviceRow,
    access: PERMISSIONS.SERVICE_WRITE,
    doc: "Changes a service's single limits and activation (type, direction and currency are fixed)."
  }),
  'services.setStatus': mutation({
    input: z.object({ id, status }),
    output: serviceRow,
    access: PERMISSIONS.SERVICE_WRITE,
    doc: 'Enables or disables a service.'
  })
}

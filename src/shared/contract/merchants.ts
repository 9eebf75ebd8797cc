import { z } from 'zod'
import { PERMISSIONS } from '../permissions'
import { id, optionalSearch, pageInput, pageOf, status } from '../schemas'
import { mutation, query } from './define'

export const merchantRow = z.object({
  id: z.number(),
  name: z.string(),
  status,
  createdAt: z.number(),
  updatedAt: z.number()
})
export type MerchantRow = z.infer<typeof merchantRow>

const merchantName = z
  .string({ error: 'is required' })
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(100, 'must be at most 100 characters')

export const merchantsContract = {
  'merchants.list': query({
    input: pageInput.extend({ search: optionalSearch, status: status.optional() }),
    output: pageOf(merchantRow),
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: "Merchants; a merchant-bound user sees only its own."
  }),
  'merchants.create': mutation({
    input: z.object({ name: merchantName, status: status.default('active') }),
    output: merchantRow,
    access: PERMISSIONS.MERCHANT_WRITE,
    doc: 'Creates a merchant.'
  }),
  'merchants.update': mutation({
    input: z.object({ id, name: merchantName, status }),
    output: merchantRow,
    access: PERMISSIONS.MERCHANT_WRITE,
    doc: "Renames a merchant or changes its status."
  })
}

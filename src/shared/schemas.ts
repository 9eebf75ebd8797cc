/** Zod building blocks shared by the contract modules and the renderer's forms. */
import { z } from 'zod'

/** A non-negative decimal string such as "100", "0.5" or "20000.00". */
export const decimalString = z
  .string({ error: 'must be an amount such as 100.00' })
  .trim()
  .regex(/^\d{1,15}(\.\d{1,8})?$/, 'must be an amount such as 100.00')

export const id = z.number({ error: 'must be a number' }).int('must be a whole number').positive('must be positive')

export const username = z
  .string({ error: 'is required' })
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'may only contain letters, digits and . _ @ -')
  .transform((s) => s.toLowerCase())

export const displayName = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters')

/** The password rule for new passwords; sign-in accepts any string so old ones still work. */
export const newPassword = z
  .string({ error: 'is required' })
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters')
  .refine((s) => /[A-Za-z]/.test(s) && /[0-9]/.test(s), 'must contain letters and digits')

export const status = z.enum(['active', 'disabled'], { error: 'must be active or disabled' })

export const pageInput = z.object({
  page: z.number().int().min(1, 'must be at least 1').default(1),
  pageSize: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(20)
})

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
    items: z.array(item)
  })
}

export const optionalSearch = z.string().trim().max(100, 'must be at most 100 characters').optional()

export const sortDirection = z.enum(['asc', 'desc']).default('desc')

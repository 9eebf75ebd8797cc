import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { serverTextSchema } from '../server-text'
import { PERMISSIONS } from '../permissions'
import { id, optionalSearch, pageInput, pageOf, rangeInOrder } from '../schemas'
import { query } from './define'

export const auditRow = z.object({
  id: z.number(),
  at: z.number(),
  userId: z.number().nullable(),
  actor: z.string(),
  procedure: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  merchantId: z.number().nullable(),
  summary: z.string(),
  /** The summary as a catalog text (null on events written before texts had codes). */
  text: serverTextSchema.nullable(),
  before: z.unknown(),
  after: z.unknown()
})
export type AuditRow = z.infer<typeof auditRow>

const epochMs = z.number().int(ruleMessage('rule.wholeMilliseconds')).nonnegative(ruleMessage('rule.notNegative'))

export const auditContract = {
  'audit.list': query({
    input: pageInput.extend({
      userId: id.optional(),
      /** Only that merchant's events (a merchant-bound user always reads its own merchant's). */
      merchantId: id.optional(),
      procedure: z.string().trim().max(100, ruleMessage('rule.maxChars', { n: 100 })).optional(),
      targetType: z.string().trim().max(50, ruleMessage('rule.maxChars', { n: 50 })).optional(),
      search: optionalSearch,
      from: epochMs.optional(),
      to: epochMs.optional()
    }).refine(...rangeInOrder('from', 'to')),
    output: pageOf(auditRow),
    access: PERMISSIONS.AUDIT_READ,
    doc: 'Audit events (who, when, which procedure, target, before/after), newest first.'
  })
}

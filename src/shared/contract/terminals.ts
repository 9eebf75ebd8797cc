import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { id, optionalSearch, pageOf, status } from '../schemas'
import { mutation, query } from './define'
import { listInput, terminalType } from './master-fields'

/** A point of sale, site or app of a merchant. */
export const terminalRow = z.object({
  id: z.number(),
  merchantId: z.number(),
  merchantName: z.string(),
  type: terminalType,
  identifier: z.string(),
  name: z.string(),
  status,
  createdAt: z.number(),
  updatedAt: z.number()
})
export type TerminalRow = z.infer<typeof terminalRow>

/** The serial number, site id or app id: unique within the merchant whatever its case (T001 = t001). */
const identifier = z
  .string({ error: ruleMessage('rule.required') })
  .trim()
  .min(1, ruleMessage('rule.required'))
  .max(64, ruleMessage('rule.maxChars', { n: 64 }))
  .regex(/^[A-Za-z0-9._:/-]+$/, ruleMessage('rule.identifierChars'))
const terminalName = z.string({ error: ruleMessage('rule.text') }).trim().max(100, ruleMessage('rule.maxChars', { n: 100 }))

const TERMINAL_SORT = ['id', 'identifier', 'name', 'type', 'merchantName', 'status', 'createdAt', 'updatedAt'] as const

export const terminalsContract = {
  'terminals.list': query({
    input: listInput(TERMINAL_SORT, 'id', 'desc').extend({
      search: optionalSearch,
      merchantId: id.optional(),
      status: status.optional(),
      type: terminalType.optional()
    }),
    output: pageOf(terminalRow),
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: "Terminals (search: identifier or name); a merchant-bound user sees only its merchant's."
  }),
  'terminals.get': query({
    input: z.object({ id }),
    output: terminalRow,
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: 'One terminal.'
  }),
  'terminals.create': mutation({
    input: z.object({ merchantId: id, type: terminalType, identifier, name: terminalName.default(''), status: status.default('active') }),
    output: terminalRow,
    access: PERMISSIONS.TERMINAL_WRITE,
    doc: "Creates a terminal; its identifier is unique within the merchant whatever its letters' case."
  }),
  'terminals.update': mutation({
    input: z.object({ id, type: terminalType, identifier, name: terminalName }),
    output: terminalRow,
    access: PERMISSIONS.TERMINAL_WRITE,
    doc: "Changes a terminal's type, identifier and name (its merchant is fixed)."
  }),
  'terminals.setStatus': mutation({
    input: z.object({ id, status }),
    output: terminalRow,
    access: PERMISSIONS.TERMINAL_WRITE,
    doc: 'Enables or disables a terminal.'
  })
}

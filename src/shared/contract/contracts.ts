import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { id, optionalSearch, pageOf, status } from '../schemas'
import { mutation, query } from './define'
import { amount, currencyCode, day, entityName, listInput, percent } from './master-fields'

/** A merchant's commercial terms. Fees are amounts in the settlement currency; rates are percent strings. */
export const contractRow = z.object({
  id: z.number(),
  merchantId: z.number(),
  merchantName: z.string(),
  name: z.string(),
  settlementCurrency: z.string(),
  feeRate: z.string(),
  fixedFee: z.string(),
  refundFee: z.string(),
  disputeFee: z.string(),
  withdrawalFee: z.string(),
  reserveRate: z.string(),
  reserveHoldDays: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status,
  createdAt: z.number(),
  updatedAt: z.number()
})
export type ContractRow = z.infer<typeof contractRow>

const holdDays = z
  .number({ error: ruleMessage('rule.daysNumber') })
  .int(ruleMessage('rule.wholeDays'))
  .min(0, ruleMessage('rule.notNegative'))
  .max(3650, ruleMessage('rule.maxDays', { n: 3650 }))

/**
 * The terms that can be edited after creation (merchant and settlement currency cannot: entries
 * were booked under them). Create fills defaults; update takes every term, so nothing is zeroed
 * by leaving it out.
 */
const terms = {
  name: entityName,
  feeRate: percent,
  fixedFee: amount,
  refundFee: amount,
  disputeFee: amount,
  withdrawalFee: amount,
  reserveRate: percent,
  reserveHoldDays: holdDays,
  validFrom: day,
  validTo: day.nullable()
}
const termsWithDefaults = {
  ...terms,
  feeRate: percent.default('0'),
  fixedFee: amount.default('0'),
  refundFee: amount.default('0'),
  disputeFee: amount.default('0'),
  withdrawalFee: amount.default('0'),
  reserveRate: percent.default('0'),
  reserveHoldDays: holdDays.default(0),
  validTo: day.nullable().default(null)
}

const validPeriod = <T extends { validFrom: string; validTo: string | null }>(v: T) => v.validTo === null || v.validTo >= v.validFrom
const periodIssue = { message: ruleMessage('rule.validToOrder'), path: ['validTo'] }

const CONTRACT_SORT = ['id', 'name', 'merchantName', 'settlementCurrency', 'validFrom', 'validTo', 'status', 'createdAt', 'updatedAt'] as const

export const contractsContract = {
  'contracts.list': query({
    input: listInput(CONTRACT_SORT, 'id', 'desc').extend({
      search: optionalSearch,
      merchantId: id.optional(),
      status: status.optional(),
      currency: currencyCode.optional(),
      /** Only contracts valid on this business day. */
      validOn: day.optional()
    }),
    output: pageOf(contractRow),
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: "Contracts (search: name or id); a merchant-bound user sees only its merchant's."
  }),
  'contracts.get': query({
    input: z.object({ id }),
    output: contractRow,
    access: PERMISSIONS.MASTER_DATA_READ,
    doc: 'One contract.'
  }),
  'contracts.create': mutation({
    input: z
      .object({ merchantId: id, settlementCurrency: currencyCode, ...termsWithDefaults, status: status.default('active') })
      .refine(validPeriod, periodIssue),
    output: contractRow,
    access: PERMISSIONS.CONTRACT_WRITE,
    doc: "Creates a merchant's contract: fee rate %, fixed, refund, dispute and withdrawal fees in the settlement currency, reserve % and hold days, validity."
  }),
  'contracts.update': mutation({
    input: z.object({ id, ...terms }).refine(validPeriod, periodIssue),
    output: contractRow,
    access: PERMISSIONS.CONTRACT_WRITE,
    doc: "Changes a contract's terms and validity (its merchant and settlement currency are fixed)."
  }),
  'contracts.setStatus': mutation({
    input: z.object({ id, status }),
    output: contractRow,
    access: PERMISSIONS.CONTRACT_WRITE,
    doc: 'Enables or disables a contract.'
  })
}

/**
 * Finance cases: withdrawals (a merchant's cash-out to a bank account, reviewed by another user),
 * manual adjustment requests (requested by one user, approved by another) and the FX rate table.
 */
import { z } from 'zod'
import { REASON_MIN, saysWhy } from '../reason'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { id, idOrNo, optionalSearch, pageOf } from '../schemas'
import { serverTextSchema } from '../server-text'
import { mutation, query } from './define'
import { signedAmount, reason } from './ledger'
import { amount, currencyCode, listInput } from './master-fields'

export const WITHDRAWAL_STATUS_VALUES = ['pending_review', 'approved', 'rejected', 'paid', 'failed'] as const
/** Whose requests a list shows: the signed-in user's own, or everyone else's (the ones they may review). */
export const REQUESTER_VALUES = ['me', 'others'] as const
const requestedBy = z.enum(REQUESTER_VALUES, { error: ruleMessage('rule.oneOf', { values: REQUESTER_VALUES.join(', ') }) })
export const ADJUSTMENT_STATUS_VALUES = ['pending', 'approved', 'rejected', 'withdrawn'] as const

const requestKey = z.string().trim().min(8, ruleMessage('rule.minChars', { n: 8 })).max(100, ruleMessage('rule.maxChars', { n: 100 }))
const note = z.string().trim().max(500, ruleMessage('rule.maxChars', { n: 500 }))
const decisionNote = note.default('')

export const caseEvent = z.object({ id: z.number(), at: z.number(), summary: z.string(), text: serverTextSchema, actor: z.string() })

/** The merchant's balances in the case's currency, for the detail pages. */
export const merchantBalance = z.object({ currency: z.string(), available: z.string(), held: z.string(), reserve: z.string() })

export const withdrawalRow = z.object({
  id: z.number(),
  withdrawalNo: z.string(),
  merchantId: z.number(),
  merchantName: z.string(),
  contractId: z.number(),
  currency: z.string(),
  amount: z.string(),
  fee: z.string(),
  bankCode: z.string(),
  accountNo: z.string(),
  holderName: z.string(),
  note: z.string(),
  status: z.enum(WITHDRAWAL_STATUS_VALUES),
  requestedById: z.number(),
  requestedBy: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.number().nullable(),
  reviewNote: z.string().nullable(),
  settledBy: z.string().nullable(),
  settledAt: z.number().nullable(),
  bankReference: z.string().nullable(),
  failureReason: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Waiting for review but approving it is refused now (the merchant owes after a chargeback): why, as the review refuses it. */
  approvalRefused: serverTextSchema.nullable()
})
export type WithdrawalRow = z.infer<typeof withdrawalRow>

export const adjustmentRow = z.object({
  id: z.number(),
  adjustmentNo: z.string(),
  merchantId: z.number(),
  merchantName: z.string(),
  contractId: z.number(),
  currency: z.string(),
  /** Signed decimal string: + credits the merchant, − debits it. */
  amount: z.string(),
  reason: z.string(),
  /** Asked for from a reconciliation break (accepting theirs): which, in the reader's language. */
  fromBreak: serverTextSchema.nullable(),
  status: z.enum(ADJUSTMENT_STATUS_VALUES),
  requestedById: z.number(),
  requestedBy: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
  decisionNote: z.string().nullable(),
  postingId: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number()
})
export type AdjustmentRow = z.infer<typeof adjustmentRow>

/** An exact decimal rate: units of the settlement currency for one unit of the order's currency. */
export const rateText = z
  .string({ error: ruleMessage('rule.rateType') })
  .trim()
  .regex(/^\d{1,9}(\.\d{1,10})?$/, ruleMessage('rule.rateFormat'))
  // Said only of a well-formed rate: "seven" is one problem, not two.
  .refine((s) => !/^\d{1,9}(\.\d{1,10})?$/.test(s) || /[1-9]/.test(s), ruleMessage('rule.moreThanZero'))

/** A markup in percent taken off the reference rate, such as "0.5". */
export const markupPercent = z
  .string({ error: ruleMessage('rule.markupType') })
  .trim()
  .regex(/^\d{1,2}(\.\d{1,4})?$/, ruleMessage('rule.markupFormat'))

/** `yyyy-mm-dd` or `yyyy-mm-dd hh:mm:ss` in the business time zone. */
export const wallTime = z
  .string({ error: ruleMessage('rule.wallTime') })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, ruleMessage('rule.wallTime'))

export const fxRateRow = z.object({
  id: z.number(),
  baseCurrency: z.string(),
  quoteCurrency: z.string(),
  referenceRate: z.string(),
  appliedRate: z.string(),
  /** (reference − applied) / reference, in percent, exact. */
  markup: z.string(),
  validFrom: z.number(),
  validTo: z.number(),
  source: z.enum(['manual', 'import']),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.number()
})
export type FxRateRow = z.infer<typeof fxRateRow>

const rateInput = z
  .object({
    baseCurrency: currencyCode,
    quoteCurrency: currencyCode,
    referenceRate: rateText,
    /** Either the applied rate or a markup off the reference rate. */
    appliedRate: rateText.optional(),
    markupPercent: markupPercent.optional(),
    validFrom: wallTime,
    /** A date alone means to the end of that day. */
    validTo: wallTime,
    note: note.default('')
  })
  .refine((v) => v.baseCurrency !== v.quoteCurrency, { message: ruleMessage('rule.differFromBase'), path: ['quoteCurrency'] })
  .refine((v) => (v.appliedRate === undefined) !== (v.markupPercent === undefined), { message: ruleMessage('rule.rateOrMarkup'), path: ['appliedRate'] })

/** One problem of an FX rate file: `message` in English, `text` its catalog text (what screens show). */
export const importError = z.object({ line: z.number(), field: z.string(), message: z.string(), text: serverTextSchema })

/** Anyone who may read the ledger, request or approve adjustments may read the requests. */
const ADJUSTMENT_READERS = [PERMISSIONS.LEDGER_READ, PERMISSIONS.ADJUSTMENT_REQUEST, PERMISSIONS.ADJUSTMENT_APPROVE] as const

const WITHDRAWAL_SORT = ['createdAt', 'withdrawalNo', 'amount', 'status', 'merchantName'] as const
const ADJUSTMENT_SORT = ['createdAt', 'adjustmentNo', 'amount', 'status', 'merchantName'] as const
const FX_SORT = ['validFrom', 'createdAt', 'baseCurrency', 'quoteCurrency'] as const

export const financeContract = {
  'withdrawals.list': query({
    input: listInput(WITHDRAWAL_SORT, 'createdAt', 'desc').extend({
      search: optionalSearch,
      merchantId: id.optional(),
      status: z.enum(WITHDRAWAL_STATUS_VALUES).optional(),
      currency: currencyCode.optional(),
      requestedBy: requestedBy.optional()
    }),
    output: pageOf(withdrawalRow),
    access: PERMISSIONS.WITHDRAWAL_READ,
    doc: 'Withdrawals, paged on the host; search by withdrawal number, account number or holder name. Merchant-bound users see their own.'
  }),
  'withdrawals.get': query({
    input: idOrNo,
    output: withdrawalRow.extend({ timeline: z.array(caseEvent), balance: merchantBalance }),
    access: PERMISSIONS.WITHDRAWAL_READ,
    doc: "One withdrawal, by id or by its withdrawal number (or its transaction number alone), with its timeline and the merchant's balance in its currency."
  }),
  'withdrawals.request': mutation({
    input: z.object({
      merchantId: id,
      currency: currencyCode,
      amount,
      bankCode: z.string({ error: ruleMessage('rule.required') }).trim().min(1, ruleMessage('rule.required')).max(20, ruleMessage('rule.maxChars', { n: 20 })),
      accountNo: z
        .string({ error: ruleMessage('rule.required') })
        .trim()
        .regex(/^[0-9A-Za-z-]{4,34}$/, ruleMessage('rule.accountNoChars')),
      holderName: z.string({ error: ruleMessage('rule.required') }).trim().min(2, ruleMessage('rule.minChars', { n: 2 })).max(100, ruleMessage('rule.maxChars', { n: 100 })),
      note: note.default(''),
      requestKey
    }),
    output: z.object({ id: z.number(), withdrawalNo: z.string(), replayed: z.boolean() }),
    access: PERMISSIONS.WITHDRAWAL_REQUEST,
    doc: "Requests a cash-out of the merchant's available balance to a bank account; amount + the contract's withdrawal fee are held until the review and the transfer."
  }),
  'withdrawals.review': mutation({
    input: z.object({ id, decision: z.enum(['approve', 'reject'], { error: ruleMessage('rule.approveOrReject') }), note: decisionNote }).refine((v) => v.decision === 'approve' || saysWhy(v.note), {
      message: ruleMessage('rule.withdrawalRejectWhy', { n: REASON_MIN }),
      path: ['note']
    }),
    output: withdrawalRow,
    access: PERMISSIONS.WITHDRAWAL_REVIEW,
    doc: 'Approves or rejects a pending withdrawal (never by the user who requested it); a rejection releases the held funds.'
  }),
  'withdrawals.complete': mutation({
    input: z
      .object({
        id,
        outcome: z.enum(['paid', 'failed'], { error: ruleMessage('rule.paidOrFailed') }),
        bankReference: z.string().trim().max(100, ruleMessage('rule.maxChars', { n: 100 })).default(''),
        reason: z.string().trim().max(500, ruleMessage('rule.maxChars', { n: 500 })).default('')
      })
      .refine((v) => v.outcome === 'failed' || v.bankReference.length >= 4, { message: ruleMessage('rule.bankReference', { n: 4 }), path: ['bankReference'] })
      .refine((v) => v.outcome === 'paid' || saysWhy(v.reason), { message: ruleMessage('rule.transferFailedWhy', { n: REASON_MIN }), path: ['reason'] }),
    output: withdrawalRow,
    access: PERMISSIONS.WITHDRAWAL_REVIEW,
    doc: "Records the bank transfer of an approved withdrawal: paid (with the bank's reference) posts withdrawal (8) and fee (9); failed releases the hold."
  }),

  'adjustments.list': query({
    input: listInput(ADJUSTMENT_SORT, 'createdAt', 'desc').extend({
      search: optionalSearch,
      merchantId: id.optional(),
      status: z.enum(ADJUSTMENT_STATUS_VALUES).optional(),
      currency: currencyCode.optional(),
      requestedBy: requestedBy.optional()
    }),
    output: pageOf(adjustmentRow),
    access: ADJUSTMENT_READERS,
    doc: 'Manual adjustment requests, paged on the host; search by number or reason.'
  }),
  'adjustments.get': query({
    input: idOrNo,
    output: adjustmentRow.extend({ timeline: z.array(caseEvent), balance: merchantBalance }),
    access: ADJUSTMENT_READERS,
    doc: "One adjustment request, by id or by its adjustment number (or its transaction number alone), with its timeline and the merchant's balance in its currency."
  }),
  'adjustments.request': mutation({
    input: z.object({ merchantId: id, contractId: id, currency: currencyCode, amount: signedAmount, reason, requestKey }),
    output: z.object({ id: z.number(), adjustmentNo: z.string(), replayed: z.boolean() }),
    access: PERMISSIONS.ADJUSTMENT_REQUEST,
    doc: 'Requests a manual adjustment (type 99) of a merchant’s available balance; nothing moves until another user approves it.'
  }),
  'adjustments.decide': mutation({
    input: z.object({ id, decision: z.enum(['approve', 'reject'], { error: ruleMessage('rule.approveOrReject') }), note: decisionNote }).refine((v) => v.decision === 'approve' || saysWhy(v.note), {
      message: ruleMessage('rule.adjustmentRejectWhy', { n: REASON_MIN }),
      path: ['note']
    }),
    output: adjustmentRow,
    access: PERMISSIONS.ADJUSTMENT_APPROVE,
    doc: 'Approves (posts, against suspense) or rejects a pending adjustment; the requester cannot decide their own.'
  }),

  'fx.list': query({
    input: listInput(FX_SORT, 'validFrom', 'desc').extend({
      baseCurrency: currencyCode.optional(),
      quoteCurrency: currencyCode.optional(),
      /** Only rates valid at this instant (epoch ms). */
      validAt: z.number().int().optional(),
      search: optionalSearch
    }),
    output: pageOf(fxRateRow),
    access: PERMISSIONS.LEDGER_READ,
    doc: 'The FX rate table, paged on the host.'
  }),
  'fx.create': mutation({
    input: rateInput,
    output: fxRateRow,
    access: PERMISSIONS.FX_RATE_WRITE,
    doc: 'Adds a rate for a currency pair and validity period; the newest rate valid at an instant is the one used.'
  }),
  'fx.import': mutation({
    input: z.object({ csv: z.string({ error: ruleMessage('rule.required') }).min(1, ruleMessage('rule.csvEmpty')).max(2_000_000, ruleMessage('rule.maxMegabytes', { n: 2 })) }),
    output: z.object({ imported: z.number(), errors: z.array(importError) }),
    access: PERMISSIONS.FX_RATE_WRITE,
    doc: 'Imports rates from CSV (header: baseCurrency,quoteCurrency,referenceRate,appliedRate,markupPercent,validFrom,validTo,note); all rows or none, with each bad row named by line and field.'
  })
}

import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { serverTextSchema } from '../server-text'
import { decimalString } from '../schemas'
import { PERMISSIONS } from '../permissions'
import { id, idOrNo, optionalSearch, pageInput, pageOf, rangeInOrder } from '../schemas'
import { day, terminalType } from './master-fields'
import { reason } from './ledger'
import { mutation, query } from './define'

export const ORDER_STATUS_VALUES = ['created', 'pending', 'unknown', 'succeeded', 'failed', 'closed', 'returned'] as const
export const orderStatus = z.enum(ORDER_STATUS_VALUES, { error: ruleMessage('rule.oneOf', { values: ORDER_STATUS_VALUES.join(', ') }) })
const orderDirection = z.enum(['deposit', 'payout'], { error: ruleMessage('rule.directionValue') })

/**
 * Order fields that carry a card or account number: stored sealed, shown masked (first 6, last 4)
 * everywhere, revealed only by `orders.revealCardNumber` (SPEC §11).
 */
export const SEALED_ORDER_FIELDS = ['cardNumber', 'recipientAccount'] as const
export type SealedOrderField = (typeof SEALED_ORDER_FIELDS)[number]

export const paymentPage = z.object({
  kind: z.enum(['redirect', 'qr', 'bank_account', 'crypto_address']),
  url: z.string().optional(),
  qrCode: z.string().optional(),
  bankName: z.string().optional(),
  bankAccount: z.string().optional(),
  accountName: z.string().optional(),
  address: z.string().optional(),
  amount: z.string(),
  currency: z.string()
})
export type PaymentPageView = z.infer<typeof paymentPage>

export const orderRow = z.object({
  id: z.number(),
  orderNo: z.string(),
  txnNo: z.number(),
  merchantOrderNo: z.string(),
  upstreamNo: z.string().nullable(),
  direction: orderDirection,
  merchantId: z.number(),
  merchantName: z.string(),
  channelId: z.number(),
  channelName: z.string(),
  /** The live channel's name when the order went to its field test rehearsal copy (a rehearsal's order); null for any other. */
  rehearsalOf: z.string().nullable(),
  serviceId: z.number(),
  serviceType: z.string(),
  currency: z.string(),
  amount: z.string(),
  /** A deposit's amount paid, a succeeded payout's amount paid out; null until then. */
  paidAmount: z.string().nullable(),
  /** What the order was charged: a payout's held withdrawal fee (0 once released); a deposit's posted transaction and processing fees (0 until paid). */
  fee: z.string(),
  /** The fee's currency: a deposit settled in another currency (FX) is charged in that one. */
  feeCurrency: z.string(),
  status: orderStatus,
  statusReason: z.string().nullable(),
  /** The reason as a catalog text (null on orders finished before texts had codes): what screens show. */
  statusReasonText: serverTextSchema.nullable(),
  isTest: z.boolean(),
  /** Waiting in the outbox for the provider to be reachable. */
  queued: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  expiresAt: z.number().nullable(),
  finalizedAt: z.number().nullable()
})
export type OrderRow = z.infer<typeof orderRow>

export const orderDetail = orderRow.extend({
  contractId: z.number(),
  terminalId: z.number().nullable(),
  /** The terminal named when the order was created, if any. */
  terminal: z.object({ id: z.number(), type: terminalType, identifier: z.string(), name: z.string() }).nullable(),
  /** The service type's fields; card and account numbers (SEALED_ORDER_FIELDS) masked, first 6 and last 4. */
  fields: z.record(z.string(), z.string()),
  paymentPage: paymentPage.nullable(),
  sentAt: z.number().nullable(),
  cancellable: z.boolean(),
  timeline: z.array(z.object({ id: z.number(), at: z.number(), kind: z.string(), summary: z.string(), text: serverTextSchema.nullable(), actor: z.string(), detail: z.unknown() })),
  exchanges: z.array(
    z.object({ id: z.number(), at: z.number(), operation: z.string(), url: z.string(), requestBody: z.string(), responseStatus: z.number().nullable(), responseBody: z.string().nullable(), durationMs: z.number(), error: z.string().nullable(), attempt: z.number() })
  ),
  callbacks: z.array(z.object({ id: z.number(), receivedAt: z.number(), signatureValid: z.boolean(), outcome: z.string(), eventKey: z.string().nullable(), body: z.string() })),
  notifications: z.array(z.object({ id: z.number(), attempt: z.number(), at: z.number(), url: z.string(), responseStatus: z.number().nullable(), acknowledged: z.boolean(), error: z.string().nullable() })),
  ledgerEntries: z.array(z.object({ id: z.number(), postingId: z.number(), accountKind: z.string(), type: z.number().nullable(), amount: z.string(), currency: z.string(), remark: z.string(), createdAt: z.number() })),
  holdStatus: z.enum(['pending', 'posted', 'voided']).nullable(),
  /** The posting that holds a payout's amount and fee: its entries are written only when it is posted. */
  holdPostingId: z.number().nullable(),
  /** Requests on this order waiting for a second user's approval (four eyes: a payout's send, a forced result). */
  awaitingApproval: z.array(z.object({ id: z.number(), kind: z.enum(['payout', 'mark_result']), result: z.string().nullable(), requestedBy: z.string(), createdAt: z.number() }))
})
export type OrderDetail = z.infer<typeof orderDetail>

/** What create answers: the order, and whether the merchant order number had already made it. */
export const createdOrder = orderDetail.extend({ replayed: z.boolean() })

const orderFields = z.record(z.string(), z.string().trim().max(200, ruleMessage('rule.maxChars', { n: 200 })), { error: ruleMessage('rule.textFields') }).default({})
const merchantOrderNo = z
  .string()
  .trim()
  .min(4, ruleMessage('rule.minChars', { n: 4 }))
  .max(64, ruleMessage('rule.maxChars', { n: 64 }))
  .regex(/^[A-Za-z0-9_-]+$/, ruleMessage('rule.lettersDigitsDash'))
  .optional()

const createInput = z.object({
  /** Required for users with the global code; a merchant-bound user may leave it out. */
  merchantId: id.optional(),
  serviceId: id,
  channelId: id,
  terminalId: id.optional(),
  amount: decimalString,
  merchantOrderNo,
  fields: orderFields,
  /** Orders created in the back office are test orders unless said otherwise. */
  isTest: z.boolean({ error: ruleMessage('rule.trueOrFalse') }).default(true)
})

/** A terminal an order may name (the merchant's active ones). */
export const orderTerminal = z.object({ id: z.number(), type: terminalType, identifier: z.string(), name: z.string() })

export const orderOption = z.object({
  serviceId: z.number(),
  serviceType: z.string(),
  currency: z.string(),
  singleLower: z.string(),
  singleUpper: z.string(),
  /** Payouts: the fee held with the amount (the contract's withdrawal fee); "0.00" for deposits. */
  fee: z.string(),
  /** Payouts: the amount at or over which the payout waits for a second user (the Settings four-eyes rule in its currency); null: no rule, or a deposit. */
  approvalFrom: z.string().nullable(),
  usable: z.boolean(),
  channels: z.array(
    z.object({
      channelId: z.number(),
      channelName: z.string(),
      usable: z.boolean(),
      /** Why the channel cannot take the order, in English; `reasonText` is what screens show. */
      reason: z.string().nullable(),
      reasonText: serverTextSchema.nullable(),
      lower: z.string(),
      upper: z.string(),
      lowerSource: z.string().nullable(),
      upperSource: z.string().nullable(),
      limits: z.object({ lower: z.string(), upper: z.string() }),
      /** The channel's balance and what it can pay out now; null for a merchant-bound user (a channel is shared by merchants). */
      balance: z.string().nullable(),
      available: z.string().nullable()
    })
  )
})

const manual = () => z.object({ id, reason })

export const ordersContract = {
  'orders.options': query({
    input: z.object({ direction: orderDirection, merchantId: id.optional() }),
    output: z.object({
      merchantId: z.number(),
      merchantAvailable: z.record(z.string(), z.string()),
      services: z.array(orderOption),
      /** The activated services not offered (no channel can take an order now), each with why: never hidden in silence. */
      unavailable: z.array(z.object({ serviceId: z.number(), serviceType: z.string(), currency: z.string(), reasonText: serverTextSchema.nullable() })),
      terminals: z.array(orderTerminal)
    }),
    access: [PERMISSIONS.OPERATION_PAYMENT_WRITE, PERMISSIONS.OPERATION_PAYMENT_GLOBAL_WRITE, PERMISSIONS.OPERATION_PAYOUT_WRITE, PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE],
    doc: "A merchant's activated, enabled services of one direction, each with its bound channels, their limits, balance and available range (or why unusable), and its active terminals."
  }),
  'orders.createDeposit': mutation({
    input: createInput,
    output: createdOrder,
    access: [PERMISSIONS.OPERATION_PAYMENT_WRITE, PERMISSIONS.OPERATION_PAYMENT_GLOBAL_WRITE],
    doc: 'Creates a deposit order and sends it to the channel’s provider (or queues it in the outbox); answers with the payment page.'
  }),
  'orders.createPayout': mutation({
    input: createInput,
    output: createdOrder,
    access: [PERMISSIONS.OPERATION_PAYOUT_WRITE, PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE],
    doc: 'Creates a payout: holds the channel balance and the merchant’s amount + fee with the order, then sends it upstream.'
  }),
  'orders.list': query({
    input: pageInput.extend({
      search: optionalSearch,
      orderNo: z.string().trim().max(64).optional(),
      merchantOrderNo: z.string().trim().max(64).optional(),
      upstreamNo: z.string().trim().max(64).optional(),
      merchantId: id.optional(),
      channelId: id.optional(),
      status: orderStatus.optional(),
      direction: orderDirection.optional(),
      isTest: z.boolean({ error: ruleMessage('rule.trueOrFalse') }).optional(),
      dateFrom: day.optional(),
      dateTo: day.optional(),
      /** Unpaid orders past their expiry that the job loop has not closed yet. */
      overdue: z.boolean({ error: ruleMessage('rule.trueOrFalse') }).optional()
    }).refine(...rangeInOrder('dateFrom', 'dateTo')),
    output: pageOf(orderRow),
    access: PERMISSIONS.ORDER_READ,
    doc: 'Finds orders by any of their numbers, merchant, channel, status, test flag and creation date (business days, inclusive).'
  }),
  'orders.get': query({
    input: idOrNo,
    output: orderDetail,
    access: PERMISSIONS.ORDER_READ,
    doc: 'One order, by id or by its order number (or its transaction number alone), with its timeline, upstream log, callbacks, notifications and ledger entries.'
  }),
  'orders.close': mutation({
    input: manual(),
    output: orderDetail,
    access: PERMISSIONS.MANUAL_CLOSE_ORDER,
    doc: 'Closes an unpaid deposit, or a payout that has not reached its provider (releasing the hold).'
  }),
  'orders.requery': mutation({
    input: manual(),
    output: orderDetail,
    access: PERMISSIONS.MANUAL_REQUERY_ORDER,
    doc: 'Asks the provider for the order’s status now and applies the answer.'
  }),
  'orders.markResult': mutation({
    input: z.object({
      id,
      reason,
      /** returned: a payout that succeeded and that the bank sent back (its amount back to the merchant's balance). */
      result: z.enum(['succeeded', 'failed', 'returned'], { error: ruleMessage('rule.succeededOrFailed') }),
      /** Deposits: the amount actually paid, when it differs. */
      paidAmount: decimalString.optional()
    }),
    output: orderDetail,
    access: PERMISSIONS.MANUAL_MARK_RESULT,
    doc: 'Marks an order succeeded or failed for an outcome known outside the system, posting or releasing its funds; or a succeeded payout returned by the bank, crediting its amount back to the merchant.'
  }),
  'orders.resendNotification': mutation({
    input: manual(),
    output: orderDetail,
    access: PERMISSIONS.MANUAL_RESEND_NOTIFICATION,
    doc: 'Sends the merchant notification of a finished order again now.'
  }),
  // A read, declared a mutation so that the registry refuses to answer one that was not audited.
  'orders.revealCardNumber': mutation({
    input: z.object({ id, field: z.enum(SEALED_ORDER_FIELDS, { error: ruleMessage('rule.oneOf', { values: SEALED_ORDER_FIELDS.join(', ') }) }), reason }),
    output: z.object({ field: z.enum(SEALED_ORDER_FIELDS), value: z.string() }),
    access: PERMISSIONS.CARD_NUMBER_REVEAL,
    doc: 'Shows one card or account number of an order in full (everywhere else it is masked); audited with the reason, never with the number.'
  }),
  'outbox.list': query({
    input: pageInput.extend({ status: z.enum(['pending', 'in_flight', 'done', 'gave_up']).optional(), operation: z.enum(['send_deposit', 'send_payout', 'query', 'notify', 'send_refund', 'query_refund']).optional() }),
    output: pageOf(
      z.object({
        id: z.number(),
        orderId: z.number(),
        orderNo: z.string(),
        merchantId: z.number(),
        operation: z.string(),
        status: z.string(),
        attempts: z.number(),
        nextAttemptAt: z.number(),
        lastError: z.string().nullable(),
        lastErrorText: serverTextSchema.nullable(),
        createdAt: z.number(),
        updatedAt: z.number()
      })
    ),
    access: PERMISSIONS.OUTBOX_READ,
    doc: 'Work waiting to reach a provider or a merchant (newest first), with its attempts and last error.'
  }),
  'outbox.retryNow': mutation({
    input: z.object({ id }),
    output: z.object({ id: z.number(), status: z.string(), nextAttemptAt: z.number() }),
    access: PERMISSIONS.OUTBOX_WRITE,
    doc: 'Makes a waiting outbox item due now (it is still sent once in effect).'
  }),
  'callbacks.settings': query({
    input: z.object({}),
    output: z.object({ host: z.string(), port: z.number(), publicUrl: z.string(), listeningAt: z.string().nullable() }),
    access: PERMISSIONS.SETTINGS_WRITE,
    doc: 'Where the provider callback listener listens, and the URL providers are given.'
  }),
  'callbacks.updateSettings': mutation({
    input: z.object({
      host: z.string().trim().min(1, ruleMessage('rule.required')).max(100, ruleMessage('rule.maxChars', { n: 100 })),
      port: z.number({ error: ruleMessage('rule.portNumber') }).int().min(0, ruleMessage('rule.portRange')).max(65535, ruleMessage('rule.portRange')),
      publicUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: ruleMessage('rule.httpUrlShort') })]).default('')
    }),
    output: z.object({ host: z.string(), port: z.number(), publicUrl: z.string(), listeningAt: z.string().nullable() }),
    access: PERMISSIONS.SETTINGS_WRITE,
    doc: 'Changes the callback listener’s address and port (it restarts on the new address) and the URL given to providers.'
  })
}

/**
 * A channel's provider settings: the generic adapter's configuration (src/main/upstream/generic.ts).
 * Here, in the shared contract, so the channel's settings editor and the main process refuse the
 * same settings with the same words (each rule a server text, so both languages read it), and
 * every problem names its place as `adapterConfig.<path>`.
 */
import { z } from 'zod'
import { ruleMessage } from '../rule-message'

/** Our outbound field names, which `fieldMap` may rename for one provider. */
export const OUTBOUND_FIELDS = [
  'merchantNo',
  'orderNo',
  'amount',
  'currency',
  'notifyUrl',
  'payerName',
  'cardNumber',
  'remarkCode',
  'bankCode',
  'phone',
  'idNumber',
  'recipientName',
  'recipientAccount',
  'network',
  'serviceType',
  'timestamp',
  'refundNo',
  'reason'
] as const

/** What PayDesk reads back from a provider's answers and callbacks. */
export const RESPONSE_FIELDS = [
  'upstreamNo',
  'status',
  'paidAmount',
  'paymentUrl',
  'qrCode',
  'bankAccount',
  'bankName',
  'accountName',
  'address',
  'message',
  'eventId',
  'amount',
  'currency'
] as const

export const UPSTREAM_STATUSES = ['pending', 'succeeded', 'failed', 'not_found'] as const
export const BODY_FORMATS = ['json', 'form'] as const
export const SIGN_ALGORITHMS = ['md5', 'hmac-sha256'] as const

const PARAM_NAME = /^[A-Za-z0-9_.\-[\]]{1,64}$/
const required = { error: ruleMessage('rule.required') }
const paramName = z.string(required).trim().regex(PARAM_NAME, ruleMessage('rule.adapter.paramName'))
const dottedPath = z.string(required).trim().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, ruleMessage('rule.adapter.dottedPath'))
const urlPath = z.string(required).trim().regex(/^\/[A-Za-z0-9/_.~%-]*$/, ruleMessage('rule.adapter.urlPath'))
const shortText = z.string(required).max(100, ruleMessage('rule.maxChars', { n: 100 }))

const baseUrl = z
  .string(required)
  .trim()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), ruleMessage('rule.adapter.baseUrl'))
  .transform((v) => v.replace(/\/+$/, ''))

export const adapterConfigSchema = z
  .object({
    baseUrl,
    paths: z.object({ createDeposit: urlPath, createPayout: urlPath, query: urlPath, refund: urlPath.optional(), refundQuery: urlPath.optional() }, required),
    bodyFormat: z.enum(BODY_FORMATS, { error: ruleMessage('rule.oneOf', { values: BODY_FORMATS.join(', ') }) }),
    signature: z.object(
      {
        algorithm: z.enum(SIGN_ALGORITHMS, { error: ruleMessage('rule.oneOf', { values: SIGN_ALGORITHMS.join(', ') }) }),
        field: paramName,
        keyCredential: z.string(required).trim().regex(/^[A-Za-z0-9._-]{1,64}$/, ruleMessage('rule.adapter.credentialName')),
        upperCase: z.boolean({ error: ruleMessage('rule.trueOrFalse') })
      },
      required
    ),
    fieldMap: z.partialRecord(z.enum(OUTBOUND_FIELDS, { error: ruleMessage('rule.oneOf', { values: OUTBOUND_FIELDS.join(', ') }) }), paramName).default({}),
    successPath: dottedPath,
    successValue: shortText,
    notFoundValue: z.string().max(100, ruleMessage('rule.maxChars', { n: 100 })).optional(),
    responsePaths: z.object(
      {
        upstreamNo: dottedPath,
        status: dottedPath,
        paidAmount: dottedPath,
        paymentUrl: dottedPath,
        qrCode: dottedPath,
        bankAccount: dottedPath,
        bankName: dottedPath,
        accountName: dottedPath,
        address: dottedPath,
        message: dottedPath,
        eventId: dottedPath,
        amount: dottedPath.optional(),
        currency: dottedPath.optional()
      },
      required
    ),
    callbackPaths: z.partialRecord(z.enum(RESPONSE_FIELDS, { error: ruleMessage('rule.oneOf', { values: RESPONSE_FIELDS.join(', ') }) }), dottedPath).optional(),
    statusMap: z.record(
      z.string().min(1, ruleMessage('rule.required')).max(100, ruleMessage('rule.maxChars', { n: 100 })),
      z.enum(UPSTREAM_STATUSES, { error: ruleMessage('rule.oneOf', { values: UPSTREAM_STATUSES.join(', ') }) }),
      required
    ),
    callbackAck: z.string(required).min(1, ruleMessage('rule.required')).max(100, ruleMessage('rule.maxChars', { n: 100 })),
    timeoutMs: z
      .number({ error: ruleMessage('rule.number') })
      .int(ruleMessage('rule.wholeMilliseconds'))
      .min(500, ruleMessage('rule.adapter.minMs', { n: 500 }))
      .max(120_000, ruleMessage('rule.adapter.maxMs', { n: 120_000 }))
  })
  .refine(
    (c) => {
      const names = OUTBOUND_FIELDS.map((f) => c.fieldMap[f] ?? f)
      return new Set(names).size === names.length && !names.includes(c.signature.field)
    },
    { message: ruleMessage('rule.adapter.uniqueNames'), path: ['fieldMap'] }
  )

export type AdapterConfig = z.output<typeof adapterConfigSchema>

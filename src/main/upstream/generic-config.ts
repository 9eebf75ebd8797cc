/**
 * The generic adapter's per-channel settings: the zod schema the channel form and the main process
 * share, and the default that speaks the provider simulator's protocol.
 */
import { z } from 'zod'
import type { GenericAdapterConfig, OutboundField, ResponseField, UpstreamStatus } from './types'

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
] as const satisfies readonly OutboundField[]

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
] as const satisfies readonly ResponseField[]

export const UPSTREAM_STATUSES = ['pending', 'succeeded', 'failed', 'not_found'] as const satisfies readonly UpstreamStatus[]

const PARAM_NAME = /^[A-Za-z0-9_.\-[\]]{1,64}$/
const paramName = z.string({ error: 'is required' }).trim().regex(PARAM_NAME, 'must be 1–64 letters, digits or _ . - [ ]')
const dottedPath = z.string({ error: 'is required' }).trim().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'must be a dotted path such as data.payUrl')
const urlPath = z.string({ error: 'is required' }).trim().regex(/^\/[A-Za-z0-9/_.~%-]*$/, 'must be a path starting with /')

const baseUrl = z
  .string({ error: 'is required' })
  .trim()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http:// or https:// address')
  .transform((v) => v.replace(/\/+$/, ''))

export const genericAdapterConfigSchema = z
  .object({
    baseUrl,
    paths: z.object({ createDeposit: urlPath, createPayout: urlPath, query: urlPath, refund: urlPath.optional(), refundQuery: urlPath.optional() }),
    bodyFormat: z.enum(['json', 'form'], { error: 'must be json or form' }),
    signature: z.object({
      algorithm: z.enum(['md5', 'hmac-sha256'], { error: 'must be md5 or hmac-sha256' }),
      field: paramName,
      keyCredential: z.string({ error: 'is required' }).trim().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must name a credential'),
      upperCase: z.boolean({ error: 'must be true or false' })
    }),
    fieldMap: z.partialRecord(z.enum(OUTBOUND_FIELDS), paramName).default({}),
    successPath: dottedPath,
    successValue: z.string({ error: 'is required' }).max(100, 'must be at most 100 characters'),
    notFoundValue: z.string().max(100, 'must be at most 100 characters').optional(),
    responsePaths: z.object({
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
    }),
    callbackPaths: z.partialRecord(z.enum(RESPONSE_FIELDS), dottedPath).optional(),
    statusMap: z.record(z.string().min(1).max(100), z.enum(UPSTREAM_STATUSES, { error: 'must be pending, succeeded, failed or not_found' })),
    callbackAck: z.string({ error: 'is required' }).min(1, 'is required').max(100, 'must be at most 100 characters'),
    timeoutMs: z.number({ error: 'must be a number' }).int('must be whole milliseconds').min(500, 'must be at least 500 ms').max(120_000, 'must be at most 120000 ms')
  })
  .refine(
    (c) => {
      const names = OUTBOUND_FIELDS.map((f) => c.fieldMap[f] ?? f)
      return new Set(names).size === names.length && !names.includes(c.signature.field)
    },
    { message: 'each field must go out under its own name, and none under the signature field', path: ['fieldMap'] }
  ) satisfies z.ZodType<GenericAdapterConfig, unknown>

/** The simulator's protocol: JSON requests, MD5 over sorted `k=v` + `&key=<signKey>`, `code` "0" = ok. */
export function DEFAULT_GENERIC_CONFIG(baseUrlText: string): GenericAdapterConfig {
  return {
    baseUrl: baseUrlText.replace(/\/+$/, ''),
    paths: { createDeposit: '/deposit/create', createPayout: '/payout/create', query: '/order/query', refund: '/refund/create', refundQuery: '/refund/query' },
    bodyFormat: 'json',
    signature: { algorithm: 'md5', field: 'sign', keyCredential: 'signKey', upperCase: false },
    fieldMap: {},
    successPath: 'code',
    successValue: '0',
    notFoundValue: '1004',
    responsePaths: {
      upstreamNo: 'data.upstreamNo',
      status: 'data.status',
      paidAmount: 'data.paidAmount',
      paymentUrl: 'data.payUrl',
      qrCode: 'data.qrCode',
      bankAccount: 'data.bankAccount',
      bankName: 'data.bankName',
      accountName: 'data.accountName',
      address: 'data.address',
      message: 'message',
      eventId: 'eventId',
      amount: 'data.amount',
      currency: 'data.currency'
    },
    statusMap: { PENDING: 'pending', PROCESSING: 'pending', SUCCESS: 'succeeded', FAILED: 'failed' },
    callbackAck: 'SUCCESS',
    timeoutMs: 10_000
  }
}

/**
 * The generic adapter's per-channel settings: the zod schema the channel's settings editor and the
 * main process share (src/shared/contract/adapter-config.ts), and the default that speaks the
 * provider simulator's protocol.
 */
import type { z } from 'zod'
import { adapterConfigSchema, OUTBOUND_FIELDS, RESPONSE_FIELDS, UPSTREAM_STATUSES } from '../../shared/contract/adapter-config'
import type { GenericAdapterConfig, OutboundField, ResponseField, UpstreamStatus } from './types'

// The lists and the schema live in the shared contract (the channel's settings editor uses them);
// these lines keep them in step with the adapter's own types.
export { OUTBOUND_FIELDS, RESPONSE_FIELDS, UPSTREAM_STATUSES }
export const ADAPTER_LISTS_IN_STEP: [readonly OutboundField[], readonly ResponseField[], readonly UpstreamStatus[]] = [OUTBOUND_FIELDS, RESPONSE_FIELDS, UPSTREAM_STATUSES]

export const genericAdapterConfigSchema = adapterConfigSchema satisfies z.ZodType<GenericAdapterConfig, unknown>

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

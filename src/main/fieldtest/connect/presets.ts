/**
 * Provider settings to start from, one per protocol shape these markets use. Each is a complete,
 * valid generic-adapter configuration (a unit test parses every one) that the engineer adjusts to
 * the provider's documentation: the base address, the paths, the parameter names, the codes.
 */
import type { ProviderPreset } from '../../../shared/contract/fieldtest-connect'
import { DEFAULT_GENERIC_CONFIG } from '../../upstream/generic-config'
import type { GenericAdapterConfig } from '../../upstream/types'

export interface PresetDef {
  key: ProviderPreset
  config: GenericAdapterConfig
  credentialKeys: string[]
}

/** Where the simulator preset points while no simulator runs: the demo's fixed port. */
export const SIMULATOR_PLACEHOLDER_URL = 'http://127.0.0.1:39610'

/** The built-in simulator's protocol: JSON, MD5 over sorted `k=v` plus `&key=`, code "0". */
export function simulatorPreset(url: string): GenericAdapterConfig {
  return DEFAULT_GENERIC_CONFIG(url)
}

/**
 * A JSON API in the style of the international gateways: HMAC-SHA256 over the sorted parameters
 * under `signature`, camel-case names, the outcome in `result.code`, the order under `data`.
 */
export const JSON_HMAC_PRESET: GenericAdapterConfig = {
  baseUrl: 'https://api.provider.example',
  paths: { createDeposit: '/v1/payments', createPayout: '/v1/payouts', query: '/v1/orders/query', refund: '/v1/refunds', refundQuery: '/v1/refunds/query' },
  bodyFormat: 'json',
  signature: { algorithm: 'hmac-sha256', field: 'signature', keyCredential: 'apiSecret', upperCase: false },
  fieldMap: { merchantNo: 'merchantId', orderNo: 'merchantOrderId', notifyUrl: 'callbackUrl', refundNo: 'merchantRefundId' },
  successPath: 'result.code',
  successValue: 'SUCCESS',
  notFoundValue: 'ORDER_NOT_FOUND',
  responsePaths: {
    upstreamNo: 'data.transactionId',
    status: 'data.state',
    paidAmount: 'data.paidAmount',
    paymentUrl: 'data.checkoutUrl',
    qrCode: 'data.qrContent',
    bankAccount: 'data.bankAccount',
    bankName: 'data.bankName',
    accountName: 'data.accountName',
    address: 'data.walletAddress',
    message: 'result.message',
    eventId: 'data.eventId',
    amount: 'data.amount',
    currency: 'data.currency'
  },
  callbackPaths: { eventId: 'eventId' },
  statusMap: { CREATED: 'pending', PROCESSING: 'pending', SUCCEEDED: 'succeeded', FAILED: 'failed', EXPIRED: 'failed', CANCELLED: 'failed' },
  callbackAck: 'OK',
  timeoutMs: 15_000
}

/**
 * A form-encoded API in the style of the Chinese aggregators: snake-case names (`mch_id`,
 * `out_trade_no`), MD5 over the sorted `k=v` plus `&key=`, upper-case hex under `sign`, flat
 * answers with `code` "0000", callbacks acknowledged with a plain `success`.
 */
export const FORM_MD5_PRESET: GenericAdapterConfig = {
  baseUrl: 'https://pay.provider.example',
  paths: { createDeposit: '/gateway/pay', createPayout: '/gateway/payout', query: '/gateway/query', refund: '/gateway/refund', refundQuery: '/gateway/refund_query' },
  bodyFormat: 'form',
  signature: { algorithm: 'md5', field: 'sign', keyCredential: 'key', upperCase: true },
  fieldMap: {
    merchantNo: 'mch_id',
    orderNo: 'out_trade_no',
    amount: 'total_amount',
    currency: 'fee_type',
    notifyUrl: 'notify_url',
    serviceType: 'pay_type',
    payerName: 'payer_name',
    cardNumber: 'card_no',
    bankCode: 'bank_code',
    recipientName: 'acct_name',
    recipientAccount: 'acct_no',
    refundNo: 'out_refund_no',
    reason: 'refund_desc'
  },
  successPath: 'code',
  successValue: '0000',
  notFoundValue: '4004',
  responsePaths: {
    upstreamNo: 'trade_no',
    status: 'trade_state',
    paidAmount: 'paid_amount',
    paymentUrl: 'pay_url',
    qrCode: 'qr_code',
    bankAccount: 'bank_account',
    bankName: 'bank_name',
    accountName: 'account_name',
    address: 'address',
    message: 'msg',
    eventId: 'notify_id',
    amount: 'total_amount',
    currency: 'fee_type'
  },
  statusMap: { WAITING: 'pending', PROCESSING: 'pending', SUCCESS: 'succeeded', PAID: 'succeeded', FAILED: 'failed', CLOSED: 'failed' },
  callbackAck: 'success',
  timeoutMs: 10_000
}

/** The presets the settings editor offers; the simulator's points at `simulatorUrl` when one runs. */
export function providerPresets(simulatorUrl: string | null): PresetDef[] {
  return [
    { key: 'simulator', config: simulatorPreset(simulatorUrl ?? SIMULATOR_PLACEHOLDER_URL), credentialKeys: ['merchantNo', 'signKey'] },
    { key: 'json_hmac', config: JSON_HMAC_PRESET, credentialKeys: ['merchantNo', 'apiSecret'] },
    { key: 'form_md5', config: FORM_MD5_PRESET, credentialKeys: ['merchantNo', 'key'] }
  ]
}

/**
 * The configurable generic adapter: the common protocol of these markets, one channel's dialect
 * described by a GenericAdapterConfig. Requests: our fields renamed through `fieldMap`, sorted and
 * signed (MD5 or HMAC-SHA256), sent as JSON or a form. Answers and callbacks: read through dotted
 * paths. A callback's signature is checked before any of its content is read.
 */
import { createUpstreamHttp, type HttpOutcome, type UpstreamHttp } from './http'
import type { MaskRules } from './mask'
import { flatParams, parseBody, sign, verify } from './signing'
import type {
  ExchangeLog,
  GenericAdapterConfig,
  OutboundField,
  OutboundOrder,
  PaymentPage,
  ProviderAdapter,
  ResponseField,
  SendOutcome,
  UpstreamAnswer,
  UpstreamCredentials,
  UpstreamStatus,
  VerifiedCallback
} from './types'

export { DEFAULT_GENERIC_CONFIG, genericAdapterConfigSchema } from './generic-config'

/** The channel's protocol settings name no refund endpoint; nothing was sent. */
export class RefundNotSupportedError extends Error {}

/** The channel lacks a credential the protocol needs; nothing was sent. */
export class MissingCredentialError extends Error {}

const AMOUNT = /^\d{1,15}(\.\d{1,8})?$/

/** The value at a dotted path (`data.payUrl`), own properties only. */
export function readPath(root: unknown, path: string): unknown {
  let current = root
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** A provider's status through the map; unknown values say nothing (null), never a guess. */
function mapStatus(raw: string | null, statusMap: Record<string, UpstreamStatus>): UpstreamStatus | null {
  if (raw === null) return null
  if (Object.hasOwn(statusMap, raw)) return statusMap[raw]
  const folded = Object.keys(statusMap).find((k) => k.toLowerCase() === raw.toLowerCase())
  return folded === undefined ? null : statusMap[folded]
}

/**
 * A value the provider states about money (a paid amount, an amount, a currency), as written: null
 * only when it is absent or empty. Whatever else it is stays text for the order logic to judge
 * (orders/payment-check.ts), so "-5.00" or "abc" is a wrong amount, never "not stated".
 */
function stated(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value).slice(0, 100)
}

/** Payment page amounts are shown only when they are exact decimals; anything else reads as not stated. */
function amountText(value: unknown): string | null {
  const t = text(value)
  return t !== null && AMOUNT.test(t) ? t : null
}

function httpUrl(value: string | null): string | null {
  if (value === null || !URL.canParse(value)) return null
  return /^https?:$/.test(new URL(value).protocol) ? value : null
}

export function createGenericAdapter(config: GenericAdapterConfig, http: UpstreamHttp = createUpstreamHttp(), now: () => number = Date.now): ProviderAdapter {
  const nameOf = (field: OutboundField): string => config.fieldMap[field] ?? field
  const callbackPath = (field: ResponseField): string | undefined => {
    const explicit = config.callbackPaths?.[field]
    if (explicit) return explicit
    const answerPath = config.responsePaths[field]
    return answerPath?.split('.').pop()
  }

  function credential(credentials: UpstreamCredentials, name: string): string {
    const value = credentials[name]
    if (!value) throw new MissingCredentialError(`the channel has no credential "${name}"`)
    return value
  }

  function maskRules(credentials: UpstreamCredentials): MaskRules {
    return {
      secrets: Object.values(credentials).filter((v) => v !== ''),
      signatureFields: [config.signature.field],
      accountFields: [...new Set(['cardNumber', 'recipientAccount', nameOf('cardNumber'), nameOf('recipientAccount')])]
    }
  }

  /** Renames, drops empty values, signs. The core fields win over same-named order fields. */
  function signedParams(fields: Partial<Record<string, string>>, credentials: UpstreamCredentials): Record<string, string> {
    const params: Record<string, string> = {}
    for (const [field, value] of Object.entries(fields)) {
      if (value !== undefined && value !== '') params[nameOf(field as OutboundField)] = value
    }
    const key = credential(credentials, config.signature.keyCredential)
    params[config.signature.field] = sign(params, key, config.signature.algorithm, config.signature.upperCase, config.signature.field)
    return params
  }

  function readAnswer(data: Record<string, unknown>, page: Pick<OutboundOrder, 'amount' | 'currency'> | null): UpstreamAnswer {
    const paths = config.responsePaths
    const code = text(readPath(data, config.successPath))
    const accepted = code === config.successValue
    const notFound = !accepted && config.notFoundValue !== undefined && code === config.notFoundValue
    const read = (path: string | undefined) => (path ? text(readPath(data, path)) : null)
    return {
      accepted,
      upstreamNo: read(paths.upstreamNo),
      status: notFound ? 'not_found' : mapStatus(read(paths.status), config.statusMap),
      paidAmount: stated(readPath(data, paths.paidAmount)),
      amount: paths.amount ? stated(readPath(data, paths.amount)) : null,
      currency: paths.currency ? stated(readPath(data, paths.currency)) : null,
      paymentPage: accepted && page ? paymentPage(data, page) : null,
      message: read(paths.message)
    }
  }

  function paymentPage(data: Record<string, unknown>, order: Pick<OutboundOrder, 'amount' | 'currency'>): PaymentPage | null {
    const paths = config.responsePaths
    const read = (path: string) => text(readPath(data, path))
    const url = httpUrl(read(paths.paymentUrl))
    const qrCode = read(paths.qrCode)
    const bankAccount = read(paths.bankAccount)
    const address = read(paths.address)
    const kind: PaymentPage['kind'] | null = url ? 'redirect' : qrCode ? 'qr' : bankAccount ? 'bank_account' : address ? 'crypto_address' : null
    if (!kind) return null
    const amount = (paths.amount ? amountText(readPath(data, paths.amount)) : null) ?? order.amount
    const page: PaymentPage = { kind, amount, currency: order.currency }
    if (url) page.url = url
    if (qrCode) page.qrCode = qrCode
    if (bankAccount) page.bankAccount = bankAccount
    const bankName = read(paths.bankName)
    if (bankName) page.bankName = bankName
    const accountName = read(paths.accountName)
    if (accountName) page.accountName = accountName
    if (address) page.address = address
    return page
  }

  function toOutcome(outcome: HttpOutcome, page: Pick<OutboundOrder, 'amount' | 'currency'> | null): SendOutcome {
    if (outcome.kind === 'answered') return { kind: 'answered', answer: readAnswer(outcome.data, page), logs: outcome.logs }
    return { kind: outcome.kind, logs: outcome.logs }
  }

  function pathOf(operation: ExchangeLog['operation']): string {
    const path = { createDeposit: config.paths.createDeposit, createPayout: config.paths.createPayout, query: config.paths.query, createRefund: config.paths.refund, queryRefund: config.paths.refundQuery }[operation]
    if (!path) throw new RefundNotSupportedError('the channel has no refund endpoint configured')
    return path
  }

  async function post(operation: ExchangeLog['operation'], params: Record<string, string>, credentials: UpstreamCredentials, key: string) {
    const path = pathOf(operation)
    const json = config.bodyFormat === 'json'
    const isQuery = operation === 'query' || operation === 'queryRefund'
    return http.send({
      operation,
      url: `${config.baseUrl.replace(/\/+$/, '')}${path}`,
      body: json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
      contentType: json ? 'application/json' : 'application/x-www-form-urlencoded',
      // A provider that honours it ignores a repeated create; order and refund numbers are unique.
      headers: isQuery ? {} : { 'Idempotency-Key': key },
      timeoutMs: config.timeoutMs,
      // Queries change nothing; a create is re-sent only when it provably never arrived.
      retrySafe: isQuery,
      mask: maskRules(credentials)
    })
  }

  async function create(order: OutboundOrder, credentials: UpstreamCredentials): Promise<SendOutcome> {
    const operation = order.direction === 'deposit' ? 'createDeposit' : 'createPayout'
    const params = signedParams(
      {
        ...order.fields,
        merchantNo: credential(credentials, 'merchantNo'),
        orderNo: order.orderNo,
        amount: order.amount,
        currency: order.currency,
        notifyUrl: order.notifyUrl,
        serviceType: order.serviceType,
        timestamp: String(now())
      },
      credentials
    )
    const outcome = await post(operation, params, credentials, order.orderNo)
    return toOutcome(outcome, order.direction === 'deposit' ? order : null)
  }

  return {
    callbackAck: config.callbackAck,
    maskRules,
    createDeposit: (order, credentials) => create({ ...order, direction: 'deposit' }, credentials),
    createPayout: (order, credentials) => create({ ...order, direction: 'payout' }, credentials),
    async query(order, credentials) {
      const params = signedParams({ merchantNo: credential(credentials, 'merchantNo'), orderNo: order.orderNo, timestamp: String(now()) }, credentials)
      return toOutcome(await post('query', params, credentials, order.orderNo), null)
    },
    async createRefund(refund, credentials) {
      pathOf('createRefund')
      const params = signedParams(
        { merchantNo: credential(credentials, 'merchantNo'), refundNo: refund.refundNo, orderNo: refund.orderNo, amount: refund.amount, currency: refund.currency, reason: refund.reason, timestamp: String(now()) },
        credentials
      )
      return toOutcome(await post('createRefund', params, credentials, refund.refundNo), null)
    },
    async queryRefund(refund, credentials) {
      pathOf('queryRefund')
      const params = signedParams({ merchantNo: credential(credentials, 'merchantNo'), refundNo: refund.refundNo, timestamp: String(now()) }, credentials)
      return toOutcome(await post('queryRefund', params, credentials, refund.refundNo), null)
    },
    verifyCallback(body, contentType, credentials): VerifiedCallback {
      const parsed = parseBody(body, contentType)
      const params = flatParams(parsed) ?? {}
      const key = credentials[config.signature.keyCredential] ?? ''
      const valid = parsed !== null && verify(params, key, config.signature.algorithm, config.signature.field)
      const claimedOrderNo = params[nameOf('orderNo')] || null
      if (!valid) return { signatureValid: false, claimedOrderNo, orderNo: null, upstreamNo: null, status: null, paidAmount: null, amount: null, currency: null, eventKey: null, params }
      const read = (field: ResponseField) => {
        const path = callbackPath(field)
        return path ? text(readPath(parsed, path)) : null
      }
      const upstreamNo = read('upstreamNo')
      const orderNo = claimedOrderNo
      const rawStatus = read('status')
      const status = mapStatus(rawStatus, config.statusMap)
      const statedAt = (field: ResponseField) => {
        const path = callbackPath(field)
        return path ? stated(readPath(parsed, path)) : null
      }
      const subject = upstreamNo ?? orderNo
      const eventKey = read('eventId') ?? (subject && rawStatus ? `${subject}:${status ?? rawStatus}` : null)
      return { signatureValid: true, claimedOrderNo, orderNo, upstreamNo, status, paidAmount: statedAt('paidAmount'), amount: statedAt('amount'), currency: statedAt('currency'), eventKey, params }
    }
  }
}

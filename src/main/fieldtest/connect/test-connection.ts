/**
 * Testing a channel's connection: the generic adapter builds and signs a status query for a
 * made-up order exactly as it would for a real one, the real upstream HTTP client sends it once
 * (no retries: the engineer wants to see this attempt), and the exchange is read step by step
 * (verdict.ts). What is answered is masked as the order logs are: credential values and the
 * signature as `***`.
 */
import { randomBytes } from 'node:crypto'
import type { ConnectionTest } from '../../../shared/contract/fieldtest-connect'
import { createGenericAdapter } from '../../upstream/generic'
import { createUpstreamHttp, type HttpOutcome, type UpstreamHttp, type UpstreamRequest } from '../../upstream/http'
import type { GenericAdapterConfig, UpstreamCredentials } from '../../upstream/types'
import { maskText } from '../../upstream/mask'
import { readExchange } from './verdict'

export type ConnectionTestResult = Omit<ConnectionTest, 'channelId' | 'settings'>

/** The credentials the settings sign with: the merchant number and the signing key. */
export function neededCredentials(config: GenericAdapterConfig): string[] {
  return ['merchantNo', config.signature.keyCredential]
}

/** An order number no provider holds: recognisably PayDesk's check, unique per call. */
export function madeUpOrderNo(now: number): string {
  return `PDCHECK${now}${randomBytes(3).toString('hex').toUpperCase()}`
}

export async function testConnection(
  config: GenericAdapterConfig,
  credentials: UpstreamCredentials,
  options: { now?: () => number; http?: UpstreamHttp } = {}
): Promise<ConnectionTestResult> {
  const now = options.now ?? Date.now
  const real = options.http ?? createUpstreamHttp({ retry: { maxAttempts: 1 } })
  let sent: UpstreamRequest | null = null
  let outcome: HttpOutcome | null = null
  const capturing: UpstreamHttp = {
    async send(request) {
      sent = request
      outcome = await real.send(request)
      return outcome
    }
  }
  const orderNo = madeUpOrderNo(now())
  const testedAt = now()
  await createGenericAdapter(config, capturing, now).query({ orderNo, direction: 'deposit' }, credentials)
  const request = sent as UpstreamRequest | null
  const result = outcome as HttpOutcome | null
  if (!request || !result) throw new Error('the adapter sent nothing')
  const log = result.logs[result.logs.length - 1]
  const reading = readExchange(
    { kind: result.kind, status: log.responseStatus, error: log.error, durationMs: log.durationMs, data: result.kind === 'answered' ? result.data : null },
    {
      timeoutMs: config.timeoutMs,
      successPath: config.successPath,
      successValue: config.successValue,
      notFoundValue: config.notFoundValue,
      messagePath: config.responsePaths.message,
      statusPath: config.responsePaths.status,
      signatureField: config.signature.field,
      algorithm: config.signature.algorithm,
      key: credentials[config.signature.keyCredential] ?? ''
    }
  )
  // What was read from the answer goes out masked like the logs: a provider echoing a credential shows ***.
  const mask = maskerOf(request.mask.secrets)
  const steps = reading.steps.map((s) => ({ ...s, facts: Object.fromEntries(Object.entries(s.facts).map(([k, v]) => [k, typeof v === 'string' ? mask(v) : v])) }))
  return {
    verdict: reading.verdict,
    orderNo,
    testedAt,
    durationMs: log.durationMs,
    timeoutMs: config.timeoutMs,
    steps: [{ step: 'request', state: 'passed', facts: { algorithm: config.signature.algorithm, bodyFormat: config.bodyFormat, url: log.url } }, ...steps],
    request: { method: 'POST', url: log.url, contentType: request.contentType, body: log.requestBody },
    response: { status: log.responseStatus, body: log.responseBody },
    error: log.error,
    answer: { code: mask(reading.answer.code), message: mask(reading.answer.message), status: mask(reading.answer.status) },
    signature: reading.signature
  }
}

function maskerOf(secrets: string[]): <T extends string | null>(value: T) => T {
  const rules = { secrets, signatureFields: [], accountFields: [] }
  return <T extends string | null>(value: T): T => (value === null ? value : (maskText(value, rules) as T))
}

/**
 * The upstream HTTP client: one POST with a timeout, its failure classified by what it tells us
 * about the provider's state, re-sent with exponential backoff only where that cannot pay twice.
 *
 *   unreachable   the request provably never reached the provider (refused, no route, no DNS):
 *                 always safe to send again.
 *   timeout       no answer in time, or the connection broke after it was made: the provider may
 *                 or may not have acted on it. Outcome unknown.
 *   server_error  HTTP 5xx: the provider got it and failed somewhere, perhaps after acting.
 *   bad_response  an answer we cannot read (not a JSON or form object, or a redirect).
 *   answered      2xx or 4xx with a readable body (a decline is an answer).
 *
 * `retrySafe: true` (queries) re-sends after any failure; `false` (creates) only after
 * `unreachable`, so a payout that may have arrived is never sent again from here.
 * Every attempt yields an ExchangeLog with its secrets masked.
 */
import type { ExchangeLog } from './types'
import { maskText, maskUrl, type MaskRules } from './mask'
import { parseBody } from './signing'

export interface UpstreamRequest {
  operation: ExchangeLog['operation']
  url: string
  body: string
  contentType: string
  headers?: Record<string, string>
  timeoutMs: number
  /** True: re-send after any failure (queries). False: only when it never reached the provider. */
  retrySafe: boolean
  /** What to hide in the logs. */
  mask: MaskRules
}

export type HttpFailure = 'unreachable' | 'timeout' | 'server_error' | 'bad_response'

export type HttpOutcome =
  | { kind: 'answered'; status: number; data: Record<string, unknown>; logs: ExchangeLog[] }
  | { kind: HttpFailure; logs: ExchangeLog[] }

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export interface UpstreamHttp {
  send(request: UpstreamRequest): Promise<HttpOutcome>
}

export interface UpstreamHttpOptions {
  retry?: Partial<RetryPolicy>
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  fetch?: typeof fetch
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4000 }

/** Logs keep at most this much of a body. */
const MAX_LOGGED_BODY = 64 * 1024

/**
 * Errors meaning no connection was ever made: the request cannot have been read. `BAD_PORT` is
 * ours: fetch refuses a port the Fetch standard blocks (6000, 10080…) before connecting, with a
 * cause whose message is "bad port" and no code.
 */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'BAD_PORT'])

function errorCodes(error: unknown, seen = new Set<unknown>()): string[] {
  if (typeof error !== 'object' || error === null || seen.has(error)) return []
  seen.add(error)
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown }
  const own = typeof e.code === 'string' ? [e.code] : e.message === 'bad port' ? ['BAD_PORT'] : []
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((inner) => errorCodes(inner, seen)) : []
  return [...own, ...nested, ...errorCodes(e.cause, seen)]
}

/**
 * `unreachable` only when every error code says no connection was made (a failed attempt on each
 * address of a host included); anything else after the connection may have carried the request.
 */
export function classifyNetworkError(error: unknown): { kind: 'unreachable' | 'timeout'; detail: string } {
  const codes = errorCodes(error)
  const detail = codes.length > 0 ? [...new Set(codes)].join(', ') : error instanceof Error ? error.message : String(error)
  if (codes.length > 0 && codes.every((c) => NEVER_CONNECTED.has(c))) return { kind: 'unreachable', detail }
  return { kind: 'timeout', detail: `connection lost (${detail})` }
}

export function backoffMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
}

function clip(text: string): string {
  return text.length > MAX_LOGGED_BODY ? `${text.slice(0, MAX_LOGGED_BODY)}…(truncated, ${text.length} characters)` : text
}

interface Attempt {
  kind: 'answered' | HttpFailure
  status: number | null
  data: Record<string, unknown> | null
  log: ExchangeLog
}

export function createUpstreamHttp(options: UpstreamHttpOptions = {}): UpstreamHttp {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry }
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const now = options.now ?? Date.now
  const fetchImpl = options.fetch ?? fetch

  async function attemptOnce(request: UpstreamRequest, attempt: number): Promise<Attempt> {
    const started = now()
    let status: number | null = null
    let text: string | null = null
    let kind: Attempt['kind']
    let error: string | null = null
    let data: Record<string, unknown> | null = null
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), request.timeoutMs)
    try {
      if (!URL.canParse(request.url)) throw Object.assign(new Error(`invalid URL ${request.url}`), { invalidUrl: true })
      const response = await fetchImpl(request.url, {
        method: 'POST',
        headers: { 'content-type': request.contentType, accept: 'application/json, */*', ...request.headers },
        body: request.body,
        signal: controller.signal,
        redirect: 'manual'
      })
      status = response.status
      // The timeout covers reading the body too: a provider that sends headers and stalls is a timeout.
      text = await response.text()
      if (status >= 500) {
        kind = 'server_error'
        error = `http_${status}`
      } else {
        data = status >= 200 && status < 500 && !(status >= 300 && status < 400) ? parseBody(text, response.headers.get('content-type')) : null
        kind = data ? 'answered' : 'bad_response'
        if (!data) error = `bad_response: HTTP ${status} ${status >= 300 && status < 400 ? 'redirect' : 'body is not a JSON or form object'}`
      }
    } catch (thrown) {
      if ((thrown as { invalidUrl?: boolean }).invalidUrl) {
        kind = 'unreachable'
        error = `unreachable: ${(thrown as Error).message}`
      } else if (controller.signal.aborted) {
        kind = 'timeout'
        error = `timeout: no complete answer within ${request.timeoutMs} ms`
      } else {
        const classified = classifyNetworkError(thrown)
        kind = classified.kind
        error = `${classified.kind}: ${classified.detail}`
      }
    } finally {
      clearTimeout(timer)
    }
    const log: ExchangeLog = {
      operation: request.operation,
      url: maskUrl(request.url, request.mask),
      requestBody: clip(maskText(request.body, request.mask)),
      responseStatus: status,
      responseBody: text === null ? null : clip(maskText(text, request.mask)),
      durationMs: Math.max(0, now() - started),
      error,
      attempt
    }
    return { kind, status, data, log }
  }

  return {
    async send(request) {
      const logs: ExchangeLog[] = []
      for (let attempt = 1; ; attempt++) {
        const result = await attemptOnce(request, attempt)
        logs.push(result.log)
        if (result.kind === 'answered' && result.data && result.status !== null) {
          return { kind: 'answered', status: result.status, data: result.data, logs }
        }
        const failure = result.kind as HttpFailure
        const mayResend = failure === 'unreachable' || request.retrySafe
        if (!mayResend || attempt >= policy.maxAttempts) return { kind: failure, logs }
        await sleep(backoffMs(attempt, policy))
      }
    }
  }
}

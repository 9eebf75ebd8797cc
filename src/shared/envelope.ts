/**
 * The answer of every procedure, over IPC and HTTP alike: the report API's envelope
 * (`{"status":200,"message":"ok","data":…,"timestamp":<ms>}`), with a machine `code` on errors
 * and the refusal as a server text (`text`) that screens translate.
 */
import type { ServerText } from './server-text'

export const ERROR_KINDS = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  limit: 422,
  /** Too many requests in a short time (sign-in attempts); the answer carries Retry-After. */
  rate_limited: 429,
  internal: 500,
  upstream: 502
} as const

export type ErrorKind = keyof typeof ERROR_KINDS
export type ErrorStatus = (typeof ERROR_KINDS)[ErrorKind]

export interface OkEnvelope<T> {
  status: 200
  message: 'ok'
  data: T
  timestamp: number
}

export interface ErrorEnvelope {
  status: ErrorStatus
  /** For people: names the field when one is at fault. */
  message: string
  /** For programs: a stable code such as `validation`, `auth.invalid_credentials`. */
  code: string
  /** The input field at fault, as a dotted path, when there is one. */
  field?: string
  /**
   * The refusal as a catalog code and parameters (`rule.minChars` {n: 3}): what a screen shows,
   * translated; `message` is its English rendering (after `field: `). Absent only from hosts
   * older than the texts.
   */
  text?: ServerText
  data: null
  timestamp: number
}

export type Envelope<T> = OkEnvelope<T> | ErrorEnvelope

export function okEnvelope<T>(data: T, now: number = Date.now()): OkEnvelope<T> {
  return { status: 200, message: 'ok', data, timestamp: now }
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  return typeof value === 'object' && value !== null && (value as { status?: unknown }).status !== 200
}

export function kindOfStatus(status: number): ErrorKind {
  const found = (Object.entries(ERROR_KINDS) as [ErrorKind, number][]).find(([, s]) => s === status)
  return found ? found[0] : 'internal'
}

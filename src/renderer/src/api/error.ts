import type { ServerText } from '../../../shared/server-text'

/**
 * An error envelope (or a transport failure, status 0) as a throwable value. `text` is the
 * refusal as a catalog code and parameters, what screens show (i18n/messages.ts); `message` the
 * host's English, shown only when there is no text.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field?: string
  readonly text?: ServerText

  constructor(status: number, code: string, message: string, field?: string, text?: ServerText) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
    this.text = text
  }
}

const SESSION_CODES = new Set(['auth.session_expired', 'auth.required'])

export function isSessionError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && SESSION_CODES.has(error.code)
}

/** Worth another try: the host could not be reached or failed inside; a 4xx answer will not change. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500
}

/**
 * Errors are values at the boundary: a procedure throws an `AppError` of one of a small closed
 * set of kinds, and the hosts turn it into the envelope. Anything else becomes a 500 whose
 * message hides the details (they go to the log).
 */
import type { z } from 'zod'
import { ERROR_KINDS, type ErrorEnvelope, type ErrorKind } from '../../shared/envelope'

export class AppError extends Error {
  readonly kind: ErrorKind
  readonly code: string
  readonly field?: string

  constructor(kind: ErrorKind, message: string, options: { code?: string; field?: string } = {}) {
    super(message)
    this.name = 'AppError'
    this.kind = kind
    this.code = options.code ?? kind
    this.field = options.field
  }
}

export const validationError = (field: string, message: string, code = 'validation') =>
  new AppError('validation', `${field}: ${message}`, { code, field })
export const notFound = (what: string, code = 'not_found') => new AppError('not_found', `${what} was not found`, { code })
export const forbidden = (message: string, code = 'forbidden') => new AppError('forbidden', message, { code })
export const conflict = (message: string, options: { code?: string; field?: string } = {}) =>
  new AppError('conflict', message, { code: options.code ?? 'conflict', field: options.field })
export const unauthorized = (message: string, code = 'unauthorized') => new AppError('unauthorized', message, { code })

/** The first zod issue, as `field.path: message` (or just the message for a whole-input problem). */
export function fromZodError(error: z.ZodError): AppError {
  const issue = error.issues[0]
  const field = issue.path.map(String).join('.')
  if (!field) return new AppError('validation', `input: ${issue.message}`, { field: 'input' })
  return new AppError('validation', `${field}: ${issue.message}`, { field })
}

export function toErrorEnvelope(error: unknown, now: number, log: (e: unknown) => void = console.error): ErrorEnvelope {
  if (error instanceof AppError) {
    return {
      status: ERROR_KINDS[error.kind],
      message: error.message,
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      data: null,
      timestamp: now
    }
  }
  log(error)
  return { status: 500, message: 'Internal error: the details are in the application log', code: 'internal', data: null, timestamp: now }
}

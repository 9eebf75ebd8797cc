/**
 * Errors are values at the boundary: a procedure throws an `AppError` of one of a small closed
 * set of kinds, and the hosts turn it into the envelope. Anything else becomes a 500 whose
 * message hides the details (they go to the log).
 *
 * An error carries a server text (a catalog code and parameters, as timelines do): screens
 * translate it, and its English rendering is the envelope's `message` for API clients. An error
 * about one field names it first: `password: must be at least 10 characters`.
 */
import type { z } from 'zod'
import { ERROR_KINDS, type ErrorEnvelope, type ErrorKind } from '../../shared/envelope'
import { ruleTextOfIssue, textOfIssue } from '../../shared/rule-message'
import { say, type ServerText } from '../../shared/server-text'
import { inEnglish } from './text'

export interface AppErrorOptions {
  code?: string
  field?: string
  /** The English for API clients when it says more than the text (a message zod wrote itself). */
  english?: string
}

export class AppError extends Error {
  readonly kind: ErrorKind
  readonly code: string
  readonly field?: string
  readonly text: ServerText

  constructor(kind: ErrorKind, text: ServerText, options: AppErrorOptions = {}) {
    const english = options.english ?? inEnglish(text)
    super(options.field ? `${options.field}: ${english}` : english)
    this.name = 'AppError'
    this.kind = kind
    this.code = options.code ?? kind
    this.field = options.field
    this.text = text
  }
}

export const validationError = (field: string, text: ServerText, code = 'validation') => new AppError('validation', text, { code, field })
/** `what` names the thing: `notFound(say('thing.order', { id }))` reads "Order 12 was not found". */
export const notFound = (what: ServerText, code = 'not_found') => new AppError('not_found', say('error.notFound', { what }), { code })
export const forbidden = (text: ServerText, code = 'forbidden') => new AppError('forbidden', text, { code })
export const conflict = (text: ServerText, options: { code?: string; field?: string } = {}) =>
  new AppError('conflict', text, { code: options.code ?? 'conflict', field: options.field })
export const unauthorized = (text: ServerText, code = 'unauthorized') => new AppError('unauthorized', text, { code })

/**
 * The first zod issue, as `field.path: rule` (`input: …` for a whole-input problem). The contract's
 * messages carry their rule's text (rule-message.ts); one zod wrote itself keeps its English for
 * API clients and reads as `rule.invalid` on screens.
 */
export function fromZodError(error: z.ZodError): AppError {
  const issue = error.issues[0]
  const field = issue.path.map(String).join('.') || 'input'
  return new AppError('validation', textOfIssue(issue), { field, english: englishOfIssue(issue) })
}

/** A zod issue in English: its rule's text rendered, or the words zod wrote itself. */
export function englishOfIssue(issue: { message: string }): string {
  const text = ruleTextOfIssue(issue)
  return text ? inEnglish(text) : issue.message
}

export function toErrorEnvelope(error: unknown, now: number, log: (e: unknown) => void = console.error): ErrorEnvelope {
  if (error instanceof AppError) {
    return {
      status: ERROR_KINDS[error.kind],
      message: error.message,
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      text: error.text,
      data: null,
      timestamp: now
    }
  }
  log(error)
  const text = say('error.internal')
  return { status: 500, message: inEnglish(text), code: 'internal', text, data: null, timestamp: now }
}

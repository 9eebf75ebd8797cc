/**
 * Request keys make a retried write safe: the same key with the same content answers the first
 * request (nothing is done twice). The same key with other content is a 409, never taken as the
 * first: the caller would believe the second amount was recorded.
 */
import { conflict } from './errors'

/** Throws unless every given field (undefined: not given) equals the first request's. */
export function assertSameRequest(requestKey: string, first: { no: string; content: Record<string, unknown> }, again: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(again)) {
    if (value === undefined || first.content[field] === value) continue
    throw conflict(`requestKey: ${requestKey} was already used for ${first.no} with another ${field}; use a new key for a new request`, { code: 'request_key.reused', field: 'requestKey' })
  }
}

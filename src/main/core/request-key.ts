/**
 * Request keys make a retried write safe: the same key with the same content answers the first
 * request (nothing is done twice). The same key with other content is a 409, never taken as the
 * first: the caller would believe the second amount was recorded.
 */
import { say, term, type ServerText, type TermValue } from '../../shared/server-text'
import type { Actor } from './context'
import { conflict } from './errors'

/** Throws unless every given field (undefined: not given) equals the first request's. */
export function assertSameRequest(requestKey: string, first: { no: ServerText; content: Record<string, unknown> }, again: Partial<Record<TermValue<'requestField'>, unknown>>): void {
  for (const [field, value] of Object.entries(again) as [TermValue<'requestField'>, unknown][]) {
    if (value === undefined || first.content[field] === value) continue
    throw conflict(say('error.requestKeyReused', { key: requestKey, no: first.no, field: term('requestField', field) }), { code: 'request_key.reused', field: 'requestKey' })
  }
}

/**
 * A key already used for another merchant's request, seen by a merchant-bound user: taken, and
 * nothing more (saying "withdrawal 40 was not found" told which requests exist and their ids).
 */
export function assertKeyOpenTo(actor: Actor, requestKey: string, rowMerchantId: number | null): void {
  if (actor.merchantId !== null && rowMerchantId !== actor.merchantId) throw conflict(say('error.requestKeyTaken', { key: requestKey }), { code: 'request_key.reused', field: 'requestKey' })
}

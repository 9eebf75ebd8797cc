/**
 * The HTTP client's words for a provider call that got no usable answer (src/main/upstream/http.ts
 * writes them into the exchange log, in English, for logs and the database) as a server text, so
 * a screen or a report says them in the reader's language. A line of another shape is carried as
 * it is.
 *
 *   http_502                                        the provider answered 502
 *   bad_response: HTTP 302 redirect                 an answer that redirects (never followed)
 *   bad_response: HTTP 200 body is not a JSON …     an answer that cannot be read
 *   timeout: no complete answer within 10000 ms     no complete answer in time
 *   timeout: connection lost (ECONNRESET)           the connection dropped after it was made
 *   unreachable: invalid URL ftp://…                an address that is not a URL
 *   unreachable: ECONNREFUSED                       no connection could be made
 */
import { term, verbatim, type ServerText, type TermValue } from './server-text'

const text = (code: ServerText['code'], params: ServerText['params']): ServerText => ({ code, params })

export function upstreamFailureText(line: string): ServerText {
  let m: RegExpExecArray | null
  if ((m = /^http_(\d{3})$/.exec(line))) return text('upstream.failure.httpStatus', { status: m[1] })
  if ((m = /^bad_response: HTTP (\d{3}) redirect$/.exec(line))) return text('upstream.failure.redirect', { status: m[1] })
  if ((m = /^bad_response: HTTP (\d{3}) body is not a JSON or form object$/.exec(line))) return text('upstream.failure.unreadable', { status: m[1] })
  if ((m = /^timeout: no complete answer within (\d+) ms$/.exec(line))) return text('fieldtest.cause.noAnswerWithin', { ms: Number(m[1]) })
  if ((m = /^timeout: connection lost \((.*)\)$/s.exec(line))) return text('upstream.failure.connectionLost', { detail: m[1] })
  if ((m = /^unreachable: invalid URL (.*)$/s.exec(line))) return text('upstream.failure.invalidUrl', { url: m[1] })
  if ((m = /^unreachable: (.*)$/s.exec(line))) return text('upstream.failure.unreachable', { detail: m[1] })
  return verbatim(line)
}

type ConnectReason = TermValue<'connectFailure'>

/** The system's error codes for a connection never made, as people name the reason (the first code the line names decides). */
const CONNECT_REASONS: Record<string, ConnectReason> = {
  ENOTFOUND: 'name_not_found',
  EAI_AGAIN: 'lookup_failed',
  EAI_FAIL: 'lookup_failed',
  ECONNREFUSED: 'refused',
  UND_ERR_CONNECT_TIMEOUT: 'timed_out',
  ETIMEDOUT: 'timed_out',
  EHOSTUNREACH: 'no_route',
  ENETUNREACH: 'no_route',
  BAD_PORT: 'blocked_port'
}

export interface ConnectionFailure {
  /** Where it tried to connect: the address's host and port (`pay.example.com`, `127.0.0.1:5999`), or the text that is no address. */
  host: string
  reason: ServerText
  /** The system's own words: its error codes (`ENOTFOUND`), or `invalid URL`. */
  code: string
}

/**
 * A provider call whose connection was never made (an `unreachable: …` line), as the host it tried
 * and the system's reason; null for any other line (an answer, a timeout after the request went
 * out, a connection lost). `url` is the address the exchange log holds for the call.
 */
export function connectionFailure(line: string | null | undefined, url: string): ConnectionFailure | null {
  const m = line ? /^unreachable: (.*)$/s.exec(line) : null
  if (!m) return null
  const invalid = /^invalid URL (.*)$/s.exec(m[1])
  if (invalid) return { host: invalid[1], reason: term('connectFailure', 'invalid_address'), code: 'invalid URL' }
  const first = m[1].split(/,\s*/)[0]
  return { host: URL.canParse(url) ? new URL(url).host : url, reason: term('connectFailure', CONNECT_REASONS[first] ?? 'other'), code: m[1] }
}

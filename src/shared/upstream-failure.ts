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
import { verbatim, type ServerText } from './server-text'

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

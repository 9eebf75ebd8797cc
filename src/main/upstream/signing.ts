/**
 * The signature of the generic provider protocol: parameters sorted by name, empty values and the
 * signature itself left out, joined as `k=v&k2=v2` (values raw, not URL-encoded), then
 *   MD5:          hex(md5(string + '&key=' + key))
 *   HMAC-SHA256:  hex(hmac_sha256(key, string))
 * Pure functions, shared by the adapter (our requests, their callbacks) and the simulator (the
 * reverse). The joined string is ambiguous when a value itself contains `&` or `=` (the protocol's
 * weakness, not ours): the signature proves who sent the parameters, and each value is still
 * validated where it is used.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export type SignAlgorithm = 'md5' | 'hmac-sha256'

export type SignableParams = Record<string, string | null | undefined>

export function signingString(params: SignableParams, signatureField: string): string {
  return Object.keys(params)
    .filter((k) => k !== signatureField && params[k] !== undefined && params[k] !== null && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&')
}

export function sign(params: SignableParams, key: string, algorithm: SignAlgorithm, upperCase: boolean, signatureField: string): string {
  const text = signingString(params, signatureField)
  const hex =
    algorithm === 'md5'
      ? createHash('md5').update(`${text}&key=${key}`, 'utf8').digest('hex')
      : createHmac('sha256', key).update(text, 'utf8').digest('hex')
  return upperCase ? hex.toUpperCase() : hex
}

/** Hex case is not significant; compared in constant time. An empty key never verifies. */
export function verify(params: SignableParams, key: string, algorithm: SignAlgorithm, signatureField: string): boolean {
  const given = params[signatureField]
  if (!given || !key) return false
  const expected = Buffer.from(sign(params, key, algorithm, false, signatureField), 'utf8')
  const actual = Buffer.from(given.toLowerCase(), 'utf8')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * A parsed body (JSON object or form) as flat text parameters, the form signatures are computed
 * over: strings as they are, numbers and booleans as text, nested objects as their JSON text.
 * Built with Object.fromEntries, not by assignment: a parameter named `__proto__` stays a
 * parameter (assigned, it would hit the prototype setter and drop out of the signed string).
 */
export function flatParams(value: unknown): Record<string, string> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  return Object.fromEntries(
    Object.entries(value).flatMap(([k, v]: [string, unknown]) => (v === null || v === undefined ? [] : [[k, typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)]]))
  ) as Record<string, string>
}

/** A request or callback body, JSON or form-urlencoded (sniffed when the content type says neither). */
export function parseBody(body: string, contentType: string | null): Record<string, unknown> | null {
  const type = (contentType ?? '').toLowerCase()
  const looksJson = type.includes('json') || (!type.includes('form') && body.trimStart().startsWith('{'))
  if (looksJson) {
    try {
      const parsed: unknown = JSON.parse(body)
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
    } catch {
      return null
    }
  }
  if (!body.includes('=')) return null
  return Object.fromEntries(new URLSearchParams(body))
}

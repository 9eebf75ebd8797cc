/**
 * The connection test's reading of one exchange with a provider: each step's state and the facts
 * a screen words it with, and one plain-language verdict, the first of these that applies:
 * unreachable, TLS error, timeout, wrong path, HTTP error, unexpected answer, our signature
 * refused, refused for another reason, their signature not verifying, their answer unsigned, slow,
 * works. A pure
 * function of what the HTTP client saw, so each verdict has a unit test without a network.
 */
import type { ConnectVerdict, ConnectionTest } from '../../../shared/contract/fieldtest-connect'
import { readPath } from '../../upstream/generic'
import type { HttpOutcome } from '../../upstream/http'
import { flatParams, verify, type SignAlgorithm } from '../../upstream/signing'

type Step = ConnectionTest['steps'][number]

export interface ExchangeFacts {
  kind: HttpOutcome['kind']
  status: number | null
  /** The HTTP client's words for a failure (`unreachable: ECONNREFUSED`, `timeout: …`). */
  error: string | null
  durationMs: number | null
  /** The answer as parsed (JSON or form), unmasked: for the signature check only. */
  data: Record<string, unknown> | null
}

export interface ReadingRules {
  timeoutMs: number
  successPath: string
  successValue: string
  notFoundValue?: string
  messagePath: string
  statusPath: string
  signatureField: string
  algorithm: SignAlgorithm
  /** The channel's signing key; empty when the credentials lack it (then nothing verifies). */
  key: string
}

export interface Reading {
  verdict: ConnectVerdict
  steps: Step[]
  answer: ConnectionTest['answer']
  signature: ConnectionTest['signature']
}

/** Failures of the TLS handshake or the certificate, as Node and undici name them. */
const TLS = /CERT|SSL|TLS|EPROTO|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|self[- ]signed|certificate/i
/** A refusal that is about our signature (or the key it was made with). */
const SIGNATURE_WORDS = /sign|签名|验签|密钥|\bkey\b/i

function text(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** Why a connection failed, from the HTTP client's words: the codes, without its own prefix. */
function failureDetail(error: string | null): string {
  return (error ?? '').replace(/^(unreachable|timeout):\s*/, '')
}

export function readExchange(facts: ExchangeFacts, rules: ReadingRules): Reading {
  const steps: Step[] = []
  const step = (name: Step['step'], state: Step['state'], stepFacts: Step['facts'] = {}) => steps.push({ step: name, state, facts: stepFacts })
  const rest = (from: Step['step'][]) => from.forEach((name) => step(name, 'skipped'))
  const answer = { code: null as string | null, message: null as string | null, status: null as string | null }
  const signature: Reading['signature'] = { ours: 'unknown', theirs: 'unknown' }
  const done = (verdict: ConnectVerdict): Reading => ({ verdict, steps, answer, signature })
  const duration = facts.durationMs ?? 0

  // Connection: no HTTP status at all means nothing usable came back.
  if (facts.status === null) {
    const detail = failureDetail(facts.error)
    if (facts.kind === 'unreachable') {
      step('connection', 'failed', { detail })
      rest(['http', 'body', 'ourSignature', 'theirSignature', 'time'])
      return done('unreachable')
    }
    if (TLS.test(facts.error ?? '')) {
      step('connection', 'failed', { detail })
      rest(['http', 'body', 'ourSignature', 'theirSignature', 'time'])
      return done('tls_error')
    }
    const timedOut = (facts.error ?? '').startsWith('timeout: no complete answer')
    step('connection', timedOut ? 'passed' : 'failed', timedOut ? {} : { detail })
    step('http', timedOut ? 'failed' : 'skipped', timedOut ? { timeoutMs: rules.timeoutMs } : {})
    rest(['body', 'ourSignature', 'theirSignature'])
    step('time', 'failed', { durationMs: duration, timeoutMs: rules.timeoutMs })
    return done('timeout')
  }
  step('connection', 'passed')

  const status = facts.status
  if (facts.kind === 'timeout') {
    // The headers came, the rest of the answer did not.
    step('http', 'passed', { status })
    step('body', 'failed', { problem: 'stalled' })
    rest(['ourSignature', 'theirSignature'])
    step('time', 'failed', { durationMs: duration, timeoutMs: rules.timeoutMs })
    return done('timeout')
  }
  const data = facts.data
  const code = data ? text(readPath(data, rules.successPath)) : null
  answer.code = code
  answer.message = data ? text(readPath(data, rules.messagePath)) : null
  answer.status = data ? text(readPath(data, rules.statusPath)) : null
  const known = code !== null && (code === rules.successValue || (rules.notFoundValue !== undefined && code === rules.notFoundValue))

  // A provider may answer an unknown order with 404 and a readable "not found": that is an answer.
  if ((status === 404 || status === 405) && !known) {
    step('http', 'failed', { status })
    rest(['body', 'ourSignature', 'theirSignature', 'time'])
    return done('wrong_path')
  }
  if (status >= 500 || (status >= 400 && !data)) {
    step('http', 'failed', { status })
    rest(['body', 'ourSignature', 'theirSignature', 'time'])
    return done('http_error')
  }
  if (status >= 300 && status < 400) {
    step('http', 'failed', { status })
    rest(['body', 'ourSignature', 'theirSignature', 'time'])
    return done('unexpected_body')
  }
  step('http', status >= 400 && !known ? 'warning' : 'passed', { status })

  if (!data) {
    step('body', 'failed', { problem: 'unreadable' })
    rest(['ourSignature', 'theirSignature', 'time'])
    return done('unexpected_body')
  }
  if (code === null) {
    step('body', 'failed', { problem: 'noOutcome', path: rules.successPath })
    rest(['ourSignature', 'theirSignature', 'time'])
    return done('unexpected_body')
  }
  step('body', 'passed', { code, path: rules.successPath })

  if (!known) {
    const refusal = `${code} ${answer.message ?? ''}`
    const aboutSignature = SIGNATURE_WORDS.test(refusal)
    signature.ours = aboutSignature ? 'refused' : 'unknown'
    step('ourSignature', 'failed', { code, message: answer.message ?? '' })
    rest(['theirSignature', 'time'])
    return done(aboutSignature ? 'signature_refused' : 'refused')
  }
  signature.ours = 'accepted'
  step('ourSignature', 'passed', { code, outcome: code === rules.successValue ? 'found' : 'notFound' })

  const given = text(data[rules.signatureField])
  if (given === null) {
    // Nothing to verify is not a verified answer: anyone on the path could have written it.
    signature.theirs = 'absent'
    step('theirSignature', 'warning', { field: rules.signatureField })
  } else {
    signature.theirs = verify(flatParams(data) ?? {}, rules.key, rules.algorithm, rules.signatureField) ? 'valid' : 'invalid'
    step('theirSignature', signature.theirs === 'valid' ? 'passed' : 'failed', { field: rules.signatureField })
  }

  const slow = duration > rules.timeoutMs / 2
  step('time', slow ? 'warning' : 'passed', { durationMs: duration, timeoutMs: rules.timeoutMs })
  if (signature.theirs === 'invalid') return done('signature_invalid')
  if (signature.theirs === 'absent') return done('unsigned')
  return done(slow ? 'slow' : 'works')
}

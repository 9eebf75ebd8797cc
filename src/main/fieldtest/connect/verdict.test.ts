import { describe, expect, it } from 'vitest'
import { SIMULATOR_BEHAVIOURS } from '../../../shared/contract/fieldtest-connect'
import { BEHAVIOURS } from '../../simulator/types'
import { genericAdapterConfigSchema } from '../../upstream/generic-config'
import { sign } from '../../upstream/signing'
import { providerPresets } from './presets'
import { readExchange, type ExchangeFacts, type ReadingRules } from './verdict'

const KEY = 'sign-key-for-tests'
const RULES: ReadingRules = {
  timeoutMs: 1000,
  successPath: 'code',
  successValue: '0',
  notFoundValue: '1004',
  messagePath: 'message',
  statusPath: 'data.status',
  signatureField: 'sign',
  algorithm: 'md5',
  key: KEY
}

const answered = (status: number, data: Record<string, unknown> | null, durationMs = 40): ExchangeFacts => ({ kind: data ? 'answered' : 'bad_response', status, error: null, durationMs, data })
const failed = (kind: ExchangeFacts['kind'], error: string, status: number | null = null): ExchangeFacts => ({ kind, status, error, durationMs: 20, data: null })
const signed = (body: Record<string, unknown>, key = KEY) => ({ ...body, sign: sign(Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])), key, 'md5', false, 'sign') })

const verdictOf = (facts: ExchangeFacts, rules: Partial<ReadingRules> = {}) => readExchange(facts, { ...RULES, ...rules }).verdict
const stateOf = (facts: ExchangeFacts, step: string) => readExchange(facts, RULES).steps.find((s) => s.step === step)

describe('reading a connection test', () => {
  it('no connection: unreachable, a TLS failure, or no answer in time', () => {
    expect(verdictOf(failed('unreachable', 'unreachable: ECONNREFUSED'))).toBe('unreachable')
    expect(stateOf(failed('unreachable', 'unreachable: ECONNREFUSED'), 'connection')).toEqual({ step: 'connection', state: 'failed', facts: { detail: 'ECONNREFUSED' } })
    expect(verdictOf(failed('unreachable', 'unreachable: invalid URL http://'))).toBe('unreachable')
    expect(verdictOf(failed('timeout', 'timeout: connection lost (DEPTH_ZERO_SELF_SIGNED_CERT)'))).toBe('tls_error')
    expect(verdictOf(failed('timeout', 'timeout: connection lost (ERR_SSL_WRONG_VERSION_NUMBER)'))).toBe('tls_error')
    expect(verdictOf(failed('timeout', 'timeout: no complete answer within 1000 ms'))).toBe('timeout')
    expect(stateOf(failed('timeout', 'timeout: no complete answer within 1000 ms'), 'time')?.state).toBe('failed')
    expect(verdictOf(failed('timeout', 'timeout: connection lost (ECONNRESET)'))).toBe('timeout')
    // Headers, then nothing: a timeout too, not an unreadable body.
    expect(verdictOf(failed('timeout', 'timeout: no complete answer within 1000 ms', 200))).toBe('timeout')
  })

  it('the wrong path: 404 or 405, unless the 404 is a readable "no such order"', () => {
    expect(verdictOf(answered(404, { code: '1404', message: 'no route POST /query' }))).toBe('wrong_path')
    expect(verdictOf(answered(404, null))).toBe('wrong_path')
    expect(verdictOf(answered(405, null))).toBe('wrong_path')
    expect(verdictOf(answered(404, signed({ code: '1004', message: 'order not found' })))).toBe('works')
  })

  it('HTTP errors and unexpected answers', () => {
    expect(verdictOf(failed('server_error', 'http_500', 500))).toBe('http_error')
    expect(verdictOf(answered(403, null))).toBe('http_error')
    expect(verdictOf(answered(302, null))).toBe('unexpected_body')
    expect(verdictOf(answered(200, null))).toBe('unexpected_body')
    expect(readExchange(answered(200, { result: 'ok' }), RULES).steps.find((s) => s.step === 'body')).toMatchObject({ state: 'failed', facts: { problem: 'noOutcome', path: 'code' } })
  })

  it('a refusal: of our signature when it says so, else for its own reason', () => {
    const refused = readExchange(answered(200, { code: '1001', message: 'bad signature' }), RULES)
    expect(refused).toMatchObject({ verdict: 'signature_refused', signature: { ours: 'refused' }, answer: { code: '1001', message: 'bad signature' } })
    expect(verdictOf(answered(401, { code: 'SIGN_ERROR' }))).toBe('signature_refused')
    expect(verdictOf(answered(200, { code: 'E07', message: '签名错误' }))).toBe('signature_refused')
    expect(verdictOf(answered(200, { code: '2005', message: 'merchant disabled' }))).toBe('refused')
  })

  it('works when the query is answered (found or not), and says whether their signature verifies', () => {
    const good = readExchange(answered(200, signed({ code: '0', message: 'ok', data: { status: 'PENDING' } })), RULES)
    expect(good).toMatchObject({ verdict: 'works', signature: { theirs: 'valid' }, answer: { status: 'PENDING' } })
    expect(verdictOf(answered(200, signed({ code: '1004', message: 'order not found' }, 'another-key')))).toBe('signature_invalid')
  })

  it('an answer without a signature is not a verified one: it works, with a warning that it is unsigned', () => {
    const unsigned = readExchange(answered(200, { code: '1004', message: 'order not found' }), RULES)
    expect(unsigned).toMatchObject({ verdict: 'unsigned', signature: { ours: 'accepted', theirs: 'absent' } })
    expect(unsigned.steps.map((s) => s.step)).toEqual(['connection', 'http', 'body', 'ourSignature', 'theirSignature', 'time'])
    expect(unsigned.steps.find((s) => s.step === 'theirSignature')).toEqual({ step: 'theirSignature', state: 'warning', facts: { field: 'sign' } })
    // Slow as well: the missing signature is said first.
    expect(verdictOf(answered(200, { code: '1004' }, 501))).toBe('unsigned')
  })

  it('slow: answered, but in more than half the timeout', () => {
    expect(verdictOf(answered(200, signed({ code: '1004' }), 501))).toBe('slow')
    expect(verdictOf(answered(200, signed({ code: '1004' }), 500))).toBe('works')
  })
})

describe('the presets', () => {
  it('are each a valid set of provider settings', () => {
    for (const preset of providerPresets('http://127.0.0.1:40000')) {
      expect(genericAdapterConfigSchema.safeParse(preset.config).error?.issues, preset.key).toBeUndefined()
      expect(preset.credentialKeys, preset.key).toContain(preset.config.signature.keyCredential)
    }
    expect(providerPresets(null)[0].config.baseUrl).toBe('http://127.0.0.1:39610')
  })

  it('the contract knows every behaviour of the simulator', () => {
    expect([...SIMULATOR_BEHAVIOURS].sort()).toEqual([...BEHAVIOURS].sort())
  })
})

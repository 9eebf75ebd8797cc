import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { flatParams, parseBody, sign, signingString, verify, type SignAlgorithm } from './signing'

// Vectors computed outside this code: `echo -n "<string>&key=<key>" | md5sum` and
// `echo -n "<string>" | openssl dgst -sha256 -hmac <key>`.
const ORDER = { orderNo: 'D20240101001', merchantNo: 'M001', amount: '100.00', currency: 'CNY', sign: 'ignored', remark: '' }
const ORDER_STRING = 'amount=100.00&currency=CNY&merchantNo=M001&orderNo=D20240101001'

describe('signingString', () => {
  it('sorts by name, skips empty values and the signature field, joins k=v with &', () => {
    expect(signingString(ORDER, 'sign')).toBe(ORDER_STRING)
    expect(signingString({ b: '2', a: '1', c: null, d: undefined }, 'sign')).toBe('a=1&b=2')
  })

  it('keeps the values raw (no URL encoding)', () => {
    expect(signingString({ name: '张三', url: 'http://x/y?z=1' }, 'sign')).toBe('name=张三&url=http://x/y?z=1')
  })
})

describe('sign and verify: fixed vectors', () => {
  it('MD5 over string + &key=<key>, lower or upper case hex', () => {
    expect(sign(ORDER, 'secret-key', 'md5', false, 'sign')).toBe('eacf0fa1c13f23311acd2c31909a266d')
    expect(sign(ORDER, 'secret-key', 'md5', true, 'sign')).toBe('EACF0FA1C13F23311ACD2C31909A266D')
  })

  it('HMAC-SHA256 over the string keyed by the key', () => {
    expect(sign(ORDER, 'secret-key', 'hmac-sha256', false, 'sign')).toBe('a4c8d075e69bb74aa4f833ee527e643b107a6c43815acbf462094640bd4c2d2b')
  })

  it('UTF-8 values', () => {
    const params = { orderNo: 'X1', amount: '50', name: '张三' }
    expect(sign(params, 'k', 'md5', false, 'sign')).toBe('a0728dd9a37725a8272703e75f69c5dd')
    expect(sign(params, 'k', 'hmac-sha256', false, 'sign')).toBe('8fec642dfa934b4f1b09a67b69cf159ae792234e068bff298f08950945bf2bc7')
  })

  it('verify accepts either hex case, reads the named field, and refuses a missing signature or key', () => {
    expect(verify({ ...ORDER, sign: 'EACF0FA1C13F23311ACD2C31909A266D' }, 'secret-key', 'md5', 'sign')).toBe(true)
    const { sign: _unused, ...unsigned } = ORDER
    expect(verify({ ...unsigned, signature: 'eacf0fa1c13f23311acd2c31909a266d' }, 'secret-key', 'md5', 'signature')).toBe(true)
    expect(verify({ ...ORDER, sign: 'eacf0fa1c13f23311acd2c31909a266d' }, 'secret-key', 'hmac-sha256', 'sign')).toBe(false)
    expect(verify({ ...ORDER, sign: '' }, 'secret-key', 'md5', 'sign')).toBe(false)
    expect(verify({ ...ORDER, sign: 'eacf' }, 'secret-key', 'md5', 'sign')).toBe(false)
    expect(verify({ ...ORDER, sign: sign(ORDER, '', 'md5', false, 'sign') }, '', 'md5', 'sign')).toBe(false)
  })
})

const name = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,11}$/).filter((k) => k !== 'sign')
// `&` and `=` are left out: inside a value they make the joined string ambiguous (see signing.ts).
const value = fc.stringMatching(/^[^&=]{1,20}$/)
const paramsArb = fc.dictionary(name, value, { minKeys: 1, maxKeys: 10 })
const algorithmArb = fc.constantFrom<SignAlgorithm>('md5', 'hmac-sha256')
const keyArb = fc.string({ minLength: 1, maxLength: 40 })

function signed(params: Record<string, string>, key: string, algorithm: SignAlgorithm, upper: boolean) {
  return { ...params, sign: sign(params, key, algorithm, upper, 'sign') }
}

describe('sign and verify: properties', () => {
  it('a signed set verifies, whatever the order of its keys', () => {
    fc.assert(
      fc.property(paramsArb, keyArb, algorithmArb, fc.boolean(), (params, key, algorithm, upper) => {
        const reversed = Object.fromEntries(Object.entries(signed(params, key, algorithm, upper)).reverse())
        expect(verify(reversed, key, algorithm, 'sign')).toBe(true)
      })
    )
  })

  it('any changed value breaks the signature', () => {
    fc.assert(
      fc.property(paramsArb, keyArb, algorithmArb, value, fc.nat(), (params, key, algorithm, replacement, pick) => {
        const names = Object.keys(params)
        const target = names[pick % names.length]
        fc.pre(params[target] !== replacement)
        const tampered = { ...signed(params, key, algorithm, false), [target]: replacement }
        expect(verify(tampered, key, algorithm, 'sign')).toBe(false)
      })
    )
  })

  it('an added or a removed parameter breaks the signature', () => {
    fc.assert(
      fc.property(paramsArb, keyArb, algorithmArb, name, value, (params, key, algorithm, extraName, extraValue) => {
        fc.pre(!(extraName in params))
        const original = signed(params, key, algorithm, false)
        expect(verify({ ...original, [extraName]: extraValue }, key, algorithm, 'sign')).toBe(false)
        const [first] = Object.keys(params)
        const rest: Record<string, string> = { ...original }
        delete rest[first]
        expect(verify(rest, key, algorithm, 'sign')).toBe(false)
      })
    )
  })

  it('another key does not verify', () => {
    fc.assert(
      fc.property(paramsArb, keyArb, keyArb, algorithmArb, (params, key, otherKey, algorithm) => {
        fc.pre(key !== otherKey)
        expect(verify(signed(params, key, algorithm, false), otherKey, algorithm, 'sign')).toBe(false)
      })
    )
  })
})

describe('bodies', () => {
  it('parses JSON and form bodies, sniffing when the content type says neither', () => {
    expect(parseBody('{"a":"1","b":2}', 'application/json; charset=utf-8')).toEqual({ a: '1', b: 2 })
    expect(parseBody('a=1&b=%E5%BC%A0', 'application/x-www-form-urlencoded')).toEqual({ a: '1', b: '张' })
    expect(parseBody('{"a":"1"}', null)).toEqual({ a: '1' })
    expect(parseBody('a=1', null)).toEqual({ a: '1' })
    expect(parseBody('not json', 'application/json')).toBeNull()
    expect(parseBody('[1,2]', 'application/json')).toBeNull()
    expect(parseBody('SUCCESS', 'text/plain')).toBeNull()
  })

  it('flattens a JSON object to text parameters', () => {
    expect(flatParams({ a: '1', b: 2, c: true, d: null, e: { x: 1 } })).toEqual({ a: '1', b: '2', c: 'true', e: '{"x":1}' })
    expect(flatParams([1])).toBeNull()
    expect(flatParams('x')).toBeNull()
  })

  it('keeps a parameter named __proto__ as a parameter, signed like the others', () => {
    for (const body of ['__proto__=x&a=1', '{"__proto__":"x","a":1}']) {
      const params = flatParams(parseBody(body, null))!
      expect(Object.keys(params), body).toEqual(['__proto__', 'a'])
      expect(Object.getPrototypeOf(params)).toBe(Object.prototype)
      expect(signingString(params, 'sign')).toBe('__proto__=x&a=1')
    }
  })
})

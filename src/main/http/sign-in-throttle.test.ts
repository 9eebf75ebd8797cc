import { describe, expect, it } from 'vitest'
import { admit, createSignInThrottle } from './sign-in-throttle'

const rule = { limit: 3, windowMs: 60_000 }
const t0 = 1_000_000

describe('the sliding window', () => {
  it('admits up to the limit within the window, then refuses until the oldest attempt leaves it', () => {
    let hits: number[] = []
    for (const at of [t0, t0 + 10_000, t0 + 20_000]) {
      const a = admit(hits, at, rule)
      expect(a.allowed).toBe(true)
      hits = a.hits
    }
    expect(admit(hits, t0 + 30_000, rule)).toEqual({ allowed: false, hits, retryAfterMs: 30_000 })
    expect(admit(hits, t0 + 59_999, rule)).toMatchObject({ allowed: false, retryAfterMs: 1 })
    const later = admit(hits, t0 + 60_000, rule)
    expect(later).toEqual({ allowed: true, hits: [t0 + 10_000, t0 + 20_000, t0 + 60_000] })
  })

  it('forgets attempts older than the window', () => {
    expect(admit([t0, t0 + 1, t0 + 2], t0 + 200_000, rule)).toEqual({ allowed: true, hits: [t0 + 200_000] })
  })
})

describe('the sign-in throttle', () => {
  const limits = { perUsername: { limit: 2, windowMs: 60_000 }, perAddress: { limit: 3, windowMs: 60_000 } }

  it('limits one user name whatever the address, and says when to retry', () => {
    const throttle = createSignInThrottle(limits)
    expect(throttle.attempt('amy', '10.0.0.1', t0)).toEqual({ allowed: true })
    expect(throttle.attempt('amy', '10.0.0.2', t0 + 1000)).toEqual({ allowed: true })
    expect(throttle.attempt('amy', '10.0.0.3', t0 + 2000)).toEqual({ allowed: false, retryAfterMs: 58_000 })
    expect(throttle.attempt('bob', '10.0.0.3', t0 + 2000)).toEqual({ allowed: true })
    expect(throttle.attempt('amy', '10.0.0.3', t0 + 60_000)).toEqual({ allowed: true })
  })

  it('limits one address whatever the user name', () => {
    const throttle = createSignInThrottle(limits)
    for (const name of ['a', 'b', 'c']) expect(throttle.attempt(name, '10.0.0.9', t0)).toEqual({ allowed: true })
    expect(throttle.attempt('d', '10.0.0.9', t0 + 5000)).toEqual({ allowed: false, retryAfterMs: 55_000 })
    expect(throttle.attempt('d', '10.0.0.8', t0 + 5000)).toEqual({ allowed: true })
  })

  it('does not count a refused attempt, so hammering does not push the window out', () => {
    const throttle = createSignInThrottle(limits)
    throttle.attempt('amy', '10.0.0.1', t0)
    throttle.attempt('amy', '10.0.0.1', t0)
    for (let i = 1; i <= 50; i++) expect(throttle.attempt('amy', '10.0.0.1', t0 + i * 1000).allowed).toBe(false)
    expect(throttle.attempt('amy', '10.0.0.1', t0 + 60_000)).toEqual({ allowed: true })
  })

  it('an attempt refused for its name does not use up its address, nor the other way round', () => {
    const throttle = createSignInThrottle(limits)
    throttle.attempt('amy', '10.0.0.1', t0)
    throttle.attempt('amy', '10.0.0.1', t0)
    expect(throttle.attempt('amy', '10.0.0.1', t0).allowed).toBe(false)
    // The address spent 2 of its 3: one more name may still try from it.
    expect(throttle.attempt('bob', '10.0.0.1', t0)).toEqual({ allowed: true })
    expect(throttle.attempt('carl', '10.0.0.1', t0).allowed).toBe(false)
    // carl was refused by the address, so his own window is untouched.
    expect(throttle.attempt('carl', '10.0.0.2', t0)).toEqual({ allowed: true })
    expect(throttle.attempt('carl', '10.0.0.2', t0)).toEqual({ allowed: true })
  })

  it('a body without a user name counts against its address only', () => {
    const throttle = createSignInThrottle(limits)
    for (let i = 0; i < 3; i++) expect(throttle.attempt(null, '10.0.0.1', t0).allowed).toBe(true)
    expect(throttle.attempt(null, '10.0.0.1', t0).allowed).toBe(false)
  })
})

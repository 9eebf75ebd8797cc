import { describe, expect, it } from 'vitest'
import { judgeSession, newSessionToken, sessionIdOf } from './sessions'

const limits = { idleMinutes: 30, absoluteMinutes: 12 * 60 }
const t0 = 1_700_000_000_000
const minute = 60_000

describe('session rules', () => {
  it('is valid while used within the idle limit and before the absolute limit', () => {
    expect(judgeSession({ createdAt: t0, lastSeenAt: t0 + 10 * minute, endedAt: null }, limits, t0 + 39 * minute)).toEqual({ ok: true })
  })

  it('ends after the idle limit without a request', () => {
    expect(judgeSession({ createdAt: t0, lastSeenAt: t0, endedAt: null }, limits, t0 + 30 * minute)).toEqual({ ok: false, reason: 'idle' })
  })

  it('ends at the absolute limit however busy the session is', () => {
    const session = { createdAt: t0, lastSeenAt: t0 + 12 * 60 * minute - 1, endedAt: null }
    expect(judgeSession(session, limits, t0 + 12 * 60 * minute)).toEqual({ ok: false, reason: 'absolute' })
  })

  it('an ended session stays ended', () => {
    expect(judgeSession({ createdAt: t0, lastSeenAt: t0, endedAt: t0 }, limits, t0 + 1)).toEqual({ ok: false, reason: 'ended' })
  })

  it('stores only a hash of the token, and tokens do not repeat', () => {
    const a = newSessionToken()
    const b = newSessionToken()
    expect(a.token).not.toBe(b.token)
    expect(a.id).toBe(sessionIdOf(a.token))
    expect(a.id).not.toContain(a.token)
    expect(a.token.length).toBeGreaterThanOrEqual(43)
  })
})

import { describe, expect, it } from 'vitest'
import { afterFailedAttempt, afterSuccessfulSignIn, isLocked, LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from './lockout'

const now = 1_000_000

describe('lockout', () => {
  it('locks for 15 minutes on the 5th failed attempt in a row, not before', () => {
    let state = { failedAttempts: 0, lockedUntil: null as number | null }
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      state = afterFailedAttempt(state, now)
      expect(isLocked(state, now)).toBe(false)
    }
    state = afterFailedAttempt(state, now)
    expect(state.lockedUntil).toBe(now + 15 * 60 * 1000)
    expect(isLocked(state, now + LOCKOUT_MS - 1)).toBe(true)
    expect(isLocked(state, now + LOCKOUT_MS)).toBe(false)
  })

  it('starts a fresh count once a lock has run out', () => {
    const locked = { failedAttempts: 5, lockedUntil: now }
    expect(afterFailedAttempt(locked, now + 1)).toEqual({ failedAttempts: 1, lockedUntil: null })
  })

  it('a successful sign-in clears the count', () => {
    expect(afterSuccessfulSignIn()).toEqual({ failedAttempts: 0, lockedUntil: null })
  })
})

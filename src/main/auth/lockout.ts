/** The lockout rule: 5 failed sign-ins in a row lock the account for 15 minutes. */
export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MS = 15 * 60 * 1000

export interface LockState {
  failedAttempts: number
  lockedUntil: number | null
}

export function isLocked(state: LockState, now: number): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now
}

export function afterFailedAttempt(state: LockState, now: number): LockState {
  // A lock that has run out starts a fresh count.
  const previous = state.lockedUntil !== null && state.lockedUntil <= now ? 0 : state.failedAttempts
  const failedAttempts = previous + 1
  return failedAttempts >= MAX_FAILED_ATTEMPTS
    ? { failedAttempts, lockedUntil: now + LOCKOUT_MS }
    : { failedAttempts, lockedUntil: null }
}

export function afterSuccessfulSignIn(): LockState {
  return { failedAttempts: 0, lockedUntil: null }
}

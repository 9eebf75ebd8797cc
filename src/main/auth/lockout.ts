/**
 * The lockout rule: 5 failed sign-ins in a row lock the account for 15 minutes.
 *
 * An attempt is counted before its password is checked, in one UPDATE that increments in SQL and
 * reads the result back with RETURNING. Reading the count, awaiting scrypt and writing back
 * `count + 1` let parallel guesses all read the same count: 30 guesses sent at once were all
 * checked and none locked the account. Counted first, at most MAX_FAILED_ATTEMPTS guesses are
 * ever checked against the real hash before the lock; a password that turns out right clears
 * the count again (`afterSuccessfulSignIn`).
 */
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm'
import { users } from '../db/schema'
import type { Tx } from '../db/transaction'

export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MS = 15 * 60 * 1000

export interface LockState {
  failedAttempts: number
  lockedUntil: number | null
}

export type Reservation =
  /** This attempt may be checked; it counts as failed until the password proves right. */
  | { granted: true; failedAttempts: number; lockedUntil: number | null }
  /** The account is locked: the attempt is not checked and not counted. */
  | { granted: false }

/**
 * Counts one sign-in attempt for the user unless the account is locked. The row is only
 * touched when it is not locked, so a locked account's count and lock end stay as they are.
 */
export function reserveSignInAttempt(tx: Tx, userId: number, now: number): Reservation {
  // SQLite evaluates every SET expression against the row as it was, so `count` is the same
  // value in both assignments. A lock that has run out starts a fresh count.
  const count = sql`case when ${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now} then 1 else ${users.failedAttempts} + 1 end`
  const row = tx
    .update(users)
    .set({
      failedAttempts: count,
      lockedUntil: sql`case when ${count} >= ${MAX_FAILED_ATTEMPTS} then ${now + LOCKOUT_MS} else null end`
    })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil })
    .get()
  return row ? { granted: true, ...row } : { granted: false }
}

export function afterSuccessfulSignIn(): LockState {
  return { failedAttempts: 0, lockedUntil: null }
}

import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../db/open'
import { tenants, users } from '../db/schema'
import { transact } from '../db/transaction'
import { afterSuccessfulSignIn, LOCKOUT_MS, MAX_FAILED_ATTEMPTS, reserveSignInAttempt } from './lockout'

const now = 1_000_000

function oneUser() {
  const db = openDatabase({ path: ':memory:' })
  const tenantId = db.insert(tenants).values({ name: 'T', createdAt: now }).returning({ id: tenants.id }).get().id
  const userId = db
    .insert(users)
    .values({ tenantId, username: 'amy', displayName: 'Amy', passwordHash: 'x', passwordChangedAt: now, createdAt: now, updatedAt: now })
    .returning({ id: users.id })
    .get().id
  const reserve = (at: number) => transact(db, (tx) => reserveSignInAttempt(tx, userId, at))
  const row = () => db.select({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId)).get()!
  return { db, userId, reserve, row }
}

describe('lockout', () => {
  it('counts each attempt in the database and locks for 15 minutes on the 5th, not before', () => {
    const { reserve, row } = oneUser()
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      expect(reserve(now)).toEqual({ granted: true, failedAttempts: i, lockedUntil: null })
    }
    expect(reserve(now)).toEqual({ granted: true, failedAttempts: MAX_FAILED_ATTEMPTS, lockedUntil: now + 15 * 60 * 1000 })
    expect(row()).toEqual({ failedAttempts: MAX_FAILED_ATTEMPTS, lockedUntil: now + LOCKOUT_MS })
  })

  it('grants no attempt while locked and leaves the count and the lock end as they were', () => {
    const { reserve, row } = oneUser()
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) reserve(now)
    for (let i = 0; i < 25; i++) expect(reserve(now + LOCKOUT_MS - 1)).toEqual({ granted: false })
    expect(row()).toEqual({ failedAttempts: MAX_FAILED_ATTEMPTS, lockedUntil: now + LOCKOUT_MS })
  })

  it('starts a fresh count once a lock has run out', () => {
    const { reserve } = oneUser()
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) reserve(now)
    expect(reserve(now + LOCKOUT_MS)).toEqual({ granted: true, failedAttempts: 1, lockedUntil: null })
  })

  it('a successful sign-in clears the count', () => {
    expect(afterSuccessfulSignIn()).toEqual({ failedAttempts: 0, lockedUntil: null })
  })
})

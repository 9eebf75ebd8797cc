/** Sign-in, first run, sign-out and password change. */
import { timingSafeEqual } from 'node:crypto'
import { say, term } from '../../../shared/server-text'
import { eq } from 'drizzle-orm'
import { users } from '../../db/schema'
import { transact } from '../../db/transaction'
import { decoyHash, hashPassword, verifyPassword } from '../passwords'
import { afterSuccessfulSignIn, LOCKOUT_MS, MAX_FAILED_ATTEMPTS, reserveSignInAttempt, type Reservation } from '../lockout'
import { endSession, endSessionsOfUser, openSession } from '../session-store'
import { createFirstAdministrator } from '../first-administrator'
import { meOf, userCount } from '../users-store'
import { actorOf, type AuditInput } from '../../core/context'
import { conflict, unauthorized, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'

// The one answer to an unknown name, a wrong password, and any password for a locked account.
const WRONG_CREDENTIALS = say('error.auth.wrongCredentials', { n: MAX_FAILED_ATTEMPTS, minutes: LOCKOUT_MS / 60_000 })

function failedSignInEvent(username: string, user: typeof users.$inferSelect | undefined, attempt: Reservation | null): AuditInput {
  if (!user) return { targetType: 'user', targetId: null, summary: say('audit.signInUnknownUser', { username }) }
  const summary = !attempt?.granted
    ? say('audit.signInWhileLocked')
    : attempt.lockedUntil !== null
      ? say('audit.signInLocked')
      : say('audit.signInFailed', { count: attempt.failedAttempts })
  return { targetType: 'user', targetId: user.id, merchantId: user.merchantId, summary }
}

function setupCodeMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false
  const a = Buffer.from(expected.toUpperCase())
  const b = Buffer.from(given.trim().toUpperCase())
  return a.length === b.length && timingSafeEqual(a, b)
}

export const authProcedures = handlers({
  'auth.setupStatus': (ctx) => ({
    needsSetup: userCount(ctx.db) === 0,
    setupCodeRequired: ctx.host.setupCode !== null
  }),

  'auth.setupAdmin': async (ctx, input) => {
    if (userCount(ctx.db) > 0) throw conflict(say('error.auth.setupDone'), { code: 'setup.done' })
    if (ctx.host.setupCode !== null && !setupCodeMatches(ctx.host.setupCode, input.setupCode)) {
      throw validationError('setupCode', say('rule.setupCodeMismatch'), 'setup.code_mismatch')
    }
    const userId = await createFirstAdministrator(ctx, input)
    return { userId }
  },

  'auth.login': async (ctx, input) => {
    const username = input.username.toLowerCase()
    const user = ctx.db.select().from(users).where(eq(users.username, username)).get()
    // Counted before the check, so parallel guesses cannot all be checked (lockout.ts).
    const attempt = user ? transact(ctx.db, (tx) => reserveSignInAttempt(tx, user.id, ctx.clock.now())) : null
    // Every path runs exactly one scrypt verification and, unless the password is right, gives
    // the same answer: an unknown name and a locked account check against the decoy, so neither
    // answers sooner than a wrong password. A locked account never checks its real hash, so a
    // guesser cannot go on testing passwords while it is locked.
    const checkable = user && attempt?.granted ? user : null
    const verified = await verifyPassword(input.password, checkable ? checkable.passwordHash : await decoyHash())
    if (!checkable || !verified) {
      transact(ctx.db, (tx) => ctx.audit(tx, failedSignInEvent(username, user, attempt)))
      throw unauthorized(WRONG_CREDENTIALS, 'auth.invalid_credentials')
    }
    const signedIn = transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      // The password is right: this attempt was not a failure, whatever the account's status.
      tx.update(users).set(afterSuccessfulSignIn()).where(eq(users.id, checkable.id)).run()
      // Read again: the account may have been disabled while the password was being checked.
      const current = tx.select({ status: users.status }).from(users).where(eq(users.id, checkable.id)).get()
      const actingUser = { userId: checkable.id, username: checkable.username }
      if (current?.status !== 'active') {
        ctx.audit(tx, { targetType: 'user', targetId: checkable.id, merchantId: checkable.merchantId, summary: say('audit.signInDisabled'), actingUser })
        return null
      }
      const session = openSession(tx, checkable.id, ctx.transport, now)
      ctx.audit(tx, {
        targetType: 'user',
        targetId: checkable.id,
        merchantId: checkable.merchantId,
        summary: say('audit.signedIn', { transport: term('transport', ctx.transport) }),
        actingUser
      })
      return { token: session.token, user: meOf(tx, checkable.id) }
    })
    // Only someone who holds the password learns that the account is disabled.
    if (!signedIn) throw unauthorized(say('error.auth.disabled'), 'auth.disabled')
    return signedIn
  },

  'auth.logout': (ctx) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      endSession(tx, actor.sessionId, 'logout', ctx.clock.now())
      ctx.audit(tx, { targetType: 'user', targetId: actor.userId, merchantId: actor.merchantId, summary: say('audit.signedOut') })
      return { ok: true as const }
    })
  },

  'auth.me': (ctx) => meOf(ctx.db, actorOf(ctx).userId),

  'auth.changePassword': async (ctx, input) => {
    const actor = actorOf(ctx)
    const user = ctx.db.select().from(users).where(eq(users.id, actor.userId)).get()
    if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw validationError('currentPassword', say('rule.wrongCurrentPassword'), 'auth.wrong_current_password')
    }
    if (input.currentPassword === input.newPassword) {
      throw validationError('newPassword', say('rule.sameAsCurrent'))
    }
    const passwordHash = await hashPassword(input.newPassword)
    return transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, actor.userId)).run()
      endSessionsOfUser(tx, actor.userId, 'password_changed', now, actor.sessionId)
      ctx.audit(tx, { targetType: 'user', targetId: actor.userId, merchantId: actor.merchantId, summary: say('audit.passwordChanged') })
      return { ok: true as const }
    })
  }
})

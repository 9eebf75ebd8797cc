/** Sign-in, first run, sign-out and password change. */
import { timingSafeEqual } from 'node:crypto'
import { say, term } from '../../shared/server-text'
import { eq } from 'drizzle-orm'
import { roles, userRoles, users } from '../db/schema'
import { transact } from '../db/transaction'
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords'
import { afterFailedAttempt, afterSuccessfulSignIn, isLocked } from '../auth/lockout'
import { endSession, endSessionsOfUser, openSession } from '../auth/session-store'
import { meOf, userCount } from '../auth/users-store'
import { actorOf, type Ctx } from '../core/context'
import { AppError, conflict, unauthorized, validationError } from '../core/errors'
import { handlers } from '../core/registry'

const WRONG_CREDENTIALS = 'Wrong user name or password'

function setupCodeMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false
  const a = Buffer.from(expected.toUpperCase())
  const b = Buffer.from(given.trim().toUpperCase())
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Creates a user with the administrator role; used by first run and by PAYDESK_ADMIN_USER. */
export async function createFirstAdministrator(
  ctx: Pick<Ctx, 'db' | 'clock' | 'tenantId'> & { audit: Ctx['audit'] },
  input: { username: string; displayName: string; password: string }
): Promise<number> {
  const passwordHash = await hashPassword(input.password)
  return transact(ctx.db, (tx) => {
    if (userCount(tx) > 0) throw conflict('The first administrator already exists; sign in instead', { code: 'setup.done' })
    const now = ctx.clock.now()
    const admin = tx.select({ id: roles.id }).from(roles).where(eq(roles.builtInKey, 'administrator')).get()
    if (!admin) throw new Error('built-in administrator role missing')
    const user = tx
      .insert(users)
      .values({ tenantId: ctx.tenantId, username: input.username, displayName: input.displayName, passwordHash, passwordChangedAt: now, createdAt: now, updatedAt: now })
      .returning({ id: users.id })
      .get()
    tx.insert(userRoles).values({ userId: user.id, roleId: admin.id }).run()
    ctx.audit(tx, {
      targetType: 'user',
      targetId: user.id,
      summary: say('audit.firstAdmin', { username: input.username }),
      after: { username: input.username, displayName: input.displayName, roles: ['administrator'] }
    })
    return user.id
  })
}

export const authProcedures = handlers({
  'auth.setupStatus': (ctx) => ({
    needsSetup: userCount(ctx.db) === 0,
    setupCodeRequired: ctx.host.setupCode !== null
  }),

  'auth.setupAdmin': async (ctx, input) => {
    if (userCount(ctx.db) > 0) throw conflict('The first administrator already exists; sign in instead', { code: 'setup.done' })
    if (ctx.host.setupCode !== null && !setupCodeMatches(ctx.host.setupCode, input.setupCode)) {
      throw validationError('setupCode', 'does not match the code printed on the PayDesk console', 'setup.code_mismatch')
    }
    const userId = await createFirstAdministrator(ctx, input)
    return { userId }
  },

  'auth.login': async (ctx, input) => {
    const username = input.username.toLowerCase()
    const user = ctx.db.select().from(users).where(eq(users.username, username)).get()
    const now = ctx.clock.now()
    if (!user) {
      await verifyPassword(input.password, await decoyHash())
      transact(ctx.db, (tx) =>
        ctx.audit(tx, { targetType: 'user', targetId: null, summary: say('audit.signInUnknownUser', { username }) })
      )
      throw unauthorized(WRONG_CREDENTIALS, 'auth.invalid_credentials')
    }
    if (isLocked(user, now)) {
      const minutes = Math.ceil(((user.lockedUntil ?? now) - now) / 60_000)
      throw new AppError('unauthorized', `This account is locked after too many failed sign-ins; try again in ${minutes} min`, { code: 'auth.locked' })
    }
    const ok = await verifyPassword(input.password, user.passwordHash)
    if (!ok) {
      const next = afterFailedAttempt(user, ctx.clock.now())
      transact(ctx.db, (tx) => {
        tx.update(users).set(next).where(eq(users.id, user.id)).run()
        ctx.audit(tx, {
          targetType: 'user',
          targetId: user.id,
          merchantId: user.merchantId,
          summary: next.lockedUntil ? say('audit.signInLocked') : say('audit.signInFailed', { count: next.failedAttempts })
        })
      })
      throw unauthorized(WRONG_CREDENTIALS, 'auth.invalid_credentials')
    }
    if (user.status !== 'active') throw unauthorized('This account is disabled; ask an administrator', 'auth.disabled')
    return transact(ctx.db, (tx) => {
      const signedInAt = ctx.clock.now()
      tx.update(users).set(afterSuccessfulSignIn()).where(eq(users.id, user.id)).run()
      const session = openSession(tx, user.id, ctx.transport, signedInAt)
      ctx.audit(tx, {
        targetType: 'user',
        targetId: user.id,
        merchantId: user.merchantId,
        summary: say('audit.signedIn', { transport: term('transport', ctx.transport) }),
        actingUser: { userId: user.id, username: user.username }
      })
      return { token: session.token, user: meOf(tx, user.id) }
    })
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
      throw validationError('currentPassword', 'is not your current password', 'auth.wrong_current_password')
    }
    if (input.currentPassword === input.newPassword) {
      throw validationError('newPassword', 'must differ from the current password')
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

/** Sessions in the database: opening, resolving a bearer token to an actor, ending. */
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../db/open'
import { preparedQueries } from '../db/prepared'
import { merchants, rolePermissions, sessions, tenants, userRoles, users } from '../db/schema'
import { transact, type Tx } from '../db/transaction'
import type { Actor } from '../core/context'
import { judgeSession, newSessionToken, sessionIdOf, TOUCH_INTERVAL_MS, type SessionLimits } from './sessions'

const queriesOf = preparedQueries((db) => ({
  limits: db
    .select({ idle: tenants.sessionIdleMinutes, absolute: tenants.sessionAbsoluteMinutes })
    .from(tenants)
    .where(eq(tenants.id, sql.placeholder('tenantId')))
    .prepare(),
  permissions: db
    .select({ code: rolePermissions.code })
    .from(userRoles)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
    .where(eq(userRoles.userId, sql.placeholder('userId')))
    .prepare(),
  session: db
    .select({
      session: sessions,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        merchantId: users.merchantId,
        status: users.status,
        tenantId: users.tenantId,
        mustChangePassword: users.mustChangePassword
      },
      merchantStatus: merchants.status
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(merchants, eq(merchants.id, users.merchantId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare()
}))

export function sessionLimits(db: Db | Tx, tenantId: number): SessionLimits {
  const tenant = queriesOf(db).limits.get({ tenantId })
  return { idleMinutes: tenant?.idle ?? 30, absoluteMinutes: tenant?.absolute ?? 720 }
}

export function openSession(tx: Tx, userId: number, transport: 'ipc' | 'http', now: number): { token: string; id: string } {
  const { token, id } = newSessionToken()
  tx.insert(sessions).values({ id, userId, transport, createdAt: now, lastSeenAt: now }).run()
  return { token, id }
}

export function endSession(tx: Tx, sessionId: string, reason: string, now: number): void {
  tx.update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .run()
}

export function endSessionsOfUser(tx: Tx, userId: number, reason: string, now: number, except?: string): void {
  const open = tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .all()
  for (const s of open) if (s.id !== except) endSession(tx, s.id, reason, now)
}

export function permissionsOf(db: Db | Tx, userId: number): Set<number> {
  return new Set(queriesOf(db).permissions.all({ userId }).map((r) => r.code))
}

export interface ResolvedSession {
  actor: Actor
  /** Set for a user an administrator created or reset: only the password change is open to them. */
  mustChangePassword: boolean
}

/**
 * The actor behind a bearer token, or null when the token is unknown, ended, expired, or its
 * user is disabled or bound to a disabled merchant.
 */
export function resolveSession(db: Db, tenantId: number, token: string, now: number): ResolvedSession | null {
  const id = sessionIdOf(token)
  const row = queriesOf(db).session.get({ id })
  if (!row || row.user.tenantId !== tenantId) return null
  const limits = sessionLimits(db, tenantId)
  const verdict = judgeSession(row.session, limits, now)
  const blocked = row.user.status !== 'active' || (row.user.merchantId !== null && row.merchantStatus !== 'active')
  if (!verdict.ok || blocked) {
    if (row.session.endedAt === null) {
      transact(db, (tx) =>
        tx
          .update(sessions)
          .set({ endedAt: now, endReason: verdict.ok ? 'user_disabled' : verdict.reason })
          .where(eq(sessions.id, id))
          .run()
      )
    }
    return null
  }
  const touchEvery = Math.min(TOUCH_INTERVAL_MS, (limits.idleMinutes * 60_000) / 4)
  if (now - row.session.lastSeenAt >= touchEvery) {
    // Through `transact`: the write takes its turn before a job's next transaction (db/write-turns.ts).
    transact(db, (tx) => tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run())
  }
  return {
    actor: {
      userId: row.user.id,
      username: row.user.username,
      displayName: row.user.displayName,
      merchantId: row.user.merchantId,
      permissions: permissionsOf(db, row.user.id),
      sessionId: id
    },
    mustChangePassword: row.user.mustChangePassword
  }
}

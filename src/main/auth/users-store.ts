/** Reading users with their roles and merchant, shared by the auth and user procedures. */
import { eq, inArray, sql } from 'drizzle-orm'
import type { Me } from '../../shared/contract/auth'
import type { UserRow } from '../../shared/contract/users'
import type { Db } from '../db/open'
import { merchants, roles, userRoles, users } from '../db/schema'
import type { Tx } from '../db/transaction'
import { permissionsOf } from './session-store'

type Reader = Db | Tx

export function userRowsByIds(db: Reader, ids: number[]): UserRow[] {
  if (ids.length === 0) return []
  const base = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      merchantId: users.merchantId,
      merchantName: merchants.name,
      status: users.status,
      lockedUntil: users.lockedUntil,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt
    })
    .from(users)
    .leftJoin(merchants, eq(merchants.id, users.merchantId))
    .where(inArray(users.id, ids))
    .all()
  const roleRows = db
    .select({ userId: userRoles.userId, id: roles.id, name: roles.name })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(inArray(userRoles.userId, ids))
    .orderBy(roles.name)
    .all()
  const byId = new Map(base.map((u) => [u.id, { ...u, merchantName: u.merchantName ?? null, roles: [] as { id: number; name: string }[] }]))
  for (const r of roleRows) byId.get(r.userId)?.roles.push({ id: r.id, name: r.name })
  return ids.map((id) => byId.get(id)).filter((u): u is UserRow => u !== undefined)
}

export function userRowById(db: Reader, id: number): UserRow | undefined {
  return userRowsByIds(db, [id])[0]
}

export function meOf(db: Reader, userId: number): Me {
  const row = userRowById(db, userId)
  if (!row) throw new Error(`user ${userId} vanished`)
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    merchantId: row.merchantId,
    merchantName: row.merchantName,
    permissions: [...permissionsOf(db, userId)].sort((a, b) => a - b),
    roles: row.roles.map((r) => r.name),
    mustChangePassword: row.mustChangePassword
  }
}

export function userCount(db: Reader): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0
}

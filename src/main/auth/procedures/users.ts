/** User Management: users, roles and the permission catalog. */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import { permissionTerm, roleTerm, say, term } from '../../../shared/server-text'
import { ALL_PERMISSION_CODES, PLATFORM_ONLY_CODES, permissionArea, permissionName } from '../../../shared/permissions'
import { merchants, rolePermissions, roles, userRoles, users } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { hashPassword } from '../passwords'
import { endSessionsOfUser } from '../session-store'
import { userRowById, userRowsByIds } from '../users-store'
import { actorOf } from '../../core/context'
import { conflict, notFound, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { escapeLike, offsetOf } from '../../db/sql'

function checkMerchant(tx: Tx, merchantId: number | null): void {
  if (merchantId === null) return
  const found = tx.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId)).get()
  if (!found) throw validationError('merchantId', say('rule.merchantMissing', { id: merchantId }))
}

/** The roles must exist, and a merchant-bound user may not hold codes that act across merchants. */
function checkRoles(tx: Tx, roleIds: number[], merchantId: number | null): void {
  const found = tx.select({ id: roles.id, name: roles.name, builtInKey: roles.builtInKey }).from(roles).where(inArray(roles.id, roleIds)).all()
  const missing = roleIds.filter((id) => !found.some((r) => r.id === id))
  if (missing.length) throw validationError('roleIds', say('rule.roleMissing', { id: missing.join(', ') }))
  if (merchantId === null) return
  const codes = tx.select({ roleId: rolePermissions.roleId, code: rolePermissions.code }).from(rolePermissions).where(inArray(rolePermissions.roleId, roleIds)).all()
  const offending = codes.find((c) => PLATFORM_ONLY_CODES.includes(c.code as never))
  if (offending) {
    const role = found.find((r) => r.id === offending.roleId)
    throw validationError('roleIds', say('rule.roleHasPlatformCode', { role: role ? roleTerm(role) : '', permission: permissionTerm(offending.code), code: offending.code }))
  }
}

function setRoles(tx: Tx, userId: number, roleIds: number[]): void {
  tx.delete(userRoles).where(eq(userRoles.userId, userId)).run()
  for (const roleId of new Set(roleIds)) tx.insert(userRoles).values({ userId, roleId }).run()
}

/** Active users holding the built-in administrator role. */
function activeAdministrators(tx: Tx): number[] {
  return tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(roles.builtInKey, 'administrator'), eq(users.status, 'active')))
    .all()
    .map((r) => r.id)
}

function keepsAnAdministrator(tx: Tx): void {
  if (activeAdministrators(tx).length === 0) {
    throw conflict(say('error.users.lastAdministrator'), { code: 'users.last_administrator' })
  }
}

function roleRows(tx: Tx | Db, ids?: number[]) {
  const base = tx
    .select({
      id: roles.id,
      name: roles.name,
      description: roles.description,
      builtInKey: roles.builtInKey,
      userCount: sql<number>`(select count(*) from ${userRoles} where ${userRoles.roleId} = ${roles.id})`
    })
    .from(roles)
    .where(ids ? inArray(roles.id, ids) : undefined)
    .orderBy(asc(roles.id))
    .all()
  const codes = tx.select().from(rolePermissions).all()
  return base.map((r) => ({
    ...r,
    permissions: codes.filter((c) => c.roleId === r.id).map((c) => c.code).sort((a, b) => a - b)
  }))
}

function roleNameTaken(tx: Tx, name: string, exceptId?: number): void {
  const other = tx.select({ id: roles.id }).from(roles).where(sql`lower(${roles.name}) = lower(${name})`).get()
  if (other && other.id !== exceptId) throw conflict(say('error.roles.nameTaken', { name }), { field: 'name', code: 'roles.name_taken' })
}

export const userProcedures = handlers({
  'users.list': (ctx, input) => {
    const filters: SQL[] = []
    if (input.search) {
      const pattern = `%${escapeLike(input.search.toLowerCase())}%`
      filters.push(or(sql`${users.username} like ${pattern} escape '\\'`, sql`lower(${users.displayName}) like ${pattern} escape '\\'`)!)
    }
    if (input.status) filters.push(eq(users.status, input.status))
    if (input.merchantId) filters.push(eq(users.merchantId, input.merchantId))
    if (input.roleId) filters.push(sql`${users.id} in (select ${userRoles.userId} from ${userRoles} where ${userRoles.roleId} = ${input.roleId})`)
    const where = filters.length ? and(...filters) : undefined
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(users).where(where).get()?.n ?? 0
    const ids = ctx.db
      .select({ id: users.id })
      .from(users)
      .where(where)
      .orderBy(asc(users.username))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map((r) => r.id)
    return { page: input.page, pageSize: input.pageSize, total, items: userRowsByIds(ctx.db, ids) }
  },

  'users.get': (ctx, input) => {
    const row = userRowById(ctx.db, input.id)
    if (!row) throw notFound(say('thing.user', { id: input.id }))
    return row
  },

  'users.create': async (ctx, input) => {
    const passwordHash = await hashPassword(input.password)
    return transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      if (tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
        throw conflict(say('error.users.usernameTaken', { name: input.username }), { field: 'username', code: 'users.username_taken' })
      }
      checkMerchant(tx, input.merchantId)
      checkRoles(tx, input.roleIds, input.merchantId)
      const created = tx
        .insert(users)
        .values({
          tenantId: ctx.tenantId,
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          merchantId: input.merchantId,
          mustChangePassword: true,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now
        })
        .returning({ id: users.id })
        .get()
      setRoles(tx, created.id, input.roleIds)
      const row = userRowById(tx, created.id)!
      ctx.audit(tx, {
        targetType: 'user',
        targetId: created.id,
        merchantId: input.merchantId,
        summary: say('audit.userCreated', { username: input.username }),
        after: { username: row.username, displayName: row.displayName, merchantId: row.merchantId, roles: row.roles.map((r) => r.name) }
      })
      return row
    })
  },

  'users.update': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = userRowById(tx, input.id)
      if (!before) throw notFound(say('thing.user', { id: input.id }))
      checkMerchant(tx, input.merchantId)
      checkRoles(tx, input.roleIds, input.merchantId)
      tx.update(users)
        .set({ displayName: input.displayName, merchantId: input.merchantId, updatedAt: ctx.clock.now() })
        .where(eq(users.id, input.id))
        .run()
      setRoles(tx, input.id, input.roleIds)
      keepsAnAdministrator(tx)
      const after = userRowById(tx, input.id)!
      const summaryOf = (u: typeof after) => ({ displayName: u.displayName, merchantId: u.merchantId, roles: u.roles.map((r) => r.name) })
      ctx.audit(tx, { targetType: 'user', targetId: input.id, merchantId: after.merchantId, summary: say('audit.userUpdated', { username: after.username }), before: summaryOf(before), after: summaryOf(after) })
      return after
    }),

  'users.setStatus': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = userRowById(tx, input.id)
      if (!before) throw notFound(say('thing.user', { id: input.id }))
      if (input.id === actorOf(ctx).userId && input.status === 'disabled') {
        throw conflict(say('error.users.disableSelf'), { code: 'users.disable_self' })
      }
      const now = ctx.clock.now()
      tx.update(users).set({ status: input.status, updatedAt: now }).where(eq(users.id, input.id)).run()
      if (input.status === 'disabled') endSessionsOfUser(tx, input.id, 'user_disabled', now)
      keepsAnAdministrator(tx)
      ctx.audit(tx, {
        targetType: 'user',
        targetId: input.id,
        merchantId: before.merchantId,
        summary: say('audit.userStatus', { username: before.username, status: term('status', input.status) }),
        before: { status: before.status },
        after: { status: input.status }
      })
      return userRowById(tx, input.id)!
    }),

  'users.resetPassword': async (ctx, input) => {
    const passwordHash = await hashPassword(input.newPassword)
    return transact(ctx.db, (tx) => {
      const before = userRowById(tx, input.id)
      if (!before) throw notFound(say('thing.user', { id: input.id }))
      const now = ctx.clock.now()
      tx.update(users)
        .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, passwordChangedAt: now, updatedAt: now })
        .where(eq(users.id, input.id))
        .run()
      endSessionsOfUser(tx, input.id, 'password_reset', now)
      ctx.audit(tx, { targetType: 'user', targetId: input.id, merchantId: before.merchantId, summary: say('audit.passwordReset', { username: before.username }) })
      return userRowById(tx, input.id)!
    })
  },

  'roles.list': (ctx) => roleRows(ctx.db),

  'roles.create': (ctx, input) =>
    transact(ctx.db, (tx) => {
      roleNameTaken(tx, input.name)
      const now = ctx.clock.now()
      const role = tx
        .insert(roles)
        .values({ tenantId: ctx.tenantId, name: input.name, description: input.description, createdAt: now, updatedAt: now })
        .returning({ id: roles.id })
        .get()
      for (const code of new Set(input.permissions)) tx.insert(rolePermissions).values({ roleId: role.id, code }).run()
      const row = roleRows(tx, [role.id])[0]
      ctx.audit(tx, { targetType: 'role', targetId: role.id, summary: say('audit.roleCreated', { name: input.name }), after: { name: row.name, permissions: row.permissions } })
      return row
    }),

  'roles.update': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const before = roleRows(tx, [input.id])[0]
      if (!before) throw notFound(say('thing.role', { id: input.id }))
      if (before.builtInKey) throw conflict(say('error.roles.builtIn', { name: roleTerm(before) }), { code: 'roles.built_in' })
      roleNameTaken(tx, input.name, input.id)
      // A merchant-bound holder must not gain platform-only codes through a role edit.
      const boundHolder = tx
        .select({ username: users.username })
        .from(users)
        .innerJoin(userRoles, eq(userRoles.userId, users.id))
        .where(and(eq(userRoles.roleId, input.id), sql`${users.merchantId} is not null`))
        .get()
      const platformOnly = input.permissions.find((c) => PLATFORM_ONLY_CODES.includes(c))
      if (boundHolder && platformOnly) {
        throw validationError('permissions', say('rule.codeHeldByMerchantUser', { permission: permissionTerm(platformOnly), code: platformOnly, user: boundHolder.username }))
      }
      tx.update(roles).set({ name: input.name, description: input.description, updatedAt: ctx.clock.now() }).where(eq(roles.id, input.id)).run()
      tx.delete(rolePermissions).where(eq(rolePermissions.roleId, input.id)).run()
      for (const code of new Set(input.permissions)) tx.insert(rolePermissions).values({ roleId: input.id, code }).run()
      const after = roleRows(tx, [input.id])[0]
      ctx.audit(tx, {
        targetType: 'role',
        targetId: input.id,
        summary: say('audit.roleUpdated', { name: after.name }),
        before: { name: before.name, permissions: before.permissions },
        after: { name: after.name, permissions: after.permissions }
      })
      return after
    }),

  'permissions.catalog': () =>
    ALL_PERMISSION_CODES.map((code) => ({ code, name: permissionName(code)!, area: permissionArea(code) }))
})


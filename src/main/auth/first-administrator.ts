/** The first administrator: created by first run (auth.setupAdmin) and by PAYDESK_ADMIN_USER (app/core.ts). */
import { eq } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import type { Ctx } from '../core/context'
import { conflict } from '../core/errors'
import { roles, userRoles, users } from '../db/schema'
import { transact } from '../db/transaction'
import { hashPassword } from './passwords'
import { userCount } from './users-store'

/** Creates a user with the administrator role; used by first run and by PAYDESK_ADMIN_USER. */
export async function createFirstAdministrator(
  ctx: Pick<Ctx, 'db' | 'clock' | 'tenantId'> & { audit: Ctx['audit'] },
  input: { username: string; displayName: string; password: string }
): Promise<number> {
  const passwordHash = await hashPassword(input.password)
  return transact(ctx.db, (tx) => {
    if (userCount(tx) > 0) throw conflict(say('error.auth.setupDone'), { code: 'setup.done' })
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

/**
 * What a database needs before the first procedure runs: the tenant row and the built-in roles,
 * whose permission sets follow the catalog in `shared/permissions.ts` (updated here when it grows).
 */
import { and, eq } from 'drizzle-orm'
import { say } from '../../shared/server-text'
import { BUILT_IN_ROLES, BUILT_IN_ROLE_KEYS, type BuiltInRoleKey } from '../../shared/permissions'
import type { Db } from '../db/open'
import { rolePermissions, roles, tenants } from '../db/schema'
import { transact } from '../db/transaction'
import { writeAuditEvent } from '../core/audit'

export const TENANT_ID = 1

export const BUILT_IN_ROLE_NAMES: Record<BuiltInRoleKey, { name: string; description: string }> = {
  administrator: { name: 'Administrator', description: 'Everything, including users, roles and settings' },
  operations: { name: 'Operations', description: 'Orders for any merchant, manual operations, master data' },
  merchantOperator: { name: 'Merchant operator', description: "Orders and reports of the user's own merchant" },
  finance: { name: 'Finance / reconciliation', description: 'Ledger, adjustments, withdrawals review, reports, reconciliation' },
  auditor: { name: 'Auditor (read-only)', description: 'Reads everything, changes nothing' },
  fieldEngineer: { name: 'Field engineer', description: 'Connects and proves new channels: provider settings, the simulator, field test runs' }
}

export function bootstrapTenant(db: Db, now: number): void {
  transact(db, (tx) => {
    if (!tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, TENANT_ID)).get()) {
      tx.insert(tenants).values({ id: TENANT_ID, name: 'PayDesk', createdAt: now }).run()
    }
    for (const key of BUILT_IN_ROLE_KEYS) {
      let role = tx.select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, TENANT_ID), eq(roles.builtInKey, key))).get()
      const wanted = [...BUILT_IN_ROLES[key]]
      if (!role) {
        role = tx
          .insert(roles)
          .values({ tenantId: TENANT_ID, builtInKey: key, ...BUILT_IN_ROLE_NAMES[key], createdAt: now, updatedAt: now })
          .returning({ id: roles.id })
          .get()
      }
      const have = tx.select({ code: rolePermissions.code }).from(rolePermissions).where(eq(rolePermissions.roleId, role.id)).all().map((r) => r.code)
      const same = have.length === wanted.length && wanted.every((c) => have.includes(c))
      if (same) continue
      tx.delete(rolePermissions).where(eq(rolePermissions.roleId, role.id)).run()
      for (const code of wanted) tx.insert(rolePermissions).values({ roleId: role.id, code }).run()
      writeAuditEvent(
        tx,
        { tenantId: TENANT_ID, userId: null, actor: 'system', procedure: 'system.bootstrap', at: now },
        { targetType: 'role', targetId: role.id, summary: say('audit.builtInRole', { role: key }), before: { permissions: have }, after: { permissions: wanted } }
      )
    }
  })
}

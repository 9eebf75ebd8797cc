/**
 * The deterministic demo data set. Loading it twice changes nothing: it is recorded in
 * `system_facts`, and each part is created only when missing. Later issues add master data,
 * orders and ledger history covering the 90 days up to today.
 */
import { eq } from 'drizzle-orm'
import type { BuiltInRoleKey } from '../../shared/permissions'
import { hashPassword } from '../auth/passwords'
import { merchants, roles, systemFacts, userRoles, users } from '../db/schema'
import { transact } from '../db/transaction'
import type { Db } from '../db/open'
import type { Clock } from '../core/context'
import { writeAuditEvent } from '../core/audit'

export const DEMO_MERCHANTS = [
  'Golden Dragon Trading (CN)',
  'Siam Lotus Retail (TH)',
  'Saigon Lotus Foods (VN)',
  'Nusantara Digital (ID)',
  'Rio Verde Comércio (BR)',
  'Harbor OTC Desk (USDT)'
] as const

export interface DemoUser {
  username: string
  password: string
  role: BuiltInRoleKey
  merchant: string | null
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'demo.admin', password: 'Demo-admin-2026', role: 'administrator', merchant: null },
  { username: 'demo.ops', password: 'Demo-ops-2026', role: 'operations', merchant: null },
  { username: 'demo.merchant', password: 'Demo-merchant-2026', role: 'merchantOperator', merchant: DEMO_MERCHANTS[1] },
  { username: 'demo.finance', password: 'Demo-finance-2026', role: 'finance', merchant: null },
  { username: 'demo.auditor', password: 'Demo-auditor-2026', role: 'auditor', merchant: null }
]

const DEMO_FACT = 'demo.loaded'

export interface DemoResult {
  created: boolean
  users: { username: string; password: string; role: string; merchant: string | null }[]
}

export async function loadDemo(db: Db, clock: Clock, tenantId: number, actor: { userId: number | null; username: string }): Promise<DemoResult> {
  const listed = DEMO_USERS.map((u) => ({ username: u.username, password: u.password, role: u.role, merchant: u.merchant }))
  if (db.select().from(systemFacts).where(eq(systemFacts.key, DEMO_FACT)).get()) return { created: false, users: listed }
  // Hash outside the transaction: it is slow and asynchronous.
  const hashes = new Map<string, string>()
  for (const u of DEMO_USERS) hashes.set(u.username, await hashPassword(u.password))

  transact(db, (tx) => {
    const now = clock.now()
    const audit = (targetType: string, targetId: number, merchantId: number | null, summary: string) =>
      writeAuditEvent(tx, { tenantId, userId: actor.userId, actor: actor.username, procedure: 'demo.load', at: now }, { targetType, targetId, merchantId, summary })
    const merchantIds = new Map<string, number>()
    for (const name of DEMO_MERCHANTS) {
      const existing = tx.select({ id: merchants.id }).from(merchants).where(eq(merchants.name, name)).get()
      const id = existing?.id ?? tx.insert(merchants).values({ tenantId, name, createdAt: now, updatedAt: now }).returning({ id: merchants.id }).get().id
      if (!existing) audit('merchant', id, id, `Demo merchant ${name} created`)
      merchantIds.set(name, id)
    }
    for (const u of DEMO_USERS) {
      if (tx.select({ id: users.id }).from(users).where(eq(users.username, u.username)).get()) continue
      const role = tx.select({ id: roles.id }).from(roles).where(eq(roles.builtInKey, u.role)).get()
      if (!role) throw new Error(`built-in role ${u.role} missing`)
      const merchantId = u.merchant ? merchantIds.get(u.merchant)! : null
      const { id } = tx
        .insert(users)
        .values({ tenantId, username: u.username, displayName: `Demo ${u.role}`, passwordHash: hashes.get(u.username)!, merchantId, passwordChangedAt: now, createdAt: now, updatedAt: now })
        .returning({ id: users.id })
        .get()
      tx.insert(userRoles).values({ userId: id, roleId: role.id }).run()
      audit('user', id, merchantId, `Demo user ${u.username} created`)
    }
    tx.insert(systemFacts).values({ key: DEMO_FACT, value: new Date(now).toISOString(), updatedAt: now }).run()
  })
  return { created: true, users: listed }
}

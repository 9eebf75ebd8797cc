/**
 * The deterministic demo data set, loaded by `--demo` and the desktop's Demo menu. It goes through
 * the app's own procedures (signed in as the demo administrator), so validation, permissions,
 * ledger postings and audit all apply. Every step finds what an earlier run created before
 * creating it, so loading again changes nothing, even after an interrupted run.
 */
import { and, eq } from 'drizzle-orm'
import type { BuiltInRoleKey } from '../../shared/permissions'
import { say } from '../../shared/server-text'
import { hashPassword } from '../auth/passwords'
import { outbox, roles, systemFacts, userRoles, users } from '../db/schema'
import { transact } from '../db/transaction'
import type { Db } from '../db/open'
import type { Clock } from '../core/context'
import { writeAuditEvent } from '../core/audit'
import type { Handlers, Registry } from '../core/registry'
import { createDemoMasterData, DEMO_MERCHANTS, type DemoMarket } from './master-data'
import { asUser } from './session'
import { createDemoOrders } from './orders'
import { createDemoAftersales } from './aftersales'
import { demoFinance } from './finance'
import { releaseDueReserves } from '../finance/reserve'
import type { Ledger } from '../ledger/ledger'
import { findMerchant } from './existing'
import { leaveLooseEnds } from './loose-ends'
import { createDemoReconciliation } from './reconciliation'
import { tenantZone } from '../core/tenant'

export { DEMO_MERCHANTS }

export interface DemoUser {
  username: string
  password: string
  role: BuiltInRoleKey
  market: DemoMarket | null
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'demo.admin', password: 'Demo-admin-2026', role: 'administrator', market: null },
  { username: 'demo.ops', password: 'Demo-ops-2026', role: 'operations', market: null },
  { username: 'demo.merchant', password: 'Demo-merchant-2026', role: 'merchantOperator', market: 'th' },
  { username: 'demo.finance', password: 'Demo-finance-2026', role: 'finance', market: null },
  { username: 'demo.auditor', password: 'Demo-auditor-2026', role: 'auditor', market: null },
  { username: 'demo.engineer', password: 'Demo-engineer-2026', role: 'fieldEngineer', market: null }
]

const DEMO_DONE = 'demo.v1.complete'
const DEMO_DAYS = 90
/** The order history is made in one transaction: whole or not at all. */
const DEMO_HISTORY = 'demo.v1.history'
/** The reconciliation run on the history (demo/reconciliation.ts): imported and run once. */
const DEMO_RECONCILIATION = 'demo.v1.reconciliation'

export interface DemoResult {
  created: boolean
  users: { username: string; password: string; role: string; merchant: string | null }[]
}

export interface DemoDeps {
  db: Db
  clock: Clock
  tenantId: number
  registry: Registry
  ledger: Ledger
  /** The procedures' implementations, for the history's synchronous steps (demo/finance.ts). */
  procedures: Handlers
}

const merchantName = (market: DemoMarket | null) => DEMO_MERCHANTS.find((m) => m.key === market)?.name ?? null

/** Creates a demo user directly (demo users need no first-sign-in password change). */
async function ensureUser(deps: DemoDeps, who: { userId: number | null; username: string }, user: DemoUser, merchantId: number | null): Promise<number> {
  const existing = deps.db.select({ id: users.id }).from(users).where(eq(users.username, user.username)).get()
  if (existing) return existing.id
  const passwordHash = await hashPassword(user.password)
  return transact(deps.db, (tx) => {
    const now = deps.clock.now()
    const role = tx.select({ id: roles.id }).from(roles).where(eq(roles.builtInKey, user.role)).get()
    if (!role) throw new Error(`built-in role ${user.role} missing`)
    const { id } = tx
      .insert(users)
      .values({ tenantId: deps.tenantId, username: user.username, displayName: `Demo ${user.role}`, passwordHash, merchantId, passwordChangedAt: now, createdAt: now, updatedAt: now })
      .returning({ id: users.id })
      .get()
    tx.insert(userRoles).values({ userId: id, roleId: role.id }).run()
    writeAuditEvent(tx, { tenantId: deps.tenantId, userId: who.userId, actor: who.username, procedure: 'demo.load', at: now }, { targetType: 'user', targetId: id, merchantId, summary: say('audit.demoUser', { username: user.username }) })
    return id
  })
}

export async function loadDemo(deps: DemoDeps, who: { userId: number | null; username: string }): Promise<DemoResult> {
  const listed = DEMO_USERS.map((u) => ({ username: u.username, password: u.password, role: u.role, merchant: merchantName(u.market) }))
  if (deps.db.select().from(systemFacts).where(eq(systemFacts.key, DEMO_DONE)).get()) return { created: false, users: listed }

  const adminId = await ensureUser(deps, who, DEMO_USERS[0], null)
  await asUser(deps, adminId, async (call) => {
    const merchantIds = {} as Record<DemoMarket, number>
    for (const m of DEMO_MERCHANTS) {
      merchantIds[m.key] =
        findMerchant(deps.db, m.name) ??
        (await call('merchants.create', { name: m.name, contactName: m.contact, contactEmail: m.email, contactPhone: m.phone })).id
    }
    for (const user of DEMO_USERS.slice(1)) await ensureUser(deps, who, user, user.market ? merchantIds[user.market] : null)
    const ids = await createDemoMasterData(deps.db, call, merchantIds)
    if (!deps.db.select().from(systemFacts).where(eq(systemFacts.key, DEMO_HISTORY)).get()) {
      const finance = demoFinance(deps, ids, DEMO_DAYS)
      transact(deps.db, (tx) => {
        finance.createRates()
        createDemoOrders(deps, ids, DEMO_DAYS, finance.afterDay)
        createDemoAftersales(deps)
        // History's merchant notifications are not replayed either: only the demo's own two are sent (merchant-endpoints.ts).
        tx.update(outbox)
          .set({ status: 'done', lastError: 'demo history: the merchant notification is not replayed', updatedAt: deps.clock.now() })
          .where(and(eq(outbox.operation, 'notify'), eq(outbox.status, 'pending')))
          .run()
        leaveLooseEnds(tx, deps, ids)
        // Whatever fell due since the last day of history is released as the engine would.
        releaseDueReserves(deps)
        const now = deps.clock.now()
        tx.insert(systemFacts).values({ key: DEMO_HISTORY, value: new Date(now).toISOString(), updatedAt: now }).onConflictDoNothing().run()
      })
    }
    if (!deps.db.select().from(systemFacts).where(eq(systemFacts.key, DEMO_RECONCILIATION)).get()) {
      await createDemoReconciliation(deps.db, call, ids.channelIds['cn-a'], deps.clock.now(), tenantZone(deps.db, deps.tenantId))
      const now = deps.clock.now()
      transact(deps.db, (tx) => tx.insert(systemFacts).values({ key: DEMO_RECONCILIATION, value: new Date(now).toISOString(), updatedAt: now }).onConflictDoNothing().run())
    }
  })
  transact(deps.db, (tx) => {
    const now = deps.clock.now()
    tx.insert(systemFacts).values({ key: DEMO_DONE, value: new Date(now).toISOString(), updatedAt: now }).onConflictDoNothing().run()
  })
  return { created: true, users: listed }
}

import { eq } from 'drizzle-orm'
import type { Db } from '../db/open'
import { tenants } from '../db/schema'
import type { Tx } from '../db/transaction'

/** The tenant's business time zone. */
export function tenantZone(db: Db | Tx, tenantId: number): string {
  return db.select({ zone: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId)).get()?.zone ?? '+08:00'
}

import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/open'
import { preparedQueries } from '../db/prepared'
import { tenants } from '../db/schema'
import type { Tx } from '../db/transaction'

const zoneQuery = preparedQueries((db) => db.select({ zone: tenants.timeZone }).from(tenants).where(eq(tenants.id, sql.placeholder('tenantId'))).prepare())

/** The tenant's business time zone. */
export function tenantZone(db: Db | Tx, tenantId: number): string {
  return zoneQuery(db).get({ tenantId })?.zone ?? '+08:00'
}

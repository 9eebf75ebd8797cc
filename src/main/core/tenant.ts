import { eq, sql } from 'drizzle-orm'
import { isValidTimeZone } from '../../shared/time-zone'
import type { Db } from '../db/open'
import { preparedQueries } from '../db/prepared'
import { tenants, userSettings } from '../db/schema'
import type { Tx } from '../db/transaction'

const zoneQuery = preparedQueries((db) => db.select({ zone: tenants.timeZone }).from(tenants).where(eq(tenants.id, sql.placeholder('tenantId'))).prepare())
const userZoneQuery = preparedQueries((db) => db.select({ zone: userSettings.timeZone }).from(userSettings).where(eq(userSettings.userId, sql.placeholder('userId'))).prepare())

/** The tenant's business time zone. */
export function tenantZone(db: Db | Tx, tenantId: number): string {
  return zoneQuery(db).get({ tenantId })?.zone ?? '+08:00'
}

/** The zone a user reads times in (screens and exports): their own choice, else the tenant's business zone. */
export function displayZoneOf(db: Db | Tx, userId: number, tenantId: number): string {
  const chosen = userZoneQuery(db).get({ userId })?.zone
  return chosen && isValidTimeZone(chosen) ? chosen : tenantZone(db, tenantId)
}

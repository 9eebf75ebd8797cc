/**
 * The one address the desktop app hands to the system browser: the payment page a provider
 * returned for an order (upstream/generic.ts accepts only http(s) there). The window names the
 * order it opens it for; the address must be exactly that order's, so no page can make the app
 * open anything else.
 */
import { and, eq } from 'drizzle-orm'
import { orders } from '../db/schema'
import type { Db } from '../db/open'

export function paymentLinkOf(db: Db, tenantId: number, orderId: number): string | null {
  const row = db.select({ page: orders.paymentPage }).from(orders).where(and(eq(orders.tenantId, tenantId), eq(orders.id, orderId))).get()
  const url = row?.page && typeof row.page.url === 'string' ? row.page.url : null
  return url && /^https?:\/\//i.test(url) ? url : null
}

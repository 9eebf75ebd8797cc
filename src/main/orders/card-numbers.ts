/**
 * Card and account numbers on orders (SPEC §11): sealed at rest, shown masked. An order's `fields`
 * hold them masked (first 6, last 4), for every reader and every screen; the full numbers sit in
 * `sealed_fields`, one JSON object sealed by the core's SecretBox. They leave the main process in
 * two ways only: to the provider, in the request the outbox builds (it needs the number), and to a
 * holder of CARD_NUMBER_REVEAL through `orders.revealCardNumber`, audited. (create.ts also opens
 * them, to tell a re-submission of a merchant order number from another request.)
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import { SEALED_ORDER_FIELDS, type SealedOrderField } from '../../shared/contract/orders'
import type { SecretBox } from '../core/secrets'
import type { Db } from '../db/open'
import { orders } from '../db/schema'
import { transact } from '../db/transaction'
import { maskAccount } from '../upstream/mask'

type Fields = Record<string, string>

const isSealedField = (name: string): name is SealedOrderField => (SEALED_ORDER_FIELDS as readonly string[]).includes(name)

/** The fields as stored (numbers masked, in their places) and the full numbers sealed; null when there are none. */
export function sealOrderFields(secrets: SecretBox, fields: Fields): { fields: Fields; sealedFields: string | null } {
  const full: Fields = {}
  const masked: Fields = {}
  for (const [name, value] of Object.entries(fields)) {
    if (isSealedField(name)) {
      full[name] = value
      masked[name] = maskAccount(value)
    } else {
      masked[name] = value
    }
  }
  return { fields: masked, sealedFields: Object.keys(full).length ? secrets.encrypt(JSON.stringify(full)) : null }
}

/** The fields with their numbers in full: only for what goes upstream, and for a comparison that never leaves the main process. */
export function openOrderFields(secrets: SecretBox, order: { fields: Fields; sealedFields: string | null }): Fields {
  if (order.sealedFields === null) return order.fields
  const full = JSON.parse(secrets.decrypt(order.sealedFields)) as Fields
  return Object.fromEntries(Object.entries(order.fields).map(([name, value]) => [name, full[name] ?? value]))
}

/** One number in full, or null when the order has no such field. */
export function revealOrderField(secrets: SecretBox, order: { fields: Fields; sealedFields: string | null }, field: SealedOrderField): string | null {
  if (order.fields[field] === undefined) return null
  return openOrderFields(secrets, order)[field] ?? null
}

/**
 * Seals and masks the numbers of orders written before they were sealed (a database from before
 * migration 0017), in batches of one transaction each, so a large database is converted in steps
 * and a stop half-way resumes where it was. Each order is read through `orders_fields_to_seal`,
 * which holds only orders still to seal: once done, a start-up reads nothing. Returns how many
 * orders it sealed.
 */
export function sealClearOrderFields(db: Db, secrets: SecretBox, batchSize = 500): number {
  const toSeal = sql`${orders.sealedFields} is null and (json_extract(${orders.fields}, '$.cardNumber') is not null or json_extract(${orders.fields}, '$.recipientAccount') is not null)`
  let sealed = 0
  let after = 0
  for (;;) {
    const batch = db.select({ id: orders.id, fields: orders.fields }).from(orders).where(and(toSeal, gt(orders.id, after))).orderBy(asc(orders.id)).limit(batchSize).all()
    if (batch.length === 0) return sealed
    transact(db, (tx) => {
      for (const order of batch) {
        const next = sealOrderFields(secrets, order.fields)
        // Only if still unsealed: a number sealed meanwhile is never sealed again over its mask.
        tx.update(orders).set(next).where(and(eq(orders.id, order.id), isNull(orders.sealedFields))).run()
      }
    })
    sealed += batch.length
    after = batch[batch.length - 1].id
  }
}

/**
 * Rows of the shape before 0012 and 0013, written by plain SQL as the app stored them, with the
 * master data their foreign keys need: two tenants, three merchants (each with a contract and a
 * deposit and a payout service), one channel per tenant. The lists of statuses and operations are
 * written out here rather than imported from the schema: a migration test describes the data as it
 * was when the migration shipped.
 */
import type Database from 'better-sqlite3'

export const ORDER_STATUSES = ['created', 'pending', 'unknown', 'succeeded', 'failed', 'closed'] as const
export const DIRECTIONS = ['deposit', 'payout'] as const
export const OUTBOX_OPERATIONS = ['send_deposit', 'send_payout', 'query', 'notify', 'send_refund', 'query_refund'] as const
export const OUTBOX_STATUSES = ['pending', 'in_flight', 'done', 'gave_up'] as const

export interface Merchant {
  id: number
  tenantId: number
  contractId: number
  depositServiceId: number
  payoutServiceId: number
  channelId: number
}

export const MERCHANTS: readonly Merchant[] = [
  { id: 11, tenantId: 1, contractId: 111, depositServiceId: 1101, payoutServiceId: 1102, channelId: 1 },
  { id: 12, tenantId: 1, contractId: 121, depositServiceId: 1201, payoutServiceId: 1202, channelId: 1 },
  { id: 21, tenantId: 2, contractId: 211, depositServiceId: 2101, payoutServiceId: 2102, channelId: 2 }
]

const SET_UP_AT = Date.UTC(2026, 0, 5, 2)

export function insertMasterData(db: Database.Database): void {
  const at = SET_UP_AT
  db.exec(`
    INSERT INTO tenants (id, name, created_at) VALUES (1, 'Harbour Payments', ${at}), (2, 'Lotus Collect', ${at});
    INSERT INTO channels (id, tenant_id, name, provider, supports_deposit, supports_payout, currency, created_at, updated_at)
      VALUES (1, 1, 'UnionPay gateway', 'simulator', 1, 1, 'CNY', ${at}, ${at}), (2, 2, 'Bank transfer', 'simulator', 1, 1, 'CNY', ${at}, ${at});
    INSERT INTO merchants (id, tenant_id, name, created_at, updated_at)
      VALUES (11, 1, 'Jade Tea House', ${at}, ${at}), (12, 1, 'Riverside Cycles', ${at}, ${at}), (21, 2, 'Plum Blossom Books', ${at}, ${at});
  `)
  const contract = db.prepare(
    `INSERT INTO contracts (id, tenant_id, merchant_id, name, settlement_currency, fee_rate_ppm, withdrawal_fee_minor, valid_from, created_at, updated_at)
     VALUES (?, ?, ?, 'Standard 2026', 'CNY', 6000, 300, '2026-01-01', ?, ?)`
  )
  const service = db.prepare(
    `INSERT INTO services (id, tenant_id, merchant_id, service_type, direction, currency, single_lower_minor, single_upper_minor, activated_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'CNY', 100, 5000000, ?, ?, ?)`
  )
  for (const m of MERCHANTS) {
    contract.run(m.contractId, m.tenantId, m.id, at, at)
    service.run(m.depositServiceId, m.tenantId, m.id, 'bank_card', 'deposit', at, at, at)
    service.run(m.payoutServiceId, m.tenantId, m.id, 'bank_transfer', 'payout', at, at, at)
  }
}

export interface OrderSpec {
  merchant: Merchant
  /** yyyymmdd */
  day: number
  direction: (typeof DIRECTIONS)[number]
  status: (typeof ORDER_STATUSES)[number]
  isTest: boolean
}

/** Inserts an order as the order engine stored it (numbers from the day and the id); returns its id. */
export function insertOrder(db: Database.Database, spec: OrderSpec): number {
  const id = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM orders').get() as { id: number }).id
  const txnNo = spec.day * 10_000_000 + id
  const deposit = spec.direction === 'deposit'
  const year = Math.floor(spec.day / 10_000)
  const month = Math.floor(spec.day / 100) % 100
  // 10:00 at the tenant's +08:00 and a minute per order: inside the business day.
  const createdAt = Date.UTC(year, month - 1, spec.day % 100, 2, id % 600)
  const finalized = ['succeeded', 'failed', 'closed'].includes(spec.status)
  db.prepare(
    `INSERT INTO orders (id, tenant_id, order_no, txn_no, merchant_order_no, direction, merchant_id, contract_id, service_id, channel_id,
       service_type, currency, amount_minor, paid_minor, fee_minor, fields, status, is_test, sent_at, expires_at, finalized_at, created_at, updated_at, business_day)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id,
    spec.merchant.tenantId,
    `${deposit ? 'D' : 'P'}${txnNo}`,
    txnNo,
    `M${spec.merchant.id}-${id}`,
    spec.direction,
    spec.merchant.id,
    spec.merchant.contractId,
    deposit ? spec.merchant.depositServiceId : spec.merchant.payoutServiceId,
    spec.merchant.channelId,
    deposit ? 'bank_card' : 'bank_transfer',
    10_000 + id * 37,
    spec.status === 'succeeded' ? 10_000 + id * 37 : null,
    deposit ? 0 : 300,
    JSON.stringify(deposit ? { payerName: 'Li Wei' } : { recipientName: 'Chen Jie', recipientBank: 'ICBC' }),
    spec.status,
    spec.isTest ? 1 : 0,
    spec.status === 'created' ? null : createdAt + 1_000,
    deposit ? createdAt + 7_200_000 : null,
    finalized ? createdAt + 60_000 : null,
    createdAt,
    finalized ? createdAt + 60_000 : createdAt,
    spec.day
  )
  return id
}

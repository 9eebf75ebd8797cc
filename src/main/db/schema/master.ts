/**
 * Master data: contracts, terminals, services, channels and channel–service bindings.
 * Limits and fees are integer minor units of the currency they apply to (0 = no limit);
 * rates are parts per million (2.5 % = 25 000 ppm), so no rate is ever a float.
 */
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { merchants, tenants } from './foundation'

const statusColumn = () =>
  text('status', { enum: ['active', 'disabled'] })
    .notNull()
    .default('active')

export const contracts = sqliteTable(
  'contracts',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    merchantId: integer('merchant_id')
      .notNull()
      .references(() => merchants.id),
    name: text('name').notNull(),
    settlementCurrency: text('settlement_currency').notNull(),
    feeRatePpm: integer('fee_rate_ppm').notNull().default(0),
    fixedFeeMinor: integer('fixed_fee_minor').notNull().default(0),
    refundFeeMinor: integer('refund_fee_minor').notNull().default(0),
    disputeFeeMinor: integer('dispute_fee_minor').notNull().default(0),
    withdrawalFeeMinor: integer('withdrawal_fee_minor').notNull().default(0),
    reserveRatePpm: integer('reserve_rate_ppm').notNull().default(0),
    reserveHoldDays: integer('reserve_hold_days').notNull().default(0),
    /** Business days `yyyy-mm-dd`, inclusive; `validTo` null = open-ended. */
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    status: statusColumn(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [index('contracts_merchant').on(t.merchantId, t.settlementCurrency)]
)

export const terminals = sqliteTable(
  'terminals',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    merchantId: integer('merchant_id')
      .notNull()
      .references(() => merchants.id),
    type: text('type', { enum: ['pos', 'web', 'app', 'api'] }).notNull(),
    identifier: text('identifier').notNull(),
    name: text('name').notNull().default(''),
    status: statusColumn(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('terminals_merchant_identifier').on(t.merchantId, t.identifier),
    // An identifier is the same whatever its letters' case (T001 = t001). Not a unique index: a
    // database may already hold such twins, so migration 0031's triggers refuse a new one instead.
    index('terminals_merchant_identifier_key').on(t.merchantId, sql`lower(${t.identifier})`)
  ]
)

export const services = sqliteTable(
  'services',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    merchantId: integer('merchant_id')
      .notNull()
      .references(() => merchants.id),
    serviceType: text('service_type').notNull(),
    direction: text('direction', { enum: ['deposit', 'payout'] }).notNull(),
    currency: text('currency').notNull(),
    /** `single_limit_lower_bound` / `single_limit_upper_bound`; 0 = no limit. */
    singleLowerMinor: integer('single_lower_minor').notNull().default(0),
    singleUpperMinor: integer('single_upper_minor').notNull().default(0),
    /** Null until the merchant's service is activated (the seed: "has not activated"). */
    activatedAt: integer('activated_at'),
    status: statusColumn(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [uniqueIndex('services_merchant_type_direction_currency').on(t.merchantId, t.serviceType, t.direction, t.currency)]
)

export const channels = sqliteTable(
  'channels',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    provider: text('provider').notNull(),
    supportsDeposit: integer('supports_deposit', { mode: 'boolean' }).notNull().default(true),
    supportsPayout: integer('supports_payout', { mode: 'boolean' }).notNull().default(false),
    currency: text('currency').notNull(),
    /** `payment_lower_bound` / `payment_upper_bound`; 0 = no limit. */
    paymentLowerMinor: integer('payment_lower_minor').notNull().default(0),
    paymentUpperMinor: integer('payment_upper_minor').notNull().default(0),
    payoutLowerMinor: integer('payout_lower_minor').notNull().default(0),
    payoutUpperMinor: integer('payout_upper_minor').notNull().default(0),
    /** Encrypted at rest (safeStorage on the desktop, a key outside the database headless). */
    credentialsEnc: text('credentials_enc'),
    /** What the UI may show of the credentials: their field names, never their values. */
    credentialKeys: text('credential_keys', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The generic adapter's protocol settings (endpoints, body format, signature, field map). */
    adapterConfig: text('adapter_config', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** Unpaid deposits close themselves after this long. */
    depositExpiryMinutes: integer('deposit_expiry_minutes').notNull().default(120),
    status: statusColumn(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [uniqueIndex('channels_tenant_name').on(t.tenantId, t.name)]
)

export const channelServiceBindings = sqliteTable(
  'channel_service_bindings',
  {
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    /** `service_bounds`: the limit of this service on this channel's wallet; 0 = no limit. */
    boundLowerMinor: integer('bound_lower_minor').notNull().default(0),
    boundUpperMinor: integer('bound_upper_minor').notNull().default(0),
    status: statusColumn(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.channelId, t.serviceId] }), index('bindings_service').on(t.serviceId)]
)

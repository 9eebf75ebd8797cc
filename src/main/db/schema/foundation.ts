/**
 * The database schema (drizzle, SQLite). Times are epoch milliseconds (UTC); money, where it
 * appears, is integer minor units. drizzle-kit generates the migrations in `drizzle/` from this file.
 */
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { ServerText } from '../../../shared/server-text'

export const tenants = sqliteTable('tenants', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  /** Business time zone: a fixed offset such as `+08:00` or an IANA name; days are cut in it. */
  timeZone: text('time_zone').notNull().default('+08:00'),
  sessionIdleMinutes: integer('session_idle_minutes').notNull().default(30),
  sessionAbsoluteMinutes: integer('session_absolute_minutes').notNull().default(720),
  /** The provider callback listener: loopback by default; port 0 picks a free one at start. */
  callbackHost: text('callback_host').notNull().default('127.0.0.1'),
  callbackPort: integer('callback_port').notNull().default(0),
  /** The base URL providers are told to call, when it differs from host:port (a tunnel, a proxy). */
  callbackPublicUrl: text('callback_public_url').notNull().default(''),
  /** Where backups go: an absolute folder, or '' for `backups` beside the database (docs/desktop.md). */
  backupFolder: text('backup_folder').notNull().default(''),
  /** A scheduled backup every so many hours; 0: none. */
  backupEveryHours: integer('backup_every_hours').notNull().default(24),
  /** How many of PayDesk's own backup files the folder keeps (the oldest beyond are deleted). */
  backupKeep: integer('backup_keep').notNull().default(14),
  createdAt: integer('created_at').notNull()
})

export const merchants = sqliteTable(
  'merchants',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    /** Where final order states are notified (signed with the merchant's secret). */
    notifyUrl: text('notify_url').notNull().default(''),
    /** The signing secret, encrypted at rest; shown once when created or rotated. */
    signingSecretEnc: text('signing_secret_enc'),
    signingSecretRotatedAt: integer('signing_secret_rotated_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [uniqueIndex('merchants_tenant_name').on(t.tenantId, t.name)]
)

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Stored lower-case: sign-in names are case-insensitive. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Null: platform staff. Set: the user only ever sees and acts on this merchant's rows. */
    merchantId: integer('merchant_id').references(() => merchants.id),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: integer('locked_until'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    passwordChangedAt: integer('password_changed_at').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [uniqueIndex('users_tenant_username').on(t.tenantId, t.username), index('users_merchant').on(t.merchantId)]
)

export const roles = sqliteTable(
  'roles',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Set for the built-in roles (administrator, operations, …); their codes follow the catalog. */
    builtInKey: text('built_in_key'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('roles_tenant_name').on(t.tenantId, t.name),
    uniqueIndex('roles_tenant_builtin').on(t.tenantId, t.builtInKey)
  ]
)

export const rolePermissions = sqliteTable(
  'role_permissions',
  {
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    code: integer('code').notNull()
  },
  (t) => [primaryKey({ columns: [t.roleId, t.code] })]
)

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id)
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('user_roles_role').on(t.roleId)]
)

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the bearer token, hex: the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    transport: text('transport', { enum: ['ipc', 'http'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    endedAt: integer('ended_at'),
    endReason: text('end_reason')
  },
  (t) => [index('sessions_user').on(t.userId)]
)

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    at: integer('at').notNull(),
    /** Null for writes made by the system itself (first run, demo loader, scheduled jobs). */
    userId: integer('user_id').references(() => users.id),
    actor: text('actor').notNull(),
    procedure: text('procedure').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    /** The merchant the target belongs to, so merchant scope applies to audit rows as well. */
    merchantId: integer('merchant_id'),
    /** English rendering of `text`, for readers of the database. */
    summary: text('summary').notNull().default(''),
    /** The summary as a catalog code and parameters, translated where it is shown. */
    text: text('text', { mode: 'json' }).$type<ServerText>(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' })
  },
  (t) => [
    index('audit_at').on(t.at),
    index('audit_user_at').on(t.userId, t.at),
    index('audit_procedure_at').on(t.procedure, t.at),
    index('audit_target').on(t.targetType, t.targetId),
    /** A merchant-bound user's audit list: its merchant's events, newest first. */
    index('audit_merchant_at').on(t.merchantId, t.at)
  ]
)

/** Key/value facts about this database (demo loaded, …); not user settings. */
export const systemFacts = sqliteTable('system_facts', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at')
    .notNull()
    .default(sql`(unixepoch() * 1000)`)
})

/**
 * Settings that follow the user, not the machine (issue 16): the language and colour scheme the
 * user chose (null until they choose, so a browser's earlier local choice can be taken over once),
 * the time zone they read times in (migration 0023),
 * and their saved filter views, one list of named views per list screen.
 */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './foundation'

export const userSettings = sqliteTable('user_settings', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  language: text('language'),
  colorScheme: text('color_scheme'),
  /** The zone times are shown and exported in (shared/time-zone.ts); null: the tenant's business zone. */
  timeZone: text('time_zone'),
  updatedAt: integer('updated_at').notNull()
})

export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** Which list the view belongs to (`orders`, `audit`, `reports.settlement-summary` …). */
    listKey: text('list_key').notNull(),
    name: text('name').notNull(),
    /** The list's filters as the screen holds them: a flat object of strings, numbers and booleans. */
    filters: text('filters', { mode: 'json' }).$type<Record<string, string | number | boolean | null>>().notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  // Also serves reading one user's views of one list (its leading columns).
  (t) => [uniqueIndex('saved_views_user_list_name').on(t.userId, t.listKey, t.name)]
)

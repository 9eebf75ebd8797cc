/** Bad inputs for the user's preferences and saved views (merged into tests/integration/bad-input.test.ts). */
import type { ProcedureName } from '../../../src/shared/contract'

type PreferenceProcedure = Extract<ProcedureName, `me.${string}` | `views.${string}`>

export const preferenceCases: Record<PreferenceProcedure, [unknown, string][]> = {
  'me.preferences': [['mine', 'input']],
  'me.updatePreferences': [
    [{ language: 'fr' }, 'language'],
    [{ colorScheme: 'purple' }, 'colorScheme'],
    [{ language: 42 }, 'language'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ timeZone: '+8' }, 'timeZone']
  ],
  'views.list': [
    [{}, 'list'],
    [{ list: 'everything' }, 'list']
  ],
  'views.save': [
    [{ list: 'orders', name: '', filters: {} }, 'name'],
    [{ list: 'orders', name: '   ', filters: {} }, 'name'],
    [{ list: 'orders', name: 'x'.repeat(61), filters: {} }, 'name'],
    [{ list: 'nowhere', name: 'Mine', filters: {} }, 'list'],
    [{ list: 'orders', name: 'Mine', filters: 'status=unknown' }, 'filters'],
    [{ list: 'orders', name: 'Mine', filters: { status: { nested: true } } }, 'filters.status'],
    [{ list: 'orders', name: 'Mine', filters: { remark: 'x'.repeat(501) } }, 'filters.remark'],
    [{ list: 'orders', name: 'Mine', filters: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`f${i}`, i])) }, 'filters']
  ],
  'views.delete': [
    [{}, 'id'],
    [{ id: 'first' }, 'id'],
    [{ id: -3 }, 'id']
  ]
}

/** English texts of the settings that follow the user: preferences and saved views (spread into server-text.en.ts). */
export const preferencesTextEn = {
  'rule.viewFilters': 'must be a set of named filters',
  'rule.viewFilterValue': 'must be text, a number or yes/no',
  'thing.savedView': 'Saved view {{id}}',
  'error.views.tooMany': 'You already keep {{n}} saved views on this list, the most it holds: delete one first',
  'audit.preferencesChanged': 'Display preferences changed: language {{language}}, colour scheme {{scheme}}',
  'audit.displayZoneChanged': 'Display time zone changed from {{from}} to {{to}}',
  'audit.businessZoneChanged': 'Business time zone changed from {{from}} to {{to}}: {{entries}} ledger entries and {{orders}} orders moved to their days in the new zone, daily rows rebuilt',
  'error.settings.sameZone': 'The business time zone is already {{zone}}',
  'audit.viewSaved': 'Saved view “{{name}}” of the list {{list}}',
  'audit.viewReplaced': 'Replaced the saved view “{{name}}” of the list {{list}}',
  'audit.viewDeleted': 'Deleted the saved view “{{name}}” of the list {{list}}'
} as const

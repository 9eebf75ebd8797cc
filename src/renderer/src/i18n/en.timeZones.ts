/** English: time zones, the user's display zone and the tenant's business zone (docs/desktop.md, *Time zones*). */
export const enTimeZones = {
  timeZones: {
    menu: 'Time zone',
    title: 'Your display time zone',
    hint: 'Every time on screens and in the files you export is shown in this zone, and named beside it. It is yours: other users keep theirs. Days in reports stay business days, cut in the business time zone ({{business}}).',
    label: 'Show times in',
    business: 'Business time zone ({{zone}})',
    computer: 'This computer’s zone: {{zone}}',
    saved: 'Times are now shown in {{zone}}',
    shownIn: 'Times in {{zone}}',
    businessTitle: 'Business time zone',
    businessHint: 'The zone the business day is cut in: which day an order, a ledger entry and a report row belong to, daily balances, daily limits and the reports’ date filters. Each user reads times in their own display zone.',
    businessLabel: 'Business time zone',
    businessDescription: 'A fixed offset such as +08:00, or a zone such as Asia/Shanghai (its offset follows daylight saving).',
    businessChange: 'Change the business time zone',
    confirmTitle: 'Change the business time zone to {{zone}}?',
    confirmBody: 'Orders and ledger entries keep their times and amounts; each is moved to its day in the new zone, and every stored daily row (report days, order counts per day) is rebuilt from them at once. Days already reported or exported will not match the new days. The ledger check runs after the change.',
    confirm: 'Change and rebuild',
    changed: 'Business time zone is now {{zone}}: {{entries}} entries and {{orders}} orders on their new days.',
    verifyClean: 'The ledger check found no drift.',
    verifyDrift: 'The ledger check found {{count}} problem(s): run it from Settings for the details.'
  }
}

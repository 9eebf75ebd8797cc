import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { isValidTimeZone } from '../time-zone'
import { mutation, query } from './define'

/** The organisation's name, shown in the title bar beside the app's. */
const tenantName = z.string({ error: ruleMessage('rule.required') }).trim().min(1, ruleMessage('rule.required')).max(80, ruleMessage('rule.maxChars', { n: 80 }))

export const settingsShape = z.object({
  tenantName,
  sessionIdleMinutes: z
    .number({ error: ruleMessage('rule.number') })
    .int(ruleMessage('rule.wholeNumber'))
    .min(1, ruleMessage('rule.minMinute', { n: 1 }))
    .max(24 * 60, ruleMessage('rule.maxMinutes', { n: 1440 })),
  sessionAbsoluteMinutes: z
    .number({ error: ruleMessage('rule.number') })
    .int(ruleMessage('rule.wholeNumber'))
    .min(5, ruleMessage('rule.minMinutes', { n: 5 }))
    .max(30 * 24 * 60, ruleMessage('rule.maxDays', { n: 30 }))
})
export type Settings = z.infer<typeof settingsShape>

export const systemContract = {
  'system.info': query({
    input: z.object({}),
    output: z.object({ version: z.string(), mode: z.enum(['desktop', 'browser']), tenantName: z.string(), timeZone: z.string() }),
    access: 'public',
    doc: 'Version, host mode and tenant facts for the title bar.'
  }),
  'settings.get': query({
    input: z.object({}),
    output: settingsShape,
    access: PERMISSIONS.SETTINGS_WRITE,
    doc: 'The organisation’s name, session limits and other tenant settings.'
  }),
  'settings.update': mutation({
    // The name may be left out (it is then kept): session limits alone are what older callers send.
    input: settingsShape.extend({ tenantName: tenantName.optional() }).refine((s) => s.sessionAbsoluteMinutes >= s.sessionIdleMinutes, {
      message: ruleMessage('rule.atLeastIdle'),
      path: ['sessionAbsoluteMinutes']
    }),
    output: settingsShape,
    access: PERMISSIONS.SETTINGS_WRITE,
    doc: 'Changes the organisation’s name and the idle and absolute session limits.'
  }),
  'settings.setBusinessZone': mutation({
    input: z.object({
      timeZone: z
        .string({ error: ruleMessage('rule.timeZone') })
        .trim()
        .max(64, ruleMessage('rule.timeZone'))
        .refine(isValidTimeZone, ruleMessage('rule.timeZone'))
    }),
    output: z.object({
      timeZone: z.string(),
      /** Ledger entries and orders now on another business day. */
      entriesMoved: z.number(),
      ordersMoved: z.number(),
      /** What the ledger check found after the change (0: clean). */
      drifts: z.number()
    }),
    access: PERMISSIONS.SETTINGS_WRITE,
    doc: 'Changes the business time zone days are cut in: every order and ledger entry moves to its day in the new zone and the stored daily rows are rebuilt, in one transaction; then the ledger check runs.'
  }),
  // A query: it writes nothing (and so has nothing to audit); the window calls it directly, uncached.
  'desktop.notify': query({
    input: z.object({
      notices: z
        .array(
          z.object({
            title: z.string({ error: ruleMessage('rule.required') }).trim().min(1, ruleMessage('rule.required')).max(120, ruleMessage('rule.maxChars', { n: 120 })),
            body: z.string({ error: ruleMessage('rule.required') }).trim().max(300, ruleMessage('rule.maxChars', { n: 300 }))
          })
        )
        .min(1, ruleMessage('rule.required'))
        .max(5, ruleMessage('rule.maxEntries', { n: 5 }))
    }),
    output: z.object({ shown: z.number() }),
    access: 'signedIn',
    doc: 'Desktop app: raises the notices as operating-system notifications (Home’s new attention items); the browser host shows none.'
  }),
  'demo.load': mutation({
    input: z.object({}),
    output: z.object({
      created: z.boolean(),
      users: z.array(z.object({ username: z.string(), password: z.string(), role: z.string(), merchant: z.string().nullable() }))
    }),
    access: PERMISSIONS.DEMO_LOAD,
    doc: 'Loads the deterministic demo data set (again: changes nothing).'
  })
}

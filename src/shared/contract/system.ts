import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { PERMISSIONS } from '../permissions'
import { mutation, query } from './define'

export const settingsShape = z.object({
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
    doc: 'Session limits and other tenant settings.'
  }),
  'settings.update': mutation({
    input: settingsShape.refine((s) => s.sessionAbsoluteMinutes >= s.sessionIdleMinutes, {
      message: ruleMessage('rule.atLeastIdle'),
      path: ['sessionAbsoluteMinutes']
    }),
    output: settingsShape,
    access: PERMISSIONS.SETTINGS_WRITE,
    doc: 'Changes the idle and absolute session limits.'
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

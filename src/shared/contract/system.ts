import { z } from 'zod'
import { PERMISSIONS } from '../permissions'
import { mutation, query } from './define'

export const settingsShape = z.object({
  sessionIdleMinutes: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1 minute')
    .max(24 * 60, 'must be at most 1440 minutes'),
  sessionAbsoluteMinutes: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(5, 'must be at least 5 minutes')
    .max(30 * 24 * 60, 'must be at most 30 days')
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
      message: 'must be at least the idle limit',
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

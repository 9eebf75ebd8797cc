import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { displayName, newPassword, username } from '../schemas'
import { mutation, query } from './define'

export const me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  merchantId: z.number().nullable(),
  merchantName: z.string().nullable(),
  permissions: z.array(z.number()),
  roles: z.array(z.string()),
  mustChangePassword: z.boolean()
})
export type Me = z.infer<typeof me>

export const authContract = {
  'auth.setupStatus': query({
    input: z.object({}),
    output: z.object({ needsSetup: z.boolean(), setupCodeRequired: z.boolean() }),
    access: 'public',
    doc: 'Whether the first administrator still has to be created, and whether a setup code is needed.'
  }),
  'auth.setupAdmin': mutation({
    input: z.object({
      username,
      displayName,
      password: newPassword,
      setupCode: z.string().trim().max(64, ruleMessage('rule.maxChars', { n: 64 })).optional()
    }),
    output: z.object({ userId: z.number() }),
    access: 'public',
    doc: 'Creates the first administrator on an empty database (browser mode also needs the printed setup code).'
  }),
  'auth.login': mutation({
    input: z.object({
      username: z.string({ error: ruleMessage('rule.required') }).trim().min(1, ruleMessage('rule.required')).max(64, ruleMessage('rule.maxChars', { n: 64 })),
      password: z.string({ error: ruleMessage('rule.required') }).min(1, ruleMessage('rule.required')).max(200, ruleMessage('rule.maxChars', { n: 200 }))
    }),
    output: z.object({ token: z.string(), user: me }),
    access: 'public',
    doc: 'Signs in with a user name and password and opens a session.'
  }),
  'auth.logout': mutation({
    input: z.object({}),
    output: z.object({ ok: z.literal(true) }),
    access: 'signedIn',
    doc: 'Ends the current session.'
  }),
  'auth.me': query({
    input: z.object({}),
    output: me,
    access: 'signedIn',
    doc: 'The signed-in user, with merchant binding and effective permission codes.'
  }),
  'auth.changePassword': mutation({
    input: z.object({
      currentPassword: z.string({ error: ruleMessage('rule.required') }).min(1, ruleMessage('rule.required')),
      newPassword
    }),
    output: z.object({ ok: z.literal(true) }),
    access: 'signedIn',
    doc: "Changes the signed-in user's password and ends their other sessions."
  })
}

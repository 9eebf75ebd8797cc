import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { isPermissionCode, missingNeeds, PERMISSIONS, type PermissionCode } from '../permissions'
import { permissionTerm, say } from '../server-text'
import { displayName, id, newPassword, optionalSearch, pageInput, pageOf, status, username } from '../schemas'
import { mutation, query } from './define'

const permissionCode = z
  .number({ error: ruleMessage('rule.permissionCode') })
  .int()
  .refine((c): c is PermissionCode => isPermissionCode(c), ruleMessage('rule.unknownPermission'))

export const userRow = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  merchantId: z.number().nullable(),
  merchantName: z.string().nullable(),
  status,
  roles: z.array(z.object({ id: z.number(), name: z.string() })),
  lockedUntil: z.number().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number()
})
export type UserRow = z.infer<typeof userRow>

export const roleRow = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  builtInKey: z.string().nullable(),
  permissions: z.array(z.number()),
  userCount: z.number()
})
export type RoleRow = z.infer<typeof roleRow>

const roleIds = z.array(id).min(1, ruleMessage('rule.minRoles')).max(20, ruleMessage('rule.maxRoles', { n: 20 }))
const merchantBinding = id.nullable()
const roleName = z.string({ error: ruleMessage('rule.required') }).trim().min(2, ruleMessage('rule.minChars', { n: 2 })).max(60, ruleMessage('rule.maxChars', { n: 60 }))
const roleDescription = z.string().trim().max(200, ruleMessage('rule.maxChars', { n: 200 })).default('')
const permissionSet = z
  .array(permissionCode)
  .min(1, ruleMessage('rule.minPermissions'))
  .superRefine((codes, ctx) => {
    // A code without what its screens need would open pages that answer "forbidden" to their own pickers.
    const missing = missingNeeds(codes)
    if (missing.length) ctx.addIssue({ code: 'custom', message: needsMessage(missing) })
  })

/**
 * Every code the set lacks, in one message: the forms and the API's 400 show one message per field,
 * so a client fixing a role learns all it must add at once, not one code per try.
 */
function needsMessage(missing: ReturnType<typeof missingNeeds>): string {
  const params = (m: (typeof missing)[number]) => ({ permission: permissionTerm(m.neededBy), code: m.neededBy, needed: permissionTerm(m.code), neededCode: m.code })
  if (missing.length === 1) return ruleMessage('rule.permissionNeeds', params(missing[0]))
  const needs = missing
    .map((m) => say('rule.permissionNeed', params(m)))
    .reduceRight((rest, first) => say('rule.permissionNeedAnd', { first, rest }))
  return ruleMessage('rule.permissionNeedsAll', { needs })
}

export const usersContract = {
  'users.list': query({
    input: pageInput.extend({
      search: optionalSearch,
      status: status.optional(),
      merchantId: id.optional(),
      roleId: id.optional()
    }),
    output: pageOf(userRow),
    access: PERMISSIONS.USER_READ,
    doc: 'Lists staff users with their roles and merchant binding.'
  }),
  'users.get': query({
    input: z.object({ id }),
    output: userRow,
    access: PERMISSIONS.USER_READ,
    doc: 'One user.'
  }),
  'users.create': mutation({
    input: z.object({ username, displayName, password: newPassword, merchantId: merchantBinding, roleIds }),
    output: userRow,
    access: PERMISSIONS.USER_WRITE,
    doc: 'Creates a user, bound to a merchant or platform-wide, with roles and an initial password to change at first sign-in.'
  }),
  'users.update': mutation({
    input: z.object({ id, displayName, merchantId: merchantBinding, roleIds }),
    output: userRow,
    access: PERMISSIONS.USER_WRITE,
    doc: "Changes a user's name, merchant binding and roles."
  }),
  'users.setStatus': mutation({
    input: z.object({ id, status }),
    output: userRow,
    access: PERMISSIONS.USER_WRITE,
    doc: 'Enables or disables a user; disabling ends their sessions.'
  }),
  'users.resetPassword': mutation({
    input: z.object({ id, newPassword }),
    output: userRow,
    access: PERMISSIONS.USER_WRITE,
    doc: "Sets a new password that the user must change at next sign-in, clears a lockout and ends the user's sessions."
  }),
  'roles.list': query({
    input: z.object({}),
    output: z.array(roleRow),
    access: PERMISSIONS.USER_READ,
    doc: 'All roles with their permission codes and how many users hold each.'
  }),
  'roles.create': mutation({
    input: z.object({ name: roleName, description: roleDescription, permissions: permissionSet }),
    output: roleRow,
    access: PERMISSIONS.ROLE_WRITE,
    doc: 'Creates a custom role bundling permission codes.'
  }),
  'roles.update': mutation({
    input: z.object({ id, name: roleName, description: roleDescription, permissions: permissionSet }),
    output: roleRow,
    access: PERMISSIONS.ROLE_WRITE,
    doc: 'Changes a custom role; built-in roles follow the catalog and cannot be edited.'
  }),
  'permissions.catalog': query({
    input: z.object({}),
    output: z.array(z.object({ code: z.number(), name: z.string(), area: z.string() })),
    access: 'signedIn',
    doc: 'The catalog of permission codes, grouped by area.'
  })
}

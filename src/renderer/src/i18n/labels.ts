/** Labels for catalogue values the host sends as codes or stored names. */
import type { TFunction } from 'i18next'
import { BUILT_IN_ROLE_KEYS, permissionName, type BuiltInRoleKey } from '../../../shared/permissions'
import { enCatalog } from './en.catalog'

function isBuiltInRoleKey(key: string): key is BuiltInRoleKey {
  return (BUILT_IN_ROLE_KEYS as string[]).includes(key)
}

// Role names are unique, so a stored name equal to a built-in role's English name is that role.
function builtInKeyOfName(name: string): BuiltInRoleKey | undefined {
  return BUILT_IN_ROLE_KEYS.find((key) => enCatalog.builtInRoles[key] === name)
}

/** A role as people should read it: built-in roles in the current language, custom ones as named. */
export function roleLabel(t: TFunction, role: { name: string; builtInKey?: string | null }): string {
  const key = role.builtInKey && isBuiltInRoleKey(role.builtInKey) ? role.builtInKey : builtInKeyOfName(role.name)
  return key ? t(`builtInRoles.${key}`) : role.name
}

export function roleDescription(t: TFunction, role: { description: string; builtInKey: string | null }): string {
  return role.builtInKey && isBuiltInRoleKey(role.builtInKey) ? t(`builtInRoleDescriptions.${role.builtInKey}`) : role.description
}

export function permissionLabel(t: TFunction, code: number): string {
  const name = permissionName(code)
  return name ? t(`permissions.${name}`) : String(code)
}

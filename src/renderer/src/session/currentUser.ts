import { createContext, useContext } from 'react'
import type { OutputOf } from '../../../shared/contract'
import type { PermissionCode } from '../../../shared/permissions'

export type Me = OutputOf<'auth.me'>

export const CurrentUserContext = createContext<Me | null>(null)

/** The signed-in user; only inside the session gate, where one always exists. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext)
  if (!me) throw new Error('useCurrentUser outside the signed-in part of the app')
  return me
}

export function holdsAny(me: Me, codes: readonly PermissionCode[]): boolean {
  return codes.some((code) => me.permissions.includes(code))
}

export function useCan(...codes: PermissionCode[]): boolean {
  return holdsAny(useCurrentUser(), codes)
}

/** A second user for maker-checker steps (adjustments, withdrawals): created once, signed in when needed. */
import type { InputOf, OutputOf, ProcedureName } from '../../src/shared/contract'

type Ok = <N extends ProcedureName>(name: N, input: InputOf<N> | Record<string, unknown>, token?: string) => Promise<OutputOf<N>>

export const CHECKER = { username: 'finance.checker', password: 'Checker-pass-1' }

/** Returns a function that signs in the checker (a Finance user), creating it on first use with `adminToken`. */
export function checkerOf(ok: Ok, signIn: (username: string, password: string) => Promise<string>, adminToken: () => string) {
  let created = false
  return async (): Promise<string> => {
    if (!created) {
      const roles = await ok('roles.list', {}, adminToken())
      const finance = roles.find((r) => r.builtInKey === 'finance')!.id
      await ok('users.create', { username: CHECKER.username, displayName: 'Finance checker', password: CHECKER.password, merchantId: null, roleIds: [finance] }, adminToken())
      created = true
    }
    return signIn(CHECKER.username, CHECKER.password)
  }
}

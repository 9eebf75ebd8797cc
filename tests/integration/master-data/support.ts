/**
 * A core with two merchants and the people the master-data tests act as: the administrator, a
 * merchant operator of the first merchant (built-in role: reads only), and a merchant-bound
 * "master-data editor" of the first merchant holding the write codes a merchant user may hold.
 */
import { PERMISSIONS } from '../../../src/shared/permissions'
import { ADMIN, makeCore, type TestCore } from '../../support/core'

export interface World {
  t: TestCore
  admin: string
  siam: { id: number; name: string }
  saigon: { id: number; name: string }
  /** Merchant operator bound to Siam. */
  operator: string
  /** Bound to Siam, holds MASTER_DATA_READ and the contract/terminal/service write codes. */
  editor: string
}

const PASSWORD = 'Initial-pass-1'

export async function world(): Promise<World> {
  const t = await makeCore()
  const admin = await t.signIn(ADMIN.username, ADMIN.password)
  const siam = await t.ok('merchants.create', { name: 'Siam Lotus Retail' }, admin)
  const saigon = await t.ok('merchants.create', { name: 'Saigon Foods' }, admin)
  const roles = await t.ok('roles.list', {}, admin)
  const operatorRole = roles.find((r) => r.builtInKey === 'merchantOperator')!.id
  const editorRole = await t.ok(
    'roles.create',
    {
      name: 'Merchant master-data editor',
      permissions: [PERMISSIONS.MASTER_DATA_READ, PERMISSIONS.CONTRACT_WRITE, PERMISSIONS.TERMINAL_WRITE, PERMISSIONS.SERVICE_WRITE]
    },
    admin
  )
  await t.ok('users.create', { username: 'lotus.ops', displayName: 'Lotus Ops', password: PASSWORD, merchantId: siam.id, roleIds: [operatorRole] }, admin)
  await t.ok('users.create', { username: 'lotus.editor', displayName: 'Lotus Editor', password: PASSWORD, merchantId: siam.id, roleIds: [editorRole.id] }, admin)
  return {
    t,
    admin,
    siam: { id: siam.id, name: siam.name },
    saigon: { id: saigon.id, name: saigon.name },
    operator: await t.signIn('lotus.ops', PASSWORD),
    editor: await t.signIn('lotus.editor', PASSWORD)
  }
}

/** Audit rows of one procedure, newest first. */
export async function auditOf(w: World, procedure: string) {
  return (await w.t.ok('audit.list', { procedure, pageSize: 100 }, w.admin)).items
}

/** The raw rows of a table, for asserting what is stored (encrypted secrets, minor units). */
export function rawRows(w: World, table: string): Record<string, unknown>[] {
  return w.t.core.db.$client.prepare(`select * from ${table}`).all() as Record<string, unknown>[]
}

/**
 * Generated from the contract, so a procedure added later is covered without a new test:
 * - the permission matrix: without a session every procedure but the public ones is a 401; a user
 *   holding every code but the ones a procedure needs (and the codes that need those) gets a 403 (permission.missing); nothing is
 *   written either way;
 * - hostile input: each procedure gets inputs of the wrong shape and, field by field, values of
 *   the wrong type (and control characters): never a 500, never a stack trace in the answer, always
 *   a 4xx that names a field, and nothing written.
 * Every refusal either way carries its text (a catalog code with parameters) for screens to
 * translate, and its English message never shows a rule message's marker.
 */
import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract, procedureNames, type ProcedureName } from '../../src/shared/contract'
import type { Access } from '../../src/shared/contract/define'
import { ALL_PERMISSION_CODES, withNeeds, type PermissionCode } from '../../src/shared/permissions'
import type { Envelope } from '../../src/shared/envelope'
import { serverTextEn } from '../../src/shared/i18n/server-text.en'
import { isServerText, type ServerText } from '../../src/shared/server-text'
import { ADMIN, makeCore, type TestCore } from '../support/core'

/** Every row of every table but sessions (whose last-seen time moves on reads), hashed. */
function snapshot(t: TestCore, except: string[] = []): string {
  const sqlite = t.core.db.$client
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not in ('sessions') order by name").all() as { name: string }[]).map((r) => r.name).filter((name) => !except.includes(name))
  const hash = createHash('sha256')
  for (const name of tables) hash.update(name + JSON.stringify(sqlite.prepare(`select * from "${name}"`).all(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
  return hash.digest('hex')
}

const STACK = /\n\s+at |\.(ts|js):\d+|node_modules|Error:/

/** Every code in a text and the texts nested in it. */
function codesIn(text: ServerText): string[] {
  return [text.code, ...Object.values(text.params ?? {}).flatMap((value) => (isServerText(value) ? codesIn(value) : []))]
}

function expectClean(envelope: Envelope<unknown>, what: string): void {
  expect(envelope.status, `${what}: ${envelope.status} ${envelope.message}`).not.toBe(500)
  expect(STACK.test(envelope.message), `${what}: a stack trace in "${envelope.message}"`).toBe(false)
  if (envelope.status === 200) return
  // A refusal a screen can translate: no AppError is thrown without a text.
  expect(envelope.text, `${what}: ${envelope.code} "${envelope.message}" has no text`).toBeDefined()
  for (const code of codesIn(envelope.text!)) expect(code in serverTextEn || code.startsWith('value.serviceType.'), `${what}: ${code} is not in the catalog`).toBe(true)
  expect(envelope.message, what).not.toContain('§text')
}

const codesOf = (access: Access): PermissionCode[] => (typeof access === 'number' ? [access] : Array.isArray(access) ? [...access] : [])

let t: TestCore
let admin: string

beforeAll(async () => {
  t = await makeCore()
  admin = await t.signIn(ADMIN.username, ADMIN.password)
  await t.ok('merchants.create', { name: 'Existing Merchant' }, admin)
})

describe('the permission matrix, from the contract', () => {
  it('without a session, every procedure but the public ones is a 401 and writes nothing', async () => {
    const before = snapshot(t)
    for (const name of procedureNames) {
      const def = contract[name]
      const answer = await t.core.dispatch(name, {}, { token: null, transport: 'http' })
      expectClean(answer, name)
      if (def.access !== 'public') expect(answer, name).toMatchObject({ status: 401, code: 'auth.required' })
    }
    expect(snapshot(t)).toBe(before)
  })

  it('a user holding every code but the ones a procedure needs is refused with 403, and nothing is written', async () => {
    // One user per distinct set of codes a procedure accepts: every other code of the catalog.
    const groups = new Map<string, ProcedureName[]>()
    for (const name of procedureNames) {
      const codes = codesOf(contract[name].access)
      if (codes.length === 0) continue
      const key = codes.sort((a, b) => a - b).join(',')
      groups.set(key, [...(groups.get(key) ?? []), name])
    }
    expect(groups.size).toBeGreaterThan(20)
    let n = 0
    for (const [key, names] of groups) {
      const missing = new Set(key.split(',').map(Number))
      // A role holds what its codes need, so the codes that need a missing one go too.
      const held = ALL_PERMISSION_CODES.filter((c) => !withNeeds([c]).some((need) => missing.has(need)))
      const role = await t.ok('roles.create', { name: `All but ${key}`.slice(0, 60), permissions: held }, admin)
      const username = `matrix.user${++n}`
      await t.ok('users.create', { username, displayName: username, password: 'Matrix-pass-1', merchantId: null, roleIds: [role.id] }, admin)
      const token = await t.signIn(username, 'Matrix-pass-1')
      const before = snapshot(t)
      for (const name of names) {
        const answer = await t.core.dispatch(name, {}, { token, transport: 'http' })
        expectClean(answer, name)
        expect(answer, name).toMatchObject({ status: 403, code: 'permission.missing' })
      }
      expect(snapshot(t), names.join(', ')).toBe(before)
    }
  }, 120_000)
})

/** The schema inside optional/default/nullable wrappers, and its zod type name. */
function core(schema: z.ZodType): { type: string; schema: z.ZodType } {
  let s = schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } }
  for (;;) {
    const def = s._zod.def
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) s = def.innerType as never
    else if (def.type === 'pipe' && def.in) s = def.in as never
    else return { type: def.type, schema: s as unknown as z.ZodType }
  }
}

/** Values no field of that type may take. */
function wrongValuesFor(type: string): unknown[] {
  switch (type) {
    case 'string':
      return [12345, ['x'], 'a\u0000b', 'bell\u0007', 'x'.repeat(100_000)]
    case 'number':
    case 'int':
      return ['1', '1e400', { valueOf: 1 }, true]
    case 'boolean':
      return ['yes', 1]
    case 'enum':
    case 'literal':
      return ['not-one-of-them', 7]
    case 'array':
      return ['x', { 0: 'x' }]
    case 'object':
    case 'record':
      return ['x', [1, 2]]
    default:
      return [{ deeply: [[[{ nested: '\u0000' }]]] }]
  }
}

/** Inputs of the wrong shape, and for an object input each field in turn given wrong values (the rest left out). */
function hostileInputs(name: ProcedureName): unknown[] {
  const input = core(contract[name].input as z.ZodType)
  const inputs: unknown[] = ['x', 42, [], [{}], true]
  if (input.type !== 'object') return inputs
  const shape = (input.schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>
  for (const [field, schema] of Object.entries(shape)) {
    for (const value of wrongValuesFor(core(schema).type)) inputs.push({ [field]: value })
  }
  return inputs
}

/**
 * Procedures that answer a refusal as data, with every problem listed (a 400 names one field):
 * the FX import lists each bad line and field, imports nothing, and audits the refused attempt;
 * a field test report's check lists what makes the text no intact report.
 */
const REFUSED_AS_DATA: Partial<Record<ProcedureName, (data: unknown) => boolean>> = {
  'fx.import': (data) => (data as { imported: number; errors: unknown[] }).imported === 0 && (data as { errors: unknown[] }).errors.length > 0,
  // Checking a report file answers what is wrong with it (npm run verify-report's verdict), writing nothing.
  'fieldtest.reports.verify': (data) => (data as { ok: boolean; problems: unknown[] }).ok === false && (data as { problems: unknown[] }).problems.length > 0
}

describe('hostile input to every procedure, from the contract', () => {
  it('never answers 500 or a stack trace; refuses with a 4xx naming a field; writes nothing', async () => {
    let calls = 0
    for (const name of procedureNames) {
      if (name === 'auth.logout') continue // its only input is {}: sent wrong, it is refused like any; sent right, it ends the test's session
      for (const input of hostileInputs(name)) {
        const refusedAsData = REFUSED_AS_DATA[name]
        const except = refusedAsData ? ['audit_events'] : []
        const before = snapshot(t, except)
        const answer = await t.core.dispatch(name, input, { token: admin, transport: 'http' })
        const what = `${name} ${JSON.stringify(input).slice(0, 120)}`
        expectClean(answer, what)
        if (answer.status === 200 && refusedAsData) {
          expect(refusedAsData(answer.data), what).toBe(true)
          expect(snapshot(t, except), what).toBe(before)
          continue
        }
        expect(answer.status, what).toBeGreaterThanOrEqual(400)
        expect(answer.status, what).toBeLessThan(500)
        if (answer.status === 400) expect((answer as { field?: string }).field, what).toBeTruthy()
        expect(snapshot(t, except), what).toBe(before)
        calls++
      }
    }
    expect(calls).toBeGreaterThan(procedureNames.length * 5)
  }, 300_000)
})

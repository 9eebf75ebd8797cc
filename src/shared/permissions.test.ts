import { describe, expect, it } from 'vitest'
import { ALL_PERMISSION_CODES, BUILT_IN_ROLES, missingNeeds, PERMISSION_NEEDS, PERMISSIONS, PLATFORM_ONLY_CODES, withNeeds } from './permissions'
import { contract } from './contract'
import type { ProcedureDef } from './contract/define'

describe('permission catalog', () => {
  it('fixes the two operation codes of the seed exactly', () => {
    expect(PERMISSIONS.OPERATION_PAYMENT_WRITE).toBe(1014)
    expect(PERMISSIONS.OPERATION_PAYMENT_GLOBAL_WRITE).toBe(1021)
  })

  it('has no code twice', () => {
    expect(new Set(ALL_PERMISSION_CODES).size).toBe(ALL_PERMISSION_CODES.length)
  })

  it('gives the merchant operator its own-merchant codes and none that act across merchants', () => {
    const codes: readonly number[] = BUILT_IN_ROLES.merchantOperator
    expect(codes).toContain(PERMISSIONS.OPERATION_PAYMENT_WRITE)
    expect(codes).not.toContain(PERMISSIONS.OPERATION_PAYMENT_GLOBAL_WRITE)
    for (const code of PLATFORM_ONLY_CODES) expect(codes).not.toContain(code)
  })

  it('keeps the auditor read-only: no write code', () => {
    const writes = Object.entries(PERMISSIONS).filter(([name]) => !name.endsWith('_READ')).map(([, c]) => c as number)
    for (const code of BUILT_IN_ROLES.auditor) expect(writes).not.toContain(code)
  })

  it('reveals card numbers to no built-in role but the administrator, and never to a merchant-bound user', () => {
    const holders = Object.entries(BUILT_IN_ROLES).filter(([, codes]) => (codes as readonly number[]).includes(PERMISSIONS.CARD_NUMBER_REVEAL))
    expect(holders.map(([key]) => key)).toEqual(['administrator'])
    expect(PLATFORM_ONLY_CODES).toContain(PERMISSIONS.CARD_NUMBER_REVEAL)
  })

  it('every procedure names a known code or an explicit public/signed-in access', () => {
    for (const [name, def] of Object.entries(contract) as [string, ProcedureDef][]) {
      const codes = typeof def.access === 'number' ? [def.access] : Array.isArray(def.access) ? def.access : []
      for (const code of codes) expect(ALL_PERMISSION_CODES, name).toContain(code)
      if (codes.length === 0) expect(['public', 'signedIn'], name).toContain(def.access)
    }
  })

  it('gives every built-in role what its codes need', () => {
    for (const [key, codes] of Object.entries(BUILT_IN_ROLES)) expect(missingNeeds(codes), key).toEqual([])
  })

  it('never makes a code a merchant-bound user may hold need one it may not', () => {
    for (const code of ALL_PERMISSION_CODES.filter((c) => !PLATFORM_ONLY_CODES.includes(c))) {
      expect(withNeeds([code]).filter((need) => PLATFORM_ONLY_CODES.includes(need as never)), String(code)).toEqual([])
    }
  })

  it('names what a set lacks and adds it, transitively', () => {
    expect(missingNeeds([PERMISSIONS.REPORT_READ])).toEqual([{ code: PERMISSIONS.MASTER_DATA_READ, neededBy: PERMISSIONS.REPORT_READ }])
    expect(missingNeeds([PERMISSIONS.AUDIT_READ])).toEqual([])
    // The FX page needs the rate table the ledger reads, and the ledger's filters need master data.
    expect(withNeeds([PERMISSIONS.FX_RATE_WRITE]).sort()).toEqual([PERMISSIONS.LEDGER_READ, PERMISSIONS.FX_RATE_WRITE, PERMISSIONS.MASTER_DATA_READ].sort())
    // Named, all at once, each with the code that needs it: what withNeeds adds, so one fix completes the set.
    expect(missingNeeds([PERMISSIONS.FX_RATE_WRITE])).toEqual([
      { code: PERMISSIONS.LEDGER_READ, neededBy: PERMISSIONS.FX_RATE_WRITE },
      { code: PERMISSIONS.MASTER_DATA_READ, neededBy: PERMISSIONS.LEDGER_READ }
    ])
    for (const code of ALL_PERMISSION_CODES) expect(missingNeeds([code]).map((m) => m.code).sort(), String(code)).toEqual(withNeeds([code]).filter((c) => c !== code).sort())
    expect(missingNeeds(withNeeds([PERMISSIONS.REPORT_EXPORT, PERMISSIONS.RECONCILIATION_WRITE, PERMISSIONS.USER_WRITE]))).toEqual([])
    // A code named on two lines needs both: the user form reads users and picks a merchant.
    expect(PERMISSION_NEEDS.get(PERMISSIONS.USER_WRITE)).toEqual([PERMISSIONS.USER_READ, PERMISSIONS.MASTER_DATA_READ])
  })
})

import { describe, expect, it } from 'vitest'
import { contract } from '../../../../shared/contract'
import { enAuditNames } from '../../i18n/en.auditNames'
import { AUDITED_PROCEDURES, catalogHas } from './auditCodes'

describe('audit filter names', () => {
  it('name every procedure that writes, so each can be chosen by name', () => {
    const writes = Object.entries(contract).filter(([, def]) => def.kind === 'mutation').map(([name]) => name)
    expect(writes.length).toBeGreaterThan(50)
    expect(AUDITED_PROCEDURES).toEqual(expect.arrayContaining(writes))
    expect(AUDITED_PROCEDURES.filter((code) => !catalogHas(enAuditNames.auditNames.procedures, code))).toEqual([])
  })

  it('find a name only where the catalog has one', () => {
    expect(catalogHas(enAuditNames.auditNames.procedures, 'recon.breaks.bulk')).toBe(true)
    expect(catalogHas(enAuditNames.auditNames.procedures, 'recon.breaks')).toBe(false)
    expect(catalogHas(enAuditNames.auditNames.procedures, 'users.toString')).toBe(false)
  })
})

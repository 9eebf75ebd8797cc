/**
 * The audit log's procedure and target codes by name: every write of the contract is audited
 * under its procedure's name (the registry enforces it), plus the database's first start and the
 * order engine's own steps.
 */
import type { TFunction } from 'i18next'
import { contract } from '../../../../shared/contract'
import { enAuditNames } from '../../i18n/en.auditNames'

const names = enAuditNames.auditNames

export const AUDITED_PROCEDURES: readonly string[] = [
  'system.bootstrap',
  // What the order engine does by itself: withdrawing four-eyes requests of an order it ended.
  'system.orderEngine',
  ...Object.entries(contract)
    .filter(([, def]) => def.kind === 'mutation')
    .map(([name]) => name)
]

export const AUDIT_TARGET_TYPES = Object.keys(names.targets) as readonly string[]

/** The English catalog's entry at a dotted path (`recon.breaks.bulk`), if it has one. */
function catalogHas(tree: object, path: string): boolean {
  let node: unknown = tree
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string'
}

type LooseTranslate = (key: string) => string

/** A procedure code by its name in the user's language; a code without one (newer than this screen) as it is. */
export function procedureName(t: TFunction, code: string): string {
  return catalogHas(names.procedures, code) ? (t as unknown as LooseTranslate)(`auditNames.procedures.${code}`) : code
}

export function targetTypeName(t: TFunction, code: string): string {
  return catalogHas(names.targets, code) ? (t as unknown as LooseTranslate)(`auditNames.targets.${code}`) : code
}

export { catalogHas }

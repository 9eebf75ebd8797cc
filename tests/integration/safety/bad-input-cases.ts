/** Bad inputs for backups and the ledger check (merged into tests/integration/bad-input.test.ts). */
import type { ProcedureName } from '../../../src/shared/contract'

type SafetyProcedure = Extract<ProcedureName, `backups.${string}` | `ledgerCheck.${string}`>

export const safetyCases: Record<SafetyProcedure, [unknown, string][]> = {
  'backups.settings': [['x', 'input']],
  'backups.updateSettings': [
    [{ folder: 'relative/backups', everyHours: 24, keep: 7 }, 'folder'],
    [{ folder: '', everyHours: 169, keep: 7 }, 'everyHours'],
    [{ folder: '', everyHours: 1.5, keep: 7 }, 'everyHours'],
    [{ folder: '', everyHours: 24, keep: 0 }, 'keep'],
    [{ folder: '', everyHours: 24 }, 'keep']
  ],
  'backups.list': [[[], 'input']],
  'backups.create': [['now', 'input']],
  'backups.restore': [
    [{}, 'name'],
    [{ name: '../paydesk.db' }, 'name'],
    [{ name: 'backup.sqlite' }, 'name'],
    [{ name: '/etc/passwd.db' }, 'name']
  ],
  'ledgerCheck.run': [[7, 'input']],
  'ledgerCheck.latest': [['x', 'input']]
}

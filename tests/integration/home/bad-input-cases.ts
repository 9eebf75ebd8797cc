/** Bad inputs for Home's procedures (merged into tests/integration/bad-input.test.ts). */
import type { ProcedureName } from '../../../src/shared/contract'

type HomeProcedure = Extract<ProcedureName, `home.${string}`>

export const homeCases: Record<HomeProcedure, [unknown, string][]> = {
  'home.summary': [
    ['today', 'input'],
    [[], 'input']
  ],
  'home.attention': [
    [42, 'input'],
    ['now', 'input']
  ]
}

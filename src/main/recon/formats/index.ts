/**
 * Reading statement files (CSV, XLSX, camt.053, MT940; Alipay's zip) into normalized lines, and
 * the simulator's statement layout. See read.ts for the contract of `readStatement`.
 */
export { readStatement, checkedProfile } from './read'
export { previewStatement, type StatementPreview } from './preview'
export { simulatorStatementCsv, SIMULATOR_STATEMENT_COLUMNS, type SimulatorStatementRow, type SimulatorTotals } from './simulator'
export {
  StatementReadError,
  type BatchItem,
  type ControlResult,
  type HeaderDifference,
  type LineProblem,
  type ReadErrorCode,
  type ReadHooks,
  type ReadOptions,
  type StatementInput,
  type StatementLine,
  type StatementReadResult,
  type StatementSummary,
  type UsedEncoding
} from './types'

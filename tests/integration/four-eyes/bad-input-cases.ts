/** Bad inputs for four-eyes rules and approvals (merged into tests/integration/bad-input.test.ts). */
import type { ProcedureName } from '../../../src/shared/contract'

type FourEyesProcedure = Extract<ProcedureName, `fourEyes.${string}` | `approvals.${string}`>

export const fourEyesCases: Record<FourEyesProcedure, [unknown, string][]> = {
  'fourEyes.settings': [['x', 'input']],
  'fourEyes.updateSettings': [
    [{}, 'rules'],
    [{ rules: [{ kind: 'refund', currency: 'CNY', threshold: '100' }] }, 'rules.0.kind'],
    [{ rules: [{ kind: 'payout', currency: 'XXX', threshold: '100' }] }, 'rules.0.currency'],
    [{ rules: [{ kind: 'payout', currency: 'CNY', threshold: '-1' }] }, 'rules.0.threshold'],
    [{ rules: [{ kind: 'payout', currency: 'CNY', threshold: '0.001' }] }, 'rules.0.threshold'],
    [{ rules: [{ kind: 'payout', currency: 'CNY', threshold: '1' }, { kind: 'payout', currency: 'cny', threshold: '2' }] }, 'rules.1.currency']
  ],
  'approvals.list': [
    [{ status: 'waiting' }, 'status'],
    [{ kind: 'refund' }, 'kind'],
    [{ orderId: -1 }, 'orderId'],
    [{ sortBy: 'merchant' }, 'sortBy']
  ],
  'approvals.decide': [
    [{ decision: 'approve' }, 'id'],
    [{ id: 1, decision: 'maybe' }, 'decision'],
    [{ id: 1, decision: 'reject', note: 'no' }, 'note'],
    [{ id: 1, decision: 'approve', note: 'x'.repeat(501) }, 'note']
  ]
}

/** Bad inputs for the after-sales procedures (merged into tests/integration/bad-input.test.ts). */
import type { ProcedureName } from '../../../src/shared/contract'
import { EVIDENCE_MAX_BASE64 } from '../../../src/shared/contract/aftersales'

type AftersalesProcedure = Extract<ProcedureName, `${'refunds' | 'disputes' | 'waybills'}.${string}`>

const due = Date.UTC(2026, 11, 1)
const dispute = { orderId: 1, kind: 'chargeback', reasonCode: '13.1', amount: '10.00', evidenceDueAt: due }
const waybill = { orderId: 1, carrier: 'SF Express', trackingNo: 'SF1234567', shippedAt: due }

export const aftersalesCases: Record<AftersalesProcedure, [unknown, string][]> = {
  'refunds.quote': [[{ orderId: 'x' }, 'orderId']],
  'refunds.create': [
    [{ orderId: 1, amount: '-1', reason: 'Customer returned the goods' }, 'amount'],
    [{ orderId: 1, amount: '10.00', reason: 'no' }, 'reason'],
    [{ amount: '10.00', reason: 'Customer returned the goods' }, 'orderId']
  ],
  'refunds.list': [[{ status: 'done' }, 'status'], [{ dateTo: '2026-02-30x' }, 'dateTo'], [{ dateFrom: '2026-12-07', dateTo: '2026-12-01' }, 'dateTo']],
  'refunds.get': [[{ id: 0 }, 'id']],
  'disputes.create': [
    [{ ...dispute, kind: 'fraud' }, 'kind'],
    [{ ...dispute, reasonCode: '' }, 'reasonCode'],
    [{ ...dispute, amount: '1,00' }, 'amount'],
    [{ ...dispute, evidenceDueAt: 'tomorrow' }, 'evidenceDueAt']
  ],
  'disputes.list': [[{ deadline: 'later' }, 'deadline'], [{ status: 'closed' }, 'status']],
  'disputes.get': [[{ id: 'one' }, 'id']],
  'disputes.addEvidence': [
    [{ id: 1, fileName: '', contentBase64: 'JVBERi0=' }, 'fileName'],
    [{ id: 1, fileName: 'big.pdf', contentBase64: 'A'.repeat(EVIDENCE_MAX_BASE64 + 4) }, 'contentBase64']
  ],
  'disputes.evidenceFile': [[{ id: -3 }, 'id']],
  'disputes.attachWaybill': [[{ id: 1 }, 'waybillId']],
  'disputes.addNote': [[{ id: 1, note: '' }, 'note']],
  'disputes.submitEvidence': [[{ id: 1, note: 'x'.repeat(2001) }, 'note']],
  'disputes.resolve': [[{ id: 1, outcome: 'draw', reason: 'Issuer decided' }, 'outcome'], [{ id: 1, outcome: 'won', reason: '' }, 'reason']],
  'waybills.create': [
    [{ ...waybill, trackingNo: 'has space' }, 'trackingNo'],
    [{ ...waybill, carrier: '' }, 'carrier'],
    [{ ...waybill, status: 'flying' }, 'status'],
    [{ ...waybill, shippedAt: 12 }, 'shippedAt']
  ],
  'waybills.updateStatus': [[{ id: 1, status: 'gone' }, 'status']],
  'waybills.list': [[{ pageSize: 500 }, 'pageSize'], [{ dateFrom: '2026-12-07', dateTo: '2026-12-01' }, 'dateTo']],
  'waybills.get': [[{}, 'id']]
}

/** Bad inputs for the order procedures (merged into tests/integration/bad-input.test.ts). */
import type { ProcedureName } from '../../../src/shared/contract'

type OrderProcedure = Extract<ProcedureName, `${'orders' | 'outbox' | 'callbacks' | 'parked'}.${string}`>

const order = { merchantId: 1, serviceId: 1, channelId: 1, amount: '100.00', fields: {} }

export const orderCases: Record<OrderProcedure, [unknown, string][]> = {
  'orders.options': [[{ direction: 'sideways' }, 'direction'], [{ direction: 'deposit', merchantId: 0 }, 'merchantId']],
  'orders.createDeposit': [
    [{ ...order, amount: '-5' }, 'amount'],
    [{ ...order, amount: '1e5' }, 'amount'],
    [{ ...order, serviceId: 'x' }, 'serviceId'],
    [{ ...order, merchantOrderNo: 'has space' }, 'merchantOrderNo'],
    [{ ...order, fields: { payerName: 5 } }, 'fields.payerName'],
    [{ ...order, serviceId: 999 }, 'serviceId'],
    [{ ...order, terminalId: 0 }, 'terminalId']
  ],
  'orders.createPayout': [
    [{ ...order, channelId: 0 }, 'channelId'],
    [{ ...order, isTest: 'yes' }, 'isTest'],
    [{ ...order, terminalId: 'POS-0001' }, 'terminalId']
  ],
  'orders.list': [
    [{ status: 'lost' }, 'status'],
    [{ dateFrom: '2026-13-01' }, 'dateFrom'],
    // An inverted range is refused on its end (it answered an empty page).
    [{ dateFrom: '2026-12-07', dateTo: '2026-12-01' }, 'dateTo'],
    [{ pageSize: 0 }, 'pageSize']
  ],
  'orders.get': [[{ id: -1 }, 'id']],
  'orders.close': [[{ id: 1 }, 'reason'], [{ id: 1, reason: 'no' }, 'reason']],
  'orders.requery': [[{ id: 1, reason: '' }, 'reason']],
  'orders.markResult': [
    [{ id: 1, reason: 'bank statement', result: 'maybe' }, 'result'],
    [{ id: 1, reason: 'bank statement', result: 'succeeded', paidAmount: 'ten' }, 'paidAmount']
  ],
  'orders.resendNotification': [[{ reason: 'merchant asked' }, 'id']],
  'orders.revealCardNumber': [
    [{ id: 1, field: 'payerName', reason: 'payer disputes the card' }, 'field'],
    [{ id: 1, field: 'cardNumber', reason: 'no' }, 'reason']
  ],
  'parked.list': [
    [{ status: 'undecided' }, 'status'],
    [{ kind: 'windfall' }, 'kind'],
    [{ orderId: -1 }, 'orderId']
  ],
  'parked.resolve': [
    [{ id: 1, action: 'keep', reason: 'provider confirmed' }, 'action'],
    [{ id: 1, action: 'dismiss', reason: 'ok' }, 'reason'],
    [{ action: 'dismiss', reason: 'provider confirmed' }, 'id'],
    [{ id: 1, action: 'credit', reason: 'provider confirmed', requestKey: 'short' }, 'requestKey']
  ],
  'outbox.list': [[{ status: 'sleeping' }, 'status']],
  'outbox.retryNow': [[{ id: 'one' }, 'id']],
  'callbacks.settings': [['x', 'input']],
  'callbacks.updateSettings': [
    [{ host: '127.0.0.1', port: 70000 }, 'port'],
    [{ host: '', port: 8080 }, 'host'],
    [{ host: '127.0.0.1', port: 8080, publicUrl: 'ftp://x' }, 'publicUrl']
  ]
}

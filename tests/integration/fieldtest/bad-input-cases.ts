/** Bad inputs for test plans, runs and reports (merged into tests/integration/bad-input.test.ts). */
import type { ProcedureName } from '../../../src/shared/contract'

type FieldtestProcedure = Extract<ProcedureName, `fieldtest.${string}`>

const deposit = { title: 'Deposit at the lower bound', action: 'deposit', serviceId: 1, amount: '10.00' }
const caps = { maxOrders: 5, maxAmount: '100.00' }

export const fieldtestCases: Record<FieldtestProcedure, [unknown, string][]> = {
  'fieldtest.plans.list': [
    [{ page: 0 }, 'page'],
    [{ channelId: 'one' }, 'channelId'],
    [{ serviceId: -1 }, 'serviceId']
  ],
  'fieldtest.plans.get': [[{}, 'id'], [{ id: 1, version: 0 }, 'version']],
  'fieldtest.plans.generate': [
    [{}, 'channelId'],
    [{ channelId: 1, name: 'x' }, 'name'],
    [{ channelId: 1, serviceIds: ['a'] }, 'serviceIds.0']
  ],
  'fieldtest.plans.save': [
    [{ id: 1, baseVersion: 1, steps: [] }, 'steps'],
    [{ id: 1, baseVersion: 1, steps: [{ ...deposit, action: 'teleport' }] }, 'steps.0.action'],
    [{ id: 1, baseVersion: 1, steps: [{ ...deposit, amount: undefined }] }, 'steps.0.amount'],
    [{ id: 1, baseVersion: 1, steps: [{ ...deposit, amount: '-1' }] }, 'steps.0.amount'],
    [{ id: 1, baseVersion: 1, steps: [{ title: 'Wait', action: 'wait', seconds: 0 }] }, 'steps.0.seconds'],
    [{ id: 1, baseVersion: 1, steps: [deposit, { title: 'Refund it', action: 'refund', refund: 'partial', amount: '1', target: 1 }] }, 'steps.1.target'],
    [{ id: 1, baseVersion: 1, steps: [{ ...deposit, expect: { outcome: 'maybe' } }] }, 'steps.0.expect.outcome'],
    [{ id: 1, baseVersion: 0, steps: [deposit] }, 'baseVersion']
  ],
  'fieldtest.runs.start': [
    [{ planId: 1, target: 'production', caps }, 'target'],
    [{ planId: 1, target: 'live', caps: { ...caps, maxOrders: 0 } }, 'caps.maxOrders'],
    [{ planId: 1, target: 'live', caps: { ...caps, maxAmount: 'lots' } }, 'caps.maxAmount'],
    [{ planId: 1, target: 'simulator', caps, faults: [{ behaviour: 'meteor' }] }, 'faults.0.behaviour'],
    [{ planId: 1, target: 'simulator', caps, faults: [{ behaviour: 'decline', amountPattern: '(' }] }, 'faults.0.amountPattern'],
    [{ planId: 1, target: 'simulator', caps, faults: [{ behaviour: 'partial_amount', partialPercent: 100 }] }, 'faults.0.partialPercent']
  ],
  'fieldtest.runs.confirm': [
    [{ id: 1, maxAmount: '100.00' }, 'maxOrders'],
    [{ id: 1, maxOrders: 5, maxAmount: '1e3' }, 'maxAmount']
  ],
  'fieldtest.runs.stop': [[{ id: 'now' }, 'id']],
  'fieldtest.runs.list': [
    [{ planId: 0 }, 'planId'],
    [{ pageSize: 1000 }, 'pageSize']
  ],
  'fieldtest.runs.get': [[{}, 'id']],
  'fieldtest.runs.step': [
    [{ id: 1, index: -1 }, 'index'],
    [{ id: 1, index: 1.5 }, 'index']
  ],
  'fieldtest.runs.compare': [[{ leftId: 1 }, 'rightId']],
  'fieldtest.reports.sign': [[{ runId: 'last' }, 'runId']],
  'fieldtest.reports.countersign': [[{}, 'id']],
  'fieldtest.reports.list': [[{ runId: 0 }, 'runId']],
  'fieldtest.reports.get': [[{ id: -3 }, 'id']],
  'fieldtest.reports.export': [[{ id: 1, language: 'fr' }, 'language']],
  'fieldtest.reports.verify': [
    [{ text: '' }, 'text'],
    [{ text: 42 }, 'text']
  ]
}

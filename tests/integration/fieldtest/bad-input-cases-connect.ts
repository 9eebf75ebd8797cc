/** Bad inputs for connecting a channel and the simulator panel (merged into tests/integration/bad-input.test.ts). */
import type { ProcedureName } from '../../../src/shared/contract'
import { DEFAULT_GENERIC_CONFIG } from '../../../src/main/upstream/generic-config'

type ConnectProcedure = 'channels.providerPresets' | 'channels.testConnection' | Extract<ProcedureName, `simulator.${string}`>

const config = DEFAULT_GENERIC_CONFIG('http://127.0.0.1:39610') as unknown as Record<string, unknown>

export const connectCases: Record<ConnectProcedure, [unknown, string][]> = {
  'channels.providerPresets': [['x', 'input']],
  'channels.testConnection': [
    [{ id: 'one' }, 'id'],
    [{ id: 1, adapterConfig: { ...config, baseUrl: 'ftp://provider.example' } }, 'adapterConfig.baseUrl'],
    [{ id: 1, adapterConfig: { ...config, paths: { createDeposit: '/d', createPayout: '/p', query: 'order/query' } } }, 'adapterConfig.paths.query'],
    [{ id: 1, adapterConfig: { ...config, timeoutMs: 100 } }, 'adapterConfig.timeoutMs'],
    [{ id: 1, adapterConfig: { ...config, fieldMap: { orderNo: 'sign' } } }, 'adapterConfig.fieldMap'],
    [{ id: 1, credentials: { 'bad name': 'x' } }, 'credentials']
  ],
  'simulator.status': [[7, 'input']],
  'simulator.start': [
    [{ port: 80 }, 'port'],
    [{ port: 70000 }, 'port'],
    [{ port: 1.5 }, 'port'],
    [{ autoPayAfterMs: -1 }, 'autoPayAfterMs'],
    [{ payoutDelayMs: 'soon' }, 'payoutDelayMs']
  ],
  'simulator.stop': [['now', 'input']],
  'simulator.connectChannel': [[{}, 'channelId'], [{ channelId: 0 }, 'channelId']],
  'simulator.setBehaviour': [
    [{ behaviour: 'explode' }, 'behaviour'],
    [{ behaviour: 'decline', amountPattern: '(' }, 'amountPattern'],
    [{ behaviour: 'decline', appliesTo: 'queries' }, 'behaviour'],
    [{ behaviour: 'delay', delayMs: 600_001 }, 'delayMs'],
    [{ behaviour: 'partial_amount', partialPercent: 100 }, 'partialPercent'],
    [{ behaviour: 'decline', channelId: -2 }, 'channelId']
  ],
  'simulator.clearBehaviours': [[{ ruleId: 'all' }, 'ruleId']],
  'simulator.pay': [
    [{}, 'orderNo'],
    [{ orderNo: 'D 1' }, 'orderNo'],
    [{ orderNo: 'D1', amount: '-5' }, 'amount']
  ]
}

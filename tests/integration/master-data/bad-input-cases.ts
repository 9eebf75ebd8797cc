/**
 * Bad inputs for the master-data procedures (merged into tests/integration/bad-input.test.ts).
 * The database there holds one merchant (id 1) and nothing else, so a case that passes the schema
 * must be refused by the procedure before it writes.
 */
import type { ProcedureName } from '../../../src/shared/contract'

/** Connecting a channel (`channels.providerPresets`, `channels.testConnection`) is in fieldtest/bad-input-cases-connect.ts. */
type MasterProcedure = Exclude<Extract<ProcedureName, `${'contracts' | 'terminals' | 'services' | 'channels' | 'bindings' | 'limits'}.${string}`>, 'channels.providerPresets' | 'channels.testConnection'>

const contract = { merchantId: 1, name: 'Standard terms', settlementCurrency: 'CNY', validFrom: '2026-01-01' }
const terms = { id: 1, name: 'Standard terms', feeRate: '2.5', fixedFee: '0', refundFee: '0', disputeFee: '0', withdrawalFee: '0', reserveRate: '0', reserveHoldDays: 0, validFrom: '2026-01-01', validTo: null }
const service = { merchantId: 1, serviceType: 'THAI', direction: 'deposit', currency: 'THB' }
const channel = { name: 'Generic CNY', provider: 'generic', currency: 'CNY' }
const channelEdit = { id: 1, name: 'Generic CNY', provider: 'generic', supportsDeposit: true, supportsPayout: false, paymentLower: '0', paymentUpper: '0', payoutLower: '0', payoutUpper: '0' }

export const masterDataCases: Record<MasterProcedure, [unknown, string][]> = {
  'channels.adjustBalance': [
    [{ channelId: 1, kind: 'gift', amount: '5', reason: 'valid reason', requestKey: 'key-12345' }, 'kind'],
    [{ channelId: 1, kind: 'top_up', amount: '5', reason: 'valid reason', requestKey: 'key-12345' }, 'channelId']
  ],
  'contracts.list': [
    [{ currency: 'XXX' }, 'currency'],
    [{ sortBy: 'signingSecret' }, 'sortBy'],
    [{ sortDirection: 'up' }, 'sortDirection'],
    [{ validOn: '2026-02-30' }, 'validOn'],
    [{ merchantId: 0 }, 'merchantId']
  ],
  'contracts.get': [[{}, 'id']],
  'contracts.create': [
    [{ ...contract, settlementCurrency: 'XYZ' }, 'settlementCurrency'],
    [{ ...contract, feeRate: '101' }, 'feeRate'],
    [{ ...contract, feeRate: '2.55555' }, 'feeRate'],
    [{ ...contract, reserveRate: '-1' }, 'reserveRate'],
    [{ ...contract, fixedFee: '1.234' }, 'fixedFee'],
    [{ ...contract, withdrawalFee: 5 }, 'withdrawalFee'],
    [{ ...contract, validFrom: '01/02/2026' }, 'validFrom'],
    [{ ...contract, validTo: '2025-12-31' }, 'validTo'],
    [{ ...contract, reserveHoldDays: -1 }, 'reserveHoldDays'],
    [{ ...contract, merchantId: 999 }, 'merchantId'],
    [{ ...contract, name: ' ' }, 'name']
  ],
  'contracts.update': [
    [{ id: 1, name: 'Standard terms' }, 'feeRate'],
    [{ ...terms, validTo: '2025-01-01' }, 'validTo'],
    [{ ...terms, refundFee: '1e3' }, 'refundFee']
  ],
  'contracts.setStatus': [[{ id: 1 }, 'status']],
  'terminals.list': [[{ type: 'kiosk' }, 'type'], [{ sortBy: 'tenantId' }, 'sortBy']],
  'terminals.get': [[{ id: -1 }, 'id']],
  'terminals.create': [
    [{ merchantId: 1, type: 'pos', identifier: 'bad id!' }, 'identifier'],
    [{ merchantId: 1, type: 'atm', identifier: 'T-1' }, 'type'],
    [{ merchantId: 999, type: 'pos', identifier: 'T-1' }, 'merchantId'],
    [{ type: 'pos', identifier: 'T-1' }, 'merchantId']
  ],
  'terminals.update': [[{ id: 1, type: 'pos', identifier: '', name: '' }, 'identifier']],
  'terminals.setStatus': [[{ id: 1, status: null }, 'status']],
  'services.list': [
    [{ direction: 'sideways' }, 'direction'],
    [{ serviceType: 'PAYPAL' }, 'serviceType'],
    [{ activated: 'yes' }, 'activated']
  ],
  'services.get': [[{ id: 1.5 }, 'id']],
  'services.create': [
    [{ ...service, currency: 'CNY' }, 'currency'],
    [{ ...service, serviceType: 'PAYPAL' }, 'serviceType'],
    [{ ...service, singleLower: '1.005' }, 'singleLower'],
    [{ ...service, singleLower: '500', singleUpper: '100' }, 'singleUpper'],
    [{ ...service, serviceType: 'VIETNAMESE', currency: 'VND', singleLower: '0.5' }, 'singleLower'],
    [{ ...service, merchantId: 999 }, 'merchantId'],
    [{ ...service, activated: 'yes' }, 'activated']
  ],
  'services.update': [
    [{ id: 1, singleLower: '-1', singleUpper: '0', activated: true }, 'singleLower'],
    [{ id: 1, singleLower: '0', singleUpper: '0' }, 'activated']
  ],
  'services.setStatus': [[{ id: 1, status: 'gone' }, 'status']],
  'channels.list': [[{ direction: 'both' }, 'direction'], [{ currency: 'cny1' }, 'currency']],
  'channels.get': [[{ id: '1' }, 'id']],
  'channels.create': [
    [{ ...channel, supportsDeposit: false, supportsPayout: false }, 'supportsDeposit'],
    [{ ...channel, provider: 'has space' }, 'provider'],
    [{ ...channel, currency: 'ZZZ' }, 'currency'],
    [{ ...channel, paymentLower: '100', paymentUpper: '50' }, 'paymentUpper'],
    [{ ...channel, payoutLower: '0.001' }, 'payoutLower'],
    [{ ...channel, credentials: { merchantNo: 5 } }, 'credentials.merchantNo'],
    [{ ...channel, credentials: ['key'] }, 'credentials'],
    [{ ...channel, credentials: { 'merchant no': 'M1' } }, 'credentials'],
    [{ ...channel, credentials: { merchantNo: '' } }, 'credentials']
  ],
  'channels.update': [
    [{ ...channelEdit, credentials: 'secret' }, 'credentials'],
    [{ ...channelEdit, supportsDeposit: false }, 'supportsDeposit'],
    [{ ...channelEdit, name: 'X' }, 'name']
  ],
  'channels.setStatus': [[{ id: 1, status: 'paused' }, 'status']],
  'bindings.list': [[{ channelId: 0 }, 'channelId'], [{ sortBy: 'boundLower' }, 'sortBy']],
  'bindings.get': [[{ channelId: 1 }, 'serviceId']],
  'bindings.create': [
    [{ channelId: 999, serviceId: 999 }, 'channelId'],
    [{ channelId: 1, serviceId: 1, boundLower: 'abc' }, 'boundLower']
  ],
  'bindings.update': [[{ channelId: 1, serviceId: 1, boundLower: '0' }, 'boundUpper']],
  'bindings.setStatus': [[{ channelId: 1, serviceId: 1, status: 'on' }, 'status']],
  'limits.availableRange': [
    [{ serviceId: 1 }, 'channelId'],
    [{ serviceId: 'x', channelId: 1 }, 'serviceId']
  ]
}

/**
 * Demo master data, created through the app's own procedures: a merchant in each market with a
 * contract of realistic fees, every service type, channels with realistic limits and funded
 * balances, and bindings that include the operation seed's three limit examples.
 */
import type { InputOf } from '../../shared/contract'
import type { Db } from '../db/open'
import { bindingExists, findChannel, findContract, findService, findTerminal } from './existing'
import type { DemoCall } from './session'

export const DEMO_MERCHANTS = [
  { key: 'cn', name: 'Golden Dragon Trading (CN)', contact: 'Li Wei', email: 'ops@golden-dragon.example', phone: '+86 21 5555 0101', currency: 'CNY' },
  { key: 'th', name: 'Siam Lotus Retail (TH)', contact: 'Somchai Prasert', email: 'finance@siamlotus.example', phone: '+66 2 555 0102', currency: 'THB' },
  { key: 'vn', name: 'Saigon Lotus Foods (VN)', contact: 'Nguyen Van An', email: 'ketoan@saigonlotus.example', phone: '+84 28 5555 0103', currency: 'VND' },
  { key: 'id', name: 'Nusantara Digital (ID)', contact: 'Budi Santoso', email: 'ops@nusantara.example', phone: '+62 21 5555 0104', currency: 'IDR' },
  { key: 'br', name: 'Rio Verde Comércio (BR)', contact: 'Ana Souza', email: 'financeiro@rioverde.example', phone: '+55 11 5555 0105', currency: 'BRL' },
  { key: 'usdt', name: 'Harbor OTC Desk (USDT)', contact: 'Daniel Ho', email: 'desk@harbor-otc.example', phone: '+852 5555 0106', currency: 'USDT' }
] as const

export type DemoMarket = (typeof DEMO_MERCHANTS)[number]['key']

type ContractTerms = Omit<InputOf<'contracts.create'>, 'merchantId' | 'settlementCurrency'>

const CONTRACTS: Record<DemoMarket, ContractTerms> = {
  cn: { name: 'CN standard 2026', feeRate: '0.6', fixedFee: '0.50', refundFee: '1.00', disputeFee: '50.00', withdrawalFee: '5.00', reserveRate: '5', reserveHoldDays: 90, validFrom: '2026-01-01' },
  th: { name: 'TH retail 2026', feeRate: '2.5', fixedFee: '5.00', refundFee: '10.00', disputeFee: '500.00', withdrawalFee: '25.00', reserveRate: '10', reserveHoldDays: 30, validFrom: '2026-01-01' },
  vn: { name: 'VN e-commerce 2026', feeRate: '2', fixedFee: '1000', refundFee: '5000', disputeFee: '250000', withdrawalFee: '11000', reserveRate: '5', reserveHoldDays: 45, validFrom: '2026-01-01' },
  id: { name: 'ID digital goods 2026', feeRate: '2.5', fixedFee: '2500', refundFee: '5000', disputeFee: '300000', withdrawalFee: '6500', reserveRate: '7.5', reserveHoldDays: 60, validFrom: '2026-01-01' },
  br: { name: 'BR PIX 2026', feeRate: '3.5', fixedFee: '0.50', refundFee: '1.50', disputeFee: '75.00', withdrawalFee: '3.90', reserveRate: '10', reserveHoldDays: 30, validFrom: '2026-01-01' },
  usdt: { name: 'USDT OTC 2026', feeRate: '1', fixedFee: '1.000000', refundFee: '2.000000', disputeFee: '20.000000', withdrawalFee: '1.000000', reserveRate: '0', reserveHoldDays: 0, validFrom: '2026-01-01' }
}

type ServiceSpec = Omit<InputOf<'services.create'>, 'merchantId'> & { ref: string }

const SERVICES: Record<DemoMarket, ServiceSpec[]> = {
  cn: [
    { ref: 'cn-card-in', serviceType: 'CNY_BANK_CARD', direction: 'deposit', currency: 'CNY', singleLower: '500', singleUpper: '20000', activated: true },
    { ref: 'cn-wallet-in', serviceType: 'CNY_ALIPAY_WECHAT', direction: 'deposit', currency: 'CNY', singleLower: '100', singleUpper: '5000', activated: true },
    { ref: 'cn-card-out', serviceType: 'CNY_BANK_CARD', direction: 'payout', currency: 'CNY', singleLower: '100', singleUpper: '50000', activated: true }
  ],
  th: [
    { ref: 'th-in', serviceType: 'THAI', direction: 'deposit', currency: 'THB', singleLower: '100', singleUpper: '50000', activated: true },
    { ref: 'th-out', serviceType: 'THAI', direction: 'payout', currency: 'THB', singleLower: '500', singleUpper: '100000', activated: true },
    // Settles in THB through the FX rate table: the merchant has no USDT contract.
    { ref: 'th-usdt-in', serviceType: 'USDT', direction: 'deposit', currency: 'USDT', singleLower: '10', singleUpper: '50000', activated: true }
  ],
  vn: [
    { ref: 'vn-in', serviceType: 'VIETNAMESE', direction: 'deposit', currency: 'VND', singleLower: '20000', singleUpper: '200000000', activated: true },
    { ref: 'vn-out', serviceType: 'VIETNAMESE', direction: 'payout', currency: 'VND', singleLower: '50000', singleUpper: '300000000', activated: true }
  ],
  id: [
    { ref: 'id-in', serviceType: 'INDONESIAN', direction: 'deposit', currency: 'IDR', singleLower: '10000', singleUpper: '100000000', activated: true },
    { ref: 'id-out', serviceType: 'INDONESIAN', direction: 'payout', currency: 'IDR', singleLower: '10000', singleUpper: '50000000', activated: true }
  ],
  br: [
    { ref: 'br-in', serviceType: 'BRAZILIAN', direction: 'deposit', currency: 'BRL', singleLower: '1', singleUpper: '20000', activated: true },
    { ref: 'br-out', serviceType: 'BRAZILIAN', direction: 'payout', currency: 'BRL', singleLower: '10', singleUpper: '50000', activated: true }
  ],
  usdt: [
    { ref: 'usdt-in', serviceType: 'USDT', direction: 'deposit', currency: 'USDT', singleLower: '10', singleUpper: '100000', activated: true },
    { ref: 'usdt-out', serviceType: 'USDT', direction: 'payout', currency: 'USDT', singleLower: '20', singleUpper: '50000', activated: true }
  ]
}

type ChannelSpec = Omit<InputOf<'channels.create'>, 'credentials'> & { ref: string; float: string; serves: string[]; bounds?: Record<string, [string, string]> }

export const demoCredentials = (ref: string) => ({ merchantNo: `M-${ref.toUpperCase()}-0001`, apiKey: `demo-key-${ref}`, signKey: `demo-sign-${ref}` })

export const DEMO_CHANNELS: ChannelSpec[] = [
  // Seed example 1: channel 100–50,000 ∩ service 500–20,000 = 500–20,000.
  { ref: 'cn-a', name: 'CN UnionPay Direct A', provider: 'generic', currency: 'CNY', supportsDeposit: true, supportsPayout: true, paymentLower: '100', paymentUpper: '50000', payoutLower: '100', payoutUpper: '50000', float: '2000000', serves: ['cn-card-in', 'cn-card-out'] },
  // Seed example 2: channel 100–0 (no upper limit) ∩ service 500–20,000 = 500–20,000.
  { ref: 'cn-b', name: 'CN Wallet Gateway B', provider: 'generic', currency: 'CNY', supportsDeposit: true, supportsPayout: false, paymentLower: '100', paymentUpper: '0', float: '0', serves: ['cn-card-in'] },
  // Seed example 3: channel 10,000–50,000 ∩ service 100–5,000 = no available range.
  { ref: 'cn-large', name: 'CN Large-ticket Gateway', provider: 'generic', currency: 'CNY', supportsDeposit: true, supportsPayout: false, paymentLower: '10000', paymentUpper: '50000', float: '0', serves: ['cn-wallet-in'] },
  { ref: 'cn-wallet', name: 'CN Alipay/WeChat Aggregator', provider: 'generic', currency: 'CNY', supportsDeposit: true, supportsPayout: false, paymentLower: '10', paymentUpper: '10000', float: '0', serves: ['cn-wallet-in'] },
  { ref: 'th-kbank', name: 'TH KBank QR', provider: 'generic', currency: 'THB', supportsDeposit: true, supportsPayout: true, paymentLower: '100', paymentUpper: '50000', payoutLower: '100', payoutUpper: '50000', float: '1000000', serves: ['th-in', 'th-out'] },
  { ref: 'th-scb', name: 'TH SCB Payout', provider: 'generic', currency: 'THB', supportsDeposit: false, supportsPayout: true, payoutLower: '500', payoutUpper: '200000', float: '600000', serves: ['th-out'], bounds: { 'th-out': ['1000', '150000'] } },
  { ref: 'vn-napas', name: 'VN Napas 247', provider: 'generic', currency: 'VND', supportsDeposit: true, supportsPayout: true, paymentLower: '10000', paymentUpper: '300000000', payoutLower: '50000', payoutUpper: '300000000', float: '2000000000', serves: ['vn-in', 'vn-out'] },
  { ref: 'id-va', name: 'ID Virtual Account Gateway', provider: 'generic', currency: 'IDR', supportsDeposit: true, supportsPayout: true, paymentLower: '10000', paymentUpper: '100000000', payoutLower: '10000', payoutUpper: '50000000', float: '1500000000', serves: ['id-in', 'id-out'] },
  { ref: 'br-pix', name: 'BR PIX Gateway', provider: 'generic', currency: 'BRL', supportsDeposit: true, supportsPayout: true, paymentLower: '1', paymentUpper: '50000', payoutLower: '1', payoutUpper: '50000', float: '500000', serves: ['br-in', 'br-out'] },
  { ref: 'usdt-trc20', name: 'USDT TRC20 Desk', provider: 'generic', currency: 'USDT', supportsDeposit: true, supportsPayout: true, paymentLower: '10', paymentUpper: '100000', payoutLower: '10', payoutUpper: '50000', float: '250000', serves: ['usdt-in', 'usdt-out', 'th-usdt-in'] }
]

export interface DemoMasterData {
  merchantIds: Record<DemoMarket, number>
  contractIds: Record<DemoMarket, number>
  serviceIds: Record<string, number>
  channelIds: Record<string, number>
}

export async function createDemoMasterData(db: Db, call: DemoCall, merchantIds: Record<DemoMarket, number>): Promise<DemoMasterData> {
  const contractIds = {} as Record<DemoMarket, number>
  const serviceIds: Record<string, number> = {}
  const channelIds: Record<string, number> = {}
  for (const m of DEMO_MERCHANTS) {
    const merchantId = merchantIds[m.key]
    const terms = CONTRACTS[m.key]
    contractIds[m.key] = findContract(db, merchantId, terms.name) ?? (await call('contracts.create', { merchantId, settlementCurrency: m.currency, ...terms })).id
    for (const [type, name] of [['web', 'Web checkout'], ['api', 'Server-to-server API']] as const) {
      const identifier = `${m.key.toUpperCase()}-${type.toUpperCase()}-01`
      if (!findTerminal(db, merchantId, identifier)) await call('terminals.create', { merchantId, type, identifier, name })
    }
    for (const { ref, ...service } of SERVICES[m.key]) {
      serviceIds[ref] = findService(db, merchantId, service.serviceType, service.direction, service.currency) ?? (await call('services.create', { merchantId, ...service })).id
    }
  }
  for (const { ref, float, serves, bounds, ...channel } of DEMO_CHANNELS) {
    const channelId = findChannel(db, channel.name) ?? (await call('channels.create', { ...channel, credentials: demoCredentials(ref) })).id
    channelIds[ref] = channelId
    // Idempotent by its request key: a second run posts nothing.
    if (Number(float) > 0) {
      await call('channels.adjustBalance', { channelId, kind: 'top_up', amount: float, reason: 'Demo: opening float wired to the provider', requestKey: `demo-float-${ref}` })
    }
    for (const service of serves) {
      if (bindingExists(db, channelId, serviceIds[service])) continue
      const [boundLower, boundUpper] = bounds?.[service] ?? ['0', '0']
      await call('bindings.create', { channelId, serviceId: serviceIds[service], boundLower, boundUpper })
    }
  }
  return { merchantIds, contractIds, serviceIds, channelIds }
}

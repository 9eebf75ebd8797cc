import { beforeAll, describe, expect, it } from 'vitest'
import { PERMISSIONS } from '../../../src/shared/permissions'
import { world, type World } from './support'

let w: World
beforeAll(async () => {
  w = await world()
})

type Limits = { lower: string; upper: string }

/** A channel and an activated service of Siam in CNY, bound, with the given bounds. */
async function pair(name: string, direction: 'deposit' | 'payout', channel: Limits, service: Limits, binding: Limits = { lower: '0', upper: '0' }) {
  const { t, admin, siam } = w
  const ch = await t.ok(
    'channels.create',
    direction === 'deposit'
      ? { name, provider: 'generic', currency: 'CNY', paymentLower: channel.lower, paymentUpper: channel.upper }
      : { name, provider: 'generic', currency: 'CNY', supportsDeposit: false, supportsPayout: true, payoutLower: channel.lower, payoutUpper: channel.upper },
    admin
  )
  const existing = (await t.ok('services.list', { merchantId: siam.id, serviceType: 'CNY_BANK_CARD', direction }, admin)).items[0]
  const svc =
    existing ??
    (await t.ok('services.create', { merchantId: siam.id, serviceType: 'CNY_BANK_CARD', direction, currency: 'CNY', activated: true }, admin))
  await t.ok('services.update', { id: svc.id, singleLower: service.lower, singleUpper: service.upper, activated: true }, admin)
  await t.ok('bindings.create', { channelId: ch.id, serviceId: svc.id, boundLower: binding.lower, boundUpper: binding.upper }, admin)
  return { channelId: ch.id, serviceId: svc.id }
}

describe('limits.availableRange over stored rows', () => {
  it('seed example 1: channel 100–50,000 ∩ service 500–20,000 = 500–20,000', async () => {
    const key = await pair('Seed one', 'deposit', { lower: '100', upper: '50000' }, { lower: '500', upper: '20000' })
    expect(await w.t.ok('limits.availableRange', key, w.admin)).toMatchObject({
      usable: true,
      currency: 'CNY',
      direction: 'deposit',
      lower: '500.00',
      upper: '20000.00',
      lowerSource: 'service',
      upperSource: 'service',
      reason: null,
      sources: { channel: { lower: '100.00', upper: '50000.00' }, service: { lower: '500.00', upper: '20000.00' }, binding: { lower: '0.00', upper: '0.00' } },
      channelAvailable: null,
      merchantAvailable: null
    })
  })

  it('seed example 2: channel 100–0 (no upper) ∩ service 500–20,000 = 500–20,000', async () => {
    const key = await pair('Seed two', 'deposit', { lower: '100', upper: '0' }, { lower: '500', upper: '20000' })
    expect(await w.t.ok('limits.availableRange', key, w.admin)).toMatchObject({ usable: true, lower: '500.00', upper: '20000.00', lowerSource: 'service', upperSource: 'service' })
  })

  it('seed example 3: channel 10,000–50,000 ∩ service 100–5,000 = no range, naming both sides', async () => {
    const key = await pair('Seed three', 'deposit', { lower: '10000', upper: '50000' }, { lower: '100', upper: '5000' })
    expect(await w.t.ok('limits.availableRange', key, w.admin)).toMatchObject({
      usable: false,
      lower: '10000.00',
      upper: '5000.00',
      lowerSource: 'channel',
      upperSource: 'service',
      reason: 'No available range: the upper limit 5,000.00 CNY (service) is below the lower limit 10,000.00 CNY (channel)'
    })
  })

  it('the binding (service_bounds) narrows the range and is named as the source', async () => {
    const key = await pair('Bound narrower', 'deposit', { lower: '100', upper: '50000' }, { lower: '500', upper: '20000' }, { lower: '1000', upper: '8000.50' })
    expect(await w.t.ok('limits.availableRange', key, w.admin)).toMatchObject({ usable: true, lower: '1000.00', upper: '8000.50', lowerSource: 'binding', upperSource: 'binding' })
  })

  it('an unbound pair, a disabled side or a service not activated answers usable=false with the reason', async () => {
    const { t, admin } = w
    const key = await pair('Toggled', 'deposit', { lower: '0', upper: '0' }, { lower: '0', upper: '0' })
    const range = () => t.ok('limits.availableRange', key, admin)
    expect(await range()).toMatchObject({ usable: true, lower: '0.00', upper: '0.00', lowerSource: null, upperSource: null })
    await t.ok('bindings.setStatus', { ...key, status: 'disabled' }, admin)
    expect((await range()).reason).toBe('the binding of this channel to the service is disabled')
    await t.ok('bindings.setStatus', { ...key, status: 'active' }, admin)
    await t.ok('channels.setStatus', { id: key.channelId, status: 'disabled' }, admin)
    expect(await range()).toMatchObject({ usable: false, reason: 'channel "Toggled" is disabled' })
    await t.ok('channels.setStatus', { id: key.channelId, status: 'active' }, admin)
    await t.ok('services.update', { id: key.serviceId, singleLower: '0', singleUpper: '0', activated: false }, admin)
    expect(await range()).toMatchObject({ usable: false, reason: 'the service is not activated' })
    await t.ok('services.update', { id: key.serviceId, singleLower: '0', singleUpper: '0', activated: true }, admin)

    const loose = await t.ok('channels.create', { name: 'Never bound', provider: 'generic', currency: 'CNY', paymentLower: '50' }, admin)
    expect(await t.ok('limits.availableRange', { serviceId: key.serviceId, channelId: loose.id }, admin)).toMatchObject({
      usable: false,
      reason: 'channel "Never bound" is not bound to this service',
      lower: '50.00',
      lowerSource: 'channel',
      sources: { binding: null }
    })
    const thb = await t.ok('channels.create', { name: 'Wrong currency', provider: 'generic', currency: 'THB', paymentLower: '99999' }, admin)
    expect(await t.ok('limits.availableRange', { serviceId: key.serviceId, channelId: thb.id }, admin)).toMatchObject({
      usable: false,
      reason: 'channel "Wrong currency" is in THB but the service is in CNY',
      lower: '0.00',
      sources: { channel: { lower: '99999.00' } }
    })
    expect(await t.call('limits.availableRange', { serviceId: 9999, channelId: thb.id }, admin)).toMatchObject({ status: 404 })
  })

  it("payout services also show the channel's and the merchant's available balances", async () => {
    const { t, admin, siam } = w
    const key = await pair('Payout wallet', 'payout', { lower: '10', upper: '0' }, { lower: '0', upper: '20000' })
    const contract = await t.ok('contracts.create', { merchantId: siam.id, name: 'Payout terms', settlementCurrency: 'CNY', validFrom: '2026-01-01' }, admin)
    t.core.ledger.post({
      idempotencyKey: 'limits-fund',
      description: 'settled deposits',
      merchantId: siam.id,
      contractId: contract.id,
      entries: [
        { account: { kind: 'channel', channelId: key.channelId, currency: 'CNY' }, delta: 3_000_000 },
        { account: { kind: 'merchant_available', merchantId: siam.id, currency: 'CNY' }, delta: 3_000_000, type: 0 }
      ]
    })
    t.core.ledger.hold({
      idempotencyKey: 'limits-hold',
      description: 'payout in flight',
      merchantId: siam.id,
      contractId: contract.id,
      entries: [
        { account: { kind: 'channel', channelId: key.channelId, currency: 'CNY' }, delta: -500_000 },
        { account: { kind: 'merchant_available', merchantId: siam.id, currency: 'CNY' }, delta: -500_000, type: 8 }
      ]
    })
    expect(await t.ok('limits.availableRange', key, admin)).toMatchObject({
      usable: true,
      direction: 'payout',
      lower: '10.00',
      upper: '20000.00',
      lowerSource: 'channel',
      upperSource: 'service',
      channelAvailable: '25000.00',
      merchantAvailable: '25000.00'
    })
  })

  it("is open to the order permissions and merchant-scoped: another merchant's service or an unseen channel is a 404", async () => {
    const { t, admin, saigon, operator } = w
    const own = await pair('Scoped range', 'deposit', { lower: '100', upper: '50000' }, { lower: '500', upper: '20000' })
    expect(await t.ok('limits.availableRange', own, operator)).toMatchObject({ usable: true, lower: '500.00' })

    const theirService = await t.ok('services.create', { merchantId: saigon.id, serviceType: 'CNY_ALIPAY_WECHAT', direction: 'deposit', currency: 'CNY', activated: true }, admin)
    const theirChannel = await t.ok('channels.create', { name: 'Saigon only', provider: 'generic', currency: 'CNY' }, admin)
    await t.ok('bindings.create', { channelId: theirChannel.id, serviceId: theirService.id }, admin)
    expect(await t.call('limits.availableRange', { serviceId: theirService.id, channelId: theirChannel.id }, operator)).toMatchObject({ status: 404 })
    expect(await t.call('limits.availableRange', { serviceId: own.serviceId, channelId: theirChannel.id }, operator)).toMatchObject({ status: 404 })
    // Creating an order on it answers as for a channel that does not exist (it named "Saigon only").
    const onTheirs = await t.call('orders.createDeposit', { serviceId: own.serviceId, channelId: theirChannel.id, amount: '600.00', fields: {} }, operator)
    expect(onTheirs).toMatchObject({ status: 400, field: 'channelId', message: `channelId: channel ${theirChannel.id} does not exist` })

    // A role with only the deposit-order code may ask; one with none of the codes may not.
    const orderOnly = await t.ok('roles.create', { name: 'Deposit clerk', permissions: [PERMISSIONS.OPERATION_PAYMENT_WRITE, PERMISSIONS.MASTER_DATA_READ] }, admin)
    const nothing = await t.ok('roles.create', { name: 'Audit reader', permissions: [PERMISSIONS.AUDIT_READ] }, admin)
    const password = 'Initial-pass-1'
    await t.ok('users.create', { username: 'clerk', displayName: 'Clerk', password, merchantId: null, roleIds: [orderOnly.id] }, admin)
    await t.ok('users.create', { username: 'reader', displayName: 'Reader', password, merchantId: null, roleIds: [nothing.id] }, admin)
    expect(await t.ok('limits.availableRange', own, await t.signIn('clerk', password))).toMatchObject({ usable: true })
    expect(await t.call('limits.availableRange', own, await t.signIn('reader', password))).toMatchObject({ status: 403, code: 'permission.missing' })
  })
})
